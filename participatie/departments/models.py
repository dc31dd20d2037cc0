"""Departments, the questions an ambassador asks them, the escalation ladder and its steps taken."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db, enum_column
from participatie.ideas.models import Idea


class Department(db.Model):
    """A department the city's ambassadors ask (Verkeer, Groen …): a shared mailbox, never a person."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    mailbox: Mapped[str] = mapped_column(String(320))
    team_lead_email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AskOutcome(StrEnum):
    CAN = "can"
    CANNOT = "cannot"
    MORE_TIME = "more_time"


class DepartmentAsk(db.Model):
    """One question to one department about one idea, with a due date in working days.

    The mail carries a signed link with `nonce`; the link works until `answered_at` is set or
    `expires_at` passes (so a forwarded link works, a used one does not)."""

    __tablename__ = "department_asks"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="CASCADE"), index=True)
    asked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    question: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    nonce: Mapped[str] = mapped_column(String(32))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answer_public: Mapped[str] = mapped_column(Text, default="")
    answer_internal: Mapped[str] = mapped_column(Text, default="")
    picked_up_by: Mapped[str] = mapped_column(String(120), default="")
    answered_by: Mapped[str] = mapped_column(String(120), default="")
    outcome: Mapped[AskOutcome | None] = mapped_column(enum_column(AskOutcome, 10))
    more_time_until: Mapped[date | None] = mapped_column(Date)
    late_recorded_at: Mapped[datetime | None] = mapped_column(DateTime)

    idea: Mapped[Idea] = relationship()
    department: Mapped[Department] = relationship()
    asked_by: Mapped[User | None] = relationship()

    @property
    def is_open(self) -> bool:
        return self.answered_at is None


def asks_of(idea_id: int):
    return select(DepartmentAsk).where(DepartmentAsk.idea_id == idea_id).order_by(DepartmentAsk.asked_at,
                                                                                   DepartmentAsk.id)


class LadderStep(db.Model):
    """One rung of the escalation ladder: who gets the case, and how long they have."""

    __tablename__ = "ladder_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120))
    mailbox: Mapped[str | None] = mapped_column(String(320))  # None: the department's team lead
    working_days: Mapped[int] = mapped_column(Integer, default=5)


class Escalation(db.Model):
    """An idea moved to one step of the ladder (once per step: the unique key makes ticks idempotent)."""

    __tablename__ = "escalations"
    __table_args__ = (UniqueConstraint("idea_id", "step_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    step_number: Mapped[int] = mapped_column(Integer)
    step_name: Mapped[str] = mapped_column(String(120))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(320), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    nonce: Mapped[str] = mapped_column(String(32))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_by: Mapped[str] = mapped_column(String(120), default="")
    assigned_to: Mapped[str] = mapped_column(String(120), default="")

    idea: Mapped[Idea] = relationship()
    department: Mapped[Department | None] = relationship()


class HighImpact(db.Model):
    """An idea the ambassador marked "grote impact" (health, safety, many people)."""

    __tablename__ = "idea_high_impact"

    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    marked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
