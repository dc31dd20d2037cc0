"""Walk (issue 5, "done means"): a resident starts an idea about a community garden in Lombok
and, before posting, is pointed to the buurttuin that already exists around the corner.

Phone profile, the demo data, "Gebruik mijn locatie" with the phone's position on the
Moskeeplein. Screenshots in reports/browser/g*.png; axe at every step.
"""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, login, shot

NL = re.compile
MOSKEEPLEIN = {"latitude": 52.0917, "longitude": 5.1003}


def test_a_garden_idea_is_pointed_to_the_garden_around_the_corner(context):
    context.grant_permissions(["geolocation"])
    context.set_geolocation(MOSKEEPLEIN)
    page = context.new_page()
    login(page, "inwoner@example.org")

    page.goto("/ideas/new")
    page.get_by_label(NL(r"^(Titel|Title)")).fill("Samen groente kweken in Lombok")
    page.get_by_label(NL(r"^(Vertel meer|Tell us more)")).fill(
        "Ik wil met buren een moestuin beginnen. Wie doet mee?")
    page.get_by_role("button", name=NL(r"^(Gebruik mijn locatie|Use my location)$")).click()
    expect(page.locator("#place-status")).not_to_be_empty()

    results = page.locator("#similar-results")
    garden = results.locator("li", has=page.get_by_role("heading", name="Buurttuin Moskeeplein"))
    expect(garden).to_be_visible(timeout=15_000)
    expect(garden).to_contain_text(NL(r"(Ongeveer \d+ meter verderop|About \d+ metres away)"))
    results.scroll_into_view_if_needed()
    shot(page, "g1-garden-suggested")
    assert_no_axe_violations(page, "idea form with nearby suggestions")

    # "Ik sluit me aan": the resident goes to the existing garden instead of posting a duplicate.
    garden.get_by_role("link", name=NL(r"^(Ik sluit me aan|I'll join this)$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NL("Buurttuin Moskeeplein"))
    expect(page.get_by_role("main")).to_contain_text(NL("Zaterdag 10.00"))
    shot(page, "g2-garden-page")
    assert_no_axe_violations(page, "the existing garden's page")
