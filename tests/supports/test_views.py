"""Support buttons with htmx (partial), without JavaScript (303) and for anonymous visitors.

Each button sends the state the person wants (state=on|off); the same request twice has the same
result, so nginx may retry it on the other web host when one dies mid-request."""

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.ideas.models import Idea
from participatie.supports.models import Support
from tests.conftest import login
from tests.factories import make_idea, make_user

HTMX = {"HX-Request": "true"}
ON, OFF = {"state": "on"}, {"state": "off"}


def rows(idea, kind="steun") -> int:
    return db.session.scalar(select(func.count()).select_from(Support)
                             .where(Support.idea_id == idea.id, Support.kind == kind))


def test_htmx_support_returns_only_the_support_block(client):
    idea = make_idea()
    login(client, make_user())
    response = client.post(f"/ideas/{idea.id}/support/steun", data=ON, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<section class="support-box" id="support-{idea.id}"')
    assert "<html" not in html
    assert "1 persoon steunt dit" in html
    assert 'aria-pressed="true"' in html
    assert "HX-Request" in response.headers.get("Vary", "")


def test_the_button_asks_for_the_other_state(client):
    """The person still sees one button that flips: it carries the state it will set."""
    idea = make_idea()
    login(client, make_user())
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert page.count('name="state" value="on"') == 2  # steun and meedoen, both not given yet
    html = client.post(f"/ideas/{idea.id}/support/steun", data=ON, headers=HTMX).get_data(as_text=True)
    steun_form = html.split("/support/meedoen")[0]
    assert 'name="state" value="off"' in steun_form and "intrekken" in steun_form
    assert html.count('name="state" value="on"') == 1  # joining is still to give


def test_the_same_request_twice_gives_one_support(client):
    """A double click, or the proxy sending the request again to the other host."""
    idea = make_idea()
    login(client, make_user())
    first = client.post(f"/ideas/{idea.id}/support/steun", data=ON, headers=HTMX)
    again = client.post(f"/ideas/{idea.id}/support/steun", data=ON, headers=HTMX)
    assert first.status_code == again.status_code == 200
    assert "1 persoon steunt dit" in again.get_data(as_text=True)
    assert 'aria-pressed="true"' in again.get_data(as_text=True)
    assert db.session.get(Idea, idea.id).support_count == 1 == rows(idea)


def test_withdrawing_twice_leaves_no_support(client):
    idea = make_idea()
    login(client, make_user())
    client.post(f"/ideas/{idea.id}/support/steun", data=ON, headers=HTMX)
    client.post(f"/ideas/{idea.id}/support/steun", data=OFF, headers=HTMX)
    html = client.post(f"/ideas/{idea.id}/support/steun", data=OFF, headers=HTMX).get_data(as_text=True)
    assert "0 mensen steunen dit" in html and 'aria-pressed="false"' in html
    assert db.session.get(Idea, idea.id).support_count == 0 == rows(idea)


def test_without_javascript_the_form_redirects_back(client):
    idea = make_idea()
    login(client, make_user())
    response = client.post(f"/ideas/{idea.id}/support/steun", data=ON)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}#steun")
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "1 persoon steunt dit" in page and "Bedankt voor je steun!" in page


def test_without_javascript_sending_twice_and_withdrawing(client):
    idea = make_idea()
    login(client, make_user())
    assert client.post(f"/ideas/{idea.id}/support/steun", data=ON).status_code == 303
    assert client.post(f"/ideas/{idea.id}/support/steun", data=ON).status_code == 303
    assert rows(idea) == 1
    assert client.post(f"/ideas/{idea.id}/support/steun", data=OFF).status_code == 303
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "0 mensen steunen dit" in page and "Je steun is ingetrokken." in page
    assert db.session.get(Idea, idea.id).support_count == 0 == rows(idea)


def test_a_request_without_a_known_state_changes_nothing(client):
    idea = make_idea()
    login(client, make_user())
    assert client.post(f"/ideas/{idea.id}/support/steun", headers=HTMX).status_code == 400
    assert client.post(f"/ideas/{idea.id}/support/steun", data={"state": "toggle"}).status_code == 400
    assert db.session.get(Idea, idea.id).support_count == 0 == rows(idea)


def test_joining_records_what_people_bring_once(client):
    idea = make_idea()
    login(client, make_user())
    for _ in range(2):
        client.post(f"/ideas/{idea.id}/support/meedoen", data={**ON, "offer": "Ik kan koken"}, headers=HTMX)
    assert db.session.get(Idea, idea.id).join_count == 1 == rows(idea, "meedoen")
    html = client.post(f"/ideas/{idea.id}/support/meedoen", data=OFF, headers=HTMX).get_data(as_text=True)
    assert db.session.get(Idea, idea.id).join_count == 0 == rows(idea, "meedoen")
    assert 'id="offer-' in html  # the join form with its question is back


def test_anonymous_visitors_are_sent_to_log_in(client):
    idea = make_idea()
    plain = client.post(f"/ideas/{idea.id}/support/steun", data=ON)
    assert plain.status_code == 303 and "/account/login" in plain.headers["Location"]
    htmx = client.post(f"/ideas/{idea.id}/support/steun", data=ON, headers=HTMX)
    assert htmx.status_code == 204 and "/account/login" in htmx.headers["HX-Redirect"]
    assert db.session.get(Idea, idea.id).support_count == 0


def test_the_author_gets_403(client):
    author = make_user()
    idea = make_idea(author)
    login(client, author)
    assert client.post(f"/ideas/{idea.id}/support/steun", data=ON).status_code == 403
    assert client.post(f"/ideas/{idea.id}/support/steun").status_code == 403  # role before the form


def test_unknown_kind_or_idea_is_404(client):
    idea = make_idea()
    login(client, make_user())
    assert client.post(f"/ideas/{idea.id}/support/like", data=ON).status_code == 404
    assert client.post("/ideas/99999/support/steun", data=ON).status_code == 404
