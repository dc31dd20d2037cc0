"""Changing a conversation: who may, what people who signed up hear, and the capacity rule."""

from datetime import datetime, time, timedelta

import pytest
from flask_babel import force_locale

from participatie.accounts.roles import Role
from participatie.conversations import rules, services
from participatie.conversations.jobs import remind_day_before
from participatie.conversations.status import ConversationStatus
from participatie.conversations.timefmt import today_local, when_in_words
from participatie.web.errors import DomainValidationError, NotAllowed
from tests.conversations.helpers import (
    ambassador,
    confirmed_guest,
    conversation_input,
    held,
    plannable,
    planned,
    sign_up_members,
)
from tests.responses.helpers import fresh, notified, page, person, sign_in, tr, trn


def _dutch_when(conversation) -> str:
    with force_locale("nl"):
        return when_in_words(conversation.starts_at, conversation.ends_at)


def _change(conversation, actor, **overrides):
    """Save the conversation with some fields changed (the ideas stay as they are)."""
    values = {"title": conversation.title, "venue": conversation.venue, "capacity": conversation.capacity,
              "agenda": conversation.agenda, "invited": conversation.invited, "step_free": conversation.step_free}
    values.update(overrides)
    return services.update_conversation(actor, conversation, conversation_input([], **values))


# --- who may change it ----------------------------------------------------------------------------

def test_edit_rule_per_role_and_status(ctx):
    creator = ambassador()
    conversation = planned(creator)
    broker = person(Role.MAKELAAR, wijken=("west",))
    proposal = services.create_conversation(broker, conversation_input([plannable()]))
    cases = [(None, False, False), (person(), False, False), (person(Role.MAKELAAR, wijken=("west",)), False, False),
             (broker, False, True), (creator, True, True), (ambassador(), True, True), (person(Role.ADMIN), True, True)]
    for user, on_planned, on_proposal in cases:
        assert rules.can_edit(user, conversation) is on_planned, user
        assert rules.can_edit(user, proposal) is on_proposal, user
    past = held(creator)
    services.cancel(creator, conversation, "De zaal is dicht.")
    for user in (creator, ambassador(), person(Role.ADMIN)):
        assert not rules.can_edit(user, past) and not rules.can_edit(user, fresh(conversation))


def test_service_refuses_who_may_not_edit(ctx):
    conversation = planned()
    with pytest.raises(NotAllowed):
        _change(conversation, person(), title="Overgenomen")
    assert fresh(conversation).title != "Overgenomen"


@pytest.mark.parametrize("role,upcoming,past", [
    ("anonymous", 302, 302), ("resident", 403, 403), ("makelaar", 403, 403),
    ("other_ambassador", 200, 403), ("organiser", 200, 403), ("admin", 200, 403)])
def test_edit_page_per_role(web, role, upcoming, past):
    organiser = ambassador()
    people = {"anonymous": None, "resident": person(), "makelaar": person(Role.MAKELAAR, wijken=("west",)),
              "other_ambassador": ambassador(), "organiser": organiser, "admin": person(Role.ADMIN)}
    coming, done = planned(organiser), held(organiser)
    sign_in(web, people[role])
    assert web.get(f"/conversations/{coming.id}/edit").status_code == upcoming
    assert web.get(f"/conversations/{done.id}/edit").status_code == past
    link = tr("Change the time, the place or the details")
    assert (link in page(web.get(f"/conversations/{coming.id}"))) is (upcoming == 200)


def test_the_broker_changes_their_own_proposal(web):
    broker = person(Role.MAKELAAR, wijken=("west",))
    proposal = services.create_conversation(broker, conversation_input([plannable()]))
    sign_in(web, broker)
    form = web.get(f"/conversations/{proposal.id}/edit")
    assert form.status_code == 200 and proposal.title in page(form)
    data = _form_data(proposal, title="Beter voorstel")
    assert web.post(f"/conversations/{proposal.id}/edit", data=data).status_code == 303
    assert fresh(proposal).title == "Beter voorstel" and fresh(proposal).status == ConversationStatus.PROPOSED


# --- the form -------------------------------------------------------------------------------------

