"""Support buttons with htmx (partial), without JavaScript (303) and for anonymous visitors."""

from participatie.extensions import db
from participatie.ideas.models import Idea
from tests.conftest import login
from tests.factories import make_idea, make_user

HTMX = {"HX-Request": "true"}


def test_htmx_support_returns_only_the_support_block(client):
    idea = make_idea()
    login(client, make_user())
    response = client.post(f"/ideas/{idea.id}/support/steun", headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<section class="support-box" id="support-{idea.id}"')
    assert "<html" not in html
    assert "1 persoon steunt dit" in html
    assert 'aria-pressed="true"' in html
    assert "HX-Request" in response.headers.get("Vary", "")


def test_without_javascript_the_form_redirects_back(client):
    idea = make_idea()
    login(client, make_user())
    response = client.post(f"/ideas/{idea.id}/support/steun")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}#steun")
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "1 persoon steunt dit" in page


def test_pressing_again_withdraws(client):
    idea = make_idea()
    login(client, make_user())
    client.post(f"/ideas/{idea.id}/support/steun", headers=HTMX)
    html = client.post(f"/ideas/{idea.id}/support/steun", headers=HTMX).get_data(as_text=True)
    assert "0 mensen steunen dit" in html
    assert db.session.get(Idea, idea.id).support_count == 0


def test_joining_records_what_people_bring(client):
    idea = make_idea()
    login(client, make_user())
    client.post(f"/ideas/{idea.id}/support/meedoen", data={"offer": "Ik kan koken"}, headers=HTMX)
    assert db.session.get(Idea, idea.id).join_count == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    idea = make_idea()
    plain = client.post(f"/ideas/{idea.id}/support/steun")
    assert plain.status_code == 303 and "/account/login" in plain.headers["Location"]
    htmx = client.post(f"/ideas/{idea.id}/support/steun", headers=HTMX)
    assert htmx.status_code == 204 and "/account/login" in htmx.headers["HX-Redirect"]
    assert db.session.get(Idea, idea.id).support_count == 0


def test_the_author_gets_403(client):
    author = make_user()
    idea = make_idea(author)
    login(client, author)
    assert client.post(f"/ideas/{idea.id}/support/steun").status_code == 403


def test_unknown_kind_or_idea_is_404(client):
    idea = make_idea()
    login(client, make_user())
    assert client.post(f"/ideas/{idea.id}/support/like").status_code == 404
    assert client.post("/ideas/99999/support/steun").status_code == 404
