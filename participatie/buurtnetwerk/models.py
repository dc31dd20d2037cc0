"""Buurtnetwerk tables: who may be asked in which wijk, the questions, their choices and the answers."""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo.models import Wijk

MAX_CHOICES = 5


class Membership(db.Model):
    """A resident in the buurtnetwerk of one wijk (only while the buurtnetwerk consent is given)."""

    __tablename__ = "buurtnetwerk_members"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id", ondelete="CASCADE"), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    user: Mapped[User] = relationship()
    wijk: Mapped[Wijk] = relationship()


class Question(db.Model):
    """One short question to the buurtnetwerk of one wijk; public with its results."""

    __tablename__ = "buurtnetwerk_questions"
    __table_args__ = (Index("ix_buurtnetwerk_questions_wijk_time", "wijk_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id", ondelete="CASCADE"))
    asker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_to: Mapped[int] = mapped_column(Integer, default=0)  # members asked
    outcome: Mapped[str | None] = mapped_column(Text)  # "Dit doen we ermee"
    outcome_at: Mapped[datetime | None] = mapped_column(DateTime)

    wijk: Mapped[Wijk] = relationship()
    asker: Mapped[User | None] = relationship()
    choices: Mapped[list["Choice"]] = relationship(order_by="Choice.position", cascade="all, delete-orphan",
                                                   back_populates="question")


class Choice(db.Model):
    __tablename__ = "buurtnetwerk_choices"
    __table_args__ = (UniqueConstraint("question_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("buurtnetwerk_questions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(120))

    question: Mapped[Question] = relationship(back_populates="choices")


class Answer(db.Model):
    """One answer per person and question; changing it is allowed. Words are shown (without a
    name) only when quote_ok."""

    __tablename__ = "buurtnetwerk_answers"
    __table_args__ = (UniqueConstraint("question_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("buurtnetwerk_questions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    choice_id: Mapped[int] = mapped_column(ForeignKey("buurtnetwerk_choices.id", ondelete="CASCADE"))
    words: Mapped[str] = mapped_column(Text, default="")
    quote_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    user: Mapped[User] = relationship()
    choice: Mapped[Choice] = relationship()


def members_of(wijk_id: int):
    """select() of the users in a wijk's buurtnetwerk who still give the consent."""
    return (select(User).join(Membership, Membership.user_id == User.id)
            .where(Membership.wijk_id == wijk_id, User.consent_buurtnetwerk_at.is_not(None),
                   User.deleted_at.is_(None))
            .order_by(User.id))


def questions_of(wijk_id: int):
    return select(Question).where(Question.wijk_id == wijk_id).order_by(Question.created_at.desc(), Question.id.desc())


def counts_of(question_id: int):
    """select() of (choice_id, number of answers)."""
    return (select(Answer.choice_id, func.count(Answer.id)).where(Answer.question_id == question_id)
            .group_by(Answer.choice_id))


def quotes_of(question_id: int):
    """select() of the words people allowed to show (no names), newest first."""
    return (select(Answer).where(Answer.question_id == question_id, Answer.quote_ok.is_(True), Answer.words != "")
            .order_by(Answer.updated_at.desc(), Answer.id.desc()))
