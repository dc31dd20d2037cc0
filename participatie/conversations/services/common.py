"""Small helpers shared by the conversation services."""

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from participatie.conversations.models import Conversation, ConversationIdea, Rsvp
from participatie.conversations.status import ConversationStatus
from participatie.web.errors import DomainValidationError
from participatie.extensions import db
from participatie.ideas import workflow
from participatie.ideas.models import IdeaEvent
from participatie.ideas.status import EventKind, IdeaStatus
from participatie.ideas.workflow import Notice


def _t(message: str, **variables) -> str:
    """System-written timeline text: in the site's default language (the public record)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _(message, **variables)


def require(text: str | None, field: str, message: str) -> str:
    if not (text or "").strip():
        raise DomainValidationError(message, field=field)
    return text.strip()


def leave_conversation_planned(idea, conversation: Conversation, actor, text: str, kind: EventKind,
                               notice: Notice, now) -> IdeaEvent:
    """The conversation is held or cancelled: an idea that waited for it (and for no other planned
    one) goes back to "the city works on it"; otherwise the news is only a line on the timeline."""
    if idea.status == IdeaStatus.CONVERSATION_PLANNED and not _other_planned(idea, conversation):
        return workflow.move(idea, IdeaStatus.IN_PROGRESS, actor, text, kind=kind, notice=notice, now=now)
    return workflow.record(idea, kind, actor, text, created_at=now, notice=notice)


def _other_planned(idea, conversation: Conversation) -> bool:
    query = (select(Conversation.id).join(ConversationIdea)
             .where(ConversationIdea.idea_id == idea.id, Conversation.id != conversation.id,
                    Conversation.status == ConversationStatus.PLANNED))
    return db.session.scalar(query.limit(1)) is not None


def signed_up(conversation: Conversation) -> list[Rsvp]:
    query = select(Rsvp).where(Rsvp.conversation_id == conversation.id, Rsvp.cancelled_at.is_(None),
                               Rsvp.confirmed_at.is_not(None))
    return db.session.scalars(query.order_by(Rsvp.id)).all()


def link(conversation, **values) -> str:
    return url_for("conversations.detail", conversation_id=conversation.id, **values)


def external(endpoint: str, **values) -> str:
    return current_app.config["SITE_URL"].rstrip("/") + url_for(endpoint, **values)


def locked(conversation: Conversation) -> None:
    """Lock the conversation row FOR UPDATE (PostgreSQL), so places are counted one at a time."""
    db.session.execute(select(Conversation.id).where(Conversation.id == conversation.id).with_for_update())
