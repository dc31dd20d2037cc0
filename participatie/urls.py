"""URL helpers shared by several blueprints."""

from urllib.parse import urlsplit

from flask import url_for


def safe_next(target: str | None, default_endpoint: str = "dashboard.home") -> str:
    """Only same-site paths, so a ?next= link cannot send people to another site."""
    if not target:
        return url_for(default_endpoint)
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for(default_endpoint)
    return target
