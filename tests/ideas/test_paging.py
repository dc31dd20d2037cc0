"""Counts that do not scan and pages that stop: 'meer dan 10.000', at most 50 pages, then refine."""

import json
import re

from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas import counting, paging
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaKind, IdeaStatus
from tests.conftest import login
from tests.factories import PLACES, make_idea, make_user


def bulk(n, **values):
    west = wijk_by_slug("west")
    db.session.add_all(Idea(kind=IdeaKind.IDEE, title=f"Idee {i}", body="Tekst", wijk_id=west.id,
                            status=IdeaStatus.OPEN, **values) for i in range(n))
    db.session.commit()


def test_a_count_above_the_ceiling_says_more_than(client, monkeypatch):
    monkeypatch.setattr(counting, "CEILING", 5)
    bulk(8)
    page = client.get("/ideas?q=idee").get_data(as_text=True)  # search words: counted, up to the ceiling
    assert "Meer dan 5 ideeën gevonden" in page
    page = client.get("/ideas").get_data(as_text=True)  # no filters: the counters know exactly
    assert "8 ideeën gevonden" in page


def test_the_pager_stops_and_says_how_to_go_further(client, monkeypatch):
    monkeypatch.setattr(paging, "MAX_PAGES", 2)
    bulk(50)
    last = client.get("/ideas?page=2").get_data(as_text=True)
    assert "Pagina 2 van 2" in last and 'rel="next"' not in last
    assert "Verfijn je zoekopdracht" in last
    beyond = client.get("/ideas?page=40")
    assert beyond.status_code == 200
    assert "Verfijn je zoekopdracht" in beyond.get_data(as_text=True)


def test_filters_the_counters_know_are_exact(client):
    make_idea(kind="idee", wijk_slug="west")
    make_idea(kind="droom", wijk_slug="west")
    make_idea(kind="idee", wijk_slug="zuid")
    page = client.get("/ideas?kind=idee&wijk=west").get_data(as_text=True)
    assert "1 idee gevonden" in page
    assert "0 ideeën gevonden" in client.get("/ideas?wijk=bestaat-niet").get_data(as_text=True)


def map_options(html: str) -> dict:
    return json.loads(re.search(r"Participatie\.viewMarkers\([^,]+, (\{.*?\})\);", html).group(1))


def test_the_map_says_how_many_are_on_it_and_how_many_have_no_place(client):
    lat, lng = PLACES["lombok"]
    make_idea(lat=lat, lng=lng)
    make_idea(lat=lat + 0.001, lng=lng)
    make_idea(wijk_slug="oost")
    page = client.get("/map").get_data(as_text=True)
    assert "2 op de kaart, 1 zonder vaste plek in de lijst" in page
    # the map comes before the explanation and the filters: on a phone it is on the first screen
    assert page.index('id="map-status"') < page.index("map-frame") < page.index("Zoeken en filteren")


def test_on_a_phone_the_map_opens_on_the_residents_own_wijk(client):
    author = make_user()
    make_idea(author, wijk_slug="overvecht")
    assert "phoneBounds" not in map_options(client.get("/map").get_data(as_text=True))
    login(client, author)
    overvecht = wijk_by_slug("overvecht")
    options = map_options(client.get("/map").get_data(as_text=True))
    assert options["phoneBounds"] == [[overvecht.min_lat, overvecht.min_lng], [overvecht.max_lat, overvecht.max_lng]]
    zuid = wijk_by_slug("zuid")
    assert map_options(client.get("/map?wijk=zuid").get_data(as_text=True))["phoneBounds"][0] == [zuid.min_lat,
                                                                                                zuid.min_lng]


def test_a_makelaar_map_opens_on_their_wijk(client):
    makelaar = make_user(Role.MAKELAAR, wijken=["west"])
    login(client, makelaar)
    west = wijk_by_slug("west")
    assert map_options(client.get("/map").get_data(as_text=True))["phoneBounds"][0] == [west.min_lat, west.min_lng]


def test_the_list_beside_the_map_follows_the_view(client):
    lat, lng = PLACES["lombok"]
    make_idea(title="Hier in beeld", lat=lat, lng=lng)
    make_idea(title="Ver weg", lat=PLACES["overvecht"][0], lng=PLACES["overvecht"][1], wijk_slug="overvecht")
    bbox = f"{lat - 0.005},{lng - 0.005},{lat + 0.005},{lng + 0.005}"
    partial = client.get(f"/map?bbox={bbox}", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert partial.lstrip().startswith('<div id="map-list">')
    assert "Hier in beeld" in partial and "Ver weg" not in partial
    assert "1 idee in beeld" in partial
