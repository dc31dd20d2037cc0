"""The social-map pages as people use them, and a role x action table for every route."""

import io
import json
import re

import pytest

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.socialmap import links, services
from participatie.socialmap.models import IdeaLink, Suggestion
from tests.factories import make_idea
from tests.responses.helpers import fresh, nl_date, page, person, sign_in, tr
from tests.socialmap.conftest import LOMBOK, LOMBOK_NEAR, ZUID, make_entry, makelaar

HTMX = {"HX-Request": "true"}
ROLES = ("anonymous", "resident", "makelaar", "other_makelaar", "ambassador", "admin")


@pytest.fixture
def cast(web):
    return {"anonymous": None, "resident": person(), "makelaar": makelaar("west"),
            "other_makelaar": makelaar("zuid"), "ambassador": person(Role.AMBASSADOR), "admin": person(Role.ADMIN)}


def _status(codes):
    return dict(zip(ROLES, codes))


def test_role_by_action_table(web, cast):
    entry = make_entry(name="Buurthuis Lombok")
    idea = make_idea(lat=LOMBOK[0], lng=LOMBOK[1])
    table = [
        ("GET", "/socialmap", {}, _status([200] * 6)),
        ("GET", f"/socialmap/{entry.id}", {}, _status([200] * 6)),
        ("GET", "/api/socialmap.geojson", {}, _status([200] * 6)),
        ("GET", "/socialmap/similar?title=moestuin&wijk=west", {}, _status([200] * 6)),
        ("GET", "/socialmap/new", {}, _status([302, 403, 200, 200, 403, 200])),
        ("GET", f"/socialmap/{entry.id}/edit", {}, _status([302, 403, 200, 403, 403, 200])),
        ("POST", f"/socialmap/{entry.id}/verify", {}, _status([302, 403, 303, 403, 403, 303])),
        ("POST", f"/socialmap/{entry.id}/archive", {"archived": "0"}, _status([302, 403, 303, 403, 403, 303])),
        ("GET", "/socialmap/suggest", {}, _status([302, 200, 200, 200, 200, 200])),
        ("GET", "/makelaar", {}, _status([302, 403, 200, 200, 403, 200])),
        ("GET", "/socialmap/export.csv", {}, _status([302, 403, 200, 200, 403, 200])),
        ("GET", "/socialmap/export.geojson", {}, _status([302, 403, 200, 200, 403, 200])),
        ("GET", "/socialmap/import", {}, _status([302, 403, 200, 200, 403, 200])),
        ("POST", "/socialmap/import/confirm", {"token": "0" * 32}, _status([302, 403, 303, 303, 403, 303])),
        ("GET", "/socialmap/photos/0123456789abcdef0123456789abcdef.jpg", {}, _status([404] * 6)),
        ("POST", "/socialmap/similar", {"title": "Moestuin"}, _status([303, 200, 200, 200, 200, 200])),
        ("GET", "/makelaar/collect", {}, _status([302, 403, 200, 200, 403, 403])),
        ("POST", f"/ideas/{idea.id}/paper-supports", {}, _status([302, 403, 303, 403, 403, 303])),
        ("POST", f"/ideas/{idea.id}/links/idea", {}, _status([302, 403, 303, 403, 303, 303])),
        ("POST", f"/ideas/{idea.id}/links/entry", {}, _status([302, 403, 303, 403, 303, 303])),
    ]
    for method, url, data, expected in table:
        for role in ROLES:
            sign_in(web, cast[role])
            response = web.open(url, method=method, data=data)
            assert response.status_code == expected[role], (method, url, role, response.status_code)


