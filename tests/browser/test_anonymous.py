"""Walk a: a visitor without an account, on a phone. axe-clean at every state."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, shot

NL = re.compile  # readability: every pattern below accepts the Dutch text (and English while translating)


def test_home(page):
    response = page.goto("/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=NL(r"^(Deel je idee|Share your idea)$")).first).to_be_visible()
    shot(page, "a1-home")
    assert_no_axe_violations(page, "home, anonymous")


def test_phone_menu_keeps_three_tasks_in_view_and_opens_with_the_keyboard(page):
    """At 360 px: Ideeën, Kaart, Deel je idee in one row; the rest behind "Menu" (Enter opens it)."""
    page.goto("/")
    nav = page.get_by_role("navigation", name=NL("Hoofdmenu|Main menu"))
    for name in (r"^(Ideeën|Ideas)$", r"^(Kaart|Map)$", r"^(Deel je idee|Share your idea)$"):
        expect(nav.get_by_role("link", name=NL(name))).to_be_visible()
    conversations = nav.get_by_role("link", name=NL("^(Stadsgesprekken|City conversations)$"))
    expect(conversations).to_be_hidden()
    toggle = nav.locator("summary")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(conversations).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_no_axe_violations(page, "home, phone menu open")


def test_ideas_list_and_filtered(page):
    page.goto("/ideas")
    expect(page.get_by_role("heading", level=1, name=NL("Ideeën en dromen|Ideas and dreams"))).to_be_visible()
    assert page.get_by_role("main").get_by_role("article").count() > 0
    shot(page, "a2-ideas")
    assert_no_axe_violations(page, "/ideas")

    page.goto("/ideas?wijk=west&kind=droom")
    expect(page.get_by_label(NL(r"^Wijk$"))).to_have_value("west")
    expect(page.get_by_label(NL(r"^(Droom of idee|Dream or idea)$"))).to_have_value("droom")
    shot(page, "a3-ideas-filtered")
    assert_no_axe_violations(page, "/ideas filtered (west, droom)")


def test_idea_page(page):
    page.goto("/ideas")
    first = page.get_by_role("main").get_by_role("article").first.get_by_role("link").first
    title = first.inner_text()
    first.click()
    expect(page).to_have_url(re.compile(r"/ideas/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("link", name=NL("Log in om (dit )?te steunen|Log in to support this"))).to_be_visible()
    shot(page, "a4-idea")
    assert_no_axe_violations(page, "idea page, anonymous")


def test_map_draws_markers(page, context):
    page.goto("/map")
    region = page.get_by_role("region", name=NL("Kaart van Utrecht met ideeën|Map of Utrecht with ideas"))
    expect(region).to_be_visible()
    drawn = region.locator("[data-markers]")  # set by static/js/map.js once the GeoJSON is drawn
    expect(drawn).to_have_count(1, timeout=10_000)
    assert int(drawn.get_attribute("data-markers")) > 0
    # data-map-ready: the clusterer has finished and its icons are on the map (`make bench` times it).
    ready = region.locator("[data-map-ready]")
    expect(ready).to_have_count(1, timeout=10_000)
    # The server clusters: data-map-ready counts the bubbles and markers drawn, data-markers the
    # ideas they stand for (one bubble per wijk at city zoom).
    assert 0 < int(ready.get_attribute("data-map-ready")) <= int(drawn.get_attribute("data-markers"))
    expect(region.locator(".marker-cluster, .leaflet-marker-icon").first).to_be_visible()
    # The map always has the same content as a list beside it.
    assert page.get_by_role("main").get_by_role("article").count() > 0
    shot(page, "a5-map")
    # WCAG 2.5.8 "equivalent" exception: every marker and cluster on the canvas is also a link
    # of normal size in the list beside the map, so small or overlapping map targets are allowed.
    assert_no_axe_violations(page, "/map", allow={"target-size": ".leaflet-marker-pane"})
    assert context.guard.tile_requests > 0, "the map asked for no tiles at all"


def test_wijk_page(page):
    response = page.goto("/wijken/oost")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("Oost")
    shot(page, "a6-wijk-oost")
    assert_no_axe_violations(page, "/wijken/oost")


def test_login_and_register_pages(page):
    page.goto("/account/login")
    expect(page.get_by_role("heading", level=1, name=NL(r"^(Inloggen|Log in)$"))).to_be_visible()
    shot(page, "a7-login")
    assert_no_axe_violations(page, "/account/login")

    page.goto("/account/register")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shot(page, "a8-register")
    assert_no_axe_violations(page, "/account/register")


def test_not_found_page(page):
    response = page.goto("/deze-pagina-bestaat-niet")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1, name=NL("Pagina niet gevonden|Page not found"))).to_be_visible()
    shot(page, "a9-404")
    assert_no_axe_violations(page, "404 page")
