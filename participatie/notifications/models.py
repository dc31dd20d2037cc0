"""In-app notifications; each may also go out by e-mail (immediately or in a digest)."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import DateTime, ForeignKey, Index, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea, IdeaEvent


# Messages that ask something get a button with plain words (to `link`, a path on this site).
ACTION_LABELS = {
    "followup_solved": _l("Give your answer"),
    "followup_how_now": _l("Give your answer"),
    "answer": _l("Read the answer and say if it helps"),
    "conversation_feedback": _l("Say how it was"),
    "buurtnetwerk_question": _l("Give your answer"),
    "buurtnetwerk_outcome": _l("Read what we do with it"),
}


class Notification(db.Model):
    """One message for one user. Never shared: every recipient gets their own row."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("idea_events.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    emailed_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship()
    idea: Mapped[Idea | None] = relationship()
    event: Mapped[IdeaEvent | None] = relationship()

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def action_label(self):
        """The words on the message's button, or None when the title link is enough."""
        return ACTION_LABELS.get(self.kind)

    def __repr__(self) -> str:
        return f"<Notification {self.id} {self.kind} user={self.user_id}>"


class WijkFollow(db.Model):
    """Someone who wants to hear about a whole wijk: new ideas, public answers, what changed."""

    __tablename__ = "wijk_follows"
    __table_args__ = (UniqueConstraint("wijk_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wijk_id: Mapped[int] = mapped_column(ForeignKey("wijken.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    user: Mapped[User] = relationship(lazy="joined")
    wijk: Mapped[Wijk] = relationship()


def for_user(user_id: int):
    """select() of a user's notifications, newest first."""
    return (select(Notification).where(Notification.user_id == user_id)
            .order_by(Notification.created_at.desc(), Notification.id.desc()))


def unread_for(user_id: int):
    return select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))


def digest_pending(user: User, until: datetime):
    """Unread, not yet mailed, created after consent and before `until`, oldest first."""
    return (select(Notification)
            .where(Notification.user_id == user.id, Notification.emailed_at.is_(None),
                   Notification.read_at.is_(None), Notification.created_at <= until,
                   Notification.created_at >= user.consent_notifications_at)
            .order_by(Notification.created_at, Notification.id))


def digest_candidates(until: datetime):
    """select() of users on the daily digest who have something to mail."""
    pending = (select(Notification.user_id)
               .where(Notification.emailed_at.is_(None), Notification.read_at.is_(None),
                      Notification.created_at <= until)
               .distinct())
    return (select(User)
            .where(User.id.in_(pending), User.consent_notifications_at.is_not(None),
                   User.email_verified_at.is_not(None), User.email_frequency == "daily")
            .order_by(User.id))


def unread_of_kinds(idea_id: int, kinds: tuple[str, ...]):
    """select() of the users who have an unread notification of one of these kinds on the idea."""
    return select(Notification.user_id).where(
        Notification.idea_id == idea_id, Notification.kind.in_(kinds), Notification.read_at.is_(None)).distinct()
