"""/healthz, /readyz, JSON logs with the request id and the user, and /metrics (issue 14)."""

import io
import json
import logging

import pytest

from participatie import create_app
from participatie.extensions import db
from participatie.web import logs
from tests.conftest import TEST_CONFIG, IsolatedClient, database_url
from tests.factories import make_user
from tests.responses.helpers import sign_in


@pytest.fixture
def site(instance_dir, database):
    made = []

    def make(**config):
        extra_app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir), **config})
        extra_app.test_client_class = IsolatedClient
        made.append(extra_app)
        return extra_app

    yield make
    for extra_app in made:
        with extra_app.app_context():
            db.engine.dispose()


def test_healthz_is_cheap_and_public(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz_says_what_is_wrong_without_secrets(client, app):
    # the suite's database is made with create_all, without Alembic: migrations are "not at head"
    response = client.get("/readyz")
    body = response.get_json()
    assert response.status_code == 503 and body["status"] == "not ready"
    assert body["checks"] == {"database": "ok", "migrations": "not at head", "redis": "not configured"}
    assert "sqlite" not in response.get_data(as_text=True) and "postgres" not in response.get_data(as_text=True)


def test_readyz_is_degraded_when_redis_is_gone(site, monkeypatch):
    from participatie.web import health

    monkeypatch.setattr(health, "_database", lambda: {"database": "ok", "migrations": "ok"})
    extra = site(REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens on port 1
    response = extra.test_client().get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "degraded",
                                   "checks": {"database": "ok", "migrations": "ok", "redis": "unreachable"}}


def test_a_request_id_is_echoed_or_made(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "<script>"}).headers["X-Request-ID"]
    assert made != "<script>" and len(made) == 32


def test_every_log_line_is_json_with_request_id_address_and_user(client, app):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RequestContext())
    handler.setFormatter(logs._formatter("json"))
    logging.getLogger().addHandler(handler)
    old_level = logs.access_log.level
    logs.access_log.setLevel(logging.INFO)
    try:
        user = make_user()
        sign_in(client, user)
        client.get("/account/settings", headers={"X-Request-ID": "req-42", "X-Forwarded-For": "198.51.100.1"})
    finally:
        logging.getLogger().removeHandler(handler)
        logs.access_log.setLevel(old_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    [access] = [line for line in lines if line["request_id"] == "req-42"]
    assert access["logger"] == "participatie.access" and access["status"] == 200
    assert access["user_id"] == str(user.id) and access["remote_addr"] == "127.0.0.1"  # PROXY_HOPS 0
    assert access["path"] == "/account/settings" and access["duration_ms"] >= 0


def test_metrics_are_off_by_default_and_token_protected(site, client):
    assert client.get("/metrics").status_code == 404
    extra = site(METRICS_ENABLED=True, METRICS_TOKEN="geheim")
    web = extra.test_client()
    web.get("/healthz")
    assert web.get("/metrics").status_code == 404
    response = web.get("/metrics", headers={"Authorization": "Bearer geheim"})
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'participatie_http_requests_total{endpoint="health.healthz",method="GET",status="200"}' in text
    assert "participatie_http_request_duration_seconds_bucket" in text
    assert "participatie_job_tick_duration_seconds" in text and "participatie_mail_outbox" in text


def test_a_pdf_does_not_flood_the_log_with_the_pdf_library_s_steps(client, app):
    """WeasyPrint logs a dozen INFO lines per PDF; at the production level (INFO) only warnings of it pass."""
    from tests.factories import make_idea

    idea = make_idea()
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        assert client.get(f"/print/ideas/{idea.id}.pdf").status_code == 200
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert not [r for r in records if r.name.startswith("weasyprint") and r.levelno < logging.WARNING]
