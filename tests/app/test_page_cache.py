"""Public pages kept for visitors without an account (web/pagecache.py): served again while nothing
changed, renewed the moment anything does, and never another visitor's token or a logged-in page."""

import re
from datetime import timedelta

import pytest

from participatie.web import pagecache
from tests.conftest import login
from tests.factories import PLACES, make_idea, make_user

KEPT = "X-Page-Cache"


@pytest.fixture
def idea(web):
    return make_idea(title="Bankjes bij de speeltuin", **dict(zip(("lat", "lng"), PLACES["lombok"])))


def _supporters(html: str) -> int:
    counts = html[html.index('class="support-box__counts"'):]
    return int(re.search(r"<strong>(\d+)", counts).group(1))


def _twice(client, path: str, **kwargs):
    """The second visit, served kept after a first that rendered the page (so reading wrote nothing)."""
    first = client.get(path, **kwargs)
    assert first.status_code == 200 and KEPT not in first.headers
    second = client.get(path, **kwargs)
    assert second.headers.get(KEPT) == "hit", path
    return second


def test_a_visitor_gets_the_kept_page_and_sees_a_new_support_at_once(app, web, idea):
    visitor, resident = app.test_client(), app.test_client()
    pages = [f"/ideas/{idea.id}", "/ideas", "/wijken/west", "/map", "/"]
    for path in pages:
        _twice(visitor, path)
    assert _supporters(visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)) == 0

    login(resident, make_user())
    assert resident.post(f"/ideas/{idea.id}/support/steun", data={"state": "on"}).status_code == 303

    after = visitor.get(f"/ideas/{idea.id}")
    assert KEPT not in after.headers and _supporters(after.get_data(as_text=True)) == 1
    for path in pages[1:]:  # every kept page is renewed, not only the idea's own
        assert KEPT not in visitor.get(path).headers, path


def test_a_new_reaction_shows_at_once(app, web, idea):
    visitor, neighbour = app.test_client(), app.test_client()
    _twice(visitor, f"/ideas/{idea.id}")
    login(neighbour, make_user())
    neighbour.post(f"/ideas/{idea.id}/reacties", data={"body": "Goed plan, ik help mee met verven."})
    assert "Goed plan, ik help mee met verven." in visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)


def _token(html: str) -> str:
    return re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)


def test_each_visitor_gets_their_own_token_and_script_nonce(app, web, idea, config):
    config("WTF_CSRF_ENABLED", True)
    first, second = app.test_client(), app.test_client()
    mine = _token(first.get("/map").get_data(as_text=True))
    kept = second.get("/map")
    html = kept.get_data(as_text=True)
    assert kept.headers.get(KEPT) == "hit"
    theirs = _token(html)
    assert theirs != mine and "\x00" not in html  # no marker left where a token or nonce belongs
    nonce = re.search(r"'nonce-([^']+)'", kept.headers["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in html  # the map's inline script runs for this visitor too
    # The token in the kept page is the second visitor's own: a form sent with it is accepted.
    answer = second.post("/account/login", data={"email": "nobody@example.org", "password": "x"},
                         headers={"X-CSRFToken": theirs})
    assert answer.status_code != 400


def test_logged_in_people_and_htmx_partials_get_their_own_page(app, web, idea):
    visitor, resident = app.test_client(), app.test_client()
    _twice(visitor, f"/ideas/{idea.id}")
    login(resident, make_user(name="Fatima Bakker"))
    mine = resident.get(f"/ideas/{idea.id}")
    assert KEPT not in mine.headers and 'name="csrf_token"' in mine.get_data(as_text=True)
    assert mine.headers["Cache-Control"] == "private, no-store"
    partial = visitor.get("/map", headers={"HX-Request": "true"})
    assert KEPT not in partial.headers and "<html" not in partial.get_data(as_text=True)


def test_a_page_is_kept_per_language(app, web, idea):
    dutch, english = app.test_client(), app.test_client()
    _twice(dutch, "/")
    page = english.get("/", headers={"Accept-Language": "en"})
    assert KEPT not in page.headers and '<html lang="en"' in page.get_data(as_text=True)


def test_no_page_is_kept_longer_than_a_minute(app, web, idea, monkeypatch):
    visitor = app.test_client()
    _twice(visitor, f"/ideas/{idea.id}")
    later = pagecache.utcnow() + timedelta(minutes=1)
    monkeypatch.setattr(pagecache, "utcnow", lambda: later)
    assert KEPT not in visitor.get(f"/ideas/{idea.id}").headers


def test_an_operator_can_turn_it_off(app, web, idea, config):
    config("PAGE_CACHE_BYTES", 0)
    visitor = app.test_client()
    visitor.get("/")
    assert KEPT not in visitor.get("/").headers


def test_the_store_keeps_within_its_budget_and_only_what_is_current():
    store, now = pagecache.PageStore(max_bytes=1000), (7, "12:00")
    for n in range(10):
        store.put(now, n, (b"x" * 200, "text/html"))
    assert store.size <= 1000 and store.get(now, 0) is None and store.get(now, 9) is not None
    store.put(now, "huge", (b"x" * 600, "text/html"))  # more than a quarter of the budget: not kept
    assert store.get(now, "huge") is None
    store.put((8, "12:00"), "new", (b"y" * 100, "text/html"))  # the next generation: the rest let go
    assert store.size == 100 and store.get(now, 9) is None and store.get((8, "12:00"), "new")


def test_every_write_a_page_may_show_raises_the_generation_and_a_personal_message_does_not(web, idea):
    from participatie.extensions import db
    from participatie.notifications.models import Notification

    before = pagecache.generation()
    db.session.add(Notification(user_id=idea.author_id, kind="test", subject="Een bericht voor jou",
                                link="/meldingen"))
    db.session.commit()
    assert pagecache.generation() == before  # only its reader sees it, on a page that is never kept
    idea.title = "Bankjes en een tafel bij de speeltuin"  # an ORM change, flushed by the commit itself
    db.session.commit()
    assert pagecache.generation() == before + 1
