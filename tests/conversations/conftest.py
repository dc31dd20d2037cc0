"""Fixtures of the conversations tests."""

import pytest


@pytest.fixture
def web(app, database, client):
    """A test client plus a request context, for tests that set up data with services and then browse."""
    with app.test_request_context():
        yield client
