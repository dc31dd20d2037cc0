"""Idea (a droom or idee at a place), its themes, and its append-only timeline."""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import enum_column
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.status import SUPPORTABLE, IdeaKind, IdeaStatus, Outcome



class IdeaTheme(db.Model):
    __tablename__ = "idea_themes"

    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True)
    theme: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)


class Idea(db.Model):
    __tablename__ = "ideas"
    __table_args__ = (
        Index("ix_ideas_listing", "hidden", "created_at"),
        Index("ix_ideas_wijk_listing", "wijk_id", "hidden", "created_at"),
        Index("ix_ideas_support", "hidden", "support_count"),
        Index("ix_ideas_wijk_totals", "hidden", "wijk_id", "support_count", "join_count"),
        Index("ix_ideas_wijk_support", "wijk_id", "hidden", "support_count", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[IdeaKind] = mapped_column(enum_column(IdeaKind, 10), index=True)
    title: Mapped[str] = mapped_column(String(140))
    body: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)  # short B1 summary, for the page and print
    lat: Mapped[float | None] = mapped_column(Float)
    lng: Mapped[float | None] = mapped_column(Float)
    street: Mapped[str | None] = mapped_column(String(120))
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id"))
    needs_csv: Mapped[str] = mapped_column(String(120), default="")
    offer: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[IdeaStatus] = mapped_column(enum_column(IdeaStatus), default=IdeaStatus.OPEN, index=True)
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome))
    response_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The one named contact inside the municipality (an ambassador), and since when.
    ambassador_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime)
    handover_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    endorsed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    endorsed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # While the city works on it, the next public update is due by this moment.
    update_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_answer_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    support_count: Mapped[int] = mapped_column(Integer, default=0)
    join_count: Mapped[int] = mapped_column(Integer, default=0)
    # Supports a sociaal makelaar collected on paper (socialmap.offline); they count toward the threshold.
    paper_support_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_reason: Mapped[str | None] = mapped_column(String(20))  # a moderation reason code, shown in place
    # Kept in step by participatie.reactions (shown reactions) and ideas.photos (first shown photo).
    reaction_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    cover_photo_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    author: Mapped[User | None] = relationship(lazy="joined", foreign_keys=[author_id])
    ambassador: Mapped[User | None] = relationship(lazy="joined", foreign_keys=[ambassador_id])
    endorsed_by: Mapped[User | None] = relationship(foreign_keys=[endorsed_by_id])
    wijk: Mapped[Wijk] = relationship(lazy="joined")
    theme_rows: Mapped[list[IdeaTheme]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by=IdeaTheme.theme
    )

    @property
    def themes(self) -> list[str]:
        return [row.theme for row in self.theme_rows]

    @themes.setter
    def themes(self, values: list[str]) -> None:
        self.theme_rows = [IdeaTheme(theme=t) for t in sorted(set(values))]

    @property
    def needs(self) -> list[str]:
        return [n for n in self.needs_csv.split(",") if n]

    @needs.setter
    def needs(self, values: list[str]) -> None:
        self.needs_csv = ",".join(sorted(set(values)))

    @property
    def has_location(self) -> bool:
        return self.lat is not None and self.lng is not None

    @property
    def accepts_support(self) -> bool:
        return self.status in SUPPORTABLE and not self.hidden

    @property
    def supporter_total(self) -> int:
        return self.support_count + self.join_count

    @property
    def threshold_support(self) -> int:
        """What counts toward the wijk's threshold: online supports plus paper supports."""
        return self.support_count + (self.paper_support_count or 0)

    def __repr__(self) -> str:
        return f"<Idea {self.id} {self.kind} {self.status}>"


class IdeaEvent(db.Model):
    """One line on an idea's public timeline. Rows are only ever added."""

    __tablename__ = "idea_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(24))
    old_status: Mapped[str | None] = mapped_column(String(24))
    new_status: Mapped[str | None] = mapped_column(String(24))
    public_text: Mapped[str] = mapped_column(Text, default="")
    internal_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(lazy="joined")


class Follow(db.Model):
    """Someone who wants to hear what happens with an idea."""

    __tablename__ = "follows"
    __table_args__ = (UniqueConstraint("idea_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    user: Mapped[User] = relationship(lazy="joined")


class IdeaPhoto(db.Model):
    """A photo the initiator added to an idea: a cleaned JPEG (no EXIF) and a small copy for cards,
    both kept in participatie.storage under the photo's random name."""

    __tablename__ = "idea_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    alt: Mapped[str] = mapped_column(String(300))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(40))  # in participatie.storage, see ideas.photos.key
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    hidden_at: Mapped[datetime | None] = mapped_column(DateTime)
    hidden_reason: Mapped[str | None] = mapped_column(String(20))

    idea: Mapped[Idea] = relationship()

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def wijk_id(self) -> int:
        return self.idea.wijk_id

    @property
    def author(self):
        return self.idea.author


def photos_of(idea_id: int):
    return select(IdeaPhoto).where(IdeaPhoto.idea_id == idea_id).order_by(IdeaPhoto.id)


class EventKind:
    CREATED = "created"
    UPDATE = "update"  # by the initiator
    EDITED = "edited"
    STATUS_CHANGE = "status_change"
    THRESHOLD = "threshold"
    ENDORSED = "endorsed"
    CLAIM = "claim"
    HANDOVER = "handover"
    RELEASE = "release"
    VOORGESPREK = "voorgesprek"
    ANSWER = "answer"  # a public answer by the municipality
    PROGRESS = "progress"  # an update by the municipality ("nog geen nieuws" counts)
    FOLLOWUP_ANSWER = "followup_answer"  # a resident's answer to "opgelost?" or "hoe gaat het nu?"
    CLOSED_NO_REPLY = "closed_no_reply"


def visible_ideas():
    """Base query for everything the public may see."""
    return select(Idea).where(Idea.hidden.is_(False))


def filtered_ideas(
    *, wijk_id=None, kind=None, theme=None, status=None, q=None, sort="newest", bbox=None
):
    """select() of visible ideas with the list filters applied, in the chosen order."""
    query = visible_ideas()
    if wijk_id:
        query = query.where(Idea.wijk_id == wijk_id)
    if kind:
        query = query.where(Idea.kind == kind)
    if status:
        query = query.where(Idea.status == status)
    if theme:
        query = query.where(
            Idea.id.in_(select(IdeaTheme.idea_id).where(IdeaTheme.theme == theme))
        )
    if q:
        pattern = f"%{q.lower()}%"
        query = query.where(or_(func.lower(Idea.title).like(pattern), func.lower(Idea.body).like(pattern)))
    if bbox:
        south, west, north, east = bbox
        query = query.where(Idea.lat.between(south, north), Idea.lng.between(west, east))
    if sort == "support":
        return query.order_by(Idea.support_count.desc(), Idea.id.desc())
    return query.order_by(Idea.created_at.desc(), Idea.id.desc())


def timeline(idea_id: int):
    return select(IdeaEvent).where(IdeaEvent.idea_id == idea_id).order_by(IdeaEvent.created_at, IdeaEvent.id)
