"""Notification fixtures: a real local SMTP server, and users who did or did not consent."""

import socket
from email import policy
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from flask_babel import lazy_gettext as _l

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.notifications import services
from tests.factories import make_idea, make_user

# Message ids that the catalogues already translate, so the tests can check the language.
SUBJECT = _l("Your changes are saved.")
SUBJECT_NL = "Je wijzigingen zijn opgeslagen."
BODY = _l("Your update is posted. Supporters can read it now.")
BODY_NL = "Je update staat online. De mensen die dit steunen kunnen hem nu lezen."


class Collector:
    """aiosmtpd handler: keeps every message that arrives."""

    def __init__(self):
        self.messages = []  # (envelope recipients, parsed message)

    async def handle_DATA(self, server, session, envelope):
        message = BytesParser(policy=policy.default).parsebytes(envelope.content)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for rcpts, m in self.messages if address in rcpts]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(app):
    """A real SMTP server on 127.0.0.1; the app sends to it while the test runs."""
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    old = {key: app.config.get(key) for key in ("MAIL_SERVER", "MAIL_PORT")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    handler.port = controller.port
    try:
        yield handler
    finally:
        app.config.update(old)
        controller.stop()


def consenting(locale="nl", frequency="immediate", **kwargs):
    """A confirmed user who agreed to e-mail."""
    user = make_user(**kwargs)
    user.locale = locale
    user.email_frequency = frequency
    user.consent_notifications_at = utcnow()
    db.session.commit()
    return user


def notify_one(user, *, subject=SUBJECT, body=BODY, link="/ideas/1#tijdlijn", commit=True, **kwargs):
    notes = services.notify([user], kind="test", subject=subject, body=body, link=link, **kwargs)
    if commit:
        db.session.commit()
    return notes[0] if notes else None


@pytest.fixture
def idea_with_followers(ctx):
    """An idea with its author and two supporters following it (as the services make it)."""
    from participatie.ideas import services as ideas

    author = make_user(name="Auteur")
    idea = make_idea(author)
    supporters = [make_user(name=f"Steuner {n}") for n in (1, 2)]
    for supporter in supporters:
        ideas.follow(supporter, idea)
    return idea, author, supporters
