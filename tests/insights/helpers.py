"""Builders for the insights tests: ideas that reached the threshold, got an answer, were solved."""

from datetime import timedelta

from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.responses import feedback, followups, services
from participatie.responses.models import FollowUp, FollowUpKind
from participatie.supports import services as supports
from participatie.supports.models import SupportKind
from tests.factories import make_idea
from tests.responses.helpers import person, set_wijk


def ambassador(department="Stadsbeheer"):
    return person(Role.AMBASSADOR, department=department)


def owed_idea(*, wijk="west", **overrides):
    """An idea that reached the wijk's threshold (one supporter needed) just now, through the supports service."""
    set_wijk(wijk, threshold=1)
    idea = make_idea(wijk_slug=wijk, **overrides)
    supports.set_support(person(), idea, SupportKind.STEUN, True)
    assert idea.status == "awaiting_response"
    return idea


def answered(amb, idea, *, days_later=0):
    """The ambassador claims the idea and answers `days_later` calendar days from now."""
    later = utcnow() + timedelta(days=days_later)
    services.claim(amb, idea, "Hallo, ik ben uw contact.", now=later)
    return services.post_answer(amb, idea, "Dit gaan we doen: we zetten er bankjes neer.", now=later)


def solved(amb, idea, yes=True, text="", quote_ok=None):
    services.change_status(amb, idea, "decided", "Goed nieuws: het kan.", outcome="city_does_it",
                           next_step="Bankjes neerzetten", next_date=utcnow().date() + timedelta(days=10))
    services.change_status(amb, idea, "done", "De bankjes staan er. Is het zo goed?")
    asked = db.session.scalar(select(FollowUp).where(FollowUp.idea_id == idea.id, FollowUp.kind == FollowUpKind.SOLVED))
    return followups.answer_followup(asked.user, asked, yes, text, quote_ok=quote_ok)


def say(idea_event, helpful, text="", quote_ok=None, user=None):
    return feedback.give_feedback(user or person(), idea_event, helpful, text, via_link=True, quote_ok=quote_ok)


__all__ = ["make_idea", "person"]
