"""Every outgoing message goes through the outbox table; a sender delivers it, with retries.

`queue_mail` adds a row to the current database session, so the message is stored in the SAME
transaction as its cause: a rollback drops both, a commit keeps both. Right after the commit
the new rows are handed on:

- with REDIS_URL: as RQ jobs on the queue "mail" (the worker delivers them);
- without it, or when Redis does not answer (logged once): delivered in this process at once.

Whatever is still pending after that (SMTP down, a worker that died, Redis gone) is delivered
by the `mail` step of `flask jobs tick`. A failed attempt waits MAIL_RETRY_SECONDS x 4^(n-1)
(30 s, 2 min, 8 min, ...); after MAIL_MAX_ATTEMPTS the message is marked failed and listed for
admins at /admin/mail, who can try again. Every attempt first claims the row with one
conditional UPDATE, so two senders never deliver the same message twice.
"""

import logging
from datetime import datetime, timedelta

from flask import current_app, has_app_context
from sqlalchemy import event, func, inspect, select, update

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ops.mail.models import OutboxMessage, OutboxStatus
from participatie.ops.mail.transport import send_mail
from participatie.web import metrics

log = logging.getLogger(__name__)

NEW = "participatie.outbox_new"  # key in Session.info: rows added in the open transaction
DUE_BATCH = 200  # messages per tick step
_redis_down = False  # logged once, until Redis answers again


def queue_mail(to: str, subject: str, body: str, headers: dict | None = None) -> OutboxMessage:
    """Store a message in the current transaction; it leaves after the commit."""
    message = OutboxMessage(to=to, subject=str(subject)[:300], body=str(body), headers=dict(headers or {}),
                            status=OutboxStatus.PENDING, attempts=0, next_attempt_at=utcnow())
    session = db.session()
    session.add(message)
    session.info.setdefault(NEW, []).append(message)
    return message


def backoff(attempts: int) -> timedelta:
    base = current_app.config["MAIL_RETRY_SECONDS"]
    return timedelta(seconds=min(base * 4 ** max(attempts - 1, 0), 6 * 3600))


# --- delivering one message ------------------------------------------------------------------

def _claim(message_id: int, now: datetime) -> OutboxMessage | None:
    """Take a due, pending message for one attempt (its own transaction). None when another
    sender has it, it is not due, or it is gone. The attempt's lease is the retry wait."""
    table = OutboxMessage.__table__
    with db.engine.begin() as conn:
        attempts = conn.execute(select(table.c.attempts).where(table.c.id == message_id)).scalar()
        if attempts is None:
            return None
        claimed = conn.execute(
            update(table)
            .where(table.c.id == message_id, table.c.status == OutboxStatus.PENDING.value,
                   table.c.next_attempt_at <= now, table.c.attempts == attempts)
            .values(attempts=attempts + 1, next_attempt_at=now + backoff(attempts + 1))
        ).rowcount
        if not claimed:
            return None
        row = conn.execute(select(table).where(table.c.id == message_id)).one()
    return OutboxMessage(**row._asdict())  # detached copy: never joins the caller's session


def _finish(message: OutboxMessage, error: str | None, now: datetime) -> None:
    table = OutboxMessage.__table__
    if error is not None:
        metrics.count_mail_failure()
    if error is None:
        values = {"status": OutboxStatus.SENT.value, "sent_at": now, "last_error": None}
    elif message.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        values = {"status": OutboxStatus.FAILED.value, "last_error": error[:500]}
        log.error("Gave up on mail %s to %s after %d attempts: %s", message.id, message.to, message.attempts, error)
    else:
        values = {"last_error": error[:500]}
        log.warning("Mail %s to %s not sent (attempt %d), trying again later: %s",
                    message.id, message.to, message.attempts, error)
    with db.engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == message.id).values(**values))


def deliver(message_id: int, now: datetime | None = None) -> bool | None:
    """One attempt at one message. True: sent; False: failed (retried later or given up);
    None: not ours to send now (sent, not due, or another sender has it). Never raises."""
    now = now or utcnow()
    message = _claim(message_id, now)
    if message is None:
        return None
    try:
        send_mail(**message.as_mail)
    except Exception as exc:  # noqa: BLE001 - SMTP, DNS, TLS: every failure waits for a retry
        _finish(message, f"{type(exc).__name__}: {exc}", now)
        return False
    _finish(message, None, now)
    return True


