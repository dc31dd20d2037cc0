"""Pages as people click them: the role × action table for every route, sign-up, privacy, escaping."""

from datetime import timedelta

import pytest

from participatie.accounts.roles import Role
from participatie.conversations import links, services
from participatie.conversations.models import ActionItem, Rsvp
from participatie.conversations.status import ConversationStatus
from participatie.extensions import db
from tests.conversations.helpers import ambassador, held, plannable, planned, yesterday
from tests.responses.helpers import count, fresh, page, person, sign_in, tr

ROLES = ["anonymous", "resident", "makelaar", "other_ambassador", "organiser", "admin"]


@pytest.fixture
def cast(web):
    """One person per role; the organiser planned both conversations."""
    organiser = ambassador(name="Ruud")
    people = {
        "anonymous": None,
        "resident": person(),
        "makelaar": person(Role.MAKELAAR, wijken=("west",)),
        "other_ambassador": ambassador(),
        "organiser": organiser,
        "admin": person(Role.ADMIN),
    }
    upcoming = planned(organiser)
    past = held(organiser)
    item = services.add_action(organiser, past, idea_id=past.ideas[0].id, what="Bankjes", owner_kind="bewoners",
                               due_on=yesterday())
    return people, upcoming, past, item


def _status(web, method, url, data=None):
    response = web.open(url, method=method, data=data or {})
    return response.status_code


# route, method, which conversation, data, expected per role (anonymous, resident, makelaar, other amb, organiser, admin)
MATRIX = [
    ("/conversations", "GET", None, None, (200, 200, 200, 200, 200, 200)),
    ("/conversations/{up}", "GET", None, None, (200, 200, 200, 200, 200, 200)),
    ("/conversations/{up}.ics", "GET", None, None, (200, 200, 200, 200, 200, 200)),
    ("/acties", "GET", None, None, (200, 200, 200, 200, 200, 200)),
    ("/wijken/west/acties", "GET", None, None, (200, 200, 200, 200, 200, 200)),
    ("/conversations/new", "GET", None, None, (302, 403, 200, 200, 200, 200)),
    ("/conversations/{up}/confirm", "POST", None, None, (302, 403, 403, 403, 403, 403)),
    ("/conversations/{up}/cancel", "GET", None, None, (302, 403, 403, 403, 200, 200)),
    ("/conversations/{up}/attendees", "GET", None, None, (302, 403, 403, 403, 200, 200)),
    ("/conversations/{up}/report", "GET", None, None, (302, 403, 403, 403, 403, 403)),
    ("/conversations/{past}/report", "GET", None, None, (302, 403, 403, 403, 200, 200)),
    ("/conversations/{past}/attendees", "GET", None, None, (302, 403, 403, 403, 200, 200)),
    ("/conversations/{past}/actions", "POST", None, {"what": "x"}, (302, 403, 403, 403, 422, 422)),
    ("/actions/{item}/status", "POST", None, {"status": "bezig"}, (302, 403, 403, 403, 303, 303)),
    ("/conversations/{up}/rsvp/cancel", "POST", None, None, (302, 303, 303, 303, 303, 303)),
    ("/conversations/{past}/feedback", "POST", None, {"rating": "good"}, (302, 403, 403, 403, 403, 403)),
]


@pytest.mark.parametrize("route,method,_unused,data,expected", MATRIX, ids=[f"{m} {r}" for r, m, *_ in MATRIX])
def test_role_action_table(web, cast, route, method, _unused, data, expected):
    people, upcoming, past, item = cast
    url = route.format(up=upcoming.id, past=past.id, item=item.id)
    for role, want in zip(ROLES, expected, strict=True):
        sign_in(web, people[role])
        assert _status(web, method, url, data) == want, f"{role} {method} {url}"


def test_proposals_are_hidden_until_confirmed(web):
    broker = person(Role.MAKELAAR, wijken=("west",))
    proposal = services.create_conversation(broker, __import__("tests.conversations.helpers", fromlist=["x"])
                                            .conversation_input([plannable()]))
    assert proposal.status == ConversationStatus.PROPOSED
    for who, want in [(None, 404), (person(), 404), (broker, 200), (ambassador(), 200)]:
        sign_in(web, who)
        assert web.get(f"/conversations/{proposal.id}").status_code == want
    assert proposal.title not in page(web.get("/conversations"))
    confirmer = ambassador()
    sign_in(web, confirmer)
    assert web.post(f"/conversations/{proposal.id}/confirm").status_code == 303
    assert fresh(proposal).status == ConversationStatus.PLANNED


