"""Public overviews: the home page and a page per wijk."""
