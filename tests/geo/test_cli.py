"""`flask geo import` replaces boundaries; a bad file changes nothing."""

import json

from participatie.geo.services import DEFAULT_BOUNDARIES, wijk_by_slug


def test_import_replaces_the_geometry_of_known_wijken(app, database, tmp_path):
    data = json.loads(DEFAULT_BOUNDARIES.read_text())
    west = next(f for f in data["features"] if f["id"] == "WK034401")
    west["geometry"] = {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.01, 52.0], [5.01, 52.01], [5.0, 52.0]]]}
    path = tmp_path / "finer.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [west]}))

    result = app.test_cli_runner().invoke(args=["geo", "import", str(path)])

    assert result.exit_code == 0, result.output
    assert "Imported 1 wijken" in result.output
    assert wijk_by_slug("west").max_lat == 52.01


def test_import_refuses_a_file_without_wijk_codes(app, database, tmp_path):
    before = wijk_by_slug("west").geometry_json
    path = tmp_path / "other.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "XX", "properties": {}, "geometry": {"type": "Point", "coordinates": [5, 52]}}]}))

    result = app.test_cli_runner().invoke(args=["geo", "import", str(path)])

    assert result.exit_code != 0
    assert "no features with a known wijk code" in result.output
    assert wijk_by_slug("west").geometry_json == before
