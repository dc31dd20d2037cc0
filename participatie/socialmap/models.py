"""Social-map entries with their edit log, residents' suggestions, links to ideas, and what
makelaars collect offline (ideas entered on behalf of a resident, paper supports)."""

from datetime import date, datetime, timedelta

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
    or_,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import enum_column
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea
from participatie.socialmap.vocab import STALE_AFTER_DAYS, Audience, Cost, EditAction, EntryKind, LinkKind



class SocialMapEntry(db.Model):
    """An initiative, organisation, meeting place or recurring activity that already exists."""

    __tablename__ = "socialmap_entries"
    # The list of one wijk, and of the whole city (ordered by name; a sort of every entry otherwise).
    __table_args__ = (Index("ix_socialmap_entries_wijk_listing", "wijk_id", "archived", "name"),
                      Index("ix_socialmap_entries_listing", "archived", "name", "id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[EntryKind] = mapped_column(enum_column(EntryKind, 20), index=True)
    name: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text, default="")
    # ",groen,ontmoeten," (leading and trailing commas make LIKE '%,groen,%' exact)
    themes_csv: Mapped[str] = mapped_column(String(200), default="")
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id"))
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lng: Mapped[float | None] = mapped_column(Float)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    times: Mapped[str] = mapped_column(String(300), default="")
    evening: Mapped[bool] = mapped_column(Boolean, default=False)
    weekend: Mapped[bool] = mapped_column(Boolean, default=False)
    cost: Mapped[Cost] = mapped_column(enum_column(Cost, 10), default=Cost.FREE)
    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    languages: Mapped[str] = mapped_column(String(200), default="")
    signup_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    suitable_for: Mapped[Audience] = mapped_column(enum_column(Audience, 10), default=Audience.EVERYONE)
    curated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Optional photo: a re-encoded JPEG (resized, EXIF stripped) under instance/uploads/socialmap/.
    photo_filename: Mapped[str | None] = mapped_column(String(80))
    photo_alt: Mapped[str] = mapped_column(String(200), default="")
    photo_width: Mapped[int | None] = mapped_column(Integer)
    photo_height: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    wijk: Mapped[Wijk] = relationship(lazy="joined")
    curated_by: Mapped[User | None] = relationship(foreign_keys=[curated_by_id])
    verified_by: Mapped[User | None] = relationship(foreign_keys=[verified_by_id], lazy="joined")

    @property
    def themes(self) -> list[str]:
        return [t for t in self.themes_csv.split(",") if t]

    @themes.setter
    def themes(self, values: list[str]) -> None:
        values = sorted(set(values))
        self.themes_csv = f",{','.join(values)}," if values else ""

    @property
    def has_location(self) -> bool:
        return self.lat is not None and self.lng is not None

    def is_stale(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return self.verified_at is None or self.verified_at < now - timedelta(days=STALE_AFTER_DAYS)

    def __repr__(self) -> str:
        return f"<SocialMapEntry {self.id} {self.kind} {self.name!r}>"


class EntryEdit(db.Model):
    """Who did what to an entry, and which fields changed. Rows are only ever added."""

    __tablename__ = "socialmap_entry_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("socialmap_entries.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))  # an EditAction value
    changes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(lazy="joined")

    @property
    def action_label(self):
        """The action in the reader's language; an unknown (older) value as it is."""
        try:
            return EditAction(self.action).label
        except ValueError:
            return self.action


class Suggestion(db.Model):
    """A resident's tip: a new entry, or a correction of an existing one. Goes to the wijk's makelaars."""

    __tablename__ = "socialmap_suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("socialmap_entries.id", ondelete="CASCADE"), index=True)
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(140), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(Text)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    entry: Mapped[SocialMapEntry | None] = relationship()
    wijk: Mapped[Wijk] = relationship(lazy="joined")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="joined")


class IdeaLink(db.Model):
    """A link made by a makelaar or ambassador: idea -> entry, or idea -> idea. Never a merge."""

    __tablename__ = "socialmap_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("socialmap_entries.id", ondelete="CASCADE"), index=True)
    other_idea_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[LinkKind] = mapped_column(enum_column(LinkKind, 20))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    idea: Mapped[Idea] = relationship(foreign_keys=[idea_id])
    other_idea: Mapped[Idea | None] = relationship(foreign_keys=[other_idea_id])
    entry: Mapped[SocialMapEntry | None] = relationship()
    created_by: Mapped[User | None] = relationship()


