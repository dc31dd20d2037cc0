"""Putting one message on the wire: SMTP when MAIL_SERVER is set, else an .eml file in
instance/outbox/ (development and tests). Raises when SMTP fails; the outbox retries."""

import logging
import smtplib
import uuid
from datetime import UTC
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from flask import current_app

from participatie.clock import utcnow

log = logging.getLogger(__name__)


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
    """Send one message now. Most code calls `queue_mail` instead (durable, retried)."""
    msg = build_message(to, subject, body, headers)
    config = current_app.config
    if not deliverable(to):
        log.info("Not sending mail to the undeliverable address %s", to)
    elif config.get("MAIL_SERVER"):
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"]) as smtp:
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
