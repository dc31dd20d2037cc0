"""House rules, "Melden", /moderatie and the read-only guard, through the pages."""

import pytest

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.moderation import services
from participatie.moderation.targets import load
from tests.factories import PLACES, make_idea
from tests.reactions.helpers import fresh, page, person, react, sign_in, tr


def test_house_rules_in_dutch_and_english(client):
    dutch = page(client.get("/huisregels"))
    assert "Huisregels" in dutch and "Geen reclame en geen spam." in dutch
    english = page(client.get("/huisregels", headers={"Accept-Language": "en"}))
    assert "House rules" in english and "No advertising and no spam." in english


def test_every_writing_form_links_the_house_rules(client):
    writer = person()
    idea = make_idea(writer)
    sign_in(client, writer)
    for path in (f"/ideas/{idea.id}", "/ideas/new"):
        assert 'href="/huisregels"' in client.get(path).get_data(as_text=True), path


def test_three_residents_report_and_the_reason_shows_in_place(client):
    reaction = react(body="Wat een stom plan, jij bent gek.")
    for _ in range(3):
        sign_in(client, person())
        form = client.get(f"/melden/reaction/{reaction.id}")
        assert form.status_code == 200
        response = client.post(f"/melden/reaction/{reaction.id}", data={"reason": "rude", "note": "Scheldt."})
        assert response.status_code == 303
    sign_in(client, None)
    text = page(client.get(f"/ideas/{reaction.idea_id}"))
    assert "Wat een stom plan" not in text
    assert tr("Hidden: %(reason)s", reason=tr("Reported by several neighbours. A moderator will look at it.")) in text


def test_a_second_report_by_the_same_person_is_refused_kindly(client):
    reaction = react()
    sign_in(client, person())
    client.post(f"/melden/reaction/{reaction.id}", data={"reason": "spam"})
    again = client.post(f"/melden/reaction/{reaction.id}", data={"reason": "spam", "note": "Nog eens"})
    assert again.status_code == 422 and tr("You already reported this. Thank you, we will look at it.") in page(again)


def test_report_form_errors_keep_the_words(client):
    reaction = react()
    sign_in(client, person())
    response = client.post(f"/melden/reaction/{reaction.id}", data={"note": "Hier staat mijn uitleg."})
    assert response.status_code == 422 and "Hier staat mijn uitleg." in page(response)


@pytest.mark.parametrize("role, wijken, status", [
    (None, (), 302), (Role.RESIDENT, (), 403), (Role.AMBASSADOR, (), 403),
    (Role.MAKELAAR, ("overvecht",), 403), (Role.MAKELAAR, ("west",), 200), (Role.ADMIN, (), 200),
])
def test_moderation_item_page_by_role(client, role, wijken, status):
    reaction = react()
    services.report(person(), load("reaction", reaction.id), "rude")
    sign_in(client, person(role, wijken=wijken) if role else None)
    assert client.get(f"/moderatie/reaction/{reaction.id}").status_code == status
    post = client.post(f"/moderatie/reaction/{reaction.id}", data={"action": "hide", "reason": "rude"})
    assert post.status_code == (303 if status == 200 else status)
    assert fresh(reaction).hidden is (status == 200)


def test_queue_shows_reasons_count_and_context(client):
    reaction = react(body="Bel mij op 06-12345678, groeten Piet.")
    services.report(person(), load("reaction", reaction.id), "personal", "Telefoonnummer erin")
    sign_in(client, person(Role.ADMIN))
    text = page(client.get("/moderatie"))
    assert "Bel mij op 06-12345678" in text and tr("Personal details") in text
    assert reaction.idea.title in text and "1 melding" in text


def test_admin_restores_and_the_reaction_is_back_and_the_writer_is_told(client):
    writer = person()
    reaction = react(writer, body="Gewoon een mening over het plan.")
    for _ in range(3):
        services.report(person(), load("reaction", reaction.id), "rude")
    sign_in(client, person(Role.ADMIN))
    assert client.post(f"/moderatie/reaction/{reaction.id}", data={"action": "keep"}).status_code == 303
    assert "Gewoon een mening" in page(client.get(f"/ideas/{reaction.idea_id}"))
    sign_in(client, writer)
    messages = page(client.get("/account/notifications"))
    assert "We hebben je reactie bij" in messages and "Een moderator laat je reactie bij" in messages
    assert "ernaar.." not in messages


def test_blocked_accounts_read_but_cannot_write_anywhere(client):
    idea = make_idea()
    blocked = person()
    blocked.blocked_at = utcnow()
    db.session.commit()
    sign_in(client, blocked)
    assert client.get(f"/ideas/{idea.id}").status_code == 200
    for path, data in ((f"/ideas/{idea.id}/support/steun", {"state": "on"}), ("/ideas/new", {"title": "Nieuw idee"}),
                       (f"/ideas/{idea.id}/follow", {}), (f"/ideas/{idea.id}/reacties", {"body": "Hoi"})):
        response = client.post(path, data=data)
        assert response.status_code == 403, path
    assert fresh(idea).support_count == 0


def test_a_hidden_idea_is_left_out_of_every_list_map_and_export(client):
    lat, lng = PLACES["lombok"]
    idea = make_idea(title="Verborgen plan voor de gracht", lat=lat, lng=lng, wijk_slug=None)
    services.act(person(Role.ADMIN), load("idea", idea.id), "hide", "spam")
    for path in ("/", "/ideas", "/map", "/wijken/west", "/api/ideas.geojson", f"/print/ideas/{idea.id}",
                 "/print/wijken/west"):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert "Verborgen plan voor de gracht" not in response.get_data(as_text=True), path
    assert client.get("/print/wijken/west").status_code == 200
    hidden = client.get(f"/ideas/{idea.id}")
    assert hidden.status_code == 410 and tr("Advertising or spam") in page(hidden)
