"""User and AuditLog tables."""

import secrets
from datetime import datetime
from enum import StrEnum

from flask_babel import gettext as _
from flask_login import UserMixin
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table, Text, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import enum_column
from participatie.extensions import db
from participatie.geo.models import Wijk

makelaar_wijken = Table(
    "makelaar_wijken",
    db.metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("wijk_id", Integer, ForeignKey("wijken.id", ondelete="CASCADE"), primary_key=True),
)


# Deleted accounts get an address under the reserved ".invalid" top-level domain (RFC 2606):
# it is unique, and no mail can ever reach it.
DELETED_EMAIL_DOMAIN = "deleted.invalid"


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


_DUMMY_HASH: list[str] = []


def waste_password_check(password: str) -> bool:
    """As much work as checking a real password, and always False: a login attempt for an
    address without an account (or without a password) takes as long as a wrong password."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(generate_password_hash(secrets.token_urlsafe(16)))
    check_password_hash(_DUMMY_HASH[0], password)
    return False


def placeholder_email(user_id: int) -> str:
    return f"deleted-{user_id}-{secrets.token_hex(6)}@{DELETED_EMAIL_DOMAIN}"


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # never shown to others
    # Read through `display_name` below: a deleted account shows as "Oud-deelnemer" everywhere.
    _display_name: Mapped[str] = mapped_column("display_name", String(80))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    email_verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    locale: Mapped[str] = mapped_column(String(5), default="nl")
    role: Mapped[Role] = mapped_column(
        enum_column(Role, 20),
        default=Role.RESIDENT,
    )
    department: Mapped[str | None] = mapped_column(String(120))
    consent_notifications_at: Mapped[datetime | None] = mapped_column(DateTime)
    consent_buurtnetwerk_at: Mapped[datetime | None] = mapped_column(DateTime)
    # "immediate" or "daily": how e-mail notifications arrive (only with consent).
    email_frequency: Mapped[str] = mapped_column(String(10), default="immediate", server_default="immediate")
    # Rotated on every e-mail login, so each login link works once.
    login_nonce: Mapped[str] = mapped_column(String(32), default=new_nonce)
    # Part of the id in every session and remember-me cookie (get_id): raising it ends them all,
    # also copies of the cookie (on logout, a password change, account deletion).
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    retention_warned_at: Mapped[datetime | None] = mapped_column(DateTime)  # "we remove it in 30 days"
    # Set when the person deleted their account: personal data is wiped, the row stays so the
    # public record (ideas, answers, counts) keeps its shape.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Set by a moderator (participatie.moderation): the person can read, but no longer write.
    blocked_at: Mapped[datetime | None] = mapped_column(DateTime)

    wijken: Mapped[list[Wijk]] = relationship(secondary=makelaar_wijken, order_by=Wijk.code)

    @hybrid_property
    def display_name(self) -> str:
        """The name others see. Every template and service reads names through this."""
        if self.deleted_at is not None:
            return _("Former participant")
        return self._display_name

    @display_name.inplace.setter
    def _display_name_setter(self, value: str) -> None:
        self._display_name = value

    @display_name.inplace.expression
    @classmethod
    def _display_name_expression(cls):
        return cls._display_name  # in SQL (ORDER BY) it is the stored column

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_blocked(self) -> bool:
        return self.blocked_at is not None

    @property
    def is_active(self) -> bool:
        """Flask-Login: a deleted account is never logged in, also not by an old session."""
        return self.deleted_at is None

    def get_id(self) -> str:
        """Flask-Login keeps this in the session and the remember-me cookie: "<id>.<session version>"."""
        return f"{self.id}.{self.session_version or 0}"

    def end_sessions(self) -> None:
        """Every session and remember-me cookie of this account stops working (the caller commits)."""
        self.session_version = (self.session_version or 0) + 1

    def set_password(self, password: str) -> None:
        """A new password ends the sessions that knew the old one (on creation there are none)."""
        if self.password_hash:
            self.end_sessions()
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        if not self.password_hash:
            return waste_password_check(password)
        return check_password_hash(self.password_hash, password)

    @property
    def last_active_at(self) -> datetime:
        return self.last_login_at or self.created_at

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class ConsentKind(StrEnum):
    NOTIFICATIONS = "notifications"  # e-mail about ideas one follows
    BUURTNETWERK = "buurtnetwerk"  # may be asked about one's wijk

    @property
    def label(self) -> str:
        return {ConsentKind.NOTIFICATIONS: _("E-mail about ideas you follow"),
                ConsentKind.BUURTNETWERK: _("Questions about your wijk (buurtnetwerk)")}[self]


class ConsentEvent(db.Model):
    """Every consent given or withdrawn, with its moment: the person sees this log in settings."""

    __tablename__ = "consent_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ConsentKind] = mapped_column(enum_column(ConsentKind, 20))
    given: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    user: Mapped["User"] = relationship()


def consent_log(user_id: int):
    return select(ConsentEvent).where(ConsentEvent.user_id == user_id).order_by(
        ConsentEvent.created_at.desc(), ConsentEvent.id.desc())


class AuditLog(db.Model):
    """Who changed whose role (and, later, moderation decisions)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    target_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    target_user: Mapped[User | None] = relationship(foreign_keys=[target_user_id])
