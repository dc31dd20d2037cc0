"""QR codes as inline SVG (segno), so every sheet leads back to its page on the site."""

from flask import current_app, url_for
from markupsafe import Markup


def public_url(endpoint: str, **values) -> str:
    """The page's address on the public site (config SITE_URL), also when printed from localhost."""
    return current_app.config["SITE_URL"].rstrip("/") + url_for(endpoint, **values)


def qr_svg(url: str, title: str = "") -> Markup:
    """An SVG that scales with CSS (no fixed size); black on white, medium error correction."""
    import segno

    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, omitsize=True, dark="#000", light="#fff",
                          svgclass="qr", lineclass=None, title=title or url)
    return Markup(svg)
