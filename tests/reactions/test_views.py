"""Reactions on the idea page: htmx gets only the list, plain forms a 303; errors keep what was typed."""

import re

from participatie.accounts import services as accounts
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.reactions.models import Reaction
from tests.factories import make_idea
from tests.reactions.helpers import fresh, page, person, react, sign_in, tr

HTMX = {"HX-Request": "true"}


def test_anonymous_visitors_read_and_are_asked_to_log_in(client):
    reaction = react()
    text = page(client.get(f"/ideas/{reaction.idea_id}"))
    assert reaction.body in text and tr("Log in to react") in text
    response = client.post(f"/ideas/{reaction.idea_id}/reacties", data={"body": "Hallo"})
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_posting_without_javascript_answers_303_to_the_reaction(client):
    idea, writer = make_idea(), person()
    sign_in(client, writer)
    response = client.post(f"/ideas/{idea.id}/reacties", data={"body": "Ik heb een aanhanger voor het buurtfeest."})
    reaction = db.session.query(Reaction).one()
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}?reacties=1#reactie-{reaction.id}")
    assert fresh(idea).reaction_count == 1


def test_htmx_posting_returns_only_the_list(client):
    idea = make_idea()
    sign_in(client, person())
    response = client.post(f"/ideas/{idea.id}/reacties", data={"body": "Ik doe mee met de moestuin!"}, headers=HTMX)
    text = page(response)
    assert response.status_code == 200
    assert text.lstrip().startswith('<section class="reactions" id="reacties"') and "<html" not in text
    assert "Ik doe mee met de moestuin!" in text and tr("Your reaction is placed.") in text


def test_errors_keep_what_was_typed(client):
    idea = make_idea()
    sign_in(client, person())
    typed = "Te lang. " + "x" * 1000
    plain = client.post(f"/ideas/{idea.id}/reacties", data={"body": typed})
    assert plain.status_code == 422 and typed in page(plain)
    htmx = client.post(f"/ideas/{idea.id}/reacties", data={"body": typed}, headers=HTMX)
    assert htmx.status_code == 200 and typed in page(htmx) and 'aria-invalid="true"' in page(htmx)
    links = "https://a.example.org https://b.example.org https://c.example.org"
    refused = client.post(f"/ideas/{idea.id}/reacties", data={"body": links}, headers=HTMX)
    assert links in page(refused) and tr("New accounts can place at most %(num)d links in a reaction.", num=2) in page(refused)
    assert fresh(idea).reaction_count == 0


def test_a_reply_error_shows_at_that_reaction(client):
    reaction = react()
    sign_in(client, person())
    response = client.post(f"/ideas/{reaction.idea_id}/reacties", data={"body": "", "parent": str(reaction.id)},
                           headers=HTMX)
    text = page(response)
    assert re.search(rf'<details class="reply" open>.*?id="reply-{reaction.id}-err"', text, re.S)


def test_unconfirmed_and_blocked_accounts_cannot_post(client):
    idea = make_idea()
    sign_in(client, accounts.create_user("nog@example.org", "Nog niet", verified=False))
    assert client.post(f"/ideas/{idea.id}/reacties", data={"body": "Hallo buren"}).status_code == 403
    blocked = person()
    blocked.blocked_at = utcnow()
    db.session.commit()
    sign_in(client, blocked)
    assert client.post(f"/ideas/{idea.id}/reacties", data={"body": "Hallo buren"}).status_code == 403
    assert tr("Place reaction") not in page(client.get(f"/ideas/{idea.id}"))


def test_role_marks_deleted_and_pagination_on_the_page(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "REACTIONS_PER_PAGE", 2)
    writer = person()
    idea = make_idea()
    first = react(writer, idea, "Dit haal ik straks weg.")
    react(person(role="makelaar", wijken=["west"]), idea, "Ik help met de aanvraag.")
    react(idea=idea, body="De derde reactie staat op pagina twee.")
    sign_in(client, writer)
    client.post(f"/reacties/{first.id}/verwijderen")
    text = page(client.get(f"/ideas/{idea.id}"))
    assert tr("Deleted by the writer") in text and "Dit haal ik straks weg." not in text
    assert tr("Community broker") in text and "Sociaal makelaar" in text
    assert "De derde reactie" not in text and tr("Later reactions") in text
    assert "De derde reactie" in page(client.get(f"/ideas/{idea.id}/reacties?reacties=2", headers=HTMX))


def test_edit_page_for_the_writer_only(client):
    writer = person()
    reaction = react(writer)
    sign_in(client, person())
    assert client.get(f"/reacties/{reaction.id}/bewerken").status_code == 403
    sign_in(client, writer)
    response = client.post(f"/reacties/{reaction.id}/bewerken", data={"body": "Aangepast: ik heb het ook."})
    assert response.status_code == 303 and fresh(reaction).body == "Aangepast: ik heb het ook."


def test_links_are_nofollow_ugc(client):
    reaction = react(body="Zie https://www.utrecht.nl/afval, daar staat het.")
    text = client.get(f"/ideas/{reaction.idea_id}").get_data(as_text=True)
    assert '<a class="utrecht-link utrecht-link--html-a" rel="nofollow ugc noopener noreferrer" ' \
           'href="https://www.utrecht.nl/afval">https://www.utrecht.nl/afval</a>, daar' in text
