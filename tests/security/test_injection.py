"""Hostile text through every main form and service; every page that shows it must escape it.

Payloads go into an idea (title, body, offer, street), an ambassador's answer, a social-map entry
(name, description, address, website, times), a conversation (title, agenda, venue) and display
names (registration and settings forms). A service or form may refuse a payload (a form error or
DomainValidationError); what it stores must never come back as live markup. The 5,000-character
string must never cause a 500.
"""

import json

import pytest
from sqlalchemy.exc import DataError

from participatie.accounts.roles import Role
from participatie.conversations import services as conversations
from participatie.web.errors import DomainValidationError
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.responses import services as responses
from participatie.socialmap import services as socialmap
from tests.conversations.helpers import conversation_input
from tests.factories import idea_input, make_user
from tests.responses.helpers import person, sign_in
from tests.socialmap.conftest import LOMBOK, entry_input

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
LONG = "Lang" + "x" * 4996
PAYLOADS = {"script": SCRIPT, "img": IMG, "js_url": JS_URL, "long": LONG}

# Live markup: what must never appear unescaped in a page, popup, feed, e-mail or calendar.
RAW_MARKERS = ("<script>alert(1)", "<img src=x onerror=alert", 'href="javascript:', "href='javascript:")


def _try(build, fallback):
    """Build with the payload; a refusal (validation error) is fine: build the safe version."""
    try:
        return build(), True
    except (DomainValidationError, DataError):  # DataError: see test_service_refuses_an_overlong_title
        db.session.rollback()
        return fallback(), False


def _world(payload):
    admin = person(Role.ADMIN)
    author = person(Role.RESIDENT, name=payload[:200] if payload is not LONG else "Auteur")
    owner = person(Role.AMBASSADOR)
    place = {"lat": LOMBOK[0], "lng": LOMBOK[1], "wijk_slug": None}
    idea, _ = _try(
        lambda: ideas.create_idea(author, idea_input(title=payload, body=f"Tekst {payload} tekst", offer=payload,
                                                     street=payload, **place)),
        lambda: ideas.create_idea(author, idea_input(**place)))
    responses.claim(owner, idea, f"Hallo {payload}")
    _try(lambda: responses.post_answer(owner, idea, f"Antwoord {payload}", confirm_difficult=True),
         lambda: responses.post_answer(owner, idea, "Antwoord", confirm_difficult=True))
    entry, _ = _try(
        lambda: socialmap.create_entry(admin, entry_input(name=payload, description=payload, address=payload,
                                                          website=JS_URL if payload is not LONG else payload,
                                                          times=payload)),
        lambda: socialmap.create_entry(admin, entry_input(website=JS_URL)))
    conversation, _ = _try(
        lambda: conversations.create_conversation(owner, conversation_input([idea], title=payload,
                                                                            agenda=payload, venue=payload)),
        lambda: conversations.create_conversation(owner, conversation_input([idea])))
    return {"admin": admin, "author": author, "owner": owner, "idea": idea, "entry": entry, "conversation": conversation}


def _pages(w):
    i, e, c = w["idea"].id, w["entry"].id, w["conversation"].id
    return [
        ("anonymous", f"/ideas/{i}"), ("anonymous", "/ideas"), ("anonymous", "/map"), ("anonymous", "/"),
        ("anonymous", "/wijken/west"), ("anonymous", "/socialmap"), ("anonymous", f"/socialmap/{e}"),
        ("anonymous", f"/conversations/{c}"), ("anonymous", f"/conversations/{c}.ics"),
        ("anonymous", "/conversations"), ("anonymous", "/acties"), ("anonymous", "/wijken/west/acties"),
        ("anonymous", "/api/ideas.geojson"), ("anonymous", "/api/socialmap.geojson"),
        ("anonymous", f"/print/ideas/{i}"), ("anonymous", f"/print/ideas/{i}/steunlijst"),
        ("anonymous", "/print/wijken/west"),
        ("admin", f"/ideas/{i}"), ("admin", f"/socialmap/{e}"), ("admin", f"/socialmap/{e}/edit"),
        ("admin", "/admin/users"), ("admin", f"/ambassador/ideas/{i}"), ("admin", "/ambassador"),
        ("admin", "/makelaar"), ("admin", f"/conversations/{c}/attendees"), ("admin", f"/ideas/{i}/summary"),
        ("owner", f"/ambassador/ideas/{i}"), ("owner", "/ambassador"),
        ("author", "/account/notifications"), ("author", "/account/settings"),
    ]


