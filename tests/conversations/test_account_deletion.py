"""When someone deletes their account: coming sign-ups end the usual way, past ones stay nameless."""

from datetime import timedelta

from participatie.accounts import services as accounts
from participatie.clock import utcnow
from participatie.conversations import services
from participatie.conversations.timefmt import today_local
from tests.accounts.helpers import tr
from tests.conversations.helpers import ambassador, confirmed_guest, conversation_input, plannable, planned
from tests.responses.helpers import fresh, notified, person


def _delete(user):
    accounts.delete_account(user, user)


def _recipients(outbox) -> list[str]:
    return [str(m["To"]) for m in outbox.messages()]


def test_coming_signup_is_cancelled_and_the_first_waiting_member_moves_up(ctx, outbox):
    conversation = planned(capacity=1)
    leaver, first, second = person(), person(), person()
    mine = services.rsvp_member(leaver, conversation)
    services.rsvp_member(first, conversation)
    services.rsvp_member(second, conversation)

    _delete(leaver)

    assert fresh(mine).cancelled_at is not None
    assert [r.user_id for r in services.attendees(conversation)] == [first.id]
    assert [r.user_id for r in services.waiting_list(conversation)] == [second.id]
    assert len(notified(first, "conversation_place")) == 1
    assert notified(second, "conversation_place") == []
    assert not any(address.endswith(".invalid") for address in _recipients(outbox))


def test_a_waiting_guest_who_moves_up_gets_the_usual_mail(ctx, outbox):
    conversation = planned(capacity=1)
    leaver = person()
    services.rsvp_member(leaver, conversation)
    guest = confirmed_guest(conversation, "Gast", "gast@example.org")
    assert guest.waitlisted
    sent_before = len(outbox.messages())

    _delete(leaver)

    assert fresh(guest).attending
    [mail] = outbox.messages()[sent_before:]
    assert mail["To"] == "gast@example.org"
    assert mail["Subject"] == tr("There is a place for you at “%(title)s”", title=conversation.title)
    assert not any(address.endswith(".invalid") for address in _recipients(outbox))


def test_a_waiting_signup_is_cancelled_and_moves_nobody(ctx):
    conversation = planned(capacity=1)
    holder, leaver, behind = person(), person(), person()
    for someone in (holder, leaver, behind):
        services.rsvp_member(someone, conversation)

    _delete(leaver)

    assert [r.user_id for r in services.attendees(conversation)] == [holder.id]
    assert [r.user_id for r in services.waiting_list(conversation)] == [behind.id]
    assert notified(behind, "conversation_place") == []


def test_a_past_signup_stays_without_a_name_or_contact(ctx):
    amb = ambassador()
    past = utcnow() - timedelta(days=14)
    conversation = services.create_conversation(
        amb, conversation_input([plannable(amb)], day=today_local(past) + timedelta(days=7)), now=past)
    leaver = person(name="Fatima")
    services.rsvp_member(leaver, conversation, share_contact=True, now=past)

    _delete(leaver)

    [rsvp] = services.attendees(conversation)  # still on the record of who came
    assert rsvp.cancelled_at is None and rsvp.user_id == leaver.id
    assert rsvp.display_name == tr("Former participant")
    assert not rsvp.share_contact


def test_a_cancelled_conversation_moves_nobody_up(ctx):
    amb = ambassador()
    conversation = planned(amb, capacity=1)
    leaver, waiting = person(), person()
    services.rsvp_member(leaver, conversation)
    services.rsvp_member(waiting, conversation)
    services.cancel(amb, conversation, "De zaal is niet beschikbaar.")

    _delete(leaver)

    assert notified(waiting, "conversation_place") == []


def test_the_attendee_list_never_shows_a_deleted_persons_placeholder_address(ctx):
    conversation = planned()
    leaver = person()
    mine = services.rsvp_member(leaver, conversation)
    _delete(leaver)
    assert fresh(mine).address == ""


def test_nobody_moves_up_on_the_waiting_list_of_a_cancelled_conversation(ctx):
    organiser = ambassador()
    conversation = planned(organiser, capacity=1)
    member, waiting = person(), person()
    mine = services.rsvp_member(member, conversation)
    services.rsvp_member(waiting, conversation)
    services.cancel(organiser, conversation, reason="De zaal is niet beschikbaar.")
    services.cancel_rsvp(fresh(mine))
    assert notified(waiting, "conversation_place") == []
