"""Signed links in conversation e-mails: confirm or cancel a guest's sign-up, feedback in one click."""

from flask import current_app, url_for

from participatie.accounts import tokens

CONFIRM, CANCEL, FEEDBACK = "conversation-rsvp", "conversation-cancel", "conversation-feedback"


def absolute(path: str) -> str:
    return current_app.config["SITE_URL"].rstrip("/") + path


def confirm_link(rsvp) -> str:
    token = tokens.make(CONFIRM, {"r": rsvp.id, "e": rsvp.email})
    return absolute(url_for("conversations.confirm_rsvp", token=token))


def read_confirm(token: str) -> dict:
    return tokens.read(CONFIRM, token, current_app.config.get("RSVP_LINK_MAX_AGE", 7 * 24 * 3600))


def cancel_path(rsvp) -> str:
    """The signed sign-off link as a path on the site in use (for a page); `cancel_link` for mail."""
    return url_for("conversations.cancel_by_link", token=tokens.make(CANCEL, {"r": rsvp.id}))


def cancel_link(rsvp) -> str:
    return absolute(cancel_path(rsvp))


def read_cancel(token: str) -> dict:
    return tokens.read(CANCEL, token, current_app.config["FEEDBACK_LINK_MAX_AGE"])


def feedback_link(conversation_id: int, *, rating: str, user_id: int | None = None, rsvp_id: int | None = None) -> str:
    token = tokens.make(FEEDBACK, {"c": conversation_id, "u": user_id, "r": rsvp_id, "g": rating})
    return absolute(url_for("conversations.feedback_by_link", token=token))


def read_feedback(token: str) -> dict:
    return tokens.read(FEEDBACK, token, current_app.config["FEEDBACK_LINK_MAX_AGE"])
