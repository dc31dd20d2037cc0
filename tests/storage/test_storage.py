"""participatie.storage: the same behaviour from the database (default) and the directory backend."""

from datetime import UTC, datetime, timedelta

import pytest

from participatie import storage
from participatie.extensions import db


@pytest.fixture(params=["database", "directory"])
def backend(request, app, ctx, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "STORAGE_BACKEND", request.param)
    monkeypatch.setitem(app.config, "STORAGE_DIR", str(tmp_path / "store"))
    return request.param


def test_put_get_delete(backend):
    storage.put("tests/a.jpg", b"\xff\xd8photo", "image/jpeg")
    db.session.commit()
    blob = storage.get("tests/a.jpg")
    assert blob.data == b"\xff\xd8photo" and blob.content_type == "image/jpeg" and storage.exists("tests/a.jpg")
    storage.delete("tests/a.jpg")
    db.session.commit()
    assert storage.get("tests/a.jpg") is None and not storage.exists("tests/a.jpg")


def test_take_gives_a_file_once(backend):
    storage.put("tests/import.csv", b"id;kind", "text/csv")
    db.session.commit()
    assert storage.take("tests/import.csv").data == b"id;kind"
    assert storage.take("tests/import.csv") is None


def test_old_files_are_removed_under_their_prefix_only(backend):
    storage.put("tests/old.csv", b"1", "text/csv")
    storage.put("other/keep.csv", b"2", "text/csv")
    db.session.commit()
    assert storage.delete_older_than("tests", datetime.now(UTC) + timedelta(seconds=5)) == 1
    db.session.commit()
    assert storage.get("tests/old.csv") is None and storage.get("other/keep.csv").data == b"2"


@pytest.mark.parametrize("key", ["../etc/passwd", "tests/../../x", "/abs", "Tests/A.jpg", "", "a" * 201])
def test_keys_outside_the_rules_are_refused(backend, key):
    with pytest.raises(ValueError):
        storage.put(key, b"x", "text/plain")
    assert storage.get(key) is None
