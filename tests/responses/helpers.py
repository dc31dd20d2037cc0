"""Helpers for the responses tests: people in every role, ideas in every state, page text."""

import html
import itertools
from datetime import date

from flask import current_app
from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import func, select

from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.web.i18n import human_date
from participatie.ideas.models import Idea, IdeaEvent, timeline
from participatie.notifications.models import Notification
from participatie.responses import services
from tests.factories import make_idea

_n = itertools.count(1)


def person(role=Role.RESIDENT, *, name=None, wijken=(), department=None):
    """A verified user without a password (hashing is slow); log in with `sign_in`."""
    n = next(_n)
    user = accounts.create_user(
        f"resp{n}@example.org", name or f"Persoon {n}", role=role, verified=True,
        department=department or ("Stadsbeheer" if role == Role.AMBASSADOR else None))
    if wijken:
        user.wijken = [wijk_by_slug(slug) for slug in wijken]
        db.session.commit()
    return user


def sign_in(client, user):
    """Log in through the session cookie (Flask-Login reads _user_id)."""
    with client.session_transaction() as session:
        session.clear()
        if user is not None:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True


def tr(message: str, **values) -> str:
    """The Dutch text the site shows for `message` (the catalogue decides the wording)."""
    with current_app.test_request_context(), force_locale("nl"):
        return gettext(message, **values)


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def fresh(obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def events(idea, kind=None) -> list[IdeaEvent]:
    db.session.expire_all()
    rows = db.session.scalars(timeline(idea.id)).all()
    return [e for e in rows if kind is None or e.kind == kind]


def notified(user, kind=None) -> list[Notification]:
    query = select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    if kind is not None:
        query = query.where(Notification.kind == kind)
    return db.session.scalars(query).all()


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def set_wijk(slug="west", *, threshold=None, term=None):
    wijk = wijk_by_slug(slug)
    if threshold is not None:
        wijk.support_threshold = threshold
    if term is not None:
        wijk.response_term_days = term
    db.session.commit()
    return wijk


def claimed_idea(ambassador, **overrides) -> Idea:
    """An idea the ambassador holds (open -> in_progress by the claim)."""
    idea = make_idea(**overrides)
    services.claim(ambassador, idea, "Hallo, ik ben uw contact bij de gemeente.")
    return idea


def talk(ambassador, idea, department="Stadsbeheer"):
    return services.record_voorgesprek(ambassador, idea, department=department, held_on=date(2026, 3, 2),
                                       internal_note="", public_line="")


def decided_idea(ambassador, outcome="city_does_it") -> Idea:
    idea = claimed_idea(ambassador)
    if outcome == "not_possible":
        talk(ambassador, idea)
        services.change_status(ambassador, idea, "decided", "We hebben besloten.", outcome=outcome,
                               reason="De stoep is te smal.", alternative="Wel op het plein ernaast.")
    else:
        services.change_status(ambassador, idea, "decided", "We hebben besloten.", outcome=outcome,
                               next_step="We plaatsen de bank.", next_date=date(2026, 6, 1))
    return idea


def done_idea(ambassador) -> Idea:
    idea = decided_idea(ambassador)
    services.change_status(ambassador, idea, "done", "De bank staat er.")
    return idea




def trn(singular: str, plural: str, num: int, **values) -> str:
    """ngettext in Dutch, as the templates call it."""
    with current_app.test_request_context(), force_locale("nl"):
        return ngettext(singular, plural, num, **values)


def nl_date(value) -> str:
    with current_app.test_request_context(), force_locale("nl"):
        return human_date(value)