def test_unlink_and_tip_handling_by_role(web, cast):
    entry = make_entry()
    idea = make_idea(lat=LOMBOK[0], lng=LOMBOK[1])
    expected_unlink = _status([302, 403, 303, 403, 303, 303])
    expected_tip = _status([302, 403, 303, 403, 403, 303])
    for role in ROLES:
        link_id = links.link_entry(cast["admin"], idea, entry, "related").id
        tip_id = services.suggest(cast["resident"], wijk_slug="west", name="Breiclub", message="Elke maandag.").id
        sign_in(web, cast[role])
        assert web.post(f"/socialmap/links/{link_id}/delete").status_code == expected_unlink[role], role
        assert web.post(f"/makelaar/tips/{tip_id}/done").status_code == expected_tip[role], role
        db.session.expire_all()
        if db.session.get(IdeaLink, link_id):
            db.session.delete(db.session.get(IdeaLink, link_id))
        db.session.delete(db.session.get(Suggestion, tip_id))
        db.session.commit()


def test_entry_page_says_when_and_by_whom_it_was_checked(web):
    broker = makelaar("west", name="Sanne")
    entry = services.create_entry(broker, services.EntryInput(kind="activity", name="Koffieochtend",
                                                              wijk_slug="west", phone="030-1234567"))
    text = page(web.get(f"/socialmap/{entry.id}"))
    assert tr("Checked on %(date)s by %(name)s", date=nl_date(entry.verified_at), name="Sanne") in text
    assert "030-1234567" in text and "mailto:" not in text  # contact only when given


def test_archived_entries_are_gone_for_the_public(web):
    entry = make_entry()
    services.set_archived(person(Role.ADMIN), entry, True)
    assert web.get(f"/socialmap/{entry.id}").status_code == 404
    sign_in(web, makelaar("west"))
    assert web.get(f"/socialmap/{entry.id}").status_code == 200


def test_list_filters_on_threshold_attributes(web):
    make_entry(name="Gratis en zonder drempel", cost="free", step_free=True, evening=True)
    make_entry(name="Betaald met trap", cost="paid", step_free=False, weekend=True)
    cases = {"free=1": "Gratis", "step_free=1": "Gratis", "evening=1": "Gratis", "weekend=1": "Betaald",
             "q=trap": "Betaald"}
    for query, shown in cases.items():
        text = page(web.get(f"/socialmap?{query}"))
        hidden = "Betaald met trap" if shown == "Gratis" else "Gratis en zonder drempel"
        assert shown in text and hidden not in text, query


def test_geojson_filters_and_escaping(web):
    make_entry(name="<img src=x onerror=alert(1)> & tuin", cost="free", step_free=True)
    make_entry(name="Betaalde club", cost="paid", lat=ZUID[0], lng=ZUID[1], kind="organisation")
    make_entry(name="Zonder plek", lat=None, lng=None, wijk_slug="west")
    response = web.get("/api/socialmap.geojson")
    raw = response.get_data(as_text=True)
    assert response.mimetype == "application/geo+json" and "<" not in raw and "&" not in raw
    names = lambda url: sorted(f["properties"]["t"] for f in json.loads(web.get(url).data)["features"])
    assert names("/api/socialmap.geojson") == ["<img src=x onerror=alert(1)> & tuin", "Betaalde club"]
    assert names("/api/socialmap.geojson?free=1") == ["<img src=x onerror=alert(1)> & tuin"]
    assert names("/api/socialmap.geojson?kind=organisation&wijk=zuid") == ["Betaalde club"]
    assert names("/api/socialmap.geojson?step_free=1&wijk=zuid") == []
    assert names("/api/socialmap.geojson?bbox=52.07,5.12,52.08,5.14") == ["Betaalde club"]


def test_the_map_loads_entries_from_the_geojson_with_the_filters(web):
    text = web.get("/socialmap?free=1&wijk=west").get_data(as_text=True)
    assert "/api/socialmap.geojson?" in text and "free=1" in text and '"link": "/socialmap/{id}"' in text


