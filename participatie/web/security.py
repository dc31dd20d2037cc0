"""Security headers and a per-request CSP nonce for the few inline scripts (the map)."""

import secrets

from flask import g


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
