"""Small helpers shared by the conversation services."""

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from participatie.conversations.models import Conversation
from participatie.web.errors import DomainValidationError
from participatie.extensions import db
from participatie.ideas.models import IdeaEvent


def _t(message: str, **variables) -> str:
    """System-written timeline text: in the site's default language (the public record)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _(message, **variables)


def require(text: str | None, field: str, message: str) -> str:
    if not (text or "").strip():
        raise DomainValidationError(message, field=field)
    return text.strip()


def event(idea, actor, kind, public_text="", *, old=None, new=None, created_at=None) -> IdeaEvent:
    row = IdeaEvent(idea_id=idea.id, actor=actor, kind=kind, public_text=public_text,
                    old_status=old, new_status=new)
    if created_at is not None:
        row.created_at = created_at
    db.session.add(row)
    db.session.flush()
    return row


def link(conversation, **values) -> str:
    return url_for("conversations.detail", conversation_id=conversation.id, **values)


def external(endpoint: str, **values) -> str:
    return current_app.config["SITE_URL"].rstrip("/") + url_for(endpoint, **values)


def locked(conversation: Conversation) -> None:
    """Lock the conversation row FOR UPDATE (PostgreSQL), so places are counted one at a time."""
    db.session.execute(select(Conversation.id).where(Conversation.id == conversation.id).with_for_update())
