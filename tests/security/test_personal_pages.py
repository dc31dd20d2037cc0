"""Personal pages are never cached; admin routes check the role before they look up an id."""

import pytest

from tests.security.sweep import observed, rules, url_and_method
from tests.security.world import MISSING, as_role, build_world

# (role, URL) of the personal pages the issue names; the sweep below adds every admin page.
PERSONAL = [
    ("resident", "/account/settings"),
    ("resident", "/account/delete"),
    ("resident", "/account/notifications"),
    ("makelaar", "/makelaar"),
    ("ambassador", "/ambassador"),
    ("admin", "/admin/users"),
]


def _no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize(("role", "url"), PERSONAL)
def test_personal_pages_are_sent_with_no_store(client, ctx, role, url):
    world = build_world()
    as_role(client, world, role)
    response = client.get(url)
    assert response.status_code == 200
    assert _no_store(response), response.headers.get("Cache-Control")


def test_every_page_a_logged_in_person_gets_is_no_store_and_public_pages_stay_cacheable(app, client, ctx):
    world = build_world()
    checked, cached = 0, []
    for rule in rules(app):
        if "GET" not in rule.methods:
            continue
        url, _method = url_and_method(rule, world.ids)
        for role in ("resident", "admin"):
            as_role(client, world, role)
            response = client.get(url)
            if response.status_code == 200 and response.mimetype == "text/html":
                checked += 1
                if not _no_store(response):
                    cached.append(f"{url} as {role}: {response.headers.get('Cache-Control')}")
    assert checked >= 40 and cached == []
    as_role(client, world, "anonymous")
    assert not _no_store(client.get("/ideas")) and not _no_store(client.get("/static/css/site.css"))


def _admin_rules(app):
    return [r for r in rules(app) if r.endpoint.startswith("admin.")]


@pytest.mark.parametrize("role", ["resident", "makelaar", "ambassador"])
def test_admin_routes_refuse_non_admins_before_looking_up_the_id(app, client, ctx, role):
    world = build_world()
    as_role(client, world, role)
    answers = {}
    for rule in _admin_rules(app):
        for label, user_id in (("existing", world.ids["user_id"]), ("missing", MISSING)):
            for method in sorted(rule.methods & {"GET", "POST"}):
                url, _ = url_and_method(rule, {**world.ids, "user_id": user_id})
                answers[f"{method} {url} ({label})"] = observed(client.open(url, method=method, data={}))
    assert len(answers) >= 8
    assert set(answers.values()) == {403}, answers


@pytest.mark.parametrize("role", ["resident", "makelaar"])
def test_ambassador_routes_refuse_residents_before_looking_up_the_idea(app, client, ctx, role):
    world = build_world()
    as_role(client, world, role)
    staff = [r for r in rules(app) if r.rule.startswith("/ambassador")]
    answers = {}
    for rule in staff:
        for label, idea_id in (("existing", world.ids["idea_id"]), ("missing", MISSING)):
            url, method = url_and_method(rule, {**world.ids, "idea_id": idea_id})
            answers[f"{method} {url} ({label})"] = observed(client.open(url, method=method, data={}))
    assert len(staff) >= 8 and set(answers.values()) == {403}, answers


def test_admin_routes_send_anonymous_visitors_to_the_login_page(app, client, ctx):
    world = build_world()
    for rule in _admin_rules(app):
        url, method = url_and_method(rule, {**world.ids, "user_id": MISSING})
        assert observed(client.open(url, method=method, data={})) == "login", url


def test_an_admin_still_gets_404_for_a_missing_account(client, ctx):
    world = build_world()
    as_role(client, world, "admin")
    assert client.get(f"/admin/users/{MISSING}/delete").status_code == 404
    assert client.get(f"/admin/users/{MISSING}").status_code == 404
    assert client.get(f"/admin/users/{world.ids['user_id']}/delete").status_code == 200
