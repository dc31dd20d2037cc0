"""Residents never read the jargon "B1"; they read "in eenvoudige woorden" (issue 12, item 13).
Staff pages (the ambassador's answer form) may keep the term."""

import re

import pytest

from tests.factories import make_idea
from tests.responses.helpers import page, person, sign_in
from tests.responses.test_services import HARD



@pytest.fixture
def web(app, database, client):
    with app.test_request_context():
        yield client


PLAIN = "We willen een bankje bij de speeltuin. Dan kunnen ouders zitten. De kinderen spelen."


def visible(html: str) -> str:
    """The text a reader sees: no tags, attributes, scripts or styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_resident_pages_never_say_b1(web):
    author = person()
    idea = make_idea(author)
    sign_in(web, author)
    seen = {
        "post form": web.get("/ideas/new"),
        "live check, hard text": web.post("/b1/check?field=body", data={"body": HARD}, headers={"HX-Request": "true"}),
        "live check, plain text": web.post("/b1/check?field=body", data={"body": PLAIN}, headers={"HX-Request": "true"}),
        "check page without JavaScript": web.post("/b1/check?field=body&action=/ideas/new", data={"body": HARD}),
        "own idea": web.get(f"/ideas/{idea.id}"),
        "summary form": web.get(f"/ideas/{idea.id}/summary"),
        "summary saved": web.post(f"/ideas/{idea.id}/summary", data={"summary": PLAIN}, follow_redirects=True),
    }
    said = {label: re.findall(r".{0,40}\bB1\b.{0,20}", visible(page(response))) for label, response in seen.items()}
    assert {label: found for label, found in said.items() if found} == {}
    assert "in eenvoudige woorden" in visible(page(seen["own idea"]))
