"""Open data: CSV and GeoJSON downloads without personal data, and Atom feeds without login."""
