"""Stadsgesprek, its linked ideas, sign-ups (RSVP), action items and feedback afterwards.

Times are stored as naive UTC (like every timestamp column) and shown in Europe/Amsterdam.
"""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.conversations.status import (
    UNFINISHED,
    ActionStatus,
    ConversationStatus,
    InputUsed,
    OwnerKind,
    Rating,
)
from participatie.extensions import enum_column
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea
from participatie.socialmap.models import SocialMapEntry


class ConversationIdea(db.Model):
    """An idea talked about in a stadsgesprek."""

    __tablename__ = "conversation_ideas"

    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"),
                                                 primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True, index=True)

    idea: Mapped[Idea] = relationship(lazy="joined")


class Conversation(db.Model):
    __tablename__ = "conversations"
    __table_args__ = (Index("ix_conversations_listing", "status", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(140))
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    ends_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    venue: Mapped[str] = mapped_column(Text, default="")  # name and address, free text
    # The venue as a sociale-kaart entry (a buurthuis, a library); name/address/place are copied
    # so the page stays right when the entry is archived later.
    venue_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("socialmap_entries.id", ondelete="SET NULL", name="fk_conversations_venue_entry"))
    venue_lat: Mapped[float | None] = mapped_column(Float)
    venue_lng: Mapped[float | None] = mapped_column(Float)
    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    hearing_loop: Mapped[bool] = mapped_column(Boolean, default=False)
    childcare: Mapped[bool] = mapped_column(Boolean, default=False)
    language_support: Mapped[str] = mapped_column(String(200), default="")  # e.g. "Arabisch, Turks"
    capacity: Mapped[int] = mapped_column(Integer)
    invited: Mapped[str] = mapped_column(Text, default="")  # departments and organisations
    agenda: Mapped[str] = mapped_column(Text, default="")  # plain Dutch
    status: Mapped[ConversationStatus] = mapped_column(enum_column(ConversationStatus, 20), default=ConversationStatus.PLANNED)
    # The .ics SEQUENCE: raised on every new time, place or cancellation, so calendars that
    # imported the event replace it instead of keeping the old one (RFC 5545, 3.8.7.4).
    calendar_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str | None] = mapped_column(Text)  # short B1 summary, for the page and print
    report: Mapped[str] = mapped_column(Text, default="")
    report_verdict: Mapped[str | None] = mapped_column(String(40))
    report_posted_at: Mapped[datetime | None] = mapped_column(DateTime)
    feedback_asked_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    wijk: Mapped[Wijk] = relationship(lazy="joined")
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    confirmed_by: Mapped[User | None] = relationship(foreign_keys=[confirmed_by_id])
    venue_entry: Mapped[SocialMapEntry | None] = relationship()
    idea_links: Mapped[list[ConversationIdea]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def ideas(self) -> list[Idea]:
        return sorted((link.idea for link in self.idea_links), key=lambda i: (-i.supporter_total, i.id))

    @property
    def has_location(self) -> bool:
        return self.venue_lat is not None and self.venue_lng is not None

    def __repr__(self) -> str:
        return f"<Conversation {self.id} {self.status}>"


class Rsvp(db.Model):
    """A sign-up: with an account, or a guest with name and e-mail (confirmed by a link)."""

    __tablename__ = "conversation_rsvps"
    __table_args__ = (UniqueConstraint("conversation_id", "user_id"), UniqueConstraint("conversation_id", "email"))

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80), default="")  # guests only
    email: Mapped[str | None] = mapped_column(String(254))  # guests only; never shown to others
    share_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)  # at once with an account
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime)
    waitlisted: Mapped[bool] = mapped_column(Boolean, default=False)
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User | None] = relationship(lazy="joined")
    conversation: Mapped[Conversation] = relationship()

    @property
    def display_name(self) -> str:
        return self.user.display_name if self.user else self.name

    @property
    def address(self) -> str:
        if self.user:
            return "" if self.user.is_deleted else self.user.email  # never the placeholder
        return self.email or ""

    @property
    def active(self) -> bool:
        return self.cancelled_at is None and self.confirmed_at is not None

    @property
    def attending(self) -> bool:
        return self.active and not self.waitlisted


class ActionItem(db.Model):
    """What, who, by when: a concrete step after the conversation, tracked on the idea."""

    __tablename__ = "action_items"
    __table_args__ = (Index("ix_action_items_due", "status", "due_on"),
                      Index("ix_action_items_changed", "status", "updated_at"))  # "wat is er veranderd"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text)
    owner_kind: Mapped[OwnerKind] = mapped_column(enum_column(OwnerKind, 20))
    owner: Mapped[str] = mapped_column(String(120), default="")  # a name or a department
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus, 20), default=ActionStatus.OPEN)
    reason: Mapped[str] = mapped_column(Text, default="")  # why it was dropped
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    conversation: Mapped[Conversation] = relationship(lazy="joined")
    idea: Mapped[Idea] = relationship(lazy="joined")
    owner_user: Mapped[User | None] = relationship()

    @property
    def who(self) -> str:
        return self.owner or (self.owner_user.display_name if self.owner_user else str(self.owner_kind.label))

    def is_overdue(self, today: date) -> bool:
        return self.status in UNFINISHED and self.due_on < today


class ConversationFeedback(db.Model):
    """'Hoe vond je het gesprek? Is er met je inbreng iets gedaan?' One per person, changeable."""

    __tablename__ = "conversation_feedback"
    __table_args__ = (UniqueConstraint("conversation_id", "user_id"), UniqueConstraint("conversation_id", "rsvp_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    rsvp_id: Mapped[int | None] = mapped_column(ForeignKey("conversation_rsvps.id", ondelete="CASCADE"))
    rating: Mapped[Rating] = mapped_column(enum_column(Rating, 20))
    input_used: Mapped[InputUsed | None] = mapped_column(enum_column(InputUsed, 20))
    text: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str | None] = mapped_column(String(5))  # of text: the writer's interface language
    # "Je mag mijn woorden zonder mijn naam laten zien": the figures pages may quote the text
    quote_ok: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def listing(wijk_id: int | None = None):
    """select() of public conversations (proposals are not public yet)."""
    query = select(Conversation).where(Conversation.status != ConversationStatus.PROPOSED)
    if wijk_id:
        query = query.where(Conversation.wijk_id == wijk_id)
    return query


def rsvps_of(conversation_id: int):
    return select(Rsvp).where(Rsvp.conversation_id == conversation_id).order_by(Rsvp.created_at, Rsvp.id)


def actions_query(wijk_id: int | None = None):
    query = select(ActionItem).join(Conversation).order_by(ActionItem.due_on, ActionItem.id)
    if wijk_id:
        query = query.where(Conversation.wijk_id == wijk_id)
    return query
