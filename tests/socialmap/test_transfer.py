"""Import and export: good rows are saved, any bad row means nothing changes and every problem is reported."""

import csv
import io
import json

import pytest
from sqlalchemy import func, select

from participatie.accounts.roles import Role
from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.socialmap import transfer
from participatie.socialmap.models import EntryEdit, SocialMapEntry
from tests.responses.helpers import fresh, person
from tests.socialmap.conftest import make_entry, makelaar

HEADER = "kind;name;description;themes;wijk;address;lat;lng;evening;weekend;cost;step_free;signup_needed;suitable_for"
GOOD = [
    "ontmoetingsplek;Buurthuis Lombok;Een huiskamer;ontmoeten;west;Kanaalstraat 1;52,0905;5,0985;ja;nee;gratis;ja;nee;iedereen",
    "activity;Taalcafé;Nederlands oefenen;ontmoeten|zorg;West;;;;nee;ja;small;nee;ja;elderly",
]


def _csv(*rows) -> bytes:
    return "\n".join([HEADER, *rows]).encode("utf-8")


def _entries() -> int:
    return db.session.scalar(select(func.count(SocialMapEntry.id)))


def test_good_rows_are_imported(ctx_db):
    broker = makelaar("west")
    report = transfer.import_file(broker, "kaart.csv", _csv(*GOOD))
    assert report.ok and (report.created, report.updated) == (2, 0)
    house = db.session.scalar(select(SocialMapEntry).where(SocialMapEntry.name == "Buurthuis Lombok"))
    assert house.kind.value == "meeting_place" and house.lat == pytest.approx(52.0905) and house.step_free
    assert house.evening and house.cost.value == "free" and house.wijk.slug == "west"
    cafe = db.session.scalar(select(SocialMapEntry).where(SocialMapEntry.name == "Taalcafé"))
    assert cafe.themes == ["ontmoeten", "zorg"] and cafe.signup_needed and cafe.suitable_for.value == "elderly"
    assert cafe.verified_by_id == broker.id
    assert {e.action for e in db.session.scalars(select(EntryEdit))} == {"imported"}


def test_one_bad_row_changes_nothing_and_every_problem_is_reported(ctx_db):
    broker = makelaar("west")
    existing = make_entry(name="Al bekend")
    bad = [
        "kroeg;Café;;;west;;;;nee;nee;gratis;nee;nee;iedereen",  # unknown kind
        "activity;;Zonder naam;;west;;;;nee;nee;gratis;nee;nee;iedereen",  # no name
        "activity;Ver weg;;;west;;52.37;4.89;nee;nee;gratis;nee;nee;iedereen",  # Amsterdam
        "activity;Andere wijk;;;zuid;;;;nee;nee;gratis;nee;nee;iedereen",  # not the makelaar's wijk
        "activity;Raar;;;west;;;;misschien;nee;gratis;nee;nee;iedereen",  # not yes/no
        "activity;Duur;;;west;;;;nee;nee;heel duur;nee;nee;iedereen",  # unknown cost
    ]
    report = transfer.import_file(broker, "kaart.csv", _csv(GOOD[0], *bad, GOOD[1]))
    assert not report.ok
    assert [number for number, _ in report.problems] == [3, 4, 5, 6, 7, 8]
    assert _entries() == 1 and fresh(existing).name == "Al bekend"


def test_an_export_can_be_edited_and_imported_again(ctx_db):
    admin = person(Role.ADMIN)
    entry = make_entry(admin, name="Buurttuin Lombok", step_free=True, phone="030-1234567")
    text = transfer.export_csv(transfer.all_entries_query(admin))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0]["id"] == str(entry.id) and rows[0]["step_free"] == "ja" and rows[0]["phone"] == "030-1234567"
    rows[0]["name"] = "Buurttuin Lombok-Oost"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=transfer.COLUMNS, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    report = transfer.import_file(admin, "kaart.csv", out.getvalue().encode())
    assert report.ok and (report.created, report.updated) == (0, 1)
    assert fresh(entry).name == "Buurttuin Lombok-Oost" and _entries() == 1


def test_geojson_round_trip_and_bad_geojson(ctx_db):
    admin = person(Role.ADMIN)
    make_entry(admin, name="Tuin <script>alert(1)</script> & co")
    text = transfer.export_geojson(transfer.all_entries_query(admin))
    assert "<" not in text and "&" not in text
    data = json.loads(text)
    data["features"][0]["id"] = None
    data["features"][0]["properties"]["id"] = ""
    data["features"][0]["properties"]["name"] = "Tweede tuin"
    report = transfer.import_file(admin, "kaart.geojson", json.dumps(data).encode())
    assert report.ok and report.created == 1 and _entries() == 2
    with pytest.raises(transfer.ImportFileError):
        transfer.import_file(admin, "kaart.geojson", b'{"type": "nope"}')


def test_file_level_problems(ctx_db):
    broker = makelaar("west")
    with pytest.raises(transfer.ImportFileError):
        transfer.import_file(broker, "kaart.csv", b"naam;wijk\nTuin;west\n")
    assert not transfer.import_file(broker, "kaart.csv", HEADER.encode()).ok  # no rows
    with pytest.raises(NotAllowed):
        transfer.import_file(person(), "kaart.csv", _csv(*GOOD))


def test_a_makelaar_exports_only_own_wijken(ctx_db):
    make_entry(name="In West")
    make_entry(name="In Zuid", lat=52.0745, lng=5.1290)
    text = transfer.export_csv(transfer.all_entries_query(makelaar("west")))
    assert "In West" in text and "In Zuid" not in text
