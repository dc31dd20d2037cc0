"""Shared contact details: only between attendees who both opted in; guests get them in the reminder."""

from datetime import timedelta

from participatie.conversations import services
from participatie.conversations.jobs import remind_day_before
from tests.conversations.helpers import ambassador, confirmed_guest, planned
from tests.responses.helpers import notified, page, person, sign_in, tr


def _cast(capacity=4):
    """Anna and Bas share, Cor does not, the guest Gijs shares; Wim shares but waits (full)."""
    organiser = ambassador()
    conversation = planned(organiser, capacity=capacity)
    anna, bas, cor, wim = person(name="Anna"), person(name="Bas"), person(name="Cor"), person(name="Wim")
    services.rsvp_member(anna, conversation, share_contact=True)
    services.rsvp_member(bas, conversation, share_contact=True)
    services.rsvp_member(cor, conversation)
    gijs = confirmed_guest(conversation, "Gijs", "gijs@example.org", share_contact=True)
    services.rsvp_member(wim, conversation, share_contact=True)
    assert services.rsvp_of(wim, conversation).waitlisted
    return organiser, conversation, {"anna": anna, "bas": bas, "cor": cor, "wim": wim, "gijs": gijs}


def _contacts_section(web, conversation) -> str:
    text = page(web.get(f"/conversations/{conversation.id}"))
    if 'id="contacten"' not in text:
        return ""
    start = text.index('id="contacten"')
    return text[start:text.index("</section>", start)]


def test_an_attendee_who_shares_sees_only_the_others_who_share(web):
    _organiser, conversation, people = _cast()
    sign_in(web, people["anna"])
    section = _contacts_section(web, conversation)
    assert "Bas" in section and people["bas"].email in section
    assert "Gijs" in section and "gijs@example.org" in section  # a guest who opted in too
    assert people["cor"].email not in section and "Cor" not in section  # did not opt in
    assert people["wim"].email not in section  # on the waiting list: not coming (yet)
    assert people["anna"].email not in section  # not yourself


def test_who_does_not_share_or_does_not_come_sees_nothing(web):
    _organiser, conversation, people = _cast()
    shared = [people["anna"].email, people["bas"].email, "gijs@example.org"]
    for viewer in (people["cor"], people["wim"], person(), ambassador(), None):
        sign_in(web, viewer)
        text = page(web.get(f"/conversations/{conversation.id}"))
        assert 'id="contacten"' not in text
        assert not any(address in text for address in shared), viewer


def test_signing_off_ends_the_sharing(web):
    _organiser, conversation, people = _cast()
    services.cancel_rsvp(services.rsvp_of(people["bas"], conversation))
    sign_in(web, people["bas"])
    assert _contacts_section(web, conversation) == ""
    sign_in(web, people["anna"])
    assert people["bas"].email not in _contacts_section(web, conversation)


def test_alone_in_sharing_gets_a_kind_message(web):
    conversation = planned()
    lonely = person()
    services.rsvp_member(lonely, conversation, share_contact=True)
    services.rsvp_member(person(), conversation)
    sign_in(web, lonely)
    assert tr("Nobody else who is coming shares their contact details yet.") in _contacts_section(web, conversation)


def test_organisers_attendee_list_is_unchanged(web):
    organiser, conversation, people = _cast()
    sign_in(web, organiser)
    text = page(web.get(f"/conversations/{conversation.id}/attendees"))
    for who in ("anna", "bas", "cor", "wim"):
        assert people[who].email in text
    assert "gijs@example.org" in text


def test_guest_who_shares_gets_the_list_in_the_reminder(ctx, outbox):
    conversation = planned(capacity=10)
    anna, cor = person(name="Anna"), person(name="Cor")
    services.rsvp_member(anna, conversation, share_contact=True)
    services.rsvp_member(cor, conversation)
    confirmed_guest(conversation, "Gijs", "gijs@example.org", share_contact=True)
    confirmed_guest(conversation, "Gerda", "gerda@example.org")
    before = len(outbox.messages())
    assert remind_day_before(conversation.starts_at - timedelta(hours=20)) == 4
    mails = {m["To"]: m.get_body(("plain",)).get_content() for m in outbox.messages()[before:]}
    gijs, gerda = mails["gijs@example.org"], mails["gerda@example.org"]
    assert "Anna" in gijs and anna.email in gijs
    assert cor.email not in gijs and "gerda@example.org" not in gijs  # they did not opt in
    assert anna.email not in gerda and "gijs@example.org" not in gerda  # Gerda did not opt in
    for member in (anna, cor):  # members see the list on the page, not in the message
        body = notified(member, "conversation_reminder")[0].body
        assert "gijs@example.org" not in body and "gerda@example.org" not in body
