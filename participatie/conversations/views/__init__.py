"""Stadsgesprekken pages: public list and page with .ics, planning, sign-up, report and actions."""

from flask import Blueprint

bp = Blueprint("conversations", __name__)

from participatie.conversations.views import after, pages, planning, signup  # noqa: F401
from participatie.conversations.views.globals import register_globals

register_globals(bp)
