"""The database gone for 20 s, against a real gunicorn process and a real PostgreSQL behind a
TCP proxy that the test cuts: every request gets the site's own 503 page (Dutch, or English
when asked) with Retry-After, never Werkzeug's bare 500; afterwards the site recovers by itself.
On SQLite: a database file that cannot be opened gives the same 503 page."""

import os
import secrets
import subprocess
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from participatie import create_app
from participatie.config import normalise_database_url
from participatie.extensions import db
from tests.conftest import TEST_CONFIG
from tests.outage.conftest import free_port
from tests.outage.proxy import TcpProxy

ROOT = Path(__file__).resolve().parents[2]
PG_URL = make_url(normalise_database_url(os.environ.get("DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/x"))
PG_ADMIN = PG_URL.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", 20))
DUTCH = "De site is even niet bereikbaar"
ENGLISH = "The site is not available for a moment"
PAGES = ["/", "/ideas", "/ideas/1", "/map", "/account/login"]


def _admin(sql: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_database():
    """A PostgreSQL database of this test's own, with the schema; dropped afterwards."""
    try:
        _admin("SELECT 1")
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL ({PG_URL.host}:{PG_URL.port or 5432}) does not answer: {exc}")
    name = f"outage_{secrets.token_hex(4)}"
    _admin(f"CREATE DATABASE {name}")
    engine = create_engine(PG_URL.set(database=name))
    db.metadata.create_all(engine)
    engine.dispose()
    try:
        yield name
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _get(port: int, path: str, language: str = "nl"):
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": language})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.fixture
def site(pg_database, tmp_path):
    """gunicorn (2 threads) on a free port, talking to the database through the proxy."""
    proxy = TcpProxy(PG_URL.port or 5432, PG_URL.host or "127.0.0.1").start()
    port = free_port()
    through_proxy = PG_URL.set(host="127.0.0.1", port=proxy.port, database=pg_database)
    env = {**os.environ, "DATABASE_URL": through_proxy.render_as_string(hide_password=False),
           "PARTICIPATIE_INSTANCE": str(tmp_path), "FLASK_SECRET_KEY": secrets.token_hex(16),
           "FLASK_RATELIMIT_ENABLED": "false", "DATABASE_CONNECT_TIMEOUT": "3"}
    env.pop("PARTICIPATIE_ENV", None)
    log = open(tmp_path / "gunicorn.log", "wb")
    server = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "--workers", "1", "--threads", "2",
                               "--bind", f"127.0.0.1:{port}", "app:app"], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: _get(port, "/ideas")[0] == 200, 60, server, tmp_path)
        yield port, proxy
    finally:
        server.terminate()
        server.wait(timeout=15)
        proxy.cut()
        log.close()


def _wait(check, seconds: float, server=None, tmp_path=None) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if server is not None and server.poll() is not None:
            pytest.fail((tmp_path / "gunicorn.log").read_text()[-3000:])
        try:
            if check():
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"not within {seconds} s")


@pytest.mark.postgresql  # runs in the PostgreSQL run of the suite (DATABASE_URL)
def test_database_gone_for_20_seconds_gives_our_503_and_recovers(site):
    port, proxy = site
    proxy.cut()
    seen = []
    deadline = time.monotonic() + OUTAGE_SECONDS
    while time.monotonic() < deadline:
        for path in PAGES:
            status, headers, body = _get(port, path)
            seen.append(status)
            assert status in (200, 503), (path, status, body[:300])  # a cached page may still work
            if status == 200:
                continue
            assert headers.get("Retry-After", "").isdigit(), headers
            assert DUTCH in body and "Internal Server Error" not in body
            assert 'lang="nl"' in body
        status, _headers, body = _get(port, "/ideas", language="en")
        assert status == 503 and ENGLISH in body
        time.sleep(0.5)
    assert seen.count(503) >= 20

    proxy.restore()
    recovered_in = _wait(lambda: _get(port, "/ideas")[0] == 200, 10)
    assert [_get(port, path)[0] for path in ("/", "/ideas", "/account/login")] == [200] * 3
    print(f"503 on {len(seen)} requests in {OUTAGE_SECONDS:.0f} s; recovered {recovered_in:.1f} s after restore")


def test_sqlite_file_that_cannot_be_opened_gives_our_503(tmp_path):
    app = create_app({**TEST_CONFIG, "TESTING": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'missing-folder' / 'db.sqlite'}"})
    response = app.test_client().get("/ideas", headers={"Accept-Language": "nl"})
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert DUTCH in response.get_data(as_text=True)
