"""Site-wide behaviour: headers, language, error pages, assets."""

import re
from pathlib import Path

import pytest

from tests.factories import make_idea

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = ["/", "/ideas", "/map", "/wijken", "/wijken/west", "/account/login", "/account/register"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_answer_in_dutch_with_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="nl"' in html
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_inline_scripts_carry_the_request_nonce(client):
    response = client.get("/map")
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    html = response.get_data(as_text=True)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline, "the map page has its folium script inline"
    for attrs in inline:
        assert f'nonce="{nonce}"' in attrs or 'type="application/json"' in attrs


def test_the_nonce_changes_per_request(client):
    first = client.get("/map").headers["Content-Security-Policy"]
    second = client.get("/map").headers["Content-Security-Policy"]
    assert first != second


def test_english_is_one_tap_away(client):
    response = client.get("/taal/en?next=/ideas")
    assert response.status_code == 303 and response.headers["Location"].endswith("/ideas")
    html = client.get("/ideas").get_data(as_text=True)
    assert '<html lang="en"' in html and "Ideas and dreams" in html


def test_not_found_page_is_dutch_and_helpful(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.get_data(as_text=True)


def test_unknown_wijk_is_404(client):
    assert client.get("/wijken/amsterdam").status_code == 404


def test_wijk_page_shows_its_ideas_and_threshold(client):
    make_idea(title="Speeltuin in Overvecht", wijk_slug="overvecht")
    make_idea(title="Bankje in Zuid", wijk_slug="zuid")
    html = client.get("/wijken/overvecht").get_data(as_text=True)
    assert "Speeltuin in Overvecht" in html and "Bankje in Zuid" not in html
    assert "Steunen 25 mensen een idee? Dan reageert de gemeente binnen 10 werkdagen." in html


def test_home_page_counts_ideas_per_wijk(client):
    make_idea(wijk_slug="west")
    make_idea(wijk_slug="west")
    html = client.get("/").get_data(as_text=True)
    assert re.search(r"West</span>\s*<span class=\"wijk-tile__count\">2 ideeën", html)


def test_static_files_are_cached(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response.cache_control.max_age >= 3600


THIRD_PARTY = re.compile(r"https?://(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}/[^\s\"')]*\.(?:js|css|woff2?)\b")


def test_no_third_party_assets_in_templates_or_site_code():
    sources = [*ROOT.joinpath("templates").rglob("*.html"), *ROOT.joinpath("static/css").glob("*.css"),
               *ROOT.joinpath("static/js").glob("*.js"), *ROOT.joinpath("participatie").rglob("*.py")]
    offenders = [f"{p.relative_to(ROOT)}: {m}" for p in sources for m in THIRD_PARTY.findall(p.read_text())]
    assert not offenders


@pytest.mark.parametrize("path", ["/", "/ideas", "/map", "/wijken/west"])
def test_pages_reference_only_files_that_exist(client, path):
    html = client.get(path).get_data(as_text=True)
    for ref in re.findall(r'(?:src|href)="(/static/[^"?]+)"', html):
        assert client.get(ref).status_code == 200, ref


def test_the_language_switch_is_remembered_for_a_logged_in_user(client):
    from participatie.accounts.models import User
    from participatie.extensions import db
    from tests.conftest import login
    from tests.factories import make_user

    user = make_user()
    login(client, user)
    client.get("/taal/en?next=/")
    assert db.session.get(User, user.id).locale == "en"
