"""URL helpers shared by several blueprints."""

from urllib.parse import urlsplit

from flask import current_app, url_for


def safe_next(target: str | None, default_endpoint: str = "dashboard.home") -> str:
    """Only same-site paths, so a ?next= link cannot send people to another site."""
    if not target:
        return url_for(default_endpoint)
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for(default_endpoint)
    return target


def site_request_context():
    """A request context on the public site address, for CLI commands and jobs that build links."""
    return current_app.test_request_context("/", base_url=current_app.config["SITE_URL"])