def _form_data(conversation, **changes) -> dict:
    data = {"title": conversation.title, "day": (today_local() + timedelta(days=10)).isoformat(),
            "start": "19:30", "end": "21:00", "venue": conversation.venue, "capacity": str(conversation.capacity),
            "agenda": conversation.agenda, "step_free": "y"}
    data.update(changes)
    return data


def test_edit_form_shows_the_saved_values_and_no_ideas(web):
    organiser = ambassador()
    conversation = planned(organiser, title="Groen in West", start=time(19, 30), end=time(21, 0), capacity=35)
    sign_in(web, organiser)
    text = page(web.get(f"/conversations/{conversation.id}/edit"))
    assert 'value="Groen in West"' in text and 'value="19:30"' in text and 'value="21:00"' in text
    assert 'value="35"' in text and "Herculesplein 1" in text
    assert 'name="idea_ids"' not in text  # the linked ideas are not changed here


def test_saving_the_form_changes_the_page(web):
    organiser = ambassador()
    conversation = planned(organiser)
    sign_in(web, organiser)
    response = web.post(f"/conversations/{conversation.id}/edit",
                        data=_form_data(conversation, title="Nieuwe titel", agenda="Koffie en praten", end="22:00"))
    assert response.status_code == 303
    text = page(web.get(f"/conversations/{conversation.id}"))
    assert "Nieuwe titel" in text and "Koffie en praten" in text and "22.00" in text


def test_a_new_moment_must_be_in_the_future(web):
    organiser = ambassador()
    conversation = planned(organiser)
    sign_in(web, organiser)
    response = web.post(f"/conversations/{conversation.id}/edit",
                        data=_form_data(conversation, day=(today_local() - timedelta(days=2)).isoformat()))
    assert response.status_code == 422 and tr("Choose a moment in the future.") in page(response)


# --- the capacity rule ----------------------------------------------------------------------------

def test_capacity_below_the_number_coming_is_refused(ctx):
    organiser = ambassador()
    conversation = planned(organiser, capacity=5)
    sign_up_members(conversation, 3)
    with pytest.raises(DomainValidationError) as refused:
        _change(conversation, organiser, capacity=2)
    assert refused.value.field == "capacity"
    assert fresh(conversation).capacity == 5
    assert _change(conversation, organiser, capacity=3).capacity == 3  # exactly the number coming is fine


def test_capacity_error_is_next_to_the_field_and_keeps_the_input(web):
    organiser = ambassador()
    conversation = planned(organiser, capacity=5)
    sign_up_members(conversation, 3)
    sign_in(web, organiser)
    response = web.post(f"/conversations/{conversation.id}/edit",
                        data=_form_data(conversation, capacity="2", title="Getypte titel"))
    assert response.status_code == 422
    text = page(response)
    message = trn("%(num)d person is already signed up. You cannot make the number of places smaller than that.",
                  "%(num)d people are already signed up. You cannot make the number of places smaller than that.", 3)
    error_at = text.index('id="capacity-err"')
    assert message in text[error_at:error_at + 400]
    assert 'value="Getypte titel"' in text
    assert fresh(conversation).capacity == 5


def test_waiting_list_is_not_counted_and_more_places_move_people_up(ctx, outbox):
    organiser = ambassador()
    conversation = planned(organiser, capacity=2)
    coming = sign_up_members(conversation, 2)
    waiting = sign_up_members(conversation, 2)
    guest = confirmed_guest(conversation, "Gast", "gast@example.org")
    assert all(services.rsvp_of(w, conversation).waitlisted for w in waiting) and fresh(guest).waitlisted
    _change(conversation, organiser, capacity=4)  # two places more: the first two who waited
    assert [services.rsvp_of(w, conversation).waitlisted for w in waiting] == [False, False]
    assert fresh(guest).waitlisted
    assert notified(waiting[0], "conversation_place") and not notified(coming[0], "conversation_place")
    assert services.places_left(fresh(conversation)) == 0


# --- telling people about a change ----------------------------------------------------------------

