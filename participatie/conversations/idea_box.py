"""The "Stadsgesprek" box on an idea page: the conversations the idea is talked about in.

Two queries whatever the number of conversations: the conversations, and the places taken
in those still open for sign-up.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import lazyload

from participatie.clock import utcnow
from participatie.conversations.models import Conversation, ConversationIdea
from participatie.conversations.services.rsvp import attending_counts
from participatie.conversations.status import ConversationStatus
from participatie.extensions import db

C = ConversationStatus
SHOWN = (C.PLANNED, C.HELD)  # proposals are not public; a cancelled one is on the timeline
MAX_SHOWN = 10


@dataclass(frozen=True)
class BoxItem:
    conversation: Conversation
    past: bool
    places_left: int | None  # None: sign-up is not open (started, held)

    @property
    def has_report(self) -> bool:
        return bool(self.conversation.report)

    @property
    def place(self) -> str:
        return next((line.strip() for line in self.conversation.venue.splitlines() if line.strip()), "")


def conversations_for_idea(idea, now: datetime | None = None) -> list[BoxItem]:
    """Coming conversations first (soonest first), then earlier ones (latest first)."""
    now = now or utcnow()
    query = (select(Conversation).join(ConversationIdea, ConversationIdea.conversation_id == Conversation.id)
             .where(ConversationIdea.idea_id == idea.id, Conversation.status.in_(SHOWN))
             .options(lazyload(Conversation.idea_links))
             .order_by(Conversation.starts_at.desc()).limit(MAX_SHOWN))
    rows = db.session.scalars(query).all()
    open_ids = [c.id for c in rows if c.status == C.PLANNED and c.starts_at > now]
    taken = attending_counts(open_ids)
    items = [BoxItem(c, past=c.status == C.HELD or c.ends_at < now,
                     places_left=max(0, c.capacity - taken.get(c.id, 0)) if c.id in open_ids else None)
             for c in rows]
    coming = sorted((i for i in items if not i.past), key=lambda i: i.conversation.starts_at)
    return coming + [i for i in items if i.past]
