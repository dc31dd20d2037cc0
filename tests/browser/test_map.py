"""The idea map on a phone (360x740): per view from the server, wijk bubbles first, the list in step,
keyboard reachable, popups inside the map."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import shot

NL = re.compile


def ready(page):
    """data-map-ready is set by map.js once the answer for the current view is drawn."""
    page.wait_for_selector("[data-map-ready]", timeout=15_000)


def wait_for_new_answer(page, before: str):
    page.wait_for_function("(before) => { var el = document.querySelector('[data-map-ready]');"
                           " return el && el.dataset.markers !== before; }", arg=before, timeout=15_000)


def test_the_phone_map_opens_on_the_city_with_a_bubble_per_wijk(page):
    page.goto("/map")
    ready(page)
    bubbles = page.locator(".map-wijk-bubble")
    expect(bubbles.first).to_be_visible()
    assert bubbles.count() >= 2, "the city view shows one bubble per wijk, not one blob"
    status = page.locator("#map-status")
    expect(status).to_contain_text(NL(r"\d+ (op de kaart|on the map), \d+ (zonder vaste plek|without)"))
    frame = page.locator(".map-frame").bounding_box()
    assert frame["y"] + frame["height"] <= 740, "the whole map is on the first screen"
    shot(page, "m1-map-city", screens=1)


def _overlap(a: dict, b: dict) -> float:
    """How far two round bubbles (boxes from bounding_box) cover each other, in pixels."""
    centre = lambda box: (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # noqa: E731
    (ax, ay), (bx, by) = centre(a), centre(b)
    distance = ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5
    return max(0.0, a["width"] / 2 + b["width"] / 2 - distance)


def test_every_wijk_count_can_be_read_on_a_phone(page):
    """At city zoom on a 360 px screen the wijk centres lie a few tens of pixels apart: each bubble
    stays clear of the others, and its whole count fits inside it."""
    page.goto("/map")
    ready(page)
    bubbles = page.locator(".map-wijk-bubble > div")
    boxes = [bubbles.nth(i).bounding_box() for i in range(bubbles.count())]
    assert len(boxes) >= 2
    worst = max(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert worst <= 2, f"two wijk bubbles overlap by {worst:.0f} px"
    for i in range(bubbles.count()):
        # The count is an inline span (its scrollWidth is always 0): compare the boxes. A count too
        # long for its bubble wraps onto a second line, so its box grows taller than the bubble.
        fits = bubbles.nth(i).evaluate("el => { const t = el.firstChild.getBoundingClientRect(), "
                                       "b = el.getBoundingClientRect(); return t.width <= b.width && t.height <= b.height; }")
        assert fits, f"the count of bubble {i} does not fit inside it"


def test_a_bubble_zooms_in_with_the_keyboard_and_the_list_follows(page):
    page.goto("/map")
    ready(page)
    before = page.get_attribute("[data-map-ready]", "data-markers")
    bubble = page.locator(".map-wijk-bubble").first
    label = bubble.get_attribute("aria-label")
    assert re.search(r"\d", label), label
    bubble.focus()
    page.keyboard.press("Enter")
    wait_for_new_answer(page, before)
    shown = page.get_attribute("[data-map-ready]", "data-markers")
    expect(page.locator("#map-list .result-count")).to_contain_text(NL(rf"^{shown} (ide|idee)"))
    shot(page, "m2-map-wijk", screens=1)


def test_a_popup_stays_inside_the_map(page):
    page.goto("/map?bbox=52.085,5.09,52.095,5.11")
    ready(page)
    marker = page.locator(".leaflet-marker-pane img.leaflet-marker-icon").first
    expect(marker).to_be_visible()
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    expect(popup).to_be_visible()
    page.wait_for_timeout(800)  # autoPan and the fade-in
    box, frame = popup.bounding_box(), page.locator(".map-frame").bounding_box()
    assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"]
    assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
    zoom = page.locator(".leaflet-control-zoom").bounding_box()
    assert zoom["y"] + zoom["height"] <= box["y"] or box["x"] + box["width"] <= zoom["x"], "zoom buttons over the popup"
    expect(popup.get_by_role("link")).to_be_visible()
    shot(page, "m3-map-street", screens=1)
