"""A rule (of the gemeente, the provincie, the Rijk or someone else) and the ideas it blocks."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db, enum_column
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea

HOW_MAX = 300  # one plain sentence


class RuleLevel(StrEnum):
    GEMEENTE = "gemeente"
    PROVINCIE = "provincie"
    RIJK = "rijk"
    ANDERS = "anders"

    @property
    def label(self):
        return {RuleLevel.GEMEENTE: _l("Municipality"), RuleLevel.PROVINCIE: _l("Province"),
                RuleLevel.RIJK: _l("National government"), RuleLevel.ANDERS: _l("Other")}[self]


class BlockStatus(StrEnum):
    PROPOSED = "proposed"  # a makelaar proposed it; the ambassador (or an admin) confirms
    CONFIRMED = "confirmed"  # public: on the idea, its print sheet and /regels


class Regulation(db.Model):
    """One rule, named once; the same rule can block many ideas."""

    __tablename__ = "regulations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    level: Mapped[RuleLevel] = mapped_column(enum_column(RuleLevel, 20))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RegulationBlock(db.Model):
    """This rule is in the way of this idea, and how (one plain sentence)."""

    __tablename__ = "regulation_blocks"
    __table_args__ = (UniqueConstraint("regulation_id", "idea_id"),
                      Index("ix_regulation_blocks_status", "status", "regulation_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    regulation_id: Mapped[int] = mapped_column(ForeignKey("regulations.id", ondelete="CASCADE"))
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    how: Mapped[str] = mapped_column(Text)
    status: Mapped[BlockStatus] = mapped_column(enum_column(BlockStatus, 20), default=BlockStatus.PROPOSED)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)

    regulation: Mapped[Regulation] = relationship(lazy="joined")
    idea: Mapped[Idea] = relationship()
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])

    @property
    def confirmed(self) -> bool:
        return self.status == BlockStatus.CONFIRMED


def all_rules():
    return select(Regulation).order_by(func.lower(Regulation.name))


def blocks_of(idea_id: int, *, confirmed_only: bool = True):
    query = select(RegulationBlock).where(RegulationBlock.idea_id == idea_id)
    if confirmed_only:
        query = query.where(RegulationBlock.status == BlockStatus.CONFIRMED)
    return query.order_by(RegulationBlock.id)


def public_blocks():
    """select() of (block, rule, idea id, title, wijk name, wijk slug) for confirmed blocks on visible ideas."""
    return (select(RegulationBlock.regulation_id, RegulationBlock.how, Idea.id, Idea.title, Wijk.name, Wijk.slug,
                   Regulation.name, Regulation.level)
            .join(Idea, Idea.id == RegulationBlock.idea_id).join(Wijk, Wijk.id == Idea.wijk_id)
            .join(Regulation, Regulation.id == RegulationBlock.regulation_id)
            .where(RegulationBlock.status == BlockStatus.CONFIRMED, Idea.hidden.is_(False))
            .order_by(func.lower(Regulation.name), Regulation.id, Wijk.name, Idea.id))
