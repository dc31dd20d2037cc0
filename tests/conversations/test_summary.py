"""The conversation's short B1 summary, and live B1 feedback in the summary and report editors."""

import pytest

from participatie.accounts.roles import Role
from participatie.conversations import rules, services
from participatie.web.errors import DomainValidationError, NotAllowed
from tests.conversations.helpers import ambassador, held, planned
from tests.responses.helpers import fresh, page, person, sign_in, tr

PLAIN = "Buren willen meer groen op het plein. We praten over een moestuin. Iedereen is welkom."


@pytest.mark.parametrize("role,expected", [
    ("anonymous", 302), ("resident", 403), ("makelaar_elsewhere", 403), ("makelaar_of_wijk", 200),
    ("other_ambassador", 200), ("organiser", 200), ("admin", 200)])
def test_summary_editor_per_role(web, role, expected):
    organiser = ambassador()
    people = {"anonymous": None, "resident": person(), "makelaar_elsewhere": person(Role.MAKELAAR, wijken=("zuid",)),
              "makelaar_of_wijk": person(Role.MAKELAAR, wijken=("west",)), "other_ambassador": ambassador(),
              "organiser": organiser, "admin": person(Role.ADMIN)}
    conversation = planned(organiser)
    sign_in(web, people[role])
    assert web.get(f"/conversations/{conversation.id}/summary").status_code == expected
    response = web.post(f"/conversations/{conversation.id}/summary", data={"summary": PLAIN})
    assert response.status_code == (303 if expected == 200 else expected)
    assert (fresh(conversation).summary == PLAIN) is (expected == 200)


def test_no_summary_on_a_cancelled_conversation(ctx):
    organiser = ambassador()
    conversation = planned(organiser)
    services.cancel(organiser, conversation, "De zaal is dicht.")
    assert not rules.can_edit_summary(organiser, conversation)
    with pytest.raises(NotAllowed):
        services.set_summary(organiser, conversation, PLAIN)


def test_summary_after_the_conversation_too(ctx):
    organiser = ambassador()
    past = held(organiser)
    report = services.set_summary(organiser, past, PLAIN)
    assert fresh(past).summary == PLAIN and report.verdict


def test_summary_is_shown_on_the_page_and_can_be_removed(web):
    organiser = ambassador()
    conversation = planned(organiser)
    services.set_summary(organiser, conversation, PLAIN)
    text = page(web.get(f"/conversations/{conversation.id}"))
    assert 'id="samenvatting"' in text and tr("In short") in text and "We praten over een moestuin." in text
    services.set_summary(organiser, conversation, "   ")
    assert fresh(conversation).summary is None
    assert 'id="samenvatting"' not in page(web.get(f"/conversations/{conversation.id}"))


def test_too_long_a_summary_is_refused_next_to_the_field(web):
    organiser = ambassador()
    conversation = planned(organiser)
    with pytest.raises(DomainValidationError):
        services.set_summary(organiser, conversation, "woord " * 121)
    sign_in(web, organiser)
    response = web.post(f"/conversations/{conversation.id}/summary", data={"summary": "woord " * 121})
    assert response.status_code == 422
    text = page(response)
    at = text.index('id="summary-err"')
    assert tr("Keep the summary short: at most %(max)d words.", max=120) in text[at:at + 300]
    assert "woord woord" in text  # what was typed stays in the field
    assert fresh(conversation).summary is None


def _live_check_wired(text: str, field: str, action: str) -> None:
    """htmx posts the field to /b1/check after typing stops; without JS a button opens the preview."""
    assert f'hx-post="/b1/check?field={field}"' in text and 'hx-trigger="input changed delay:600ms"' in text
    assert f'hx-target="#b1-{field}"' in text and f'id="b1-{field}"' in text
    assert f'formaction="/b1/check?field={field}&amp;action={action}"' in text


def test_summary_editor_has_live_b1_feedback_and_a_preview_without_js(web):
    organiser = ambassador()
    conversation = planned(organiser)
    url = f"/conversations/{conversation.id}/summary"
    sign_in(web, organiser)
    _live_check_wired(web.get(url).get_data(as_text=True), "summary", url)
    live = web.post("/b1/check?field=summary", data={"summary": PLAIN}, headers={"HX-Request": "true"})
    assert live.status_code == 200 and 'id="b1-summary"' in live.get_data(as_text=True)
    preview = web.post(f"/b1/check?field=summary&action={url}", data={"summary": PLAIN})
    text = preview.get_data(as_text=True)
    assert preview.status_code == 200 and f'action="{url}"' in text and "We praten over een moestuin." in text
    assert web.post(url, data={"summary": PLAIN}).status_code == 303  # "Continue and send" posts here


def test_report_editor_has_live_b1_feedback_and_a_preview_without_js(web):
    organiser = ambassador()
    past = held(organiser)
    url = f"/conversations/{past.id}/report"
    sign_in(web, organiser)
    _live_check_wired(web.get(url).get_data(as_text=True), "report", url)
    dense = "Ten behoeve van de implementatie van het beleidskader wordt door de gemeente geïnventariseerd."
    live = web.post("/b1/check?field=report", data={"report": dense}, headers={"HX-Request": "true"})
    assert live.status_code == 200 and "b1-feedback__findings" in live.get_data(as_text=True)
    preview = web.post(f"/b1/check?field=report&action={url}", data={"report": dense})
    text = page(preview)
    assert f'action="{url}"' in text and 'name="report"' in text and dense in text
    assert web.post(url, data={"report": dense}).status_code == 200
    assert fresh(past).report == dense


def test_page_links_to_the_summary_editor_only_for_who_may(web):
    organiser = ambassador()
    conversation = planned(organiser)
    link = f'href="/conversations/{conversation.id}/summary"'
    sign_in(web, person(Role.MAKELAAR, wijken=("west",)))
    assert link in page(web.get(f"/conversations/{conversation.id}"))
    sign_in(web, person())
    assert link not in page(web.get(f"/conversations/{conversation.id}"))
