"""The app compresses its text answers (no proxy needed); behind nginx a setting turns that off."""

import gzip
import json

import pytest

from participatie import create_app
from tests.conftest import TEST_CONFIG, database_url
from tests.factories import PLACES, make_idea

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture
def ideas(database):
    lat, lng = PLACES["lombok"]
    for i in range(12):
        make_idea(title=f"Een idee met een lange titel, nummer {i}", lat=lat + i * 0.0001, lng=lng)


@pytest.mark.parametrize("path, mimetype", [
    ("/ideas", "text/html"),
    ("/api/map?bbox=52.085,5.09,52.095,5.105&zoom=19", "application/json"),
    ("/api/ideas.geojson", "application/geo+json"),
])
def test_text_answers_are_gzipped(client, ideas, path, mimetype):
    response = client.get(path, headers=GZIP)
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.headers["Content-Encoding"] == "gzip"
    gzip.decompress(response.get_data())  # a real gzip body


def test_the_whole_city_file_is_streamed_and_stays_valid(client, ideas):
    response = client.get("/api/ideas.geojson")
    assert response.was_streamed  # (the test client reads the stream inside its context)
    assert len(json.loads(response.get_data(as_text=True))["features"]) == 12


def test_behind_a_compressing_proxy_the_setting_turns_it_off(app, ideas, instance_dir):
    plain = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir),
                        "COMPRESS_ENABLED": False})
    response = plain.test_client().get("/ideas", headers=GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    assert "Een idee met een lange titel" in response.get_data(as_text=True)
