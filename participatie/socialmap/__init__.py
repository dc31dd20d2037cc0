"""De sociale kaart: what already exists in the wijk, curated by sociaal makelaars, and its links to ideas."""