def test_worklist_shows_stale_entries_and_tips_of_own_wijken(web):
    broker = makelaar("west")
    stale = make_entry(name="Oude koffieochtend")
    stale.verified_at = utcnow().replace(year=utcnow().year - 1)
    make_entry(name="Vers gecontroleerd")
    far = make_entry(name="Oud in Zuid", lat=ZUID[0], lng=ZUID[1])
    far.verified_at = stale.verified_at
    db.session.commit()
    services.suggest(person(), wijk_slug="west", name="Breiclub De Bolle Wol", message="Elke maandag breien.")
    sign_in(web, broker)
    text = page(web.get("/makelaar"))
    assert "Oude koffieochtend" in text and "Breiclub De Bolle Wol" in text
    assert "Vers gecontroleerd" not in text and "Oud in Zuid" not in text
    assert web.post(f"/socialmap/{stale.id}/verify", data={"next": "worklist"}).headers["Location"].endswith("/makelaar")
    web.get("/makelaar")  # shows the flash message (which names the entry)
    assert "Oude koffieochtend" not in page(web.get("/makelaar"))


def test_a_makelaar_creates_an_entry_with_the_form(web):
    sign_in(web, makelaar("west"))
    response = web.post("/socialmap/new", data={
        "kind": "activity", "name": "Breiclub", "wijk": "west", "cost": "small", "suitable_for": "everyone",
        "step_free": "y", "themes": ["ontmoeten"], "website": "https://breiclub.example.org"})
    assert response.status_code == 303
    entry_page = page(web.get(response.headers["Location"]))
    assert "Breiclub" in entry_page and "https://breiclub.example.org" in entry_page
    bad = web.post("/socialmap/new", data={"kind": "activity", "name": "Buiten de wijk", "wijk": "zuid",
                                           "cost": "free", "suitable_for": "everyone"})
    assert bad.status_code == 403


def test_a_resident_sends_a_tip(web):
    broker = makelaar("west")
    sign_in(web, person())
    response = web.post("/socialmap/suggest", data={"name": "Breiclub", "wijk": "west", "message": "Elke maandag."})
    assert response.status_code == 303
    from tests.responses.helpers import notified

    assert len(notified(broker)) == 1
    assert web.post("/socialmap/suggest", data={"name": "", "wijk": "west", "message": "x"}).status_code == 422


def test_import_page_reports_rows_and_saves_nothing(web):
    sign_in(web, makelaar("west"))
    content = b"kind;name;wijk\nactivity;Goed;west\nkroeg;Fout;west\n"
    response = web.post("/socialmap/import", data={"file": (io.BytesIO(content), "kaart.csv")},
                        content_type="multipart/form-data")
    assert response.status_code == 422
    assert tr("Row %(row)d: %(problem)s", row=3, problem=tr("Choose what kind of place or activity this is.")) \
        in page(response)
    assert "Goed" not in page(web.get("/socialmap"))


def test_export_downloads(web):
    make_entry(name="Buurthuis Lombok")
    sign_in(web, makelaar("west"))
    response = web.get("/socialmap/export.csv")
    assert "attachment" in response.headers["Content-Disposition"]
    assert "Buurthuis Lombok" in response.get_data(as_text=True)


# --- "Bestaat dit al in de buurt?" in the idea form -----------------------------------------------

def test_the_idea_form_has_the_step_for_htmx_and_without_js(web):
    sign_in(web, person())
    text = web.get("/ideas/new").get_data(as_text=True)
    assert 'hx-get="/socialmap/similar"' in text and 'formaction="/socialmap/similar"' in text


def test_htmx_partial_points_to_the_garden_around_the_corner(web):
    garden = make_entry(name="Buurttuin Lombok", lat=LOMBOK_NEAR[0], lng=LOMBOK_NEAR[1])
    make_entry(name="Buurttuin ver weg", lat=ZUID[0], lng=ZUID[1])
    response = web.get(f"/socialmap/similar?title=Moestuinen&lat={LOMBOK[0]}&lng={LOMBOK[1]}", headers=HTMX)
    text = page(response)
    assert response.status_code == 200 and text.lstrip().startswith('<div id="similar-list"')
    assert "Buurttuin Lombok" in text and f"/socialmap/{garden.id}" in text and "ver weg" not in text
    nothing = page(web.get(f"/socialmap/similar?title=Straatverlichting&lat={LOMBOK[0]}&lng={LOMBOK[1]}"))
    assert tr("We found nothing like this nearby. Go on with your idea!") in nothing


