"""In production the app refuses unsafe values, each with its reason (issue 14)."""

import pytest

from participatie import create_app
from participatie.config import unsafe_for_production

SAFE = {"TESTING": True, "SECRET_KEY": "a-long-real-secret", "SITE_URL": "https://participatie.utrecht.nl",
        "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://app@db/participatie",
        "RATELIMIT_STORAGE_URI": "redis://redis:6379/0", "WEB_WORKERS": 4, "WEB_HOSTS": 2}


def _problems(**changes):
    return " ".join(unsafe_for_production({**SAFE, **changes}))


def test_a_safe_city_setup_passes():
    assert unsafe_for_production(SAFE) == []


@pytest.mark.parametrize("changes, reason", [
    ({"SECRET_KEY": "dev-only-secret-change-me"}, "FLASK_SECRET_KEY"),
    ({"SITE_URL": "http://127.0.0.1:5000"}, "SITE_URL"),
    ({"SITE_URL": "http://localhost"}, "SITE_URL"),
    ({"SQLALCHEMY_DATABASE_URI": "sqlite:///x.sqlite"}, "SQLite serves one worker"),
    ({"SQLALCHEMY_DATABASE_URI": "sqlite:///x.sqlite", "WEB_WORKERS": 1}, "SQLite serves one worker"),  # 2 hosts
    ({"RATELIMIT_STORAGE_URI": "memory://"}, "set REDIS_URL"),
])
def test_unsafe_values_are_named(changes, reason):
    assert reason in _problems(**changes)


def test_one_worker_on_sqlite_with_memory_limits_is_fine():
    assert _problems(SQLALCHEMY_DATABASE_URI="sqlite:///x.sqlite", RATELIMIT_STORAGE_URI="memory://",
                     WEB_WORKERS=1, WEB_HOSTS=1) == ""


def test_production_start_refuses_with_every_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTICIPATIE_ENV", "production")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(RuntimeError) as refused:
        create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}"})
    message = str(refused.value)
    for reason in ("FLASK_SECRET_KEY", "SITE_URL", "SQLite serves one worker", "set REDIS_URL"):
        assert reason in message
