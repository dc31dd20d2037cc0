"""Accounts-only fixtures: a second browser, and apps with rate limiting or CSRF switched on."""

import pytest

from participatie import create_app
from participatie.extensions import db, limiter
from tests.conftest import TEST_CONFIG, database_url


@pytest.fixture
def other_client(app, database):
    """A second browser."""
    return app.test_client()


def _separate_app(instance_dir, **config):
    return create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir), **config})


def _dispose(extra_app):
    with extra_app.app_context():
        db.engine.dispose()


@pytest.fixture
def limited_client(instance_dir, database):
    """A client of an app with login rate limiting on (3 per minute).

    The limiter is a module singleton: its `enabled` flag and storage are shared by every
    app in the process, so both are put back afterwards.
    """
    was_enabled = limiter.enabled
    extra_app = _separate_app(instance_dir, RATELIMIT_ENABLED=True, RATELIMIT_LOGIN="3 per minute")
    limiter.reset()
    try:
        yield extra_app.test_client()
    finally:
        limiter.reset()
        limiter.enabled = was_enabled
        _dispose(extra_app)


@pytest.fixture
def csrf_client(instance_dir, database):
    """A client of an app with CSRF protection on."""
    extra_app = _separate_app(instance_dir, WTF_CSRF_ENABLED=True)
    try:
        yield extra_app.test_client()
    finally:
        _dispose(extra_app)
