"""Idea pages as a visitor uses them: list, filters, detail, posting, editing."""

import json

from participatie.extensions import db
from participatie.ideas.models import Idea
from tests.conftest import login
from tests.factories import PLACES, make_idea, make_user

NEW_IDEA = {
    "kind": "droom",
    "title": "Bankjes bij de speeltuin",
    "body": "Ouders willen graag zitten terwijl de kinderen spelen.",
    "themes": ["spelen", "ontmoeten"],
    "needs": ["money"],
    "offer": "Ik kan helpen schilderen.",
    "wijk": "oost",
    "street": "Oosterstraat",
}


def test_anyone_can_browse_the_list(client):
    make_idea(title="Een moestuin voor iedereen")
    response = client.get("/ideas")
    assert response.status_code == 200
    assert "Een moestuin voor iedereen" in response.get_data(as_text=True)


def test_empty_list_explains_and_invites(client):
    page = client.get("/ideas").get_data(as_text=True)
    assert "Er zijn hier nog geen ideeën" in page


def test_filters_narrow_the_list(client):
    make_idea(title="Droom in West", kind="droom", wijk_slug="west", themes=["groen"])
    make_idea(title="Idee in Zuid", kind="idee", wijk_slug="zuid", themes=["verkeer"])
    cases = {
        "/ideas?wijk=zuid": ("Idee in Zuid", "Droom in West"),
        "/ideas?kind=droom": ("Droom in West", "Idee in Zuid"),
        "/ideas?theme=verkeer": ("Idee in Zuid", "Droom in West"),
        "/ideas?q=droom": ("Droom in West", "Idee in Zuid"),
        "/ideas?status=open&wijk=west": ("Droom in West", "Idee in Zuid"),
    }
    for url, (shown, hidden) in cases.items():
        page = client.get(url).get_data(as_text=True)
        assert shown in page and hidden not in page, url


def test_unknown_filter_values_are_ignored(client):
    make_idea(title="Gewoon een idee")
    response = client.get("/ideas?kind=xx&theme=<script>&sort=random&page=-3")
    assert response.status_code == 200
    assert "Gewoon een idee" in response.get_data(as_text=True)


def test_most_supported_comes_first_when_asked(client):
    quiet = make_idea(title="Weinig steun")
    popular = make_idea(title="Veel steun")
    popular.support_count = 9
    quiet.support_count = 1
    db.session.commit()
    page = client.get("/ideas?sort=support").get_data(as_text=True)
    assert page.index("Veel steun") < page.index("Weinig steun")
    page = client.get("/ideas").get_data(as_text=True)
    assert page.index("Veel steun") < page.index("Weinig steun")  # newest first: 'Veel' was posted last


def test_the_list_is_paginated(client, app):
    author = make_user()
    for i in range(app.config["IDEAS_PER_PAGE"] + 3):
        make_idea(author, title=f"Idee nummer {i:02d}")
    first = client.get("/ideas").get_data(as_text=True)
    second = client.get("/ideas?page=2").get_data(as_text=True)
    assert "Idee nummer 22" in first and "Idee nummer 00" not in first
    assert "Idee nummer 00" in second
    assert "Pagina 2 van 2" in second


def test_idea_page_shows_what_a_resident_needs(client):
    author = make_user(name="Fatima")
    idea = make_idea(author, lat=PLACES["lombok"][0], lng=PLACES["lombok"][1], wijk_slug=None,
                     needs=["space", "people"], offer="Ik heb gereedschap.")
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    for text in ("Een moestuin op het plein", "Fatima", "Wijk West", "Ruimte", "Mensen",
                 "Ik heb gereedschap.", "0 mensen steunen dit", "folium-map"):
        assert text in page, text
    assert author.email not in page


def test_unknown_ideas_are_not_found_and_hidden_ones_show_only_their_reason(client):
    idea = make_idea()
    idea.hidden, idea.hidden_reason = True, "personal"
    db.session.commit()
    response = client.get(f"/ideas/{idea.id}")
    assert response.status_code == 410
    page = response.get_data(as_text=True)
    assert "Verborgen: Persoonlijke gegevens" in page and idea.title not in page and idea.body not in page
    assert client.get("/ideas/999999").status_code == 404


def test_posting_asks_anonymous_visitors_to_log_in(client):
    response = client.get("/ideas/new")
    assert response.status_code == 302
    assert "/account/login" in response.headers["Location"]


def test_unconfirmed_accounts_are_asked_to_confirm_first(client):
    login(client, make_user(verified=False))
    response = client.get("/ideas/new")
    assert response.status_code == 403
    assert "Bevestig eerst je e-mailadres" in response.get_data(as_text=True)


def test_posting_an_idea_by_picking_a_wijk(client):
    login(client, make_user())
    response = client.post("/ideas/new", data=NEW_IDEA)
    assert response.status_code == 303
    idea = db.session.scalar(db.select(Idea).where(Idea.title == NEW_IDEA["title"]))
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}")
    assert idea.wijk.slug == "oost" and idea.lat is None
    assert idea.themes == ["ontmoeten", "spelen"]


def test_posting_with_a_point_on_the_map(client):
    login(client, make_user())
    lat, lng = PLACES["domtoren"]
    response = client.post("/ideas/new", data={**NEW_IDEA, "wijk": "", "lat": lat, "lng": lng})
    assert response.status_code == 303
    idea = db.session.scalar(db.select(Idea).where(Idea.title == NEW_IDEA["title"]))
    assert idea.wijk.slug == "binnenstad"


