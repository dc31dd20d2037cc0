"""Notify people: an in-app message for each, e-mail for those who agreed to it.

The responses, supports and conversations domains call `notify` / `notify_followers` from
their own services; these functions never commit, so the caller's one commit covers both
the change and its notifications (and the e-mail leaves only after that commit).
"""

from collections.abc import Callable, Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, url_for
from flask_babel import force_locale
from sqlalchemy import delete, update

from participatie.accounts.models import ConsentKind, User
from participatie.accounts.services import set_consent
from participatie.accounts.signals import account_deleted
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.ideas import workflow
from participatie.ideas.models import Follow
from participatie.notifications import mailqueue, rules
from participatie.notifications.models import (
    Notification,
    WijkFollow,
    digest_candidates,
    digest_pending,
    unread_for,
    unread_of_kinds,
)

TextValue = str | Callable[[User], str]  # or a flask_babel LazyString
DIGEST_HOUR = 8  # local time (Europe/Amsterdam) of the daily digest; config DIGEST_HOUR
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _text(value, user: User) -> str:
    """A string for this user, in the user's language (call inside force_locale)."""
    return str(value(user) if callable(value) else value)


def notify(users: Iterable[User], *, kind: str, idea=None, event=None, subject: TextValue, body: TextValue,
           link: str, exclude: User | None = None, mail_body: TextValue | None = None,
           once_per_idea: tuple[str, ...] = (), mailer: Callable | None = None) -> list[Notification]:
    """One notification per user (never the actor), e-mail for those on "immediate".

    `body` is what the message says in the app: plain words, no links (the page shows a button to
    `link`, a path on the site in use). `mail_body`, when given, replaces it in the e-mail only:
    that is where signed one-click links (made absolute with SITE_URL) belong.
    `once_per_idea` (notification kinds): skip whoever still has an unread notification of one of
    these kinds on this idea, so a busy conversation makes one message (and at most one mail, also
    in a digest) per idea until it is read.
    `mailer(user, notification)`, when given, decides about the e-mail itself (the buurtnetwerk
    writes its own mail, with its own consent and one-click links)."""
    seen = {exclude.id} if exclude is not None else set()
    if once_per_idea and idea is not None:
        seen |= set(db.session.scalars(unread_of_kinds(idea.id, once_per_idea)))
    created = []
    for user in users:
        if user is None or user.id in seen or user.is_deleted:  # a deleted account hears nothing
            continue
        seen.add(user.id)
        created.append(_notify_one(user, kind=kind, idea=idea, event=event,
                                   subject=subject, body=body, link=link, mail_body=mail_body, mailer=mailer))
    return created


def _notify_one(user, *, kind, idea, event, subject, body, link, mail_body=None, mailer=None) -> Notification:
    with force_locale(user.locale or "nl"):
        notification = Notification(user=user, kind=kind, idea=idea, event=event, link=link[:300],
                                    subject=_text(subject, user)[:200], body=_text(body, user))
    db.session.add(notification)
    if mailer is not None:
        mailer(user, notification)
    elif rules.wants_immediate_email(user):
        notification.emailed_at = utcnow()
        with force_locale(user.locale or "nl"):
            text = _text(mail_body, user) if mail_body is not None else None
        mailqueue.queue_notification_mail(user, notification, body=text)
    return notification


def notify_followers(idea, **kwargs) -> list[Notification]:
    """Everyone who follows the idea (the author and supporters follow automatically)."""
    return notify(ideas.followers(idea), idea=idea, **kwargs)


@workflow.idea_moved.connect
@workflow.event_recorded.connect
def tell_followers(idea, *, event, actor, notice=None, **_extra) -> None:
    """The workflow announced an event: the followers hear what its notice says (if it has one)."""
    if notice is None:
        return
    link = notice.link or url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn")
    notify_followers(idea, kind=notice.kind or event.kind, event=event, subject=notice.subject, body=notice.body,
                     mail_body=notice.mail_body_for(event), link=link, exclude=actor)


def unread_count(user) -> int:
    if not (user and user.is_authenticated):
        return 0
    return db.session.scalar(unread_for(user.id)) or 0


def get_for(user, notification_id: int) -> Notification | None:
    """The user's own notification, or None (someone else's is as good as missing)."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or not rules.can_view_notification(user, notification):
        return None
    return notification


def mark_read(user, notification_id: int | None = None) -> None:
    """Mark one notification (or, with None, all of them) read."""
    query = update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    db.session.execute(query.values(read_at=utcnow()), execution_options={"synchronize_session": False})
    db.session.commit()


def unsubscribe(user_id: int) -> User | None:
    """Stop all notification e-mail: the consent is withdrawn. In-app messages stay."""
    user = db.session.get(User, user_id)
    if user is not None and user.consent_notifications_at is not None:
        set_consent(user, ConsentKind.NOTIFICATIONS, False)
        db.session.commit()
    return user


def digest_moment(now: datetime) -> datetime:
    """The latest digest time (DIGEST_HOUR in Amsterdam) at or before `now`, as naive UTC."""
    hour = current_app.config.get("DIGEST_HOUR", DIGEST_HOUR)
    local = now.replace(tzinfo=ZoneInfo("UTC")).astimezone(AMSTERDAM)
    moment = datetime.combine(local.date(), time(hour), tzinfo=AMSTERDAM)
    if moment > local:
        moment = datetime.combine(local.date() - timedelta(days=1), time(hour), tzinfo=AMSTERDAM)
    return moment.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def send_digests(now: datetime) -> int:
    """One digest per "daily" user with unread, unmailed notifications from before today's
    digest time. Marks them mailed in the same transaction as queuing the mail: running it
    again sends nothing new. Returns the number of digests."""
    until = digest_moment(now)
    sent = 0
    for user in db.session.scalars(digest_candidates(until)).all():
        if not rules.wants_digest(user):
            continue
        pending = db.session.scalars(digest_pending(user, until)).all()
        if not pending:
            continue
        for notification in pending:
            notification.emailed_at = now
        mailqueue.queue_digest_mail(user, pending)
        sent += 1
    db.session.commit()
    return sent


@account_deleted.connect
def forget_deleted_account(user, **_extra) -> None:
    """Account deletion: their follows and messages go (the deletion commits once)."""
    db.session.execute(delete(Follow).where(Follow.user_id == user.id))
    db.session.execute(delete(WijkFollow).where(WijkFollow.user_id == user.id))
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
