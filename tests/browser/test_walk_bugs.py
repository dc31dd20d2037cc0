"""Walk bugs of issue 12 seen in real Chromium at 360 px: print pages fit the phone (item 12),
empty required fields are not red before anyone typed (item 6). Screenshots in reports/browser/w*.png.
"""

import re

import pytest

from tests.browser.conftest import PHONE, login, shot

WIDTH = PHONE["viewport"]["width"]
RED = "rgb(176, 0, 0)"  # --utrecht-form-control-invalid-border-color in static/css/theme.css


def first_id(page, url: str, pattern: str) -> str:
    page.goto(url)
    return re.search(pattern, page.content()).group(1)


def test_the_print_pages_fit_a_phone(page):
    idea = first_id(page, "/ideas?sort=support", r'href="/ideas/(\d+)"')
    conversation = first_id(page, "/conversations", r'href="/conversations/(\d+)"')
    sheets = {"wijk": "/print/wijken/west", "conversation": f"/print/conversations/{conversation}",
              "steunlijst": f"/print/ideas/{idea}/steunlijst", "idea": f"/print/ideas/{idea}",
              "ideenkaart": "/print/ideenkaart", "flyer": "/print/flyer?wijk=west"}
    widths = {}
    for name, url in sheets.items():
        assert page.goto(url).status == 200
        widths[name] = page.evaluate("() => document.documentElement.scrollWidth")
        shot(page, f"w-print-{name}", screens=2)
    assert widths == {name: WIDTH for name in sheets}
    page.emulate_media(media="print")  # on paper the sheet keeps its A4 layout: the phone rules are off
    page.goto(sheets["steunlijst"])
    assert page.evaluate("() => getComputedStyle(document.querySelector('.sign-table')).tableLayout") == "auto"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.sheet')).paddingTop") == "0px"
    page.emulate_media(media="screen")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.sign-table')).tableLayout") == "fixed"


def border(page, selector: str) -> str:
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s)).borderTopColor", selector)


@pytest.mark.parametrize("who", ["inwoner", "ambassadeur"])
def test_empty_required_fields_are_not_red_before_typing(page, who):
    login(page, f"{who}@example.org")
    if who == "inwoner":
        page.goto("/ideas/new")
        checks = ["#body", "#kind-0", "#title"]
    else:
        idea = first_id(page, "/ambassador", r'href="/ambassador/ideas/(\d+)"')
        page.goto(f"/ambassador/ideas/{idea}")
        checks = ["textarea[name=message]"]
    colours = {selector: border(page, selector) for selector in checks}
    shot(page, f"w-required-{who}", screens=2)
    assert RED not in colours.values(), colours
    if who == "inwoner":  # after a submit with errors, the red border is there
        page.get_by_role("button", name=re.compile(r"^(Plaats mijn idee|Post my idea)$")).click()
        page.wait_for_selector("#form-errors")
        assert border(page, "#body") == RED
        shot(page, "w-required-inwoner-errors", screens=2)
