"""Builders for the conversations tests: plannable ideas, conversations, sign-ups."""

from datetime import date, time, timedelta

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.conversations import links, services
from participatie.conversations.timefmt import today_local
from tests.responses.helpers import claimed_idea, person
from tests.socialmap.conftest import make_entry

WEEK_AHEAD = timedelta(days=10)


def ambassador(**kwargs):
    return person(Role.AMBASSADOR, **kwargs)


def plannable(amb=None, **overrides):
    """An idea in progress (claimed by an ambassador)."""
    return claimed_idea(amb or ambassador(), **overrides)


def conversation_input(ideas, *, day=None, start=time(19, 30), end=time(21, 0), capacity=30, **overrides):
    values = {"title": "Stadsgesprek over groen in West", "day": day or today_local() + WEEK_AHEAD, "start": start,
                  "end": end, "venue": "Buurthuis De Pijler\nHerculesplein 1", "capacity": capacity,
                  "idea_ids": [i.id for i in ideas], "agenda": "We praten over de moestuin.", "invited": "Stadsbeheer",
                  "step_free": True}
    values.update(overrides)
    return services.ConversationInput(**values)


def planned(actor=None, ideas=None, **overrides):
    actor = actor or ambassador()
    ideas = ideas or [plannable(actor)]
    return services.create_conversation(actor, conversation_input(ideas, **overrides))


def held(actor=None, ideas=None, **overrides):
    """A conversation that took place last week, with a report."""
    actor = actor or ambassador()
    ideas = ideas or [plannable(actor)]
    past = utcnow() - timedelta(days=14)
    conversation = services.create_conversation(
        actor, conversation_input(ideas, day=today_local(past) + timedelta(days=7), **overrides), now=past)
    services.write_report(actor, conversation, "We hebben gepraat. De gemeente zet bankjes neer.")
    return conversation


def yesterday() -> date:
    return today_local() - timedelta(days=1)


def meeting_place(**overrides):
    """A meeting place on the sociale kaart (a buurthuis in West unless told otherwise)."""
    values = {"kind": "meeting_place", "name": "Buurthuis Lombok", "address": "Jan Pieterszoon Coenstraat 9",
              "step_free": True, "cost": "small", "languages": "Nederlands, Arabisch"}
    values.update(overrides)
    return make_entry(**values)


def sign_up_members(conversation, count: int, **kwargs) -> list:
    people = [person() for _ in range(count)]
    for someone in people:
        services.rsvp_member(someone, conversation, **kwargs)
    return people


def confirmed_guest(conversation, name: str, email: str, **kwargs):
    guest = services.rsvp_guest(conversation, name, email, **kwargs)
    return services.confirm_guest(links.confirm_link(guest).rsplit("/", 1)[1])