def test_plan_through_the_form(web):
    amb = ambassador()
    one, two = plannable(amb, title="Moestuin"), plannable(amb, title="Bankjes")
    sign_in(web, amb)
    form = web.get(f"/conversations/new?idea={one.id}")
    assert form.status_code == 200 and "Moestuin" in page(form)
    day = (yesterday() + timedelta(days=20)).isoformat()
    response = web.post("/conversations/new", data={
        "idea_ids": [one.id, two.id], "title": "Groen in West", "day": day, "start": "19:30", "end": "21:00",
        "venue": "Buurthuis", "capacity": "40", "step_free": "y", "agenda": "Praten"})
    assert response.status_code == 303, page(response)[:2000]
    assert fresh(one).status == "conversation_planned" and fresh(two).status == "conversation_planned"
    bad = web.post("/conversations/new", data={"idea_ids": [one.id], "title": "x", "day": day, "start": "19:30",
                                               "end": "18:00", "venue": "B", "capacity": "4"})
    assert bad.status_code == 422


def test_member_signs_up_in_one_tap_and_page_shows_places(web):
    conversation = planned(capacity=1)
    user = person()
    sign_in(web, user)
    assert web.post(f"/conversations/{conversation.id}/rsvp").status_code == 303
    text = page(web.get(f"/conversations/{conversation.id}"))
    assert tr("You are signed up.") in text
    sign_in(web, person())
    text = page(web.get(f"/conversations/{conversation.id}"))
    assert tr("Full. You can still join the waiting list.") in text


def test_guest_signs_up_and_confirms_by_link(web, outbox):
    conversation = planned()
    sign_in(web, None)
    response = web.post(f"/conversations/{conversation.id}/rsvp",
                        data={"name": "Gast", "email": "gast@example.org"})
    assert response.status_code == 200 and tr("Check your e-mail") in page(response)
    token = outbox.last_body().split("/conversations/rsvp/")[1].split()[0]
    assert web.get(f"/conversations/rsvp/{token}").status_code == 200  # a page with the sign-off link
    assert web.get(f"/conversations/rsvp/{token}x").status_code == 400
    assert db.session.scalar(db.select(Rsvp).where(Rsvp.email == "gast@example.org")).attending
    invalid = web.post(f"/conversations/{conversation.id}/rsvp", data={"name": "", "email": "nee"})
    assert invalid.status_code == 422


def test_guest_cancels_by_link_and_the_first_waiting_moves_up(web, outbox):
    conversation = planned(capacity=1)
    guest = services.rsvp_guest(conversation, "Gast", "gast@example.org")
    services.confirm_guest(links.confirm_link(guest).rsplit("/", 1)[1])
    waiting = services.rsvp_guest(conversation, "Wacht", "wacht@example.org")
    services.confirm_guest(links.confirm_link(waiting).rsplit("/", 1)[1])
    assert fresh(waiting).waitlisted
    url = links.cancel_link(fresh(guest)).replace("http://localhost", "")
    assert web.get(url).status_code == 200 and fresh(guest).cancelled_at is None  # GET only asks
    assert web.post(url).status_code == 303
    assert not fresh(waiting).waitlisted
    last = outbox.messages()[-1]
    assert last["To"] == "wacht@example.org"


def test_attendee_list_privacy(web):
    organiser = ambassador()
    conversation = planned(organiser)
    guest = services.rsvp_guest(conversation, "Geheime Gast", "geheim@example.org")
    services.confirm_guest(links.confirm_link(guest).rsplit("/", 1)[1])
    sign_in(web, organiser)
    text = page(web.get(f"/conversations/{conversation.id}/attendees"))
    assert "Geheime Gast" in text and "geheim@example.org" in text
    for other in (person(), ambassador(), person(Role.MAKELAAR, wijken=("west",))):
        sign_in(web, other)
        assert web.get(f"/conversations/{conversation.id}/attendees").status_code == 403
        assert "geheim@example.org" not in page(web.get(f"/conversations/{conversation.id}"))


def test_contacts_on_the_page_only_with_both_opt_ins(web):
    conversation = planned()
    a, b, c = person(name="Anna"), person(name="Bas"), person(name="Cor")
    services.rsvp_member(a, conversation, share_contact=True)
    services.rsvp_member(b, conversation, share_contact=True)
    services.rsvp_member(c, conversation)
    sign_in(web, a)
    assert b.email in page(web.get(f"/conversations/{conversation.id}"))
    assert c.email not in page(web.get(f"/conversations/{conversation.id}"))
    sign_in(web, c)
    text = page(web.get(f"/conversations/{conversation.id}"))
    assert a.email not in text and b.email not in text


