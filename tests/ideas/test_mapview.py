"""The map's feed per viewport (/api/map): clusters from SQL, a cap, wijk bubbles, filters, 304."""

import json

import pytest

from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas.mapview import MAX_ITEMS
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaKind, IdeaStatus
from tests.factories import PLACES, make_idea

CITY = "52.03,5.0,52.15,5.25"  # all of Utrecht
LOMBOK = "52.085,5.09,52.095,5.105"  # a few streets


def feed(client, bbox=CITY, zoom=12, **args):
    response = client.get("/api/map", query_string={"bbox": bbox, "zoom": zoom, **args})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def place(name, dlat=0.0, dlng=0.0, **overrides):
    lat, lng = PLACES[name]
    return make_idea(lat=lat + dlat, lng=lng + dlng, **overrides)


def clusters(data):
    return [i for i in data["items"] if i["type"] == "cluster"]


def test_a_city_view_shows_one_bubble_per_wijk_with_its_count(client):
    for i in range(3):
        place("lombok", dlat=i * 0.001)
    place("overvecht", wijk_slug="overvecht")
    make_idea(wijk_slug="west")  # no place: in the list, not on the map
    data = feed(client, zoom=12)
    assert data["mode"] == "wijken"
    assert feed(client, zoom=14)["mode"] == "wijken"  # a wide screen sees the city at a higher zoom
    bubbles = {c["name"]: c["n"] for c in clusters(data)}
    assert bubbles == {"West": 3, "Overvecht": 1}
    assert data["total"] == 4 and data["unlocated"] == 1
    west = wijk_by_slug("west")
    [bubble] = [c for c in clusters(data) if c["name"] == "West"]
    assert bubble["bounds"] == [[round(west.min_lat, 5), round(west.min_lng, 5)],
                                [round(west.max_lat, 5), round(west.max_lng, 5)]]


def test_only_ideas_inside_the_view_are_counted(client):
    place("lombok")
    place("overvecht", wijk_slug="overvecht")
    lat, lng = PLACES["lombok"]
    data = feed(client, bbox=f"{lat - 0.01},{lng - 0.01},{lat + 0.01},{lng + 0.01}", zoom=15)
    assert data["total"] == 1
    [item] = data["items"]
    assert item["type"] == "idea"


def test_zoomed_in_close_ideas_cluster_with_their_bounds_and_far_ones_stay_single(client):
    place("lombok")
    place("lombok", dlat=0.0001)
    place("lombok", dlat=0.02, title="Een bankje verderop")
    lat, lng = PLACES["lombok"]
    data = feed(client, bbox=f"{lat - 0.03},{lng - 0.03},{lat + 0.03},{lng + 0.03}", zoom=14)
    assert data["mode"] == "grid" and data["total"] == 3
    [cluster] = clusters(data)
    assert cluster["n"] == 2
    (south, west), (north, east) = cluster["bounds"]
    assert south == pytest.approx(lat, abs=1e-5) and north == pytest.approx(lat + 0.0001, abs=1e-5)
    [single] = [i for i in data["items"] if i["type"] == "idea"]
    assert single["t"] == "Een bankje verderop" and single["k"] == "droom" and single["s"] == 0


def test_street_zoom_shows_each_idea(client):
    place("lombok", title="Eerste")
    place("lombok", dlat=0.0001, title="Tweede")
    lat, lng = PLACES["lombok"]
    data = feed(client, bbox=f"{lat - 0.002},{lng - 0.002},{lat + 0.002},{lng + 0.002}", zoom=19)
    assert data["mode"] == "ideas"
    assert sorted(i["t"] for i in data["items"]) == ["Eerste", "Tweede"]


