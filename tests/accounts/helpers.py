"""Small helpers for the accounts tests: page text, translations, links in mails, reloads."""

import html
import re

from flask import current_app
from flask_babel import force_locale, gettext

from participatie.accounts.models import User
from participatie.extensions import db



def text(response) -> str:
    """The response body with HTML entities decoded, so translated text can be searched."""
    return html.unescape(response.get_data(as_text=True))


def tr(message: str, locale: str = "nl", **values) -> str:
    """`message` as the site shows it in `locale` (the catalogue decides the wording)."""
    with current_app.test_request_context(), force_locale(locale):
        return gettext(message, **values)


def html_lang(response) -> str | None:
    match = re.search(r'<html lang="([a-z-]+)"', response.get_data(as_text=True))
    return match.group(1) if match else None


def field_error(response, field_id: str) -> str:
    """The error text rendered next to a form field (the macro gives it id '<field>-err')."""
    match = re.search(rf'id="{field_id}-err">(.*?)</div>', response.get_data(as_text=True), re.S)
    return html.unescape(match.group(1)) if match else ""


def link_in(body: str, path: str) -> str:
    """The first absolute link in a mail body whose path starts with `path`; returns the path."""
    match = re.search(rf"https?://[^/\s]+({re.escape(path)}[^\s]+)", body)
    assert match, f"no {path} link in mail:\n{body}"
    return match.group(1)


def reload(user: User) -> User:
    """Requests run in their own session; read the row again."""
    db.session.expire_all()
    return db.session.get(User, user.id)


def users_count() -> int:
    return db.session.query(User).count()
