"""Support: one per user, idea and kind (steun or meedoen)."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from participatie.clock import utcnow
from participatie.extensions import enum_column
from participatie.extensions import db


class SupportKind(StrEnum):
    STEUN = "steun"
    MEEDOEN = "meedoen"


class Support(db.Model):
    __tablename__ = "supports"
    __table_args__ = (UniqueConstraint("idea_id", "user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[SupportKind] = mapped_column(
        enum_column(SupportKind, 10)
    )
    offer: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def supports_of(user_id: int, idea_id: int):
    return select(Support).where(Support.user_id == user_id, Support.idea_id == idea_id)
