"""Bad input from the address bar and forms: control characters and numbers out of range.

Never a 500; a number no id column can hold is a 404 on every route with an id, a page number
out of range shows a page; a NUL byte typed into a form is dropped and the rest is kept.
Run on PostgreSQL too (DATABASE_URL): that is where NUL and 3,000,000,000 used to give a 500.
"""

import pytest
from werkzeug.routing import IntegerConverter

from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.ideas.models import Idea
from tests.factories import make_idea
from tests.ideas.test_views import NEW_IDEA
from tests.responses.helpers import person, sign_in
from tests.security.sweep import observed, rules, url_and_method
from tests.security.world import as_role, build_world

HUGE = ("99999999999999999999", "9223372036854775808", "3000000000", "2147483648")


def _int_rules(app):
    return [r for r in rules(app)
            if any(isinstance(c, IntegerConverter) for c in r._converters.values())]


def test_ids_out_of_range_are_not_found_on_every_route_with_an_id(app, ctx, client):
    world = build_world()
    int_rules = _int_rules(app)
    assert len(int_rules) >= 21  # the sweep really covers the routes with ids
    wrong = []
    for rule in int_rules:
        for huge in HUGE:
            url, method = _huge_url(rule, world.ids, huge)
            for role in ("anonymous", "admin"):
                as_role(client, world, role)
                response = client.open(url, method=method, data={} if method == "POST" else None)
                if observed(response) not in (404, "login"):
                    wrong.append(f"{method} {url} as {role}: {response.status_code}")
    assert wrong == []


def _huge_url(rule, ids: dict, huge: str):
    """The rule's URL and method with every id replaced by `huge` (written in by hand: the
    converter may refuse to build it)."""
    placeholder = {name: 7777777 + n for n, name in enumerate(rule._converters)
                   if isinstance(rule._converters[name], IntegerConverter)}
    url, method = url_and_method(rule, {**ids, **placeholder})
    for value in placeholder.values():
        url = url.replace(str(value), huge)
    return url, method


@pytest.mark.parametrize("path", ["/ideas", "/socialmap", "/account/notifications", "/admin/users"])
@pytest.mark.parametrize("page", ["9223372036854775807", "99999999999999999999", "-3", "0"])
def test_page_numbers_out_of_range_show_a_page(client, ctx, path, page):
    sign_in(client, person(Role.ADMIN))
    make_idea()
    response = client.get(f"{path}?page={page}")
    assert response.status_code == 200


def test_an_entry_number_out_of_range_in_a_query_is_ignored(client, ctx):
    sign_in(client, person(Role.MAKELAAR, wijken=("west",)))
    response = client.get("/socialmap/new?entry=99999999999999999999")
    assert response.status_code in (200, 403)


# --- control characters ----------------------------------------------------------------------

def test_a_nul_byte_in_the_idea_form_is_dropped_and_the_idea_is_kept(client, ctx):
    sign_in(client, person())
    data = {**NEW_IDEA, "title": "Bankjes\x00 bij de speeltuin", "body": NEW_IDEA["body"] + "\x00\x07",
            "offer": "Ik kan\x1b helpen schilderen.\r\nEn zagen."}
    response = client.post("/ideas/new", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    idea = db.session.scalar(db.select(Idea).order_by(Idea.id.desc()))
    assert idea.title == NEW_IDEA["title"] and idea.body == NEW_IDEA["body"]
    assert idea.offer == "Ik kan helpen schilderen.\r\nEn zagen."  # newlines are not control noise


@pytest.mark.parametrize("url", ["/ideas?q=%00", "/ideas?q=tuin%00&wijk=%00west", "/socialmap?q=%00%01",
                                 "/ideas?kind=%00", "/map?q=%00", "/api/ideas.geojson?q=%00",
                                 "/socialmap/similar?q=%00", "/account/login?next=/%00"])
def test_a_nul_byte_in_a_search_or_query_gives_a_page(client, ctx, url):
    make_idea()
    response = client.get(url)
    assert response.status_code < 400 or response.status_code == 404


@pytest.mark.parametrize("url", ["/wijken/%00", "/wijken/west%00", "/account/confirm/abc%00def"])
def test_a_nul_byte_in_the_address_is_not_found(client, ctx, url):
    response = client.get(url)
    assert response.status_code in (400, 404)


def test_a_nul_byte_in_login_and_registration_is_no_500(client, ctx):
    response = client.post("/account/login", data={"email": "a\x00@example.org", "password": "x\x00"})
    assert response.status_code == 422
    response = client.post("/account/register", data={"display_name": "Buur\x00", "email": "nul\x00@example.org",
                                                     "password": "x\x00", "password_again": "x\x00"})
    assert response.status_code == 422


def test_an_idea_number_out_of_range_in_the_link_form_is_refused(client, ctx):
    idea = make_idea()
    sign_in(client, person(Role.MAKELAAR, wijken=("west",)))
    for number in ("3000000000", "99999999999999999999", "-1"):
        response = client.post(f"/ideas/{idea.id}/links/idea", data={"other": number})
        assert response.status_code == 303
