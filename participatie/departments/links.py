"""Signed links in department mails: answer an ask, or open an escalated case. Not tied to a person
(the mail can be forwarded); single use through a nonce stored with the ask or the step."""

import secrets

from flask import current_app, url_for

from participatie.accounts import tokens
from participatie.accounts.tokens import LinkError

ASK, CASE = "department-ask", "escalation-case"
MAX_AGE = 60 * 24 * 3600  # the signature's own limit; the real term is the row's (time-travel aware)


def new_nonce() -> str:
    return secrets.token_hex(16)


def absolute(path: str) -> str:
    return current_app.config["SITE_URL"].rstrip("/") + path


def ask_path(ask) -> str:
    return url_for("departments.answer_form", token=tokens.make(ASK, {"a": ask.id, "n": ask.nonce}))


def case_path(escalation) -> str:
    return url_for("departments.case_page", token=tokens.make(CASE, {"e": escalation.id, "n": escalation.nonce}))


def read(purpose: str, token: str) -> dict:
    """The payload; LinkError(expired=False) when the signature is wrong."""
    data = tokens.read(purpose, token, MAX_AGE)
    if not isinstance(data, dict):
        raise LinkError(expired=False)
    return data
