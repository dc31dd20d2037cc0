"""Malformed import files get the import's own error list, never a 500; exports are safe in a spreadsheet.

The fuzz tests feed the importer random bytes, random CSV and random JSON/GeoJSON shapes
(hypothesis, a bounded number of examples). Whatever comes in, the importer answers with
a report or an ImportFileError, and the database is unchanged unless the report is ok.
"""

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.socialmap import transfer
from participatie.socialmap.models import SocialMapEntry
from tests.responses.helpers import fresh, page, sign_in, tr
from tests.socialmap.conftest import make_entry, makelaar
from tests.socialmap.test_import_preview import _token, _upload, import_dir  # noqa: F401  (fixture)

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _count() -> int:
    return db.session.scalar(select(func.count(SocialMapEntry.id)))


def _import_answers(actor, filename: str, content: bytes) -> None:
    """Preview and import: a report or ImportFileError, nothing else; nothing saved unless ok."""
    before = _count()
    for step in (transfer.preview_file, transfer.import_file):
        try:
            report = step(actor, filename, content)
        except transfer.ImportFileError as exc:
            assert str(exc)
            continue
        assert report.ok or report.problems
        if not report.ok or step is transfer.preview_file:
            db.session.rollback()
            assert _count() == before
    db.session.rollback()


def _deep(levels: int) -> bytes:
    return ("[" * levels + "]" * levels).encode()


