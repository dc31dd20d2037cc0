"""No N+1 queries: a page issues as many SQL statements with 30 items as with 3.

Each case builds 3 items, counts the statements of one request, grows to 30 items
(same page size) and counts again. The counts are printed (pytest -s or -rP shows them).
"""

import itertools

import pytest
from sqlalchemy import event

from participatie.accounts import services as accounts
from participatie.extensions import db
from participatie.ideas import services as idea_services
from participatie.supports import services as support_services
from participatie.supports.models import SupportKind
from tests.conftest import login
from tests.factories import PLACES, make_idea, make_user

SMALL, LARGE = 3, 30
_numbers = itertools.count(1)


class StatementCounter:
    """Counts SQL statements sent to the database while active."""

    def __init__(self, engine):
        self.engine, self.statements = engine, []

    def _record(self, _conn, _cursor, statement, *_args):
        self.statements.append(statement)

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc):
        event.remove(self.engine, "before_cursor_execute", self._record)


@pytest.fixture(autouse=True)
def _render_every_page(config):
    """What a page costs when it is rendered: repeats served by web/pagecache.py are tested there."""
    config("PAGE_CACHE_BYTES", 0)


def count_statements(client, path: str) -> int:
    client.get(path)  # warm up: first-request work (e.g. the wijken load) is not the page's
    with StatementCounter(db.engine) as counter:
        response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return len(counter.statements)


def _supporter():
    """A confirmed resident without a password (hashing would make 30 of them slow)."""
    n = next(_numbers)
    return accounts.create_user(f"qc{n}@example.org", f"Buur {n}", verified=True)


def _located(i: int) -> dict:
    lat, lng = PLACES["lombok"]
    return {"lat": lat + (i % 5) * 0.0004, "lng": lng + (i // 5) * 0.0004}


class Ideas:
    """Grows the number of ideas (all in West, located, supported, with an update)."""

    def __init__(self):
        self.author, self.count = make_user(), 0

    def grow_to(self, total: int) -> None:
        for i in range(self.count, total):
            idea = make_idea(self.author, title=f"Idee nummer {i}", themes=["groen", "spelen"], **_located(i))
            support_services.set_support(_supporter(), idea, SupportKind.STEUN, True)
            idea_services.add_update(self.author, idea, f"Stand van zaken {i}.")
        self.count = total


class OneIdea:
    """Grows the supports and timeline events of a single idea."""

    def __init__(self):
        self.author, self.count = make_user(), 0
        self.idea = make_idea(self.author, **_located(0))

    def grow_to(self, total: int) -> None:
        for i in range(self.count, total):
            kind = SupportKind.MEEDOEN if i % 3 == 0 else SupportKind.STEUN
            support_services.set_support(_supporter(), self.idea, kind, True, "Ik help mee" if i % 3 == 0 else "")
            idea_services.add_update(self.author, self.idea, f"Update nummer {i}.")
        self.count = total


LIST_PAGES = ["/", "/ideas", "/ideas?sort=support&wijk=west", "/map", "/wijken/west", "/api/ideas.geojson",
              "/api/map?bbox=52.0,5.0,52.2,5.2&zoom=12", "/api/map?bbox=52.0,5.0,52.2,5.2&zoom=15",
              "/api/map?bbox=52.08,5.09,52.10,5.11&zoom=18", "/map?bbox=52.08,5.09,52.10,5.11",
              "/ideas?theme=groen&q=idee"]


def _assert_flat(path: str, small: int, large: int, what: str) -> None:
    print(f"\nqueries {path}: {small} with {SMALL} {what}, {large} with {LARGE} {what}")
    assert large == small, (
        f"{path} grew from {small} to {large} SQL statements (+{large - small}) when the {what} "
        f"went from {SMALL} to {LARGE}: an N+1 query"
    )


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_pages_do_not_grow_with_ideas(client, path):
    ideas = Ideas()
    ideas.grow_to(SMALL)
    small = count_statements(client, path)
    ideas.grow_to(LARGE)
    large = count_statements(client, path)
    _assert_flat(path, small, large, "ideas")


def test_idea_page_does_not_grow_with_supports_and_events(client):
    subject = OneIdea()
    path = f"/ideas/{subject.idea.id}"
    subject.grow_to(SMALL)
    small = count_statements(client, path)
    subject.grow_to(LARGE)
    large = count_statements(client, path)
    _assert_flat(path, small, large, "supports and events")


def test_idea_page_logged_in_does_not_grow(client):
    subject = OneIdea()
    visitor = make_user()
    login(client, visitor)
    path = f"/ideas/{subject.idea.id}"
    subject.grow_to(SMALL)
    small = count_statements(client, path)
    subject.grow_to(LARGE)
    large = count_statements(client, path)
    _assert_flat(f"{path} (logged in)", small, large, "supports and events")


class Reactions:
    """Grows the reactions on one idea: every third one a reply, a makelaar among the writers."""

    def __init__(self):
        from participatie.accounts.roles import Role

        self.idea = make_idea(make_user(), **_located(0))
        self.writers = [_supporter() for _ in range(4)] + [make_user(Role.MAKELAAR, wijken=["west"])]
        self.made: list = []

    def grow_to(self, total: int) -> None:
        from participatie.reactions import services as reactions

        for i in range(len(self.made), total):
            parent = self.made[i - 1] if i % 3 == 2 and self.made[i - 1].parent_id is None else None
            writer = self.writers[i % len(self.writers)]
            self.made.append(reactions.post(writer, self.idea, f"Reactie {i}: https://example.org/{i}", parent=parent))


@pytest.mark.parametrize("logged_in", [False, True])
def test_idea_page_does_not_grow_with_200_reactions(client, app, monkeypatch, logged_in):
    monkeypatch.setitem(app.config, "REACTIONS_PER_HOUR", 10_000)
    monkeypatch.setitem(app.config, "NEW_ACCOUNT_MAX_LINKS", 10)
    subject = Reactions()
    if logged_in:
        login(client, make_user())
    path = f"/ideas/{subject.idea.id}"
    subject.grow_to(SMALL)
    small = count_statements(client, path)
    subject.grow_to(200)
    with StatementCounter(db.engine) as counter:
        response = client.get(path)
    assert response.status_code == 200 and "Reactie 199" not in response.get_data(as_text=True)  # page 1 of 3
    print(f"\nqueries {path} (logged in: {logged_in}): {small} with {SMALL} reactions, "
          f"{len(counter.statements)} with 200")
    # One more at most: the reactions are counted only when they fill more than one page.
    assert small <= len(counter.statements) <= small + 1