def test_errors_are_shown_next_to_the_field_and_input_is_kept(client):
    login(client, make_user())
    response = client.post("/ideas/new", data={**NEW_IDEA, "title": "", "body": "Kort"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul een titel in." in page
    assert "Gebruik tussen 20 en 5000 tekens." in page
    assert "Kort" in page and "Ik kan helpen schilderen." in page
    assert 'aria-invalid="true"' in page
    assert db.session.scalar(db.select(db.func.count(Idea.id))) == 0


def test_a_place_outside_utrecht_is_refused_with_a_clear_message(client):
    login(client, make_user())
    lat, lng = PLACES["amsterdam"]
    response = client.post("/ideas/new", data={**NEW_IDEA, "wijk": "", "lat": lat, "lng": lng})
    assert response.status_code == 422
    assert "buiten de gemeente Utrecht" in response.get_data(as_text=True)
    assert NEW_IDEA["body"] in response.get_data(as_text=True)


def test_no_place_at_all_is_refused(client):
    login(client, make_user())
    response = client.post("/ideas/new", data={**NEW_IDEA, "wijk": ""})
    assert response.status_code == 422
    assert "Kies een plek op de kaart of kies een wijk." in response.get_data(as_text=True)


def test_author_edits_and_others_get_403(client):
    author = make_user()
    idea = make_idea(author)
    login(client, make_user())
    assert client.get(f"/ideas/{idea.id}/edit").status_code == 403
    client.post("/account/logout")
    login(client, author)
    assert client.get(f"/ideas/{idea.id}/edit").status_code == 200
    response = client.post(f"/ideas/{idea.id}/edit", data={**NEW_IDEA, "title": "Nieuwe titel hier"})
    assert response.status_code == 303
    assert db.session.get(Idea, idea.id).title == "Nieuwe titel hier"


def test_author_posts_an_update_on_the_timeline(client):
    author = make_user()
    idea = make_idea(author)
    login(client, author)
    response = client.post(f"/ideas/{idea.id}/updates", data={"text": "We zoeken nog twee helpers."})
    assert response.status_code == 303
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "We zoeken nog twee helpers." in page


def test_others_cannot_post_updates(client):
    idea = make_idea()
    login(client, make_user())
    assert client.post(f"/ideas/{idea.id}/updates", data={"text": "Hallo"}).status_code == 403


def test_geojson_has_located_ideas_with_filters(client):
    lat, lng = PLACES["lombok"]
    located = make_idea(title="Op de kaart", lat=lat, lng=lng, wijk_slug=None, kind="idee")
    make_idea(title="Alleen een wijk", wijk_slug="zuid")
    data = client.get("/api/ideas.geojson").get_json(force=True)
    assert [f["id"] for f in data["features"]] == [located.id]
    feature = data["features"][0]
    assert feature["geometry"]["coordinates"] == [round(lng, 5), round(lat, 5)]
    assert feature["properties"] == {"t": "Op de kaart", "k": "idee", "s": 0, "st": "open", "r": 0}  # r: reactions
    assert client.get("/api/ideas.geojson?kind=droom").get_json(force=True)["features"] == []
    assert client.get("/api/ideas.geojson?wijk=zuid").get_json(force=True)["features"] == []
    inside = client.get(f"/api/ideas.geojson?bbox={lat-0.01},{lng-0.01},{lat+0.01},{lng+0.01}")
    assert len(inside.get_json(force=True)["features"]) == 1
    outside = client.get("/api/ideas.geojson?bbox=52.3,4.8,52.4,4.9")
    assert outside.get_json(force=True)["features"] == []


def test_geojson_never_contains_raw_markup(client):
    lat, lng = PLACES["lombok"]
    make_idea(title='<script>alert(1)</script>"><img onerror=x>', lat=lat, lng=lng, wijk_slug=None)
    response = client.get("/api/ideas.geojson")
    body = response.get_data(as_text=True)
    assert response.mimetype == "application/geo+json"
    assert "<script>" not in body and "<img" not in body
    assert json.loads(body)["features"][0]["properties"]["t"].startswith("<script>")


def test_map_page_lists_the_same_ideas_and_loads_only_local_assets(client):
    make_idea(title="Zichtbaar in de lijst")
    page = client.get("/map").get_data(as_text=True)
    assert "Zichtbaar in de lijst" in page
    assert '"url": "/api/map"' in page  # markers per view; the whole-city file is open data only
    assert "/api/ideas.geojson" not in page
    assert "Kadaster / CBS, 2025" in page
    assert "user-scalable=no" not in page and "maximum-scale" not in page
    for host in ("cdn.jsdelivr", "code.jquery", "cdnjs", "bootstrapcdn", "unpkg", "googleapis"):
        assert host not in page


def test_the_list_shows_when_the_city_owes_an_answer(client):
    from datetime import timedelta

    from participatie.clock import utcnow
    from participatie.ideas.status import IdeaStatus

    waiting = make_idea(title="Wacht op de gemeente")
    late = make_idea(title="Te laat beantwoord")
    waiting.status = late.status = IdeaStatus.AWAITING_RESPONSE
    waiting.response_due_at = utcnow() + timedelta(days=20)
    late.response_due_at = utcnow() - timedelta(days=20)
    db.session.commit()
    page = client.get("/ideas").get_data(as_text=True)
    assert "De gemeente reageert uiterlijk op" in page
    assert "werkdagen te laat" in page
