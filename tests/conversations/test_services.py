"""Planning, sign-ups with capacity and waiting list, guests with a link, actions and overdue."""

from datetime import timedelta

import pytest

from participatie.accounts.roles import Role
from participatie.accounts.tokens import LinkError
from participatie.clock import utcnow
from participatie.conversations import links, services
from participatie.conversations.models import Rsvp
from participatie.conversations.services.rsvp import SignupClosed
from participatie.conversations.status import ConversationStatus
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed
from participatie.ideas import services as idea_services
from participatie.ideas.models import EventKind
from participatie.ideas.status import IdeaStatus
from participatie.responses import services as responses
from tests.conversations.helpers import (
    ambassador,
    conversation_input,
    held,
    plannable,
    planned,
    yesterday,
)
from tests.factories import make_idea
from tests.responses.helpers import count, events, fresh, notified, person, set_wijk

S = IdeaStatus


# --- planning -------------------------------------------------------------------------------------

def test_planning_moves_ideas_and_invites_followers(ctx):
    amb = ambassador()
    one, two = plannable(amb), plannable(amb, title="Bankjes op het plein")
    follower = person()
    idea_services.follow(follower, one)
    conversation = planned(amb, [one, two])
    assert conversation.status == ConversationStatus.PLANNED
    for idea in (one, two):
        idea = fresh(idea)
        assert idea.status == S.CONVERSATION_PLANNED
        last = events(idea)[-1]
        assert last.kind == EventKind.STATUS_CHANGE and last.new_status == S.CONVERSATION_PLANNED
        assert conversation.title in last.public_text and "Buurthuis De Pijler" in last.public_text
    invites = notified(follower, "conversation_invite")
    assert len(invites) == 1 and invites[0].link == f"/conversations/{conversation.id}"
    assert not notified(amb, "conversation_invite")  # never the actor


def test_awaiting_response_ideas_can_be_planned(ctx):
    set_wijk("west", threshold=1)
    idea = make_idea()
    from participatie.supports.models import SupportKind
    from participatie.supports.services import set_support

    set_support(person(), idea, SupportKind.STEUN, True)
    assert fresh(idea).status == S.AWAITING_RESPONSE
    planned(ideas=[fresh(idea)])
    assert fresh(idea).status == S.CONVERSATION_PLANNED


def test_the_ambassador_who_plans_for_a_waiting_idea_becomes_its_named_contact(ctx):
    """Planning picked the idea up ("de gemeente werkt eraan") without anyone's name on it."""
    set_wijk("west", threshold=1)
    idea = make_idea()
    from participatie.supports.models import SupportKind
    from participatie.supports.services import set_support

    set_support(person(), idea, SupportKind.STEUN, True)
    amb = ambassador(name="Ruud de Vries")
    planned(amb, [fresh(idea)])
    idea = fresh(idea)
    assert idea.ambassador_id == amb.id and idea.claimed_at is not None
    claim = [e for e in events(idea) if e.kind == EventKind.CLAIM]
    assert len(claim) == 1 and "Ruud de Vries" in claim[0].public_text and "Stadsbeheer" in claim[0].public_text


@pytest.mark.parametrize("state", ["open", "decided"])
def test_only_waiting_or_in_progress_ideas(ctx, state):
    amb = ambassador()
    idea = make_idea() if state == "open" else plannable(amb)
    if state == "decided":
        responses.change_status(amb, idea, "decided", "Besloten.", outcome="city_does_it", next_step="Bank",
                                next_date=utcnow().date())
    with pytest.raises(DomainValidationError):
        planned(amb, [fresh(idea)])


@pytest.mark.parametrize("role,allowed", [(Role.RESIDENT, False), (Role.MAKELAAR, True), (Role.AMBASSADOR, True),
                                          (Role.ADMIN, True)])
def test_who_may_start_a_conversation(ctx, role, allowed):
    idea = plannable()
    actor = person(role, wijken=("west",) if role == Role.MAKELAAR else ())
    if not allowed:
        with pytest.raises(NotAllowed):
            services.create_conversation(actor, conversation_input([idea]))
        return
    conversation = services.create_conversation(actor, conversation_input([idea]))
    expected = ConversationStatus.PROPOSED if role == Role.MAKELAAR else ConversationStatus.PLANNED
    assert conversation.status == expected


def test_broker_proposes_for_own_wijk_and_ambassador_confirms(ctx):
    amb = ambassador()
    idea = plannable(amb)
    outsider = person(Role.MAKELAAR, wijken=("overvecht",))
    with pytest.raises(DomainValidationError):
        services.create_conversation(outsider, conversation_input([idea]))
    broker = person(Role.MAKELAAR, wijken=("west",))
    proposal = services.create_conversation(broker, conversation_input([idea]))
    assert fresh(idea).status == S.IN_PROGRESS  # nothing moves before the confirmation
    assert notified(amb, "conversation_proposed")
    with pytest.raises(NotAllowed):
        services.confirm(broker, proposal)
    services.confirm(amb, proposal)
    assert proposal.status == ConversationStatus.PLANNED and fresh(idea).status == S.CONVERSATION_PLANNED
    assert notified(broker, "conversation_confirmed")