class CollectedIdea(db.Model):
    """An idea a makelaar wrote down for a resident ("opgehaald"). Contact details only with consent."""

    __tablename__ = "socialmap_collected_ideas"

    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True)
    collected_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    occasion: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    collected_by: Mapped[User | None] = relationship(lazy="joined")

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_phone or self.contact_email)


class PaperSupport(db.Model):
    """Supports collected on paper (a list at the market, cards at the door)."""

    __tablename__ = "socialmap_paper_supports"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    count: Mapped[int] = mapped_column(Integer)
    collected_where: Mapped[str] = mapped_column(String(200))
    collected_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    added_by: Mapped[User | None] = relationship(lazy="joined")


def active_entries():
    return select(SocialMapEntry).where(SocialMapEntry.archived.is_(False))


def filtered_entries(*, wijk_id=None, kind=None, theme=None, free=False, step_free=False, evening=False,
                     weekend=False, no_signup=False, audience=None, q=None, bbox=None):
    """select() of active entries with the list filters applied, by name."""
    query = active_entries()
    if wijk_id:
        query = query.where(SocialMapEntry.wijk_id == wijk_id)
    if kind:
        query = query.where(SocialMapEntry.kind == kind)
    if theme:
        query = query.where(SocialMapEntry.themes_csv.like(f"%,{theme},%"))
    if free:
        query = query.where(SocialMapEntry.cost == Cost.FREE)
    if step_free:
        query = query.where(SocialMapEntry.step_free.is_(True))
    if evening:
        query = query.where(SocialMapEntry.evening.is_(True))
    if weekend:
        query = query.where(SocialMapEntry.weekend.is_(True))
    if no_signup:
        query = query.where(SocialMapEntry.signup_needed.is_(False))
    if audience:
        query = query.where(SocialMapEntry.suitable_for.in_([audience, Audience.EVERYONE]))
    if q:
        pattern = f"%{q.lower()}%"
        query = query.where(or_(SocialMapEntry.name.ilike(pattern), SocialMapEntry.description.ilike(pattern),
                                SocialMapEntry.address.ilike(pattern)))
    if bbox:
        south, west, north, east = bbox
        query = query.where(SocialMapEntry.lat.between(south, north), SocialMapEntry.lng.between(west, east))
    return query.order_by(SocialMapEntry.name, SocialMapEntry.id)


def entry_with_photo(filename: str):
    return select(SocialMapEntry).where(SocialMapEntry.photo_filename == filename)


def stale_entries(wijk_ids, now: datetime):
    """Active entries in these wijken (None: all) not checked for six months, oldest check first."""
    limit = now - timedelta(days=STALE_AFTER_DAYS)
    query = active_entries().where(or_(SocialMapEntry.verified_at.is_(None), SocialMapEntry.verified_at < limit))
    if wijk_ids is not None:
        query = query.where(SocialMapEntry.wijk_id.in_(wijk_ids))
    return query.order_by(SocialMapEntry.verified_at.is_not(None), SocialMapEntry.verified_at, SocialMapEntry.id)


def open_suggestions(wijk_ids):
    query = select(Suggestion).where(Suggestion.handled_at.is_(None))
    if wijk_ids is not None:
        query = query.where(Suggestion.wijk_id.in_(wijk_ids))
    return query.order_by(Suggestion.created_at, Suggestion.id)


def links_of_idea(idea_id: int):
    """Links from or to this idea."""
    return (select(IdeaLink).where(or_(IdeaLink.idea_id == idea_id, IdeaLink.other_idea_id == idea_id))
            .order_by(IdeaLink.created_at, IdeaLink.id))


def links_of_entry(entry_id: int):
    return select(IdeaLink).where(IdeaLink.entry_id == entry_id).order_by(IdeaLink.created_at, IdeaLink.id)


def paper_supports_of(idea_id: int):
    return select(PaperSupport).where(PaperSupport.idea_id == idea_id).order_by(PaperSupport.collected_on,
                                                                                  PaperSupport.id)


class WorklistReminder(db.Model):
    """The monthly "check these entries" mail to a makelaar: one row per makelaar per month,
    so the job can run every minute and still send each reminder once."""

    __tablename__ = "socialmap_worklist_reminders"
    __table_args__ = (UniqueConstraint("user_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # "2026-11", Europe/Amsterdam
    stale_count: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
