"""Signed links in buurtnetwerk e-mails: one per answer choice, and one to leave (no login)."""

from flask import current_app

from participatie.accounts import tokens
from participatie.notifications.mailqueue import external_url

ANSWER = "buurtnetwerk-answer"
LEAVE = "buurtnetwerk-leave"
DEFAULT_MAX_AGE = 30 * 24 * 3600  # an answer link works for 30 days (BUURTNETWERK_LINK_MAX_AGE)


def answer_link(user_id: int, question_id: int, position: int) -> str:
    token = tokens.make(ANSWER, {"u": user_id, "q": question_id, "c": position})
    return external_url("buurtnetwerk.answer_link", token=token)


def read_answer_token(token: str) -> dict:
    """{"u", "q", "c"}; raises tokens.LinkError when changed or too old."""
    data = tokens.read(ANSWER, token, current_app.config.get("BUURTNETWERK_LINK_MAX_AGE", DEFAULT_MAX_AGE))
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int) for k in ("u", "q", "c")):
        raise tokens.LinkError(expired=False)
    return data


def leave_link(user_id: int) -> str:
    return external_url("buurtnetwerk.leave", token=tokens.make(LEAVE, {"uid": user_id}))


def read_leave_token(token: str) -> int:
    """The user id; an old e-mail must still work, so the link does not expire."""
    data = tokens.read(LEAVE, token, max_age=None)
    if not isinstance(data, dict) or not isinstance(data.get("uid"), int):
        raise tokens.LinkError(expired=False)
    return data["uid"]
