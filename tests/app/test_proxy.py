"""PROXY_HOPS: behind nginx the client's address, the scheme and the host in links come from X-Forwarded-*."""

import pytest

from participatie import create_app
from participatie.extensions import db
from tests.conftest import TEST_CONFIG, IsolatedClient, database_url

FORWARDED = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https",
             "X-Forwarded-Host": "participatie.utrecht.nl"}


@pytest.fixture
def proxied(instance_dir, database):
    def make(hops):
        extra_app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir),
                                "PROXY_HOPS": hops})
        extra_app.test_client_class = IsolatedClient
        made.append(extra_app)
        return extra_app

    made = []
    yield make
    for extra_app in made:
        with extra_app.app_context():
            db.engine.dispose()


def _seen(extra_app):
    seen = {}

    @extra_app.get("/__seen")
    def _record():
        from flask import request, url_for

        seen.update(addr=request.remote_addr, link=url_for("dashboard.home", _external=True))
        return ""

    extra_app.test_client().get("/__seen", headers=FORWARDED)
    return seen


def test_behind_one_proxy_address_scheme_and_host_are_the_visitors(proxied):
    seen = _seen(proxied(1))
    assert seen == {"addr": "203.0.113.7", "link": "https://participatie.utrecht.nl/"}


def test_without_proxy_hops_forwarded_headers_are_not_believed(proxied):
    seen = _seen(proxied(0))
    assert seen["addr"] == "127.0.0.1" and seen["link"] == "http://localhost/"


def test_proxy_hops_from_the_environment(monkeypatch):
    from participatie.config import from_environment

    monkeypatch.setenv("PROXY_HOPS", "1")
    assert from_environment()["PROXY_HOPS"] == 1