def test_report_actions_and_agenda(web):
    organiser = ambassador()
    idea = plannable(organiser, title="Moestuin op het plein")
    past = held(organiser, [idea])
    sign_in(web, organiser)
    response = web.post(f"/conversations/{past.id}/report", data={"report": "Ten behoeve van de implementatie "
                        "van het beleidskader wordt geïnventariseerd."})
    assert response.status_code == 200 and "b1-verdict" in response.get_data(as_text=True)
    response = web.post(f"/conversations/{past.id}/actions", data={
        "idea_id": idea.id, "what": "Grond testen", "owner_kind": "department", "owner": "Groen en Water",
        "due_on": yesterday().isoformat()})
    assert response.status_code == 303
    assert count(ActionItem, ActionItem.idea_id == idea.id) == 1
    timeline = page(web.get(f"/ideas/{idea.id}"))
    assert "Grond testen" in timeline and tr("Action from a city conversation:") in timeline
    agenda = page(web.get("/wijken/west/acties"))
    assert "Grond testen" in agenda and "Moestuin op het plein" in agenda and past.title in agenda
    assert tr("Late: the date has passed.") in agenda
    queue = page(web.get("/ambassador"))
    assert tr("Late actions from city conversations") in queue and "Grond testen" in queue
    assert "Grond testen" not in page(web.get("/wijken/overvecht/acties"))


def test_list_upcoming_first_then_past_and_wijk_filter(web):
    amb = ambassador()
    held(amb, title="Voorbij gesprek")
    planned(amb, title="Komend gesprek")
    text = page(web.get("/conversations"))
    assert text.index("Komend gesprek") < text.index("Voorbij gesprek")
    assert "Komend gesprek" not in page(web.get("/conversations?wijk=overvecht"))
    assert "Komend gesprek" in page(web.get("/conversations?wijk=west"))


def test_user_text_is_escaped(web):
    amb = ambassador()
    evil = '<script>alert("x")</script>'
    conversation = planned(amb, title=f"Gesprek {evil}", venue=f"Zaal {evil}", agenda=evil)
    raw = web.get(f"/conversations/{conversation.id}").get_data(as_text=True)
    assert "<script>alert" not in raw and "&lt;script&gt;" in raw
    assert "<script>alert" not in web.get("/conversations").get_data(as_text=True)
    guest = services.rsvp_guest(conversation, evil, "evil@example.org")
    services.confirm_guest(links.confirm_link(guest).rsplit("/", 1)[1])
    sign_in(web, amb)
    assert "<script>alert" not in web.get(f"/conversations/{conversation.id}/attendees").get_data(as_text=True)


def test_feedback_link_for_guests(web):
    organiser = ambassador()
    conversation = planned(organiser)
    guest = services.rsvp_guest(conversation, "Gast", "gast@example.org")
    services.confirm_guest(links.confirm_link(guest).rsplit("/", 1)[1])
    services.write_report(organiser, conversation, "Verslag.", now=conversation.starts_at + timedelta(hours=2))
    url = links.feedback_link(conversation.id, rating="good", rsvp_id=guest.id).replace("http://localhost", "")
    assert web.get(url).status_code == 200
    assert web.post(url, data={"rating": "good", "input_used": "yes", "text": "Top"}).status_code == 200
    text = page(web.get(f"/conversations/{conversation.id}"))
    assert "Top" in text
    assert web.get(url + "x").status_code == 400


def test_followers_give_feedback_on_the_page(web):
    organiser = ambassador()
    idea = plannable(organiser)
    past = held(organiser, [idea])
    sign_in(web, idea.author)  # the author follows the idea
    response = web.post(f"/conversations/{past.id}/feedback", data={"rating": "bad", "text": "Te kort"})
    assert response.status_code == 303
    assert "Te kort" in page(web.get(f"/conversations/{past.id}"))


def test_the_page_links_to_its_printed_sheet_and_pdf(web):
    conversation = planned()
    sign_in(web, None)
    html = web.get(f"/conversations/{conversation.id}").get_data(as_text=True)
    assert f'href="/print/conversations/{conversation.id}"' in html
    assert f'href="/print/conversations/{conversation.id}.pdf"' in html
    assert web.get(f"/print/conversations/{conversation.id}").status_code == 200
