"""Small helpers for htmx requests (partials vs. full pages)."""

from flask import request


def is_htmx() -> bool:
    """True when htmx made this request (and did not ask for a history restore)."""
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


def add_vary_header(response):
    """Pages and partials share URLs, so caches must key on HX-Request."""
    response.vary.add("HX-Request")
    return response
