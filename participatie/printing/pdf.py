"""HTML to PDF with WeasyPrint, and what to do when its system libraries (pango) are missing.

``load_weasyprint()`` decides: the module, or ``None`` when it cannot be imported (the Python
package or libpango/libharfbuzz missing). The views then serve the print page itself with a
clear message, so the "PDF" link never ends in an error page.
"""

import importlib
import logging
from pathlib import Path

from flask import current_app

log = logging.getLogger(__name__)


def load_weasyprint(importer=importlib.import_module):
    try:
        return importer("weasyprint")
    except (ImportError, OSError) as exc:  # OSError: "cannot load library 'libpango-1.0-0'"
        log.warning("PDF export is off: WeasyPrint cannot be loaded (%s). Run `make print-deps`.", exc)
        return None


def print_css() -> str:
    """The print stylesheet, inlined into the PDF's HTML: WeasyPrint fetches nothing."""
    return (Path(current_app.static_folder) / "css" / "print.css").read_text(encoding="utf-8")


def offline_fetcher(weasyprint):
    """A URL fetcher that only reads data: URLs (no requests to other hosts, or to ourselves).

    WeasyPrint 68+ wants a ``URLFetcher`` subclass; older versions a function.
    """
    def refuse(url):
        raise ValueError(f"Not fetched while printing: {url}")

    base = getattr(weasyprint, "URLFetcher", None)
    if isinstance(base, type):
        class Offline(base):
            def fetch(self, url, *args, **kwargs):
                return super().fetch(url, *args, **kwargs) if url.startswith("data:") else refuse(url)
        return Offline()

    def fetch(url, *args, **kwargs):
        return weasyprint.default_url_fetcher(url, *args, **kwargs) if url.startswith("data:") else refuse(url)
    return fetch


def html_to_pdf(weasyprint, html: str, base_url: str) -> bytes:
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=offline_fetcher(weasyprint))
    return document.write_pdf()
