"""Read-only print views (A4) and their PDFs: idea, wijk overview, flyer, support list, idea card."""
