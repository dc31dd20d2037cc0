"""Tick step of the social map (run by `flask jobs tick`): the monthly worklist reminder.

Once per calendar month (Europe/Amsterdam) each makelaar with entries to check in their wijken
gets a message in the site, and an e-mail when they agreed to e-mail. A WorklistReminder row per
makelaar per month (unique) makes it idempotent: a tick every minute still sends one reminder.
"""

from datetime import UTC, datetime

from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.clock import AMSTERDAM
from participatie.extensions import db
from participatie.ops.mail import queue_mail
from participatie.notifications import rules as notification_rules
from participatie.notifications.mailqueue import absolute, mail_links
from participatie.notifications.models import Notification
from participatie.socialmap.models import WorklistReminder, stale_entries

KIND = "socialmap_worklist"


def month_of(now: datetime) -> str:
    """"2026-11": the calendar month in Amsterdam of a naive UTC time."""
    return now.replace(tzinfo=UTC).astimezone(AMSTERDAM).strftime("%Y-%m")


def _not_yet_reminded(month: str):
    reminded = exists().where(WorklistReminder.user_id == User.id, WorklistReminder.month == month)
    return select(User).where(User.role == Role.MAKELAAR, ~reminded).order_by(User.id)


def _stale_count(broker: User, now: datetime) -> int:
    wijk_ids = [w.id for w in broker.wijken]
    if not wijk_ids:
        return 0
    return db.session.scalar(select(func.count()).select_from(stale_entries(wijk_ids, now).subquery()))


def _record(broker: User, month: str, count: int, now: datetime) -> bool:
    """Claim this month's reminder; False when it was sent already."""
    try:
        with db.session.begin_nested():
            db.session.add(WorklistReminder(user_id=broker.id, month=month, stale_count=count, sent_at=now))
        return True
    except IntegrityError:
        return False


def _remind(broker: User, count: int, now: datetime) -> None:
    link = url_for("socialmap.worklist", _anchor="controleren")
    mailed = notification_rules.wants_email(broker)
    with force_locale(broker.locale or "nl"):
        subject = ngettext("%(num)d entry on the social map needs a check",
                           "%(num)d entries on the social map need a check", count)
        summary = _("Is it still right? Then one click on “%(button)s” on your worklist is enough.",
                    button=_("Still correct"))
        db.session.add(Notification(user=broker, kind=KIND, subject=subject[:200], body=summary, link=link,
                                    emailed_at=now if mailed else None))  # mailed: not again in a digest
        if mailed:
            links = mail_links(broker)
            body = render_template("socialmap/mail/worklist_reminder.txt", user=broker, count=count,
                                   link=absolute(link), **links)
            queue_mail(broker.email, subject, body, headers=links["headers"])


def remind_worklists(now: datetime) -> int:
    """The monthly reminder for every makelaar with stale entries; returns how many were sent."""
    month = month_of(now)
    sent = 0
    for broker in db.session.scalars(_not_yet_reminded(month)).all():
        count = _stale_count(broker, now)
        if count and _record(broker, month, count, now):
            _remind(broker, count, now)
            db.session.commit()
            sent += 1
    return sent


TICK_STEPS = [
    ("socialmap_worklist", remind_worklists),
]
