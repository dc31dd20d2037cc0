"""Change a planned conversation (time, place, places, agenda) and its short B1 summary."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from participatie.clock import utcnow
from participatie.conversations import rules
from participatie.conversations.models import Conversation
from participatie.conversations.services import notices
from participatie.conversations.services.common import locked
from participatie.conversations.services.common import signed_up
from participatie.conversations.services.planning import ConversationInput, apply_details
from participatie.conversations.services.rsvp import attending_count, fill_free_places
from participatie.conversations.status import ConversationStatus
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.ideas.services import clean_summary
from participatie.plainlanguage import check_text


def _check_capacity(conversation: Conversation, capacity: int | None) -> None:
    """Fewer places than people already coming would quietly drop someone: refuse it."""
    coming = attending_count(conversation.id)
    if capacity is not None and capacity < coming:
        raise DomainValidationError(ngettext(
            "%(num)d person is already signed up. You cannot make the number of places smaller than that.",
            "%(num)d people are already signed up. You cannot make the number of places smaller than that.",
            coming), field="capacity")


def update_conversation(actor, conversation: Conversation, data: ConversationInput, *,
                        now: datetime | None = None) -> Conversation:
    """Same fields as planning, not the ideas. A new time or place is told to everyone signed up,
    with the old and the new value; more places move people up from the waiting list."""
    if not rules.can_edit(actor, conversation):
        raise NotAllowed("edit conversation")
    now = now or utcnow()
    locked(conversation)  # places are counted one at a time, also against sign-ups
    _check_capacity(conversation, data.capacity)
    before = (conversation.starts_at, conversation.ends_at, conversation.venue)
    apply_details(actor, conversation, data, now, default_wijk=conversation.wijk, current=conversation)
    moved = before[:2] != (conversation.starts_at, conversation.ends_at)
    relocated = before[2].strip() != conversation.venue.strip()
    if moved or relocated:
        conversation.calendar_sequence += 1
    if conversation.status == ConversationStatus.PLANNED:
        db.session.flush()
        if conversation.starts_at > now:
            fill_free_places(conversation)
        if moved or relocated:
            _tell_change(conversation, before, moved, relocated)
    db.session.commit()
    return conversation


def _tell_change(conversation: Conversation, before: tuple, moved: bool, relocated: bool) -> None:
    for rsvp in signed_up(conversation):
        if moved:
            rsvp.reminded_at = None  # a reminder before the new moment
        notices.tell(rsvp, kind="conversation_changed", body_template="conversations/mail/changed.txt",
                     subject=_l("Changed: “%(title)s”", title=conversation.title),
                     old_starts=before[0] if moved else None, old_ends=before[1],
                     old_venue=before[2] if relocated else None)


def set_summary(actor, conversation: Conversation, text: str):
    """Save the short B1 summary (empty removes it) and return the B1 check of it.
    The checker only advises; it never blocks a summary."""
    if not rules.can_edit_summary(actor, conversation):
        raise NotAllowed("edit summary")
    conversation.summary = clean_summary(text)
    db.session.commit()
    return check_text(conversation.summary or "")
