"""The printed stadsgesprek (/print/conversations/<id>): what the buurthuis reads on paper, in Dutch."""

from datetime import timedelta

import pytest

from participatie.accounts.roles import Role
from participatie.conversations import services as conversations
from participatie.conversations.services import after, rsvp
from participatie.conversations.timefmt import today_local, when_in_words
from participatie.plainlanguage import GOOD, check_text
from participatie.printing import conversation as text
from participatie.supports import services as supports
from participatie.supports.models import SupportKind
from tests import factories as f
from tests.printing.conftest import (
    A4_AT_50_DPI,
    AGENDA,
    REPORT,
    SUMMARY,
    XSS_TITLE,
    claimed_idea,
    conversation_input,
    dark_share,
    hold,
    parse_ppm,
    pdf_text,
    plan,
    ppm_pages,
)

pytestmark = pytest.mark.usefixtures("dutch")


def page(client, conversation, suffix=""):
    response = client.get(f"/print/conversations/{conversation.id}{suffix}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_planned_sheet_has_when_where_summary_agenda_ideas_and_sign_up(client, ambassador):
    conversation = plan(ambassador)
    html = page(client, conversation)
    assert "Stadsgesprek over groen in West" in html
    assert "Op " + when_in_words(conversation.starts_at, conversation.ends_at) + "." in html
    assert "19.30 – 21.00 uur" in html
    assert "Buurthuis De Pijler" in html and "Herculesplein 1" in html
    assert "zonder trap of drempel" in html and "ringleiding" in html
    assert "Er is geen opvang voor kinderen." in html and "Arabisch, Turks" in html
    assert SUMMARY in html
    assert all(line in html for line in AGENDA.splitlines())  # the agenda too, under its own heading
    assert "Een moestuin op het plein" in html and "Bankjes langs de Kanaalstraat" in html
    assert "Stadsgesprek gepland" in html  # the ideas' status in words
    assert "Er zijn nog 30 plekken." in html
    assert "zonder account kan ook" in html
    assert f"http://localhost/conversations/{conversation.id}" in html and 'class="qr"' in html
    assert "Verslag" not in html and "Wat hebben we afgesproken?" not in html
    assert "<nav" not in html and "site-footer" not in html


def test_supporters_are_counted_per_idea(client, ambassador):
    idea = claimed_idea(ambassador, title="Een moestuin op het plein")
    for _ in range(3):
        supports.set_support(f.make_user(), idea, SupportKind.STEUN, True)
    html = page(client, plan(ambassador, ideas=[idea]))
    assert '<td class="num">3</td>' in html


def test_a_hidden_idea_is_left_out(client, ambassador, database):
    hidden = claimed_idea(ambassador, title="Een verborgen idee")
    conversation = plan(ambassador, ideas=[hidden, claimed_idea(ambassador, title="Een zichtbaar idee")])
    hidden.hidden = True
    database.session.commit()
    html = page(client, conversation)
    assert "Een zichtbaar idee" in html and "Een verborgen idee" not in html
    assert "We praten over 1 idee van bewoners." in html


def test_without_a_summary_the_agenda_leads_and_is_printed_once(client, ambassador):
    html = page(client, plan(ambassador, summary=None))
    assert html.count("We beginnen met koffie.") == 1
    assert "Waar we over praten" not in html


def test_full_conversation_points_to_the_waiting_list(client, ambassador):
    conversation = plan(ambassador, capacity=1)
    rsvp.rsvp_member(f.make_user(), conversation)
    rsvp.rsvp_member(f.make_user(), conversation)
    html = page(client, conversation)
    assert "Het is vol. Je kunt op de wachtlijst. Er staat nu 1 persoon op." in html
    assert "plekken" not in html


def test_held_sheet_has_the_report_and_the_actions_and_no_sign_up(client, ambassador):
    conversation = hold(ambassador)
    html = page(client, conversation)
    assert "Het gesprek was op " in html
    assert all(line in html for line in REPORT.splitlines())
    for what in ("De grond laten testen", "Een plan maken met de initiatiefnemer",
                 "Tien buren vinden die mee willen doen"):
        assert what in html
    assert "Groen en Water" in html and "Ruud de Vries" in html and "Bewoners van de buurt" in html
    assert "Klaar" in html and "Bezig" in html and "Nog doen (te laat)" in html
    assert "Hoe meld je je aan?" not in html and "plekken" not in html
    assert "Hoe gaat het verder?" in html


def test_cancelled_sheet_says_it_does_not_go_ahead_and_why(client, ambassador):
    conversation = plan(ambassador)
    conversations.cancel(ambassador, conversation, "De zaal is niet beschikbaar. We zoeken een nieuwe datum.")
    html = page(client, conversation)
    assert "Dit gesprek gaat niet door." in html
    assert "De zaal is niet beschikbaar. We zoeken een nieuwe datum." in html
    assert "Het gesprek zou zijn op " in html
    assert "Hoe meld je je aan?" not in html and "plekken" not in html


def test_unknown_or_proposed_conversation_is_not_found(client, ambassador):
    assert client.get("/print/conversations/999999").status_code == 404
    assert client.get("/print/conversations/999999.pdf").status_code == 404
    broker = f.make_user(Role.MAKELAAR, wijken=["west"])
    proposal = conversations.create_conversation(broker, conversation_input([claimed_idea(ambassador)]))
    assert proposal.status == "proposed"
    assert client.get(f"/print/conversations/{proposal.id}").status_code == 404
    assert client.get(f"/print/conversations/{proposal.id}.pdf").status_code == 404


def test_script_in_title_and_summary_is_printed_as_text(client, ambassador):
    conversation = plan(ambassador, title=XSS_TITLE, summary="<img src=x onerror=alert(1)>")
    html = page(client, conversation)
    assert "Moestuin &lt;script&gt;alert(1)&lt;/script&gt;" in html and XSS_TITLE not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert "<script" not in html


# B1: the generated sentences, in Dutch, through the plain-language checker ------------------

def generated_text(sheet) -> str:
    """Everything the builders wrote themselves; people's own words (summary, report) are left out."""
    parts = [*(sheet.notice.paragraphs if sheet.notice else [])]
    for section in [*sheet.sections, sheet.closing]:
        parts += section.paragraphs + section.bullets
    return "\n".join(parts)


def sheet_of(conversation):
    signup = text.Signup(open=conversation.status == "planned", places_left=rsvp.places_left(conversation),
                         waiting=len(rsvp.waiting_list(conversation)))
    return text.conversation_sheet(conversation, conversation.summary, signup, after.actions_of(conversation),
                                   today_local())


@pytest.mark.parametrize("state", ["planned", "planned without summary", "full", "held", "cancelled"])
def test_generated_sentences_are_plain_dutch(ambassador, state):
    if state == "held":
        conversation = hold(ambassador)
    else:
        conversation = plan(ambassador, summary=None if "without" in state else SUMMARY,
                            capacity=1 if state == "full" else 30)
    if state == "full":
        rsvp.rsvp_member(f.make_user(), conversation)
    if state == "cancelled":
        conversations.cancel(ambassador, conversation, "De zaal is niet beschikbaar.")
    generated = generated_text(sheet_of(conversation))
    assert "In een stadsgesprek praten" in generated  # really Dutch, not the English message ids
    report = check_text(generated)
    assert report.verdict == GOOD, (generated, report.findings)


# PDF: one A4 page, not blank; a long report may take a second page, never a third --------------

def pdf_pages(client, conversation, tmp_path):
    response = client.get(f"/print/conversations/{conversation.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pages = ppm_pages(response.data, tmp_path)
    for data in pages:
        width, height, pixels = parse_ppm(data)
        assert (width, height) in A4_AT_50_DPI
        assert 0.005 < dark_share(pixels) < 0.5
    return pages


@pytest.mark.parametrize("state", ["planned", "held", "cancelled"])
def test_pdf_is_one_a4_page(pdf_tools, client, ambassador, state, tmp_path):
    conversation = hold(ambassador) if state == "held" else plan(ambassador)
    if state == "cancelled":
        conversations.cancel(ambassador, conversation, "De zaal is niet beschikbaar.")
    assert len(pdf_pages(client, conversation, tmp_path)) == 1


def test_pdf_with_the_longest_summary_stays_on_one_page(pdf_tools, client, ambassador, tmp_path):
    summary = " ".join(["Buren willen samen een moestuin maken op het plein bij de school."] * 10)  # 120 words
    assert len(pdf_pages(client, plan(ambassador, summary=summary), tmp_path)) == 1


def test_pdf_with_a_long_report_takes_two_pages_at_most(pdf_tools, client, ambassador, tmp_path):
    report = "\n".join(["Er kwamen veel bewoners. Iedereen vond het idee goed. We gaan verder."] * 35)
    assert len(pdf_pages(client, hold(ambassador, report=report), tmp_path)) == 2


def test_pdf_prints_a_script_title_as_text(pdf_tools, client, ambassador, tmp_path):
    conversation = plan(ambassador, title=XSS_TITLE)
    response = client.get(f"/print/conversations/{conversation.id}.pdf")
    assert "Moestuin <script>alert(1)</script>" in pdf_text(response.data, tmp_path)


def test_unfinished_actions_past_their_date_are_marked_late(ambassador):
    actions = after.actions_of(hold(ambassador))  # due: -2 days (to do), +3 (done), +21 (busy)
    rows = text.action_table(actions, today_local() + timedelta(days=30)).rows
    assert [row[3] for row in rows] == ["Nog doen (te laat)", "Klaar", "Bezig (te laat)"]


def test_idea_sheet_gives_the_date_of_its_coming_conversation(client, ambassador):
    idea = claimed_idea(ambassador, title="Een moestuin op het plein")
    conversation = plan(ambassador, ideas=[idea])
    html = client.get(f"/print/ideas/{idea.id}").get_data(as_text=True)
    when = when_in_words(conversation.starts_at, conversation.ends_at)
    assert f"Er komt een stadsgesprek over dit idee: {when}." in html
