"""Walk (issue 4, "done means"): an ambassador plans a stadsgesprek for two supported ideas, a
resident without an account signs up, the meeting passes, and the report with three actions
shows on the ideas and the actieagenda.

Its own server and database (the walk changes ideas); "the meeting passes" is the demo clock
moved two days ahead (PARTICIPATIE_TIME_TRAVEL_DAYS) on the same database.
Screenshots in reports/browser/c*.png; axe at every step.
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from participatie.clock import today_local
from tests.browser.conftest import PHONE, NetworkGuard, assert_no_axe_violations, login, shot
from tests.browser.server import LiveServer

NL = re.compile
GUEST = "fatima.guest@example.net"
ACTIONS = ["De gemeente zet drie bankjes neer", "Buren maken een plan voor de plantenbakken",
           "De sociaal makelaar zoekt een plek voor de moestuin"]


@pytest.fixture(scope="module")
def walk_server():
    live = LiveServer().start()
    yield live
    live.stop()


def phone(browser, server):
    context = browser.new_context(base_url=server.url, **PHONE)
    context.set_default_timeout(10_000)
    context.route("**/*", NetworkGuard(server.url).handle)
    return context, context.new_page()


def plan_for_two_ideas(page) -> tuple[str, list[str]]:
    page.goto("/conversations/new")
    page.get_by_label(NL(r"^(Titel|Title)$")).fill("Samen over bankjes en groen")
    ideas = page.get_by_role("group", name=NL("Ideeën om over te praten|Ideas to talk about")).get_by_role("checkbox")
    chosen = []
    for index in (0, 1):
        ideas.nth(index).check()
        label = ideas.nth(index).evaluate("box => box.labels[0].innerText").strip()
        chosen.append(re.sub(r"\s*\([^)]*\)$", "", label))  # "Title (Wijk, 14)" -> "Title"
    page.get_by_label(NL(r"^(Dag|Day)$")).fill((today_local() + timedelta(days=1)).isoformat())
    page.get_by_label(NL(r"^(Begintijd|Start time)$")).fill("19:30")
    page.get_by_label(NL(r"^(Eindtijd|End time)$")).fill("21:00")
    page.get_by_label(NL(r"^(Ontmoetingsplek van de sociale kaart|Meeting place from the social map)")).select_option(index=1)
    page.get_by_label(NL(r"^(Aantal plekken|Number of places)$")).fill("30")
    page.get_by_label(NL(r"^Agenda$")).fill("We praten over de bankjes en het groen. Daarna kiezen we samen wat eerst komt.")
    shot(page, "c1-plan-form")
    assert_no_axe_violations(page, "planning form, filled in")
    page.get_by_role("button", name=NL(r"^(Plan het gesprek|Plan the conversation)$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen over bankjes en groen")
    return page.url, chosen


def sign_up_without_account(browser, server, url: str) -> None:
    context, page = phone(browser, server)
    page.goto(url)
    page.get_by_label(NL(r"^(Je naam|Your name)$")).fill("Fatima")
    page.get_by_label(NL(r"^(Je e-mailadres|Your e-mail address)$")).fill(GUEST)
    page.get_by_role("button", name=NL(r"^(Aanmelden|Sign up)$")).click()
    shot(page, "c3-guest-check-mail")
    assert_no_axe_violations(page, "guest sign-up: check your mail")
    body = server.newest_message_to(GUEST).get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/conversations/rsvp/\S+", body).group(0)
    page.goto(link)
    expect(page.get_by_role("main")).to_contain_text(NL("aangemeld|signed up"))
    shot(page, "c4-guest-confirmed")
    assert_no_axe_violations(page, "guest sign-up confirmed")
    context.close()


def write_report_and_three_actions(page, url: str) -> None:
    page.goto(url + "/report")
    page.get_by_role("textbox", name=NL(r"^(Verslag|Report)$")).fill(
        "Er kwamen 24 buren. Iedereen wil meer bankjes. Over het groen waren de meningen verdeeld. "
        "We spraken drie acties af.")
    page.get_by_role("button", name=NL(r"^(Verslag opslaan|Save the report)$")).click()
    page.goto(url + "/report")  # the saved report stays in the editor, to correct it later
    expect(page.get_by_role("textbox", name=NL(r"^(Verslag|Report)$"))).to_have_value(NL("^Er kwamen 24 buren"))
    owners = ["Stadsbeheer", "Bewoners van de Kanaalstraat", "Sociaal makelaar West"]
    for index, what in enumerate(ACTIONS):
        page.goto(url + "/report")
        form = page.get_by_role("region", name=NL(r"^(Een actie toevoegen|Add an action)$"))
        form.get_by_label(NL(r"^(Idee|Idea)$")).select_option(index=index % 2)
        form.get_by_label(NL(r"^(Wat gaat er gebeuren|What will happen)$")).fill(what)
        form.get_by_label(NL(r"^(Naam of afdeling|Name or department)$")).fill(owners[index])
        form.get_by_label(NL(r"^(Wanneer klaar|By when)$")).fill((today_local() + timedelta(days=40 + index)).isoformat())
        form.get_by_role("button", name=NL(r"^(Actie toevoegen|Add action)$")).click()
        expect(page.get_by_role("main")).to_contain_text(what)
    shot(page, "c5-report-and-actions")
    assert_no_axe_violations(page, "report with three actions")


def test_plan_sign_up_meet_report_and_act(browser, walk_server):
    context, page = phone(browser, walk_server)
    login(page, "ambassadeur@example.org")
    url, ideas = plan_for_two_ideas(page)
    shot(page, "c2-conversation-planned")
    assert_no_axe_violations(page, "conversation page, planned")
    page.get_by_role("main").get_by_role("link", name=ideas[0]).first.click()
    expect(page.get_by_role("main")).to_contain_text("Samen over bankjes en groen")  # the stadsgesprek box
    context.close()

    sign_up_without_account(browser, walk_server, url)

    walk_server.restart_with(PARTICIPATIE_TIME_TRAVEL_DAYS="2")  # the evening has passed
    context, page = phone(browser, walk_server)
    login(page, "ambassadeur@example.org")
    write_report_and_three_actions(page, url)

    page.goto(url)
    expect(page.get_by_role("region", name=NL("^(Verslag|Report)$"))).to_contain_text("Er kwamen 24 buren")
    for title in ideas:
        page.goto(url)
        page.get_by_role("main").get_by_role("link", name=title).first.click()
        timeline = page.get_by_role("main")
        expect(timeline).to_contain_text(ACTIONS[0] if title == ideas[0] else ACTIONS[1])
    shot(page, "c6-idea-timeline-with-action")
    assert_no_axe_violations(page, "idea page with an action from the stadsgesprek")

    page.goto("/acties")
    for what in ACTIONS:
        expect(page.get_by_role("main")).to_contain_text(what)
    shot(page, "c7-actieagenda")
    assert_no_axe_violations(page, "actieagenda")
    context.close()
