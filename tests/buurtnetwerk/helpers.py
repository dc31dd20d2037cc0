"""Helpers for the buurtnetwerk tests: members with or without mail consent, a sent question."""

import re

from sqlalchemy import select

from participatie.accounts.models import ConsentKind
from participatie.accounts.roles import Role
from participatie.accounts.services import set_consent
from participatie.buurtnetwerk import services
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ops.mail.models import OutboxMessage
from tests.responses.helpers import person

QUESTION = "Wat wil je op het lege veld bij het buurthuis?"
CHOICES = ["Een speeltuin", "Een moestuin", "Bankjes en bomen"]


def member(slug="west", *, mail=False):
    user = person(Role.RESIDENT)
    services.join(user, [wijk_by_slug(slug).id], given=True)
    if mail:
        set_consent(user, ConsentKind.NOTIFICATIONS, True)
        db.session.commit()
    return user


def makelaar(slug="west"):
    return person(Role.MAKELAAR, wijken=(slug,))


def asked(slug="west", asker=None, **kwargs):
    return services.ask(asker or makelaar(slug), wijk_by_slug(slug), QUESTION, CHOICES, **kwargs)


def mails_to(user) -> list[OutboxMessage]:
    return db.session.scalars(select(OutboxMessage).where(OutboxMessage.to == user.email)
                              .order_by(OutboxMessage.id)).all()


def links_in(body: str, kind: str) -> list[str]:
    """Site paths of the links of one kind ("antwoord" or "uit") in a mail body."""
    return [m.group(1) for m in re.finditer(rf"http://localhost(/buurtnetwerk/{kind}/\S+)", body)]
