"""Open data and Atom feeds: no personal data in any file, valid Atom, streamed with one query per file."""

import csv
import io
import json
import re
import time
from xml.etree import ElementTree as ET

import pytest
from sqlalchemy import insert

from participatie.accounts.roles import Role
from participatie.conversations.status import OwnerKind
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaKind, IdeaStatus
from participatie.regulations import services as regulations
from participatie.responses import services as responses
from participatie.supports import services as supports
from participatie.supports.models import SupportKind
from tests.app.test_query_counts import StatementCounter
from tests.conversations.helpers import planned
from tests.factories import make_idea
from tests.responses.helpers import claimed_idea, person

ATOM = "{http://www.w3.org/2005/Atom}"
EXPORTS = ["/open-data/ideeen.csv", "/open-data/ideeen.geojson", "/open-data/tijdlijn.csv", "/open-data/acties.csv",
           "/regels.csv", "/feed.atom", "/wijken/west/feed.atom", "/open-data/cijfers.csv"]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
RESIDENTS = ["Zwaantje Quirijnsdochter", "Bartholomeus Vlinderkamp", "Makelaar Ottoline Brandhorst"]


@pytest.fixture
def world(ctx):
    """Residents with distinctive names who post, support, update and answer; a makelaar endorses; an ambassador answers."""
    author = person(Role.RESIDENT, name=RESIDENTS[0])
    neighbour = person(Role.RESIDENT, name=RESIDENTS[1])
    makelaar = person(Role.MAKELAAR, name=RESIDENTS[2], wijken=("west",))
    ruud = person(Role.AMBASSADOR, name="Ruud Openbaar", department="Stadsbeheer")
    idea = make_idea(author, title="Bloembakken op de brug", lat=52.0905, lng=5.0985)
    supports.set_support(neighbour, idea, SupportKind.MEEDOEN, True, "Ik heb gereedschap.")
    other = make_idea(neighbour, title="Een bank bij de bushalte", wijk_slug="west")
    responses.endorse(makelaar, other, "Veel buren vragen hierom.")
    responses.claim(ruud, idea, "Hallo, ik ben Ruud van Stadsbeheer.")
    responses.post_answer(ruud, idea, "Bloembakken kunnen. We zoeken samen een plek.", confirm_difficult=True)
    from participatie.ideas import services as ideas
    ideas.add_update(author, idea, "We hebben al tien bloembakken.")
    conversation = planned(ruud, [idea])
    from participatie.conversations.models import ActionItem
    db.session.add_all([
        ActionItem(conversation_id=conversation.id, idea_id=idea.id, what="Plek kiezen", owner_kind=OwnerKind.INITIATOR,
                   owner=RESIDENTS[0], due_on=idea.created_at.date()),
        ActionItem(conversation_id=conversation.id, idea_id=idea.id, what="Bakken leveren",
                   owner_kind=OwnerKind.DEPARTMENT, owner="Stadsbeheer", due_on=idea.created_at.date())])
    db.session.commit()
    regulations.mark(ruud, idea, regulations.RuleInput(how="De brug mag niet zwaarder worden.",
                                                       name="Brugreglement", level="provincie"))
    return {"idea": idea, "ruud": ruud, "people": [author, neighbour, makelaar]}


def test_no_export_holds_an_email_address_or_a_resident_name(world, client):
    for url in EXPORTS:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.get_data(as_text=True)
        assert not EMAIL.findall(text), url
        for name in RESIDENTS:
            assert name not in text, f"{name} in {url}"
        for user in world["people"]:
            assert user.email not in text


def test_ambassador_names_and_departments_are_public(world, client):
    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/ideeen.csv").get_data(as_text=True))))
    flowers = next(r for r in rows if r["titel"] == "Bloembakken op de brug")
    assert (flowers["ambassadeur"], flowers["afdeling"]) == ("Ruud Openbaar", "Stadsbeheer")
    assert flowers["wijk"] == "West" and flowers["steunbetuigingen"] == str(world["idea"].supporter_total)
    assert flowers["meedoeners"] == "1"
    assert flowers["link"] == f"http://localhost/ideas/{world['idea'].id}"
    events = list(csv.DictReader(io.StringIO(client.get("/open-data/tijdlijn.csv").get_data(as_text=True))))
    answer = next(e for e in events if e["soort"] == "answer")
    assert (answer["van"], answer["ambassadeur"]) == ("gemeente", "Ruud Openbaar")
    update = next(e for e in events if e["soort"] == "update")
    assert (update["van"], update["ambassadeur"]) == ("inwoner", "")
    actions = list(csv.DictReader(io.StringIO(client.get("/open-data/acties.csv").get_data(as_text=True))))
    assert {a["wat"]: a["wie"] for a in actions} == {"Plek kiezen": "", "Bakken leveren": "Stadsbeheer"}