MALFORMED = {
    "binary junk": ("kaart.csv", bytes(range(256)) * 40),
    "binary junk as geojson": ("kaart.geojson", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "nested 100,000 deep": ("kaart.geojson", _deep(100_000)),
    "nested inside a feature": ("kaart.geojson", b'{"type":"FeatureCollection","features":[{"properties":{"name":'
                                + _deep(900) + b"}}]}"),
    "features is an object": ("kaart.geojson", b'{"type":"FeatureCollection","features":{"a":1}}'),
    "features is a string": ("kaart.geojson", b'{"type":"FeatureCollection","features":"abc"}'),
    "a feature is a number": ("kaart.geojson", b'{"type":"FeatureCollection","features":[1, "x", null]}'),
    "properties is a list": ("kaart.geojson", b'{"type":"FeatureCollection","features":[{"properties":[1,2]}]}'),
    "properties is a string": ("kaart.geojson", b'{"type":"FeatureCollection","features":[{"properties":"n"}]}'),
    "geometry is a list": ("kaart.geojson", b'{"type":"FeatureCollection","features":[{"geometry":[1],'
                           b'"properties":{"name":"a","wijk":"west","kind":"activity"}}]}'),
    "coordinates are text": ("kaart.geojson", b'{"type":"FeatureCollection","features":[{"geometry":{"type":"Point",'
                             b'"coordinates":"52,5"},"properties":{"name":"a","wijk":"west","kind":"activity"}}]}'),
    "a top-level list": ("kaart.geojson", b"[1,2,3]"),
    "huge id in csv": ("kaart.csv", b"id;kind;name;wijk\n99999999999999999999;activity;Tuin;west\n"
                                    b"3000000000;activity;Tuin;west\n-5;activity;Tuin;west\n"),
    "huge id in geojson": ("kaart.geojson", b'{"type":"FeatureCollection","features":[{"id":1e400,'
                           b'"properties":{"name":"a","wijk":"west","kind":"activity"}}]}'),
    "not a number as latitude": ("kaart.csv", b"kind;name;wijk;lat;lng\nactivity;Tuin;west;nan;inf\n"),
    "a name far too long": ("kaart.csv", b"kind;name;wijk;phone\nactivity;" + b"n" * 5000 + b";west;"
                            + b"0" * 500 + b"\n"),
    "the same theme a hundred times": ("kaart.csv", b"kind;name;wijk;themes\nactivity;Tuin;west;"
                                       + b"groen;" * 100 + b"\n"),
    "a NUL in the header": ("kaart.csv", b"kind;na\x00me;wijk\nactivity;Tuin;west\n"),
    "unbalanced quotes": ("kaart.csv", b'kind;name;wijk\nactivity;"Tuin;west\n"a"b"c;\n'),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_files_get_the_importers_own_answer(ctx_db, name):
    filename, content = MALFORMED[name]
    _import_answers(makelaar("west"), filename, content)


@pytest.mark.parametrize("name", ["nested 100,000 deep", "features is an object", "properties is a list",
                                  "binary junk", "huge id in csv"])
def test_malformed_files_get_the_import_page_with_the_reason(web, import_dir, name):  # noqa: F811
    sign_in(web, makelaar("west"))
    response = _upload(web, MALFORMED[name][1], MALFORMED[name][0])
    assert response.status_code == 422 and "/socialmap/import/confirm" not in page(response)
    assert tr("Import the social map") in page(response)


def test_a_nul_byte_passes_preview_and_import(web, import_dir):  # noqa: F811
    sign_in(web, makelaar("west"))
    content = "kind;name;description;wijk\nactivity;Brei\x00club;Samen\x00 breien;west\n".encode()
    preview = _upload(web, content)
    assert preview.status_code == 200, page(preview)[:300]
    confirmed = web.post("/socialmap/import/confirm", data={"token": _token(page(preview))})
    assert confirmed.status_code == 303
    entry = db.session.scalar(select(SocialMapEntry))
    assert (entry.name, entry.description) == ("Breiclub", "Samen breien")


# --- fuzzing ---------------------------------------------------------------------------------

CELL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
COLUMN = st.sampled_from([*transfer.COLUMNS, "naam", "", "ID"])
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | CELL,
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(CELL, inner, max_size=4),
                          max_leaves=20)


@FUZZ
@given(content=st.binary(max_size=2000), geojson=st.booleans())
def test_fuzz_random_bytes(ctx_db, content, geojson):
    _import_answers(makelaar("west"), "kaart.geojson" if geojson else "kaart.csv", content)


@FUZZ
@given(header=st.lists(COLUMN, min_size=1, max_size=8), rows=st.lists(st.lists(CELL, max_size=8), max_size=5),
       separator=st.sampled_from([";", ",", "\t"]))
def test_fuzz_csv_rows(ctx_db, header, rows, separator):
    text = "\n".join(separator.join(cells) for cells in [["name", *header], *rows])
    _import_answers(makelaar("west"), "kaart.csv", text.encode())


FEATURE = st.fixed_dictionaries({}, optional={
    "type": st.sampled_from(["Feature", "Point"]) | JSON_VALUE,
    "id": JSON_VALUE,
    "geometry": JSON_VALUE | st.fixed_dictionaries({"type": st.just("Point"),
                                                    "coordinates": st.lists(JSON_VALUE, max_size=3)}),
    "properties": JSON_VALUE | st.dictionaries(COLUMN, JSON_VALUE, max_size=6),
})


@FUZZ
@given(features=st.lists(FEATURE, max_size=4) | JSON_VALUE, top=st.booleans())
def test_fuzz_geojson_shapes(ctx_db, features, top):
    document = {"type": "FeatureCollection", "features": features} if top else features
    _import_answers(makelaar("west"), "kaart.geojson", json.dumps(document).encode())


# --- export: formula injection -----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example","klik")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"]


def test_the_csv_export_neutralises_formulas_and_imports_back_unchanged(web, import_dir):  # noqa: F811
    broker = makelaar("west")
    entry = make_entry(broker, name=FORMULAS[0], description=FORMULAS[1], times=FORMULAS[2],
                       languages=FORMULAS[3], phone="+31 30 123 4567", address="-")
    sign_in(web, broker)
    response = web.get("/socialmap/export.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))], cells
    assert "'+31 30 123 4567" in cells and str(entry.lat) in cells  # numbers stay numbers
    assert FORMULAS[0] in page(web.get(f"/socialmap/{entry.id}"))  # the site shows it as typed
    preview = _upload(web, response.data)
    web.post("/socialmap/import/confirm", data={"token": _token(page(preview))})
    entry = fresh(entry)
    assert (entry.name, entry.description, entry.times, entry.languages, entry.phone, entry.address) == (
        FORMULAS[0], FORMULAS[1], FORMULAS[2], FORMULAS[3], "+31 30 123 4567", "-")
