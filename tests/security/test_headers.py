"""Security headers on every HTML page of the sweep, and the session cookie's flags."""

import pytest

from participatie import create_app
from participatie.extensions import db
from tests.conftest import TEST_CONFIG, database_url, login
from tests.factories import make_user
from tests.security.sweep import rules, url_and_method
from tests.security.world import as_role, build_world


def _directives(csp: str) -> dict:
    parts = (d.strip().split() for d in csp.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


def _header_problems(response) -> list[str]:
    problems = []
    csp = response.headers.get("Content-Security-Policy", "")
    directives = _directives(csp)
    script_src = directives.get("script-src", directives.get("default-src"))
    if not csp or script_src is None:
        problems.append("no CSP script-src")
    elif "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
        problems.append(f"unsafe script-src: {script_src}")
    if directives.get("frame-ancestors") != ["'none'"]:
        problems.append("CSP frame-ancestors not 'none'")
    if response.headers.get("X-Frame-Options") != "DENY":
        problems.append("X-Frame-Options")
    if response.headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("nosniff")
    if not response.headers.get("Referrer-Policy"):
        problems.append("Referrer-Policy")
    return problems


@pytest.mark.parametrize("role", ["anonymous", "resident"])
def test_every_html_page_has_the_security_headers(app, ctx, client, role):
    world = build_world()
    checked, problems = 0, []
    for rule in rules(app):
        if "GET" not in rule.methods:
            continue
        url, _ = url_and_method(rule, world.ids)
        as_role(client, world, role)
        response = client.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        checked += 1
        problems += [f"{url}: {p}" for p in _header_problems(response)]
    assert checked >= 20, checked  # the sweep really reached the public pages
    assert problems == []


def test_map_nonce_differs_per_request(client, ctx):
    """The map's inline script runs by a per-request nonce, not 'unsafe-inline'."""
    nonces = set()
    for _ in range(2):
        response = client.get("/map")
        script_src = _directives(response.headers["Content-Security-Policy"])["script-src"]
        nonce = next(s for s in script_src if s.startswith("'nonce-"))
        assert nonce[len("'nonce-"):-1] in response.get_data(as_text=True)
        nonces.add(nonce)
    assert len(nonces) == 2


def _session_cookie(response, name="session") -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{name}=")]
    assert cookies, response.headers.getlist("Set-Cookie")
    return cookies[-1]


def _flags(cookie: str) -> set[str]:
    return {part.strip().lower() for part in cookie.split(";")[1:]}


def test_session_cookie_is_httponly_and_lax(client, ctx):
    user = make_user()
    flags = _flags(_session_cookie(login(client, user)))
    assert "httponly" in flags
    assert "samesite=lax" in flags


@pytest.fixture
def production_like_client(instance_dir, database):
    """An app with TESTING off (and not in debug): cookies must be Secure."""
    extra_app = create_app({**TEST_CONFIG, "TESTING": False, "DEBUG": False,
                            "SQLALCHEMY_DATABASE_URI": database_url(instance_dir)})
    try:
        assert not (extra_app.debug or extra_app.testing)
        yield extra_app.test_client()
    finally:
        with extra_app.app_context():
            db.engine.dispose()


def test_session_cookie_is_secure_outside_debug_and_testing(production_like_client, ctx):
    user = make_user()
    response = production_like_client.post("/account/login",
                                           data={"email": user.email, "password": "correct horse battery"})
    assert response.status_code == 303
    cookie = _session_cookie(response)
    assert "secure" in _flags(cookie)
    assert {"httponly", "samesite=lax"} <= _flags(cookie)
