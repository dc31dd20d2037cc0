"""Numbers with stories and "Wat is er veranderd" on a phone (demo data): axe-clean, charts with tables."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, shot


def test_city_figures(page):
    assert page.goto("/cijfers").status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Cijfers van de stad")
    expect(page.locator("table").first).to_be_visible()
    shot(page, "i1-cijfers")
    assert_no_axe_violations(page, "/cijfers")
    page.get_by_role("link", name=re.compile("laatste 3 maanden", re.I)).click()
    expect(page.get_by_role("link", name=re.compile("laatste 3 maanden", re.I))).to_have_attribute("aria-current", "page")
    assert_no_axe_violations(page, "/cijfers?maanden=3")


def test_every_wijk_figures_page_is_axe_clean(page):
    page.goto("/cijfers")
    links = page.locator("#cijfers-per-wijk ~ ul a, section:has(#cijfers-per-wijk) a")
    hrefs = sorted({links.nth(i).get_attribute("href") for i in range(links.count())})
    assert hrefs
    for href in hrefs[:3]:
        assert page.goto(href).status == 200
        assert_no_axe_violations(page, href)


def test_home_shows_what_changed(page):
    page.goto("/")
    section = page.locator("section.changes")
    expect(section.get_by_role("heading", level=2)).to_have_text("Wat is er veranderd")
    expect(section.locator(".change").first).to_be_visible()
    assert_no_axe_violations(page, "home with 'Wat is er veranderd'")


def test_print_sheets_are_axe_clean(page):
    page.goto("/")
    notice = page.locator("section.changes .change__print a").first.get_attribute("href")
    for href in (notice, "/print/wijken/west/cijfers"):
        assert page.goto(href).status == 200
        # the print toolbar (shared by every sheet) sits outside <main> on purpose: it is not printed
        assert_no_axe_violations(page, href, allow={"region": ".screen-only"})