def test_hidden_ideas_stay_out(world, client):
    world["idea"].hidden = True
    db.session.commit()
    for url in ("/open-data/ideeen.csv", "/open-data/tijdlijn.csv", "/open-data/acties.csv", "/feed.atom"):
        assert "Bloembakken op de brug" not in client.get(url).get_data(as_text=True), url


def test_the_feeds_are_valid_atom(world, client):
    for url in ("/feed.atom", "/wijken/west/feed.atom", "/wijken/zuid/feed.atom"):
        response = client.get(url)
        assert response.mimetype == "application/atom+xml"
        feed = ET.fromstring(response.data)
        assert feed.tag == f"{ATOM}feed"
        for required in ("id", "title", "updated", "author"):
            assert feed.find(f"{ATOM}{required}") is not None, required
        for entry in feed.findall(f"{ATOM}entry"):
            for required in ("id", "title", "updated", "link"):
                assert entry.find(f"{ATOM}{required}") is not None
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.find(f"{ATOM}updated").text)
    city = ET.fromstring(client.get("/feed.atom").data)
    titles = [e.find(f"{ATOM}title").text for e in city.findall(f"{ATOM}entry")]
    assert "Nieuw idee in West: Bloembakken op de brug" in titles
    assert "De gemeente gaf antwoord in West: Bloembakken op de brug" in titles
    answer = next(e for e in city.findall(f"{ATOM}entry") if "antwoord" in e.find(f"{ATOM}title").text)
    assert answer.find(f"{ATOM}author/{ATOM}name").text == "Ruud Openbaar"
    assert ET.fromstring(client.get("/wijken/zuid/feed.atom").data).findall(f"{ATOM}entry") == []
    assert client.get("/wijken/nergens/feed.atom").status_code == 404


def test_pages_link_their_feeds_in_the_head(world, client):
    home = client.get("/").get_data(as_text=True)
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" href="/feed.atom"', home)
    wijk = client.get("/wijken/west").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml" href="/wijken/west/feed.atom"' in wijk


def test_the_open_data_page_describes_every_file(client):
    text = client.get("/open-data").get_data(as_text=True)
    for url in ("/open-data/ideeen.csv", "/open-data/ideeen.geojson", "/open-data/tijdlijn.csv",
                "/open-data/acties.csv", "/regels.csv", "/feed.atom", "/open-data/cijfers.csv"):
        assert f'href="{url}"' in text
    assert "CC0 1.0" in text and "CC BY 4.0" in text and "geen namen van bewoners" in text


def test_the_figures_file_holds_the_numbers_of_the_figures_pages(world, client):
    """The city first, then every wijk, for 3 and for 12 months: the same numbers as /cijfers."""
    from participatie.geo.services import all_wijken
    from participatie.insights.services import Period, figures

    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/cijfers.csv").get_data(as_text=True))))
    assert len(rows) == 2 * (1 + len(all_wijken()))
    city = next(r for r in rows if r["gebied"] == "Utrecht" and r["periode_maanden"] == "12")
    expected = figures(Period.last(12))
    assert (int(city["geplaatst"]), int(city["acties_open"])) == (expected.posted, expected.actions_open) == (2, 2)
    west = next(r for r in rows if r["gebied"] == "West" and r["periode_maanden"] == "3")
    assert int(west["geplaatst"]) == figures(Period.last(3), wijk_by_slug("west").id).posted >= 1


def _bulk_ideas(total: int) -> None:
    author = person(Role.RESIDENT, name="Bulk Schrijver")
    west = wijk_by_slug("west")
    rows = [dict(kind=IdeaKind.IDEE, title=f"Idee {i}", body="Tekst", wijk_id=west.id, author_id=author.id,
                 status=IdeaStatus.OPEN, lat=52.09 + i * 1e-6, lng=5.09, support_count=i % 7, join_count=0,
                 paper_support_count=0, hidden=False, needs_csv="", offer="") for i in range(total)]
    db.session.execute(insert(Idea), rows)
    db.session.commit()


def test_exports_stream_ten_thousand_ideas_with_one_query_each(ctx, app, client):
    _bulk_ideas(10_000)
    for url, lines in (("/open-data/ideeen.csv", 10_001), ("/open-data/ideeen.geojson", None)):
        with StatementCounter(db.engine) as counter:
            started = time.perf_counter()
            response = client.get(url)
            seconds = time.perf_counter() - started
        assert response.was_streamed, url
        body = response.get_data(as_text=True)
        if lines:
            assert body.count("\n") == lines
        else:
            assert len(json.loads(body)["features"]) == 10_000
        reads = [s for s in counter.statements if s.lstrip().upper().startswith("SELECT")]
        assert len(reads) <= 2, reads  # the file's one query (+ at most the session's user lookup)
        print(f"{url}: {seconds * 1000:.0f} ms for 10,000 ideas")
        assert seconds < 10