def test_without_js_the_check_button_keeps_everything_typed(web):
    garden_idea = make_idea(title="Moestuin bij de moskee", lat=LOMBOK_NEAR[0], lng=LOMBOK_NEAR[1])
    sign_in(web, person())
    typed = {"kind": "idee", "title": "Een buurttuin op het plein", "body": "Samen groente kweken met buren.",
             "lat": str(LOMBOK[0]), "lng": str(LOMBOK[1]), "wijk": "", "street": "Kanaalstraat",
             "offer": "Ik heb een schep.", "themes": ["groen"], "check": "1"}
    response = web.post("/socialmap/similar", data=typed)
    text = page(response)
    assert response.status_code == 200
    assert "Moestuin bij de moskee" in text and f"/ideas/{garden_idea.id}#support-{garden_idea.id}" in text
    for value in ("Een buurttuin op het plein", "Samen groente kweken met buren.", "Kanaalstraat",
                  "Ik heb een schep.", str(LOMBOK[0])):
        assert value in text
    assert re.search(r'value="groen"[^>]*checked|checked[^>]*value="groen"', text)
    assert 'action="/ideas/new"' in text  # posting still goes to the idea form


# --- links and paper supports on the idea page ------------------------------------------------------

def test_links_appear_on_both_pages_and_the_timeline(web):
    broker = makelaar("west")
    idea = make_idea(title="Een moestuin op het plein", lat=LOMBOK[0], lng=LOMBOK[1])
    entry = make_entry(name="Buurttuin Lombok")
    sign_in(web, broker)
    response = web.post(f"/ideas/{idea.id}/links/entry", data={"entry": entry.id, "kind": "related"})
    assert response.status_code == 303
    sign_in(web, None)
    idea_page = page(web.get(f"/ideas/{idea.id}"))
    assert f"/socialmap/{entry.id}" in idea_page and tr("Related initiative") in idea_page
    assert tr("%(name)s connected this idea:", name=broker.display_name) in idea_page
    assert "Een moestuin op het plein" in page(web.get(f"/socialmap/{entry.id}"))


def test_paper_support_form_on_the_idea_page(web):
    idea = make_idea()
    sign_in(web, makelaar("west"))
    assert tr("Add supports collected on paper") in page(web.get(f"/ideas/{idea.id}"))
    today = utcnow().date().isoformat()
    response = web.post(f"/ideas/{idea.id}/paper-supports",
                        data={"count": "14", "collected_where": "Markt", "collected_on": today})
    assert response.status_code == 303 and fresh(idea).paper_support_count == 14
    sign_in(web, person())
    text = page(web.get(f"/ideas/{idea.id}"))
    assert tr("Add supports collected on paper") not in text and "14" in text


def test_a_makelaar_enters_an_idea_for_a_resident(web):
    broker = makelaar("west", name="Sanne")
    sign_in(web, broker)
    response = web.post("/makelaar/collect", data={
        "occasion": "de markt", "kind": "droom", "title": "Een bankje bij de bushalte",
        "body": "Mevrouw kan niet lang staan bij de bus.", "wijk": "west", "contact_name": "Mevrouw Jansen"})
    assert response.status_code == 422  # contact without consent
    response = web.post("/makelaar/collect", data={
        "occasion": "de markt", "kind": "droom", "title": "Een bankje bij de bushalte",
        "body": "Mevrouw kan niet lang staan bij de bus.", "wijk": "west"})
    assert response.status_code == 303
    assert "de markt" in page(web.get(response.headers["Location"]))


def test_nav_shows_the_social_map_and_the_worklist_for_makelaars(web):
    assert 'href="/socialmap"' in web.get("/ideas").get_data(as_text=True)
    assert 'href="/makelaar"' not in web.get("/ideas").get_data(as_text=True)
    sign_in(web, makelaar("west"))
    assert 'href="/makelaar"' in web.get("/ideas").get_data(as_text=True)
