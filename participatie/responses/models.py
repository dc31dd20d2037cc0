"""Voorgesprekken, residents' feedback on answers, follow-up questions and sent reminders."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint, select
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaEvent


class Voorgesprek(db.Model):
    """Which department or team the ambassador asked, when, and what they said."""

    __tablename__ = "voorgesprekken"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    ambassador_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    department: Mapped[str] = mapped_column(String(120))
    held_on: Mapped[date] = mapped_column(Date)
    internal_note: Mapped[str] = mapped_column(Text, default="")
    public_line: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    ambassador: Mapped[User | None] = relationship()


class AnswerFeedback(db.Model):
    """'Was dit een antwoord op de vraag?': one per person and answer, changeable."""

    __tablename__ = "answer_feedback"
    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("idea_events.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    helpful: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str | None] = mapped_column(String(5))  # of text: the writer's interface language
    # "Je mag mijn woorden zonder mijn naam laten zien": the figures pages may quote the text
    quote_ok: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class FollowUpKind(StrEnum):
    SOLVED = "solved"  # "Is dit voor u opgelost?" after done
    HOW_NOW = "how_now"  # "Hoe gaat het nu?" three weeks after closing


class FollowUp(db.Model):
    __tablename__ = "follow_ups"
    __table_args__ = (UniqueConstraint("idea_id", "user_id", "kind", "asked_at"),
                      Index("ix_follow_ups_kind_answered", "kind", "answer_yes", "answered_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answer_yes: Mapped[bool | None] = mapped_column(Boolean)
    text: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str | None] = mapped_column(String(5))  # of text: the writer's interface language
    quote_ok: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())  # may be quoted
    expired_at: Mapped[datetime | None] = mapped_column(DateTime)

    idea: Mapped[Idea] = relationship()
    user: Mapped[User] = relationship()

    @property
    def open(self) -> bool:
        return self.answered_at is None and self.expired_at is None


class Reminder(db.Model):
    """A reminder that was sent, so the tick never sends the same one twice."""

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("idea_id", "kind", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def feedback_counts(event_ids):
    """{event_id: (yes, no)} for the answers shown on a page, in one query."""
    from sqlalchemy import case, func

    if not event_ids:
        return {}
    query = select(
        AnswerFeedback.event_id,
        func.sum(case((AnswerFeedback.helpful.is_(True), 1), else_=0)),
        func.sum(case((AnswerFeedback.helpful.is_(False), 1), else_=0)),
    ).where(AnswerFeedback.event_id.in_(event_ids)).group_by(AnswerFeedback.event_id)
    return {row[0]: (int(row[1]), int(row[2])) for row in db.session.execute(query)}


def voorgesprekken_of(idea_id: int):
    return select(Voorgesprek).where(Voorgesprek.idea_id == idea_id).order_by(Voorgesprek.held_on)


__all__ = ["AnswerFeedback", "FollowUp", "FollowUpKind", "Reminder", "Voorgesprek", "IdeaEvent"]
