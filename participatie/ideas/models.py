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
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import enum_column
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.status import SUPPORTABLE, EventKind, IdeaKind, IdeaStatus, Outcome  # noqa: F401 (EventKind re-exported)



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
        # The map's viewport queries and the list of the ideas in view read only this index.
        Index("ix_ideas_place", "hidden", "lat", "lng", "wijk_id", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[IdeaKind] = mapped_column(enum_column(IdeaKind, 10), index=True, active_history=True)
    title: Mapped[str] = mapped_column(String(140))
    body: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)  # short B1 summary, for the page and print
    lat: Mapped[float | None] = mapped_column(Float, active_history=True)
    lng: Mapped[float | None] = mapped_column(Float, active_history=True)
    street: Mapped[str | None] = mapped_column(String(120))
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id"), active_history=True)
    needs_csv: Mapped[str] = mapped_column(String(120), default="")
    offer: Mapped[str] = mapped_column(Text, default="")
    # The writer's interface language when they wrote the text (web.i18n.writer_language); None = unknown.
    lang: Mapped[str | None] = mapped_column(String(5))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[IdeaStatus] = mapped_column(enum_column(IdeaStatus), default=IdeaStatus.OPEN, index=True,
                                               active_history=True)
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
    support_count: Mapped[int] = mapped_column(Integer, default=0, active_history=True)
    join_count: Mapped[int] = mapped_column(Integer, default=0, active_history=True)
    # Supports a sociaal makelaar collected on paper (socialmap.offline); they count toward the threshold.
    # active_history on the columns ideas/counters.py follows: the old value is known when one changes.
    paper_support_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0", active_history=True)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, active_history=True)
    hidden_reason: Mapped[str | None] = mapped_column(String(20))  # a moderation reason code, shown in place
    # Kept in step by participatie.reactions (shown reactions) and ideas.photos (first shown photo).
    reaction_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    cover_photo_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, index=True)

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

    @hybrid_property
    def supporter_total(self) -> int:
        """THE number of people who support this idea: online supports plus supports a makelaar
        collected on paper. Every page, sheet, export, query and the threshold read this."""
        return (self.support_count or 0) + (self.paper_support_count or 0)

    @supporter_total.inplace.expression
    @classmethod
    def _supporter_total_sql(cls):
        return cls.support_count + cls.paper_support_count

    @property
    def support_missing(self) -> int:
        """Supporters still missing before the city responds (0 when there are enough)."""
        return max(self.wijk.required_support - self.supporter_total, 0)

    @property
    def has_enough_support(self) -> bool:
        return self.support_missing == 0

    def __repr__(self) -> str:
        return f"<Idea {self.id} {self.kind} {self.status}>"


# "Most supported first" sorts on the one support total: expression indexes (SQLite and PostgreSQL)
# let the list and the wijk sheet read it in order instead of sorting every idea of a wijk.
SUPPORTER_TOTAL_SQL = Idea.support_count + Idea.paper_support_count
Index("ix_ideas_supporter_total", Idea.hidden, SUPPORTER_TOTAL_SQL, Idea.id)
Index("ix_ideas_wijk_supporter_total", Idea.wijk_id, Idea.hidden, SUPPORTER_TOTAL_SQL, Idea.id)


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
    lang: Mapped[str | None] = mapped_column(String(5))  # of public_text, as Idea.lang
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
        # EXISTS, not IN: the database walks the list's own index in order and checks each idea's
        # theme by primary key, stopping at the page; IN first collected every idea of the theme
        # and sorted them (100,000 ideas, wijk + theme on SQLite: 11 ms -> 0.3 ms CPU for the page).
        query = query.where(
            select(IdeaTheme.idea_id).where(IdeaTheme.idea_id == Idea.id, IdeaTheme.theme == theme).exists()
        )
    if q:
        pattern = f"%{q.lower()}%"
        query = query.where(or_(func.lower(Idea.title).like(pattern), func.lower(Idea.body).like(pattern)))
    if bbox:
        south, west, north, east = bbox
        query = query.where(Idea.lat.between(south, north), Idea.lng.between(west, east))
    if sort == "support":
        return query.order_by(Idea.supporter_total.desc(), Idea.id.desc())
    return query.order_by(Idea.created_at.desc(), Idea.id.desc())


def timeline(idea_id: int):
    return select(IdeaEvent).where(IdeaEvent.idea_id == idea_id).order_by(IdeaEvent.created_at, IdeaEvent.id)
