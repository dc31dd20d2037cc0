"""Import in two steps: a preview that writes nothing, then "Importeren" (all or nothing)."""

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.socialmap import pending, transfer
from participatie.socialmap.models import EntryEdit, SocialMapEntry
from participatie.storage.models import StoredFile
from tests.responses.helpers import fresh, page, person, sign_in, tr
from tests.socialmap.conftest import make_entry, makelaar

HEADER = "id;kind;name;wijk;address"


def _csv(*rows) -> bytes:
    return "\n".join([HEADER, *rows]).encode("utf-8")


def _count(model=SocialMapEntry) -> int:
    return db.session.scalar(select(func.count(model.id)))


def _upload(web, content: bytes, name="kaart.csv"):
    return web.post("/socialmap/import", data={"file": (io.BytesIO(content), name)},
                    content_type="multipart/form-data")


def _token(text: str) -> str:
    return re.search(r'name="token" type="hidden" value="([0-9a-f]{32})"', text).group(1)


@pytest.fixture
def import_dir(database):
    """The staged imports (participatie.storage): (keys, make_old)."""
    def keys():
        return db.session.scalars(select(StoredFile.key).where(StoredFile.key.startswith(pending.PREFIX))).all()

    def make_old():
        old = datetime.now(UTC) - timedelta(seconds=pending.KEEP_SECONDS + 60)
        db.session.execute(update(StoredFile).values(created_at=old))
        db.session.commit()

    return keys, make_old


def test_preview_counts_and_first_rows_without_writing(ctx_db):
    broker = makelaar("west")
    existing = make_entry(broker, name="Buurthuis Lombok")
    rows = [f"{existing.id};meeting_place;Buurthuis Lombok-Oost;west;Kanaalstraat 1"]
    rows += [f";activity;Activiteit {n};west;" for n in range(12)]
    report = transfer.preview_file(broker, "kaart.csv", _csv(*rows))
    assert report.ok and (report.created, report.updated) == (12, 1)
    assert len(report.preview) == transfer.PREVIEW_ROWS
    first = report.preview[0]
    assert (first.number, first.entry_id, first.name, first.wijk) == (2, existing.id, "Buurthuis Lombok-Oost", "West")
    assert report.preview[1].entry_id is None and report.preview[1].kind.value == "activity"
    db.session.rollback()
    assert _count() == 1 and fresh(existing).name == "Buurthuis Lombok" and _count(EntryEdit) == 1


def test_preview_then_import(web, import_dir):
    broker = makelaar("west")
    existing = make_entry(broker, name="Buurthuis Lombok")
    sign_in(web, broker)
    content = _csv(f"{existing.id};meeting_place;Buurthuis Lombok-Oost;west;Kanaalstraat 1",
                   ";activity;Breiclub De Bolle Wol;west;Buurthuis Lombok")
    response = _upload(web, content)
    text = page(response)
    assert response.status_code == 200
    assert tr("Check before you import") in text
    for shown in ("Breiclub De Bolle Wol", "Buurthuis Lombok-Oost", "Kanaalstraat 1",
                  tr("Changes number %(id)d", id=existing.id), tr("New")):
        assert shown in text
    assert 'action="/socialmap/import/confirm"' in text and tr("Import") in text
    assert _count() == 1 and fresh(existing).name == "Buurthuis Lombok"  # nothing written yet

    token = _token(text)
    confirmed = web.post("/socialmap/import/confirm", data={"token": token})
    assert confirmed.status_code == 303 and confirmed.headers["Location"].endswith("/makelaar")
    assert _count() == 2 and fresh(existing).name == "Buurthuis Lombok-Oost"
    assert tr("Import done: %(created)d new, %(updated)d changed.", created=1, updated=1) in page(web.get("/makelaar"))
    assert import_dir[0]() == []

    again = web.post("/socialmap/import/confirm", data={"token": token})  # a double click imports once
    assert again.status_code == 303 and again.headers["Location"].endswith("/socialmap/import")
    assert _count() == 2


def test_an_invalid_file_shows_its_problems_and_no_import_button(web, import_dir):
    sign_in(web, makelaar("west"))
    response = _upload(web, _csv(";activity;Goed;west;", ";kroeg;Fout;west;", ";activity;Elders;zuid;"))
    text = page(response)
    assert response.status_code == 422
    assert tr("Row %(row)d: %(problem)s", row=3, problem=tr("Choose what kind of place or activity this is.")) in text
    assert tr("Row %(row)d: %(problem)s", row=4, problem=tr("Wijk %(wijk)s is not one of your wijken.", wijk="Zuid")) \
        in text
    assert "/socialmap/import/confirm" not in text and import_dir[0]() == []
    unreadable = _upload(web, b"naam;wijk\nTuin;west\n")
    assert unreadable.status_code == 422 and "/socialmap/import/confirm" not in page(unreadable)
    assert _count() == 0


def test_nobody_imports_someone_elses_upload(web, import_dir):
    owner = makelaar("west")
    sign_in(web, owner)
    token = _token(page(_upload(web, _csv(";activity;Breiclub;west;"))))
    for other in (makelaar("west"), person(Role.ADMIN)):
        sign_in(web, other)
        response = web.post("/socialmap/import/confirm", data={"token": token})
        assert response.status_code == 303 and response.headers["Location"].endswith("/socialmap/import")
    for bad in ("", "../../config.py", token.upper(), f"{owner.id}-{token}"):
        web.post("/socialmap/import/confirm", data={"token": bad})
    assert _count() == 0
    sign_in(web, owner)
    assert web.post("/socialmap/import/confirm", data={"token": token}).status_code == 303
    assert _count() == 1


def test_still_all_or_nothing_when_things_changed_after_the_preview(web, import_dir):
    broker = makelaar("west", "zuid")
    sign_in(web, broker)
    token = _token(page(_upload(web, _csv(";activity;In West;west;", ";activity;In Zuid;zuid;"))))
    broker.wijken = [w for w in broker.wijken if w.slug == "west"]  # loses Zuid in between
    db.session.commit()
    response = web.post("/socialmap/import/confirm", data={"token": token})
    assert response.status_code == 422
    assert tr("Wijk %(wijk)s is not one of your wijken.", wijk="Zuid") in page(response)
    assert _count() == 0


def test_uploads_expire_and_only_curators_confirm(ctx_db, web, import_dir):
    broker = makelaar("west")
    keys, make_old = import_dir
    token = pending.keep(broker, "kaart.csv", _csv(";activity;Oud;west;"))
    assert len(keys()) == 1
    make_old()
    assert pending.take(broker, token) is None and keys() == []
    sign_in(web, person())
    assert web.post("/socialmap/import/confirm", data={"token": token}).status_code == 403


def test_a_file_too_large_to_receive_gets_the_import_page_with_the_reason(web, import_dir):
    sign_in(web, makelaar("west"))
    response = _upload(web, b"kind;name;wijk\n" + b"activity;Tuin;west\n" * 500_000)  # about 9.5 MB
    text = page(response)
    assert response.status_code == 413
    assert tr("The file is too large. Split it up and import the parts one by one.") in text
    assert 'action="/socialmap/import"' in text and import_dir[0]() == []
