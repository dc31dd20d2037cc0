"""The durable mail outbox: one row per outgoing message, written in the transaction of its cause."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from participatie.clock import utcnow
from participatie.extensions import db, enum_column


class OutboxStatus(StrEnum):
    PENDING = "pending"  # waiting for (another) attempt at next_attempt_at
    SENT = "sent"
    FAILED = "failed"  # gave up after MAIL_MAX_ATTEMPTS; an admin can try again


class OutboxMessage(db.Model):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    to: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    headers: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[OutboxStatus] = mapped_column(enum_column(OutboxStatus, 10), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)

    @property
    def as_mail(self) -> dict:
        return {"to": self.to, "subject": self.subject, "body": self.body, "headers": dict(self.headers or {})}

    @property
    def trouble(self) -> bool:
        """Tried and not sent (yet): the person who caused it may want to hear so."""
        return self.status != OutboxStatus.SENT and self.attempts > 0

    @staticmethod
    def unsent():
        """Failed and pending mail, failed first, oldest first (the admin page)."""
        return (select(OutboxMessage).where(OutboxMessage.status != OutboxStatus.SENT)
                .order_by(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.created_at))