def deliver_due(now: datetime) -> int:
    """The tick step: one attempt at every due pending message; returns how many were sent."""
    db.session.commit()  # our claims run on other connections: hold no open write
    ids = db.session.scalars(
        select(OutboxMessage.id).where(OutboxMessage.status == OutboxStatus.PENDING,
                                       OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at).limit(DUE_BATCH)).all()
    db.session.commit()
    sent = sum(1 for message_id in ids if deliver(message_id, now))
    _report_size()
    return sent


def _report_size() -> None:
    """The outbox gauge for /metrics: how many messages wait and how many failed."""
    counts = dict(db.session.execute(
        select(OutboxMessage.status, func.count()).where(OutboxMessage.status != OutboxStatus.SENT)
        .group_by(OutboxMessage.status)).all())
    metrics.set_mail_outbox(pending=counts.get(OutboxStatus.PENDING, 0), failed=counts.get(OutboxStatus.FAILED, 0))
    db.session.commit()


def retry(message: OutboxMessage) -> None:
    """An admin's "try again": a failed or waiting message is due now, with fresh attempts."""
    message.status = OutboxStatus.PENDING
    message.attempts = 0
    message.next_attempt_at = utcnow()
    db.session.info.setdefault(NEW, []).append(message)
    db.session.commit()


# --- after the commit: hand new messages on ----------------------------------------------------

def dispatch(ids: list[int]) -> None:
    """RQ when REDIS_URL is set and answers; else deliver in this process now."""
    queue = _rq_queue() if current_app.config.get("REDIS_URL") else None
    for message_id in ids:
        if queue is None or not _enqueue(queue, message_id):
            deliver(message_id)


def _rq_queue():
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(current_app.config["REDIS_URL"], socket_connect_timeout=2, socket_timeout=2)
    return Queue(current_app.config.get("MAIL_QUEUE") or "mail", connection=connection)


def _enqueue(queue, message_id: int) -> bool:
    global _redis_down
    from redis.exceptions import RedisError

    try:
        queue.enqueue(deliver_job, message_id)
    except RedisError as exc:
        if not _redis_down:
            log.error("Redis does not answer (%s): mail is sent from the web process and the tick "
                      "until it is back", exc)
        _redis_down = True
        return False
    if _redis_down:
        log.warning("Redis answers again: mail goes through the RQ queue")
    _redis_down = False
    return True


def deliver_job(message_id: int) -> bool | None:
    """RQ job: one attempt, in a freshly built app (the worker has none). A failed attempt is
    tried again by a later job (when the RQ scheduler runs) or by `flask jobs tick`."""
    from participatie import create_app

    app = create_app()
    with app.app_context():
        sent = deliver(message_id)
        if sent is False:
            _schedule_retry(message_id)
        return sent


def _schedule_retry(message_id: int) -> None:
    from redis.exceptions import RedisError

    row = db.session.get(OutboxMessage, message_id)
    if row is None or row.status != OutboxStatus.PENDING:
        return
    try:
        _rq_queue().enqueue_at(row.next_attempt_at.replace(tzinfo=None), deliver_job, message_id)
    except RedisError:
        log.warning("Could not schedule a retry of mail %s in RQ; the tick will send it", message_id)


def _after_commit(session) -> None:
    new = session.info.pop(NEW, None)
    if not new:
        return
    ids = [key[0] for message in new if (key := inspect(message).identity)]
    if not has_app_context():
        log.warning("Committed outside an app context: %d mail(s) wait for the tick", len(ids))
        return
    try:
        dispatch(ids)
    except Exception:  # the cause is committed and the mail is stored: the tick sends it
        log.exception("Could not hand on %d mail(s); the tick will send them", len(ids))


def _after_transaction_end(session, transaction) -> None:
    """The outer transaction ended without a commit (rollback, close): its rows are gone.
    (After a commit, _after_commit has already taken the list.)"""
    if transaction.parent is None:
        session.info.pop(NEW, None)


def init_app(app) -> None:
    """Hook the outbox into the session's commit. Registered once per process."""
    if not event.contains(db.session, "after_commit", _after_commit):
        event.listen(db.session, "after_commit", _after_commit)
        event.listen(db.session, "after_transaction_end", _after_transaction_end)