def test_times_are_validated(ctx):
    idea = plannable()
    with pytest.raises(DomainValidationError):
        planned(ideas=[idea], day=yesterday())
    from datetime import time

    with pytest.raises(DomainValidationError):
        planned(ideas=[idea], start=time(21, 0), end=time(19, 0))


def test_cancel_puts_ideas_back_and_tells_people(ctx, outbox):
    amb = ambassador()
    idea = plannable(amb)
    conversation = planned(amb, [idea])
    guest = services.rsvp_guest(conversation, "Gast", "gast@example.org")
    services.confirm_guest(links.confirm_link(guest).rsplit("/", 1)[1])
    member = person()
    services.rsvp_member(member, conversation)
    with pytest.raises(DomainValidationError):
        services.cancel(amb, conversation, " ")
    services.cancel(amb, conversation, "De zaal is niet beschikbaar.")
    assert fresh(idea).status == S.IN_PROGRESS
    assert notified(member, "conversation_cancelled")
    assert "De zaal is niet beschikbaar." in outbox.last_body()
    with pytest.raises(NotAllowed):
        services.cancel(amb, conversation, "nog eens")


# --- sign-ups -------------------------------------------------------------------------------------

def test_capacity_waiting_list_and_moving_up(ctx):
    conversation = planned(capacity=2)
    a, b, c, d = (person() for _ in range(4))
    assert not services.rsvp_member(a, conversation).waitlisted
    assert not services.rsvp_member(b, conversation).waitlisted
    assert services.rsvp_member(c, conversation).waitlisted
    assert services.rsvp_member(d, conversation).waitlisted
    assert services.places_left(conversation) == 0
    assert [r.user_id for r in services.waiting_list(conversation)] == [c.id, d.id]
    moved = services.cancel_rsvp(services.rsvp_of(a, conversation))
    assert moved.user_id == c.id and not fresh(moved).waitlisted
    assert notified(c, "conversation_place")
    assert services.places_left(conversation) == 0
    # a waiting person who cancels frees no place
    assert services.cancel_rsvp(services.rsvp_of(d, conversation)) is None
    assert services.places_left(conversation) == 0
    services.cancel_rsvp(services.rsvp_of(b, conversation))
    assert services.places_left(conversation) == 1


def test_signing_up_twice_keeps_one_row(ctx):
    conversation = planned()
    user = person()
    services.rsvp_member(user, conversation)
    services.rsvp_member(user, conversation)
    assert count(Rsvp, Rsvp.conversation_id == conversation.id) == 1
    services.cancel_rsvp(services.rsvp_of(user, conversation))
    again = services.rsvp_member(user, conversation)
    assert again.attending and count(Rsvp, Rsvp.conversation_id == conversation.id) == 1


def test_no_signup_after_start_or_cancellation(ctx):
    amb = ambassador()
    conversation = planned(amb)
    with pytest.raises(SignupClosed):
        services.rsvp_member(person(), conversation, now=conversation.starts_at + timedelta(minutes=1))
    services.cancel(amb, conversation, "Gaat niet door.")
    with pytest.raises(SignupClosed):
        services.rsvp_guest(conversation, "Gast", "gast@example.org")


def _token(link: str) -> str:
    return link.rsplit("/", 1)[1]


def test_guest_signup_is_confirmed_by_link(ctx, outbox):
    conversation = planned(capacity=1)
    rsvp = services.rsvp_guest(conversation, "Gast", "Gast@Example.org", share_contact=True)
    assert rsvp.email == "gast@example.org" and rsvp.confirmed_at is None
    assert services.places_left(conversation) == 1  # a place is taken only on confirmation
    body = outbox.last_body()
    token = body.split("/conversations/rsvp/")[1].split()[0]
    confirmed = services.confirm_guest(token)
    assert confirmed.attending and services.places_left(conversation) == 0
    assert services.confirm_guest(token).id == confirmed.id  # twice is harmless


def test_guest_duplicates_and_resent_links(ctx, outbox):
    conversation = planned()
    first = services.rsvp_guest(conversation, "Gast", "gast@example.org")
    second = services.rsvp_guest(conversation, "Gast", "GAST@example.org ")
    assert first.id == second.id and count(Rsvp, Rsvp.conversation_id == conversation.id) == 1
    services.confirm_guest(_token(links.confirm_link(first)))
    services.rsvp_guest(conversation, "Gast", "gast@example.org")
    assert "already signed up" in outbox.messages()[-1]["Subject"] or "al aangemeld" in outbox.messages()[-1]["Subject"] \
        or count(Rsvp, Rsvp.conversation_id == conversation.id) == 1


