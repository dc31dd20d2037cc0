"""The demo-only time travel: the whole clock moves, and never in production."""

from datetime import timedelta

import pytest

from participatie import clock, create_app
from tests.conftest import TEST_CONFIG


def test_time_travel_moves_utcnow_by_the_given_days(monkeypatch):
    before = clock.utcnow()
    monkeypatch.setenv(clock.TIME_TRAVEL_ENV, "3")
    shifted = clock.utcnow()
    assert timedelta(days=3) <= shifted - before < timedelta(days=3, seconds=5)


def test_without_the_variable_the_clock_is_real(monkeypatch):
    monkeypatch.delenv(clock.TIME_TRAVEL_ENV, raising=False)
    assert clock.time_travel() == timedelta(0)


def test_production_refuses_to_start_with_time_travel(monkeypatch):
    monkeypatch.setenv("PARTICIPATIE_ENV", "production")
    monkeypatch.setenv(clock.TIME_TRAVEL_ENV, "2")
    with pytest.raises(RuntimeError, match=clock.TIME_TRAVEL_ENV):
        create_app({**TEST_CONFIG, "SECRET_KEY": "a-real-secret-for-this-test"})


def test_production_refuses_the_development_secret(monkeypatch):
    monkeypatch.setenv("PARTICIPATIE_ENV", "production")
    monkeypatch.delenv(clock.TIME_TRAVEL_ENV, raising=False)
    with pytest.raises(RuntimeError, match="FLASK_SECRET_KEY"):
        create_app({k: v for k, v in TEST_CONFIG.items() if k != "SECRET_KEY"})
