"""Routes of the social map: one blueprint, the pages grouped by who uses them."""

from flask import Blueprint

bp = Blueprint("socialmap", __name__)

from participatie.socialmap.views import connect, entries, uploads, work  # noqa: F401  (routes register on bp)
