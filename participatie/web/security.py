"""Security headers and a per-request CSP nonce for the few inline scripts (the map)."""

import secrets

from flask import g
from flask_login import current_user


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def _content_security_policy(tile_origin: str) -> str:
    nonce = csp_nonce()
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            f"style-src 'self' 'nonce-{nonce}'",
            f"img-src 'self' data: {tile_origin}".strip(),
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def tile_origin(tile_url: str) -> str:
    """'https://service.pdok.nl' from a tile URL template."""
    if "://" not in tile_url:
        return ""
    scheme, rest = tile_url.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"


def add_security_headers(response, config) -> None:
    response.headers.setdefault(
        "Content-Security-Policy", _content_security_policy(tile_origin(config["TILE_URL"]))
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    response.headers.setdefault("Permissions-Policy", "geolocation=(self), camera=(), microphone=()")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")


def no_store_when_personal(response) -> None:
    """A response made for a logged-in person (settings, notifications, the worklists, admin pages,
    and every page that shows their name) is kept by no cache: not a proxy's, and not the browser's
    after logout on a shared computer. Responses that chose their own caching keep it."""
    if "Cache-Control" not in response.headers and current_user and current_user.is_authenticated:
        response.headers["Cache-Control"] = "private, no-store"
