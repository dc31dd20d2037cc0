import os
import shutil
import subprocess
from datetime import time, timedelta

import pytest
from flask_babel import get_domain

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.conversations import services as conversations
from participatie.conversations.timefmt import today_local
from participatie.extensions import db
from participatie.printing import pdf
from participatie.responses import services as responses
from tests import factories as f
from tests.printing.dutch import dutch_translations

XSS_TITLE = "Moestuin <script>alert(1)</script>"
SUMMARY = "Buren willen een moestuin op het plein. Op deze avond kijken we samen wat er kan."
AGENDA = "We beginnen met koffie.\nDe initiatiefnemer vertelt over het idee.\nSamen maken we afspraken."
REPORT = "Er kwamen 22 bewoners.\nDe gemeente helpt met geld en spullen.\nWe spreken elkaar over drie maanden weer."


@pytest.fixture
def answered_idea(ctx):
    """An idea with a <script> title, a summary, a claiming ambassador and a public answer."""
    ambassador = f.make_user(Role.AMBASSADOR, name="Fatima el Amrani", department="Stadsbeheer")
    f.make_user(Role.MAKELAAR, name="Joost de Vries", wijken=["west"])
    idea = f.make_idea(title=XSS_TITLE, street="Kanaalstraat")
    idea.summary = "Buren willen samen groente kweken op het plein."
    responses.claim(ambassador, idea, "Ik ben Fatima. Ik kijk wat er kan.")
    responses.post_answer(ambassador, idea, "Jullie mogen drie bakken neerzetten. We brengen ze in mei.")
    return idea


@pytest.fixture
def dutch(app):
    """Flask-Babel reads the Dutch catalogue including the new print texts (not merged into the .po yet)."""
    with app.test_request_context():
        cache = get_domain().cache
    previous = cache.get(("nl", "messages"))
    cache[("nl", "messages")] = dutch_translations()
    yield
    if previous is None:
        cache.pop(("nl", "messages"), None)
    else:
        cache[("nl", "messages")] = previous


# Stadsgesprekken, built with the same services as the site -----------------------------------

@pytest.fixture
def ambassador(ctx):
    return f.make_user(Role.AMBASSADOR, name="Ruud de Vries", department="Stadsbeheer")


def claimed_idea(ambassador, **overrides):
    idea = f.make_idea(**overrides)
    responses.claim(ambassador, idea, "Hallo, ik ben je contact bij de gemeente.")
    return idea


def conversation_input(ideas, *, day=None, **overrides):
    values = {"title": "Stadsgesprek over groen in West", "day": day or today_local() + timedelta(days=10),
              "start": time(19, 30), "end": time(21, 0), "venue": "Buurthuis De Pijler\nHerculesplein 1",
              "capacity": 30, "idea_ids": [i.id for i in ideas], "agenda": AGENDA,
              "invited": "Stadsbeheer, de wijkraad", "step_free": True, "hearing_loop": True,
              "childcare": False, "language_support": "Arabisch, Turks"}
    values.update(overrides)
    return conversations.ConversationInput(**values)


def plan(ambassador, ideas=None, summary=SUMMARY, **overrides):
    ideas = ideas or [claimed_idea(ambassador, title="Een moestuin op het plein"),
                      claimed_idea(ambassador, title="Bankjes langs de Kanaalstraat")]
    conversation = conversations.create_conversation(ambassador, conversation_input(ideas, **overrides))
    conversation.summary = summary  # written by the organiser (the summary editor is the conversations domain's)
    db.session.commit()
    return conversation


def hold(ambassador, report=REPORT, **overrides):
    """A conversation of last week with a report and three actions: done, late, busy."""
    ideas = [claimed_idea(ambassador, title="Een moestuin op het plein")]
    past = utcnow() - timedelta(days=14)
    conversation = conversations.create_conversation(
        ambassador, conversation_input(ideas, day=today_local(past) + timedelta(days=7), **overrides), now=past)
    conversations.write_report(ambassador, conversation, report)
    add = lambda what, kind, owner, due: conversations.add_action(  # noqa: E731
        ambassador, conversation, idea_id=ideas[0].id, what=what, owner_kind=kind, owner=owner, due_on=due)
    done = add("De grond laten testen", "department", "Groen en Water", today_local() + timedelta(days=3))
    conversations.set_action_status(ambassador, done, "klaar")
    add("Een plan maken met de initiatiefnemer", "ambassador", "", today_local() - timedelta(days=2))
    busy = add("Tien buren vinden die mee willen doen", "bewoners", "Bewoners van de buurt",
               today_local() + timedelta(days=21))
    conversations.set_action_status(ambassador, busy, "bezig")
    return conversation


# PDF as images --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pdf_tools():
    """WeasyPrint and pdftoppm; skipped locally without them, a failure in CI (`make print-deps`)."""
    missing = []
    if pdf.load_weasyprint() is None:
        missing.append("WeasyPrint or its system libraries (pango)")
    if not shutil.which("pdftoppm"):
        missing.append("pdftoppm (poppler-utils)")
    if missing:
        reason = f"missing {', '.join(missing)}: run `make print-deps`"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"PDF tests cannot run in CI: {reason}")
        pytest.skip(reason)


def ppm_pages(data: bytes, tmp_path) -> list[bytes]:
    """pdftoppm at 50 dpi: one PPM (P6) file per page, sorted by page."""
    source = tmp_path / "sheet.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "50", str(source), str(tmp_path / "page")], check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob("page*.ppm"))]


def pdf_text(data: bytes, tmp_path) -> str:
    source = tmp_path / "text.pdf"
    source.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True,
                          text=True).stdout


def parse_ppm(data: bytes) -> tuple[int, int, bytes]:
    fields, position = [], 0
    while len(fields) < 4:  # magic, width, height, maxval (no comments from pdftoppm)
        while data[position:position + 1].isspace():
            position += 1
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P6"
    return int(fields[1]), int(fields[2]), data[position + 1:]


def dark_share(pixels: bytes) -> float:
    """Share of pixels that are clearly not white (any channel below 160)."""
    dark = sum(1 for i in range(0, len(pixels), 3) if min(pixels[i:i + 3]) < 160)
    return dark / (len(pixels) // 3)


A4_AT_50_DPI = ((413, 585), (414, 585), (413, 584))
