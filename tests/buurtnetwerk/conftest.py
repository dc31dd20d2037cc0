import pytest


@pytest.fixture
def web(app, database, client):
    """A test client plus a request context, for tests that set up data with services and then browse."""
    with app.test_request_context():
        yield client


@pytest.fixture
def config(app, monkeypatch):
    def set_(key, value):
        monkeypatch.setitem(app.config, key, value)
    return set_
