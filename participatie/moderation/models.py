"""A report of something people wrote (a reaction, an idea, a photo)."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db


class Report(db.Model):
    """One person's report of one item. Without a reporter: held for review (new accounts)
    or an objection by the writer."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("target_kind", "target_id", "reporter_id", name="uq_reports_once_per_person"),
        Index("ix_reports_open", "resolved_at", "created_at"),
        Index("ix_reports_target", "target_kind", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    target_kind: Mapped[str] = mapped_column(String(10))  # reaction | idea | photo
    target_id: Mapped[int] = mapped_column(Integer)
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id"), index=True)  # a makelaar's scope
    writer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(20))

    writer: Mapped[User | None] = relationship(foreign_keys=[writer_id])


def open_reports(kind: str, target_id: int):
    return (select(Report).where(Report.target_kind == kind, Report.target_id == target_id,
                                 Report.resolved_at.is_(None)).order_by(Report.created_at, Report.id))


def distinct_reporters(kind: str, target_id: int):
    """select() of the number of different people with an open report on the item."""
    return select(func.count(func.distinct(Report.reporter_id))).where(
        Report.target_kind == kind, Report.target_id == target_id, Report.resolved_at.is_(None),
        Report.reporter_id.is_not(None))


def queue(wijk_ids: list[int] | None):
    """select() of (kind, id, first report, number of reports) with open reports, oldest first.
    `wijk_ids` None: every wijk (admins)."""
    first = func.min(Report.created_at)
    query = (select(Report.target_kind, Report.target_id, first.label("first"), func.count(Report.id).label("n"))
             .where(Report.resolved_at.is_(None))
             .group_by(Report.target_kind, Report.target_id).order_by(first, Report.target_id))
    if wijk_ids is not None:
        query = query.where(Report.wijk_id.in_(wijk_ids))
    return query
