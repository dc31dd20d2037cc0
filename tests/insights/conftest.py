"""Fixtures of the responses tests."""

import pytest


@pytest.fixture
def web(app, database, client):
    """A test client plus a request context, for tests that set up data with services and then browse."""
    with app.test_request_context():
        yield client


@pytest.fixture
def config(app, monkeypatch):
    """Change app.config for one test; restored afterwards."""
    def set_(key, value):
        monkeypatch.setitem(app.config, key, value)
    return set_
