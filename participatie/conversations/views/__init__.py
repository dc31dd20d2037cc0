"""Stadsgesprekken pages: public list and page with .ics, planning, sign-up, report and actions.

The rules the templates use are Jinja globals, registered with the others in participatie/web/jinja.py.
"""

from flask import Blueprint

bp = Blueprint("conversations", __name__)

from participatie.conversations.views import after, editing, pages, planning, signup  # noqa: E402, F401
