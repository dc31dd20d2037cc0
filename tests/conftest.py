"""Fixtures: one app per session on SQLite (default) or PostgreSQL (DATABASE_URL)."""

import os
from pathlib import Path

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from sqlalchemy import text

from participatie import create_app
from participatie.extensions import db as _db
from participatie.geo.services import ensure_wijken
from participatie.web import pagecache

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret",
    "WTF_CSRF_ENABLED": False,
    "RATELIMIT_ENABLED": False,
    "SITE_URL": "http://localhost",
}


class IsolatedClient(FlaskClient):
    """Each request gets its own app context (its own flask.g and db session), as in production.

    Without this, requests run inside the test's app context and share flask.g, so
    Flask-Login's cached user and Flask-Babel's locale leak from one request to the next.
    After a request, the test's session forgets what it loaded, so it sees the committed rows.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
            response.was_streamed = response.is_streamed
            if response.is_streamed:
                # Read a streamed body (the open-data GeoJSON) inside its context, as a server would;
                # left unread, its generator tears its context down whenever it is collected.
                response.get_data()
        if has_app_context():
            _db.session.expire_all()
        return response


def database_url(instance: Path) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'test.sqlite'}"


@pytest.fixture(scope="session")
def instance_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("instance")
    os.environ["PARTICIPATIE_INSTANCE"] = str(path)
    return path


@pytest.fixture(scope="session")
def app(instance_dir):
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir)})
    app.test_client_class = IsolatedClient
    with app.app_context():
        _db.drop_all()
        _drop_alembic_version()
        _db.create_all()
    return app


def _drop_alembic_version():
    with _db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def _empty_tables():
    """Delete every row, children first, so each test starts from the same state."""
    for table in reversed(_db.metadata.sorted_tables):
        _db.session.execute(table.delete())
    _db.session.commit()


@pytest.fixture
def database(app):
    """A clean database with the Utrecht wijken loaded, inside an app context."""
    with app.app_context():
        _empty_tables()
        ensure_wijken()
        pagecache.start_afresh()
        yield _db
        _db.session.rollback()
        _db.session.remove()


@pytest.fixture
def ctx(app, database):
    """An app and request context, for calling services directly."""
    with app.test_request_context():
        yield


@pytest.fixture
def web(app, database, client):
    """A test client plus a request context, for tests that set up data with services (they need
    url_for) and then browse."""
    with app.test_request_context():
        yield client


@pytest.fixture
def config(app, monkeypatch):
    """Change app.config for one test; restored afterwards."""
    def set_(key, value):
        monkeypatch.setitem(app.config, key, value)
    return set_


@pytest.fixture
def client(app, database):
    return app.test_client()


@pytest.fixture
def outbox(app):
    """The development outbox: a list of sent messages (parsed), newest last."""
    from email import policy
    from email.parser import BytesParser

    folder = Path(app.instance_path) / "outbox"
    for old in folder.glob("*.eml"):
        old.unlink()

    class Outbox:
        def messages(self):
            files = sorted(folder.glob("*.eml"), key=lambda p: (p.stat().st_mtime_ns, p.name))
            return [BytesParser(policy=policy.default).parsebytes(p.read_bytes()) for p in files]

        def last_body(self) -> str:
            return self.messages()[-1].get_body(("plain",)).get_content()

    return Outbox()


def login(client, user, password="correct horse battery"):
    response = client.post("/account/login", data={"email": user.email, "password": password})
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    return response