def test_new_time_and_place_are_told_with_old_and_new_values(ctx, outbox):
    organiser = ambassador()
    conversation = planned(organiser, capacity=1)
    mailer, quiet, waiting = person(), person(), person()
    mailer.consent_notifications_at = datetime(2026, 1, 1)
    services.rsvp_member(mailer, conversation)
    guest = confirmed_guest(conversation, "Gast", "gast@example.org")
    services.rsvp_member(waiting, conversation)
    gone = person()
    services.rsvp_member(gone, conversation)
    services.cancel_rsvp(services.rsvp_of(gone, conversation))
    services.rsvp_member(quiet, conversation)
    old_when = _dutch_when(conversation)
    before = len(outbox.messages())
    _change(conversation, organiser, day=today_local() + timedelta(days=12), start=time(14, 0), end=time(16, 0),
            venue="Bibliotheek Lombok\nKanaalstraat 2")
    new_when = _dutch_when(fresh(conversation))
    assert old_when != new_when
    for member in (mailer, quiet, waiting):
        messages = notified(member, "conversation_changed")
        assert len(messages) == 1, member
        body = messages[0].body
        assert new_when in body and old_when in body
        assert "Bibliotheek Lombok, Kanaalstraat 2" in body and "Buurthuis De Pijler, Herculesplein 1" in body
    assert not notified(gone, "conversation_changed") and not notified(organiser, "conversation_changed")
    mails = {m["To"]: m.get_body(("plain",)).get_content() for m in outbox.messages()[before:]}
    assert set(mails) == {mailer.email, guest.email}  # the quiet member gave no consent for e-mail
    assert old_when in mails[guest.email] and new_when in mails[guest.email]
    assert "/conversations/cancel/" in mails[guest.email]  # a guest can always sign off


def test_other_changes_tell_nobody(ctx, outbox):
    organiser = ambassador()
    conversation = planned(organiser)
    member = person()
    services.rsvp_member(member, conversation)
    confirmed_guest(conversation, "Gast", "gast@example.org")
    before = len(outbox.messages())
    _change(conversation, organiser, agenda="Een nieuwe agenda.", title="Andere titel", capacity=50)
    assert not notified(member, "conversation_changed")
    assert len(outbox.messages()) == before


def test_a_new_time_gets_a_new_reminder(ctx, outbox):
    organiser = ambassador()
    conversation = planned(organiser)
    member = person()
    services.rsvp_member(member, conversation)
    assert remind_day_before(conversation.starts_at - timedelta(hours=20)) == 1
    _change(conversation, organiser, day=today_local() + timedelta(days=20))
    assert services.rsvp_of(member, conversation).reminded_at is None
    assert remind_day_before(fresh(conversation).starts_at - timedelta(hours=20)) == 1


def test_a_proposal_tells_nobody_and_moves_no_idea(ctx):
    broker = person(Role.MAKELAAR, wijken=("west",))
    idea = plannable()
    proposal = services.create_conversation(broker, conversation_input([idea]))
    _change(proposal, broker, day=today_local() + timedelta(days=30), venue="Ergens anders")
    assert fresh(proposal).status == ConversationStatus.PROPOSED
    assert fresh(idea).status != "conversation_planned"


def test_calendars_get_a_higher_sequence_for_a_new_time_place_or_cancellation(web):
    """A calendar that imported the .ics replaces the event only when SEQUENCE went up."""
    organiser = ambassador()
    conversation = planned(organiser)

    def sequence() -> str:
        text = web.get(f"/conversations/{conversation.id}.ics").get_data(as_text=True)
        return next(line for line in text.split("\r\n") if line.startswith("SEQUENCE:"))

    assert sequence() == "SEQUENCE:0"
    _change(fresh(conversation), organiser, agenda="Eerst koffie.")  # no new time or place
    assert sequence() == "SEQUENCE:0"
    _change(fresh(conversation), organiser, venue="Bibliotheek Lombok\nKanaalstraat 2")
    assert sequence() == "SEQUENCE:1"
    _change(fresh(conversation), organiser, start=time(20, 0), end=time(21, 30))
    assert sequence() == "SEQUENCE:2"
    services.cancel(organiser, fresh(conversation), reason="De zaal is niet beschikbaar.")
    text = web.get(f"/conversations/{conversation.id}.ics").get_data(as_text=True)
    assert "SEQUENCE:3\r\n" in text and "STATUS:CANCELLED\r\n" in text