def test_never_more_than_the_cap_and_every_idea_still_counted(client):
    west = wijk_by_slug("west")
    lat, lng = PLACES["lombok"]
    db.session.add_all(Idea(kind=IdeaKind.IDEE, title=f"Idee {i}", body="Tekst", wijk_id=west.id,
                            status=IdeaStatus.OPEN, lat=lat + (i // 40) * 0.0005, lng=lng + (i % 40) * 0.0008)
                       for i in range(1200))
    db.session.commit()
    for zoom in (14, 16, 18, 20):  # a view far larger than a screen at this zoom
        data = feed(client, bbox=f"{lat - 0.05},{lng - 0.05},{lat + 0.05},{lng + 0.05}", zoom=zoom)
        assert len(data["items"]) <= MAX_ITEMS
        assert data["total"] == 1200


def test_filters_of_the_list_apply(client):
    place("lombok", kind="idee", themes=["groen"])
    place("lombok", dlat=0.001, kind="droom", themes=["verkeer"])
    assert feed(client, kind="idee")["total"] == 1
    assert feed(client, theme="verkeer")["total"] == 1
    assert feed(client, wijk="overvecht")["total"] == 0
    assert feed(client, zoom=15, q="moestuin")["total"] == 2


def test_hidden_ideas_are_not_on_the_map(client):
    idea = place("lombok")
    db.session.get(Idea, idea.id).hidden = True
    db.session.commit()
    assert feed(client)["total"] == 0
    assert feed(client, bbox=LOMBOK, zoom=18)["items"] == []


def test_unchanged_answers_304_and_a_change_gives_a_new_answer(client):
    place("lombok")
    first = client.get("/api/map", query_string={"bbox": CITY, "zoom": 12})
    etag = first.headers["ETag"]
    assert first.headers["Last-Modified"]
    assert "max-age" in first.headers["Cache-Control"]
    again = client.get("/api/map", query_string={"bbox": CITY, "zoom": 12}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    place("lombok", dlat=0.001)
    changed = client.get("/api/map", query_string={"bbox": CITY, "zoom": 12}, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.get_json()["total"] == 2
    assert client.get("/api/map", query_string={"bbox": CITY, "zoom": 13},
                      headers={"If-None-Match": changed.headers["ETag"]}).status_code == 200  # other view


def test_titles_arrive_as_text_never_as_markup(client):
    title = '<img src=x onerror="alert(1)"> & <script>'
    place("lombok", title=title)
    response = client.get("/api/map", query_string={"bbox": LOMBOK, "zoom": 18})
    raw = response.get_data(as_text=True)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert json.loads(raw)["items"][0]["t"] == title


@pytest.mark.parametrize("args", [{}, {"bbox": "1,2,3", "zoom": 12}, {"bbox": "a,b,c,d", "zoom": 12},
                                  {"bbox": CITY, "zoom": 99}, {"bbox": CITY, "zoom": "x"},
                                  {"bbox": "nan,1,2,3", "zoom": 12}])
def test_an_unreadable_view_is_a_400_not_a_500(client, args):
    response = client.get("/api/map", query_string=args)
    assert response.status_code == 400
    assert response.get_json()["error"]


def test_a_compressed_answer_is_also_answered_304(client):
    """Flask-Compress turns the ETag of a gzipped answer into "<tag>:gzip"; the browser sends that back."""
    for i in range(8):
        place("lombok", dlat=i * 0.0001)
    first = client.get("/api/map", query_string={"bbox": LOMBOK, "zoom": 19}, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    tag = first.headers["ETag"]
    assert tag.endswith(':gzip"')
    again = client.get("/api/map", query_string={"bbox": LOMBOK, "zoom": 19},
                       headers={"Accept-Encoding": "gzip", "If-None-Match": tag})
    assert again.status_code == 304


def test_the_count_in_view_agrees_with_the_list_when_a_wijk_sticks_out(client):
    place("lombok")
    place("lombok", dlat=0.005, dlng=-0.01)  # still in West, outside the view below
    lat, lng = PLACES["lombok"]
    bbox = f"{lat - 0.002},{lng - 0.08},{lat + 0.002},{lng + 0.08}"  # wide (a city view) but low
    data = feed(client, bbox=bbox, zoom=12)
    assert data["mode"] == "wijken" and clusters(data)[0]["n"] == 2  # the bubble counts its wijk
    assert data["total"] == 1  # the status line counts the view, as the list does
    page = client.get("/map", query_string={"bbox": bbox}, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "1 idee in beeld" in page