def _data_problems(url, response, payload) -> list[str]:
    """GeoJSON and calendars are data, not markup: they must parse, never pose as HTML,
    and a payload must not break out of its property (no injected calendar lines)."""
    text = response.get_data(as_text=True)
    if url.endswith(".geojson"):
        try:
            json.loads(text)
        except ValueError:
            return [f"{url}: not JSON"]
        return [] if response.mimetype in ("application/geo+json", "application/json") else [
            f"{url}: served as {response.mimetype}"]
    if url.endswith(".ics"):
        if response.mimetype != "text/calendar":
            return [f"{url}: served as {response.mimetype}"]
        unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
        names = [line.split(":", 1)[0].split(";", 1)[0] for line in unfolded.splitlines() if line]
        bad = [n for n in names if not n.isupper() or not n.replace("-", "").isalnum()]
        return [f"{url}: calendar lines broken by the payload: {bad[:3]}"] if bad else []
    return [f"{url}: unexpected {response.mimetype}"]


def _raw_markers(text: str) -> list[str]:
    return [m for m in RAW_MARKERS if m in text]


def _html_parts(message):
    for part in message.walk():
        if part.get_content_type() == "text/html":
            yield part.get_content()


@pytest.mark.parametrize("name", PAYLOADS)
def test_payload_is_escaped_everywhere(app, ctx, client, outbox, name):
    payload = PAYLOADS[name]
    w = _world(payload)
    who = {"anonymous": None, "admin": w["admin"], "owner": w["owner"], "author": w["author"]}
    problems = []
    for role, url in _pages(w):
        sign_in(client, who[role])
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"{url} as {role}: {response.status_code}")
            continue
        if response.mimetype != "text/html":
            problems += _data_problems(url, response, payload)
            continue
        found = _raw_markers(response.get_data(as_text=True))
        if found:
            problems.append(f"{url} as {role}: raw {found}")
    for message in outbox.messages():
        for html in _html_parts(message):
            if found := _raw_markers(html):
                problems.append(f"e-mail {message['Subject']!r}: raw {found}")
    assert problems == []


@pytest.mark.parametrize("name", PAYLOADS)
def test_display_name_through_the_forms(app, ctx, client, outbox, name):
    payload = PAYLOADS[name]
    response = client.post("/account/register", data={
        "display_name": payload, "email": f"inj-{name}@example.org", "password": "correct horse battery",
        "password_again": "correct horse battery", "consent_notifications": "y"})
    assert response.status_code in (200, 303, 422), response.status_code
    user = make_user(name="Gewone Naam")
    sign_in(client, user)
    response = client.post("/account/settings", data={"display_name": payload, "locale": "nl",
                                                      "email_frequency": "daily"})
    assert response.status_code in (200, 303, 422), response.status_code
    idea = ideas.create_idea(user, idea_input())
    pages = [f"/ideas/{idea.id}", "/account/settings", "/ideas", "/account/notifications"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _raw_markers(response.get_data(as_text=True)) == [], url
    sign_in(client, person(Role.ADMIN))
    response = client.get("/admin/users")
    assert response.status_code == 200
    assert _raw_markers(response.get_data(as_text=True)) == []
    for message in outbox.messages():
        for html in _html_parts(message):
            assert _raw_markers(html) == [], message["Subject"]


@pytest.mark.parametrize("name", PAYLOADS)
def test_idea_form_and_answer_form(app, ctx, client, name):
    """The same payloads through the real forms (not the services)."""
    payload = PAYLOADS[name]
    author = person(Role.RESIDENT)
    sign_in(client, author)
    response = client.post("/ideas/new", data={
        "kind": "droom", "title": payload, "body": f"Een lange genoeg tekst met {payload} erin.",
        "offer": payload, "street": payload, "themes": ["groen"], "needs": ["space"], "wijk": "west"})
    assert response.status_code == (422 if name == "long" else 303), response.status_code
    ideas_page = client.get("/ideas")
    assert ideas_page.status_code == 200
    assert _raw_markers(ideas_page.get_data(as_text=True)) == []
    idea = ideas.create_idea(author, idea_input())
    owner = person(Role.AMBASSADOR)
    responses.claim(owner, idea, "Hallo")
    sign_in(client, owner)
    response = client.post(f"/ambassador/ideas/{idea.id}/answer", data={"text": payload, "confirm_difficult": "y"})
    assert response.status_code < 500
    for url in (f"/ideas/{idea.id}", f"/ambassador/ideas/{idea.id}", f"/print/ideas/{idea.id}"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert _raw_markers(page.get_data(as_text=True)) == [], url


def test_payload_is_stored_and_shown_as_text(app, ctx, client):
    """Guard against a vacuous pass: the script payload is accepted and shown, escaped."""
    w = _world(SCRIPT)
    assert w["idea"].title == SCRIPT
    page = client.get(f"/ideas/{w['idea'].id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert w["conversation"].title == SCRIPT


def test_service_refuses_an_overlong_title(app, ctx):
    author = person(Role.RESIDENT)
    try:
        ideas.create_idea(author, idea_input(title=LONG))
    except DataError:
        db.session.rollback()
        raise AssertionError("the database refused it: a 500 for any caller without the form")
    except DomainValidationError:
        return
    raise AssertionError("a 5,000-character title was stored")
