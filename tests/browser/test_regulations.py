"""Rules in the way, following a wijk and open data on a phone (demo data): axe-clean in every state."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, login, shot


def test_rules_list_and_an_idea_with_its_rule(page):
    assert page.goto("/regels").status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Regels in de weg")
    expect(page.get_by_text("Bestemmingsplan: geen bouwwerken in de groenstrook").first).to_be_visible()
    shot(page, "r1-regels")
    assert_no_axe_violations(page, "/regels")
    page.locator(".rule-card__ideas a").first.click()
    expect(page).to_have_url(re.compile(r"/ideas/\d+$"))
    expect(page.get_by_role("heading", name="Een regel zit in de weg")).to_be_visible()
    shot(page, "r2-idea-with-rule")
    assert_no_axe_violations(page, "idea page with a rule in the way")


def test_open_data_page_with_its_columns_open(page):
    assert page.goto("/open-data").status == 200
    assert_no_axe_violations(page, "/open-data")
    for summary in page.locator("details.open-data__columns summary").all():
        summary.click()
    expect(page.get_by_text("mediaan_werkdagen")).to_be_visible()
    shot(page, "r3-open-data")
    assert_no_axe_violations(page, "/open-data, columns open")


def test_a_resident_follows_a_wijk_and_stops(page):
    login(page, "inwoner@example.org")
    page.goto("/wijken/oost")
    page.get_by_role("button", name="Volg deze wijk").click()
    stop = page.get_by_role("button", name="Stop met deze wijk volgen")
    expect(stop).to_be_visible()
    expect(stop).to_have_attribute("aria-pressed", "true")
    shot(page, "r4-wijk-followed")
    assert_no_axe_violations(page, "/wijken/oost, followed")
    stop.click()
    expect(page.get_by_role("button", name="Volg deze wijk")).to_be_visible()
