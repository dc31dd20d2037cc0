"""Sending e-mail: SMTP when MAIL_SERVER is set, else .eml files in instance/outbox/.

Two ways to send:

- `send_mail` sends now. For transactional mail the visitor waits for (confirmation, login link).
- `queue_mail` sends only after the database transaction commits, so no mail goes out for
  work that was rolled back. After the commit the message goes to RQ (queue "mail", with
  retries) when REDIS_URL is set, else it is sent in-process right away.
"""

import logging
import smtplib
import uuid
from datetime import UTC
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from flask import current_app, has_app_context
from sqlalchemy import event

from participatie.clock import utcnow
from participatie.extensions import db

log = logging.getLogger(__name__)

PENDING = "participatie.pending_mail"  # key in Session.info: messages waiting for the commit
RETRY_INTERVALS = [10, 60, 300]  # seconds between RQ retries


def build_message(to: str, subject: str, body: str, headers: dict | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(utcnow().replace(tzinfo=UTC))
    msg["Message-ID"] = make_msgid(domain="participatie.local")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    return msg


def outbox_dir() -> Path:
    return Path(current_app.instance_path) / "outbox"


def deliverable(to: str) -> bool:
    """False for addresses under the reserved ".invalid" top-level domain (RFC 2606), such as
    the placeholder of a deleted account (deleted-<id>-<random>@deleted.invalid)."""
    return not to.strip().lower().rstrip(">").endswith(".invalid")


def send_mail(to: str, subject: str, body: str, headers: dict | None = None) -> EmailMessage:
    msg = build_message(to, subject, body, headers)
    config = current_app.config
    if not deliverable(to):
        log.info("Not sending mail to the undeliverable address %s", to)
    elif config.get("MAIL_SERVER"):
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(msg)
    else:
        folder = outbox_dir()
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
        (folder / name).write_bytes(bytes(msg))
    return msg


def queue_mail(to: str, subject: str, body: str, headers: dict | None = None) -> None:
    """Send after the current transaction commits (at once when there is no open work)."""
    message = {"to": to, "subject": str(subject), "body": str(body), "headers": dict(headers or {})}
    session = db.session()
    if session.in_transaction() or session.new or session.dirty or session.deleted:
        session.info.setdefault(PENDING, []).append(message)
    else:
        dispatch([message])


def dispatch(messages: list[dict]) -> None:
    """Hand messages to RQ (REDIS_URL) or send them now. A failure is logged, never raised."""
    redis_url = current_app.config.get("REDIS_URL")
    queue = _rq_queue(redis_url) if redis_url else None
    for message in messages:
        try:
            if queue is not None:
                _enqueue(queue, message)
            else:
                send_mail(**message)
        except Exception:  # the transaction is committed; a mail problem must not undo it
            log.exception("Could not send or queue mail to %s", message["to"])


def _rq_queue(redis_url: str):
    from redis import Redis
    from rq import Queue

    return Queue(current_app.config.get("MAIL_QUEUE", "mail"), connection=Redis.from_url(redis_url))


def _enqueue(queue, message: dict) -> None:
    from redis.exceptions import RedisError
    from rq import Retry

    try:
        queue.enqueue(deliver_job, message, retry=Retry(max=3, interval=RETRY_INTERVALS))
    except RedisError:
        log.warning("Redis unavailable; sending mail to %s in-process", message["to"])
        send_mail(**message)


def deliver_job(message: dict) -> str:
    """RQ job: send one message with a freshly built app (the worker has none)."""
    from participatie import create_app

    app = create_app()
    with app.app_context():
        return send_mail(**message)["Message-ID"]


def _after_commit(session) -> None:
    messages = session.info.pop(PENDING, None)
    if not messages:
        return
    if not has_app_context():
        log.error("Committed outside an app context; %d queued mail(s) dropped", len(messages))
        return
    dispatch(messages)


def _after_transaction_end(session, transaction) -> None:
    """The outer transaction ended without a commit (rollback, close): drop its mail."""
    if transaction.parent is None:
        session.info.pop(PENDING, None)


def init_app(app) -> None:
    """Hook queue_mail into the session's commit. Registered once per process."""
    if not event.contains(db.session, "after_commit", _after_commit):
        event.listen(db.session, "after_commit", _after_commit)
        event.listen(db.session, "after_transaction_end", _after_transaction_end)
