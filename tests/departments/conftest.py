"""Fixtures of the departments tests."""

import pytest


@pytest.fixture
def web(app, database, client):
    """A test client plus a request context (data set up with services, then browsed)."""
    with app.test_request_context():
        yield client