def test_expired_and_tampered_links(ctx, app, monkeypatch):
    conversation = planned()
    rsvp = services.rsvp_guest(conversation, "Gast", "gast@example.org")
    token = _token(links.confirm_link(rsvp))
    with pytest.raises(LinkError) as tampered:
        services.confirm_guest(token[:-3] + "abc")
    assert not tampered.value.expired
    monkeypatch.setitem(app.config, "RSVP_LINK_MAX_AGE", -1)
    with pytest.raises(LinkError) as expired:
        services.confirm_guest(token)
    assert expired.value.expired


def test_guest_email_validated(ctx):
    with pytest.raises(DomainValidationError):
        services.rsvp_guest(planned(), "Gast", "geen-adres")


def test_contacts_shared_only_between_people_who_opted_in(ctx):
    conversation = planned()
    a, b, c = person(name="Anna"), person(name="Bas"), person(name="Cor")
    ra = services.rsvp_member(a, conversation, share_contact=True)
    rb = services.rsvp_member(b, conversation, share_contact=True)
    rc = services.rsvp_member(c, conversation, share_contact=False)
    assert [r.id for r in services.shared_contacts(ra)] == [rb.id]
    assert services.shared_contacts(rc) == []


# --- after ----------------------------------------------------------------------------------------

def test_report_checks_plain_language_without_blocking(ctx):
    amb = ambassador()
    idea = plannable(amb)
    conversation = held(amb, [idea])
    assert conversation.status == ConversationStatus.HELD and conversation.report_verdict
    verdict = services.write_report(amb, conversation, "Ten behoeve van de implementatie van het beleidskader "
                                    "inzake de herinrichting van de openbare ruimte wordt geïnventariseerd.")
    assert verdict.verdict in ("te moeilijk", "bijna")
    assert "beleidskader" in fresh(conversation).report
    assert [e.kind for e in events(idea)][-1] == "conversation"


def test_report_only_after_start(ctx):
    amb = ambassador()
    conversation = planned(amb)
    with pytest.raises(NotAllowed):
        services.write_report(amb, conversation, "Te vroeg.")


def test_action_items_on_idea_timeline(ctx):
    amb = ambassador()
    idea = plannable(amb)
    follower = person()
    idea_services.follow(follower, idea)
    conversation = held(amb, [idea])
    item = services.add_action(amb, conversation, idea_id=idea.id, what="Twee bankjes plaatsen",
                               owner_kind="department", owner="Stadsbeheer", due_on=yesterday() + timedelta(days=30))
    last = events(idea)[-1]
    assert last.kind == "action" and "Twee bankjes plaatsen" in last.public_text and "Stadsbeheer" in last.public_text
    assert notified(follower, "action")
    services.set_action_status(amb, item, "bezig")
    with pytest.raises(DomainValidationError):
        services.set_action_status(amb, item, "vervallen", "")
    services.set_action_status(amb, item, "vervallen", "Er is geen geld.")
    assert "Er is geen geld." in events(idea)[-1].public_text
    with pytest.raises(InvalidTransition):
        services.set_action_status(amb, item, "klaar")


def test_action_needs_a_linked_idea_and_rights(ctx):
    amb = ambassador()
    conversation = held(amb)
    other = plannable(amb)
    with pytest.raises(DomainValidationError):
        services.add_action(amb, conversation, idea_id=other.id, what="x", owner_kind="bewoners",
                            due_on=yesterday())
    with pytest.raises(NotAllowed):
        services.add_action(person(), conversation, idea_id=conversation.ideas[0].id, what="x",
                            owner_kind="bewoners", due_on=yesterday())


def test_overdue_computation(ctx):
    amb = ambassador()
    conversation = held(amb)
    idea_id = conversation.ideas[0].id
    late = services.add_action(amb, conversation, idea_id=idea_id, what="Te laat", owner_kind="ambassador",
                               due_on=yesterday())
    today = services.add_action(amb, conversation, idea_id=idea_id, what="Vandaag", owner_kind="bewoners",
                                due_on=yesterday() + timedelta(days=1))
    done = services.add_action(amb, conversation, idea_id=idea_id, what="Al klaar", owner_kind="initiator",
                               due_on=yesterday() - timedelta(days=5))
    services.set_action_status(amb, done, "klaar")
    assert [i.id for i in services.overdue_actions()] == [late.id]
    assert not today.is_overdue(yesterday() + timedelta(days=1))
    assert today.is_overdue(yesterday() + timedelta(days=2))


def test_feedback_from_attendees_and_followers(ctx):
    amb = ambassador()
    idea = plannable(amb)
    conversation = planned(amb, [idea])
    came, stranger = person(), person()
    services.rsvp_member(came, conversation)
    services.write_report(amb, conversation, "Verslag.", now=conversation.starts_at + timedelta(hours=3))
    assert services.may_give_feedback(came, conversation)
    assert not services.may_give_feedback(stranger, conversation)
    row = services.give_feedback(conversation, "good", "not_yet", "Fijn gesprek", user=came)
    again = services.give_feedback(conversation, "okay", user=came)
    assert row.id == again.id and again.rating == "okay" and again.text == "Fijn gesprek"
    with pytest.raises(NotAllowed):
        services.give_feedback(conversation, "good", user=stranger)
