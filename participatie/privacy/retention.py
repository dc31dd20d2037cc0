"""Retention: what is no longer needed is removed (tick steps, each idempotent and counted).

- An account unused for RETENTION_INACTIVE_YEARS gets a warning mail, and RETENTION_WARNING_DAYS
  later it is anonymised like a deletion (its ideas stay as "Oud-deelnemer"). Logging in again
  in between keeps it.
- A guest's name and e-mail on a stadsgesprek sign-up go RETENTION_GUEST_RSVP_DAYS after the meeting.
- Sent mail leaves the outbox RETENTION_MAIL_DAYS after it was sent (failed mail stays for the admins).
"""

from datetime import datetime, timedelta

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from participatie.accounts.models import User
from participatie.accounts.services import expire_account
from participatie.conversations.models import Conversation, Rsvp
from participatie.extensions import db
from participatie.ops.mail import queue_mail
from participatie.ops.mail.models import OutboxMessage, OutboxStatus


def _inactive_since(now: datetime) -> datetime:
    return now - timedelta(days=365 * current_app.config["RETENTION_INACTIVE_YEARS"])


def _last_active():
    return func.coalesce(User.last_login_at, User.created_at)


def warn_inactive_accounts(now: datetime) -> int:
    """One warning per quiet period, RETENTION_WARNING_DAYS before the account is anonymised."""
    warn_days = timedelta(days=current_app.config["RETENTION_WARNING_DAYS"])
    query = select(User).where(
        User.deleted_at.is_(None), _last_active() <= _inactive_since(now) + warn_days,
        (User.retention_warned_at.is_(None)) | (User.retention_warned_at < _last_active()))
    count = 0
    for user in db.session.scalars(query.order_by(User.id)).all():
        user.retention_warned_at = now
        with force_locale(user.locale):
            queue_mail(user.email, _("We will remove your account soon"),
                       render_template("mail/retention_warning.txt", user=user,
                                       login=url_for("accounts.login", _external=True),
                                       days=warn_days.days))
        db.session.commit()
        count += 1
    return count


def anonymise_inactive_accounts(now: datetime) -> int:
    warn_days = timedelta(days=current_app.config["RETENTION_WARNING_DAYS"])
    query = select(User).where(
        User.deleted_at.is_(None), _last_active() <= _inactive_since(now),
        User.retention_warned_at.is_not(None), User.retention_warned_at >= _last_active(),
        User.retention_warned_at <= now - warn_days)
    return sum(1 for user in db.session.scalars(query.order_by(User.id)).all()
               if expire_account(user, now=now))


def forget_guest_sign_ups(now: datetime) -> int:
    """Guests gave their name and e-mail for one meeting; 90 days after it, both go."""
    cutoff = now - timedelta(days=current_app.config["RETENTION_GUEST_RSVP_DAYS"])
    query = (select(Rsvp).join(Conversation)
             .where(Rsvp.user_id.is_(None), Rsvp.email.is_not(None), Conversation.ends_at <= cutoff))
    rows = db.session.scalars(query).all()
    for rsvp in rows:
        rsvp.email = None
        rsvp.name = ""
        rsvp.share_contact = False
    db.session.commit()
    return len(rows)


def remove_sent_mail(now: datetime) -> int:
    cutoff = now - timedelta(days=current_app.config["RETENTION_MAIL_DAYS"])
    removed = db.session.execute(delete(OutboxMessage).where(
        OutboxMessage.status == OutboxStatus.SENT, OutboxMessage.sent_at <= cutoff)).rowcount
    db.session.commit()
    return removed or 0


TICK_STEPS = [
    ("retention_warnings", warn_inactive_accounts),
    ("retention_anonymised", anonymise_inactive_accounts),
    ("retention_guest_signups", forget_guest_sign_ups),
    ("retention_sent_mail", remove_sent_mail),
]
