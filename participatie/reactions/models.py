"""A reaction on an idea, or a reply to one (one level deep)."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas.models import Idea


class RoleMark:
    """Who speaks for whom, fixed when the reaction is written."""

    AMBASSADOR = "ambassador"
    MAKELAAR = "makelaar"


class Reaction(db.Model):
    __tablename__ = "reactions"
    __table_args__ = (
        Index("ix_reactions_thread", "idea_id", "parent_id", "created_at", "id"),
        Index("ix_reactions_author_time", "author_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("reactions.id", ondelete="CASCADE"), index=True)
    # Kept when the account is deleted: the name then reads "Oud-deelnemer" (User.display_name).
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(5))  # the writer's interface language (as Idea.lang)
    role_mark: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)  # by the writer: the text is gone
    hidden_at: Mapped[datetime | None] = mapped_column(DateTime)  # by moderation: reason shown in place
    hidden_reason: Mapped[str | None] = mapped_column(String(20))
    # One optional photo, cleaned like every photo (storage.images); hidden and deleted with the reaction.
    photo_alt: Mapped[str | None] = mapped_column(String(300))
    photo_width: Mapped[int | None] = mapped_column(Integer)
    photo_height: Mapped[int | None] = mapped_column(Integer)
    photo_name: Mapped[str | None] = mapped_column(String(40))  # in storage: ideas.photos.key(name)

    author: Mapped[User | None] = relationship(lazy="joined")
    idea: Mapped[Idea] = relationship()

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def shown(self) -> bool:
        return not (self.is_deleted or self.hidden)

    @property
    def has_photo(self) -> bool:
        return self.photo_alt is not None

    @property
    def wijk_id(self) -> int:
        return self.idea.wijk_id


def top_level(idea_id: int):
    """select() of an idea's reactions (not replies), oldest first: newest last on the page."""
    return (select(Reaction).where(Reaction.idea_id == idea_id, Reaction.parent_id.is_(None))
            .order_by(Reaction.created_at, Reaction.id))


def replies_to(parent_ids: list[int]):
    return (select(Reaction).where(Reaction.parent_id.in_(parent_ids))
            .order_by(Reaction.created_at, Reaction.id))


def shown_count(idea_id: int):
    """select() of the number of reactions that anyone can read (the counter on the idea)."""
    return select(func.count(Reaction.id)).where(
        Reaction.idea_id == idea_id, Reaction.deleted_at.is_(None), Reaction.hidden_at.is_(None))


def recent_shown(idea_id: int, limit: int = 3):
    return (select(Reaction).where(Reaction.idea_id == idea_id, Reaction.deleted_at.is_(None),
                                   Reaction.hidden_at.is_(None))
            .order_by(Reaction.created_at.desc(), Reaction.id.desc()).limit(limit))


def written_since(user_id: int, since: datetime):
    return select(func.count(Reaction.id)).where(Reaction.author_id == user_id, Reaction.created_at >= since)
