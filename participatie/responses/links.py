"""Signed one-click links in e-mails: feedback on an answer and follow-up answers (no login)."""

from flask import current_app, url_for

from participatie.accounts import tokens


def _external(endpoint: str, **values) -> str:
    return current_app.config["SITE_URL"].rstrip("/") + url_for(endpoint, **values)


def feedback_link(user_id: int, event_id: int, helpful: bool) -> str:
    token = tokens.make("feedback", {"u": user_id, "e": event_id, "h": helpful})
    return _external("responses.feedback_link", token=token)


def read_feedback_token(token: str) -> dict:
    return tokens.read("feedback", token, current_app.config["FEEDBACK_LINK_MAX_AGE"])


def followup_link(followup_id: int, yes: bool) -> str:
    token = tokens.make("followup", {"f": followup_id, "y": yes})
    return _external("responses.followup_link", token=token)


def read_followup_token(token: str) -> dict:
    return tokens.read("followup", token, current_app.config["FEEDBACK_LINK_MAX_AGE"])
