"""Walk bugs of issue 12 seen in real Chromium at 360 px: print pages fit the phone (item 12),
empty required fields are not red before anyone typed (item 6). Screenshots in reports/browser/w*.png.
"""

import re

import pytest

from tests.browser.conftest import PHONE, SHOTS, login, shot

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


DEMO_AMBASSADOR = "Ruud de Vries"


def held_by_demo_ambassador(page) -> str:
    """An idea the city works on whose named contact is the demo ambassador (a held stadsgesprek
    can also put an unclaimed idea in progress, so the first one in the list will not do)."""
    page.goto("/ideas?status=in_progress")
    for idea_id in dict.fromkeys(re.findall(r'href="/ideas/(\d+)"', page.content())):
        page.goto(f"/ideas/{idea_id}")
        box = page.locator(".contact-box")
        if box.count() and DEMO_AMBASSADOR in box.inner_text():
            return idea_id
    raise AssertionError("no idea in progress held by the demo ambassador")


def test_walk_resident_makelaar_and_guest(page, server, browser):
    """The changed pages as the people who use them, with a screenshot of each."""
    login(page, "inwoner@example.org")
    page.goto("/ideas/new")
    page.get_by_label(re.compile(r"^(Titel|Title)")).fill("Een bankje bij de bushalte")
    page.get_by_label(re.compile(r"^(Vertel meer|Tell us more)")).fill(
        "Oudere buren wachten lang op de bus. Een bankje zou fijn zijn.")
    page.locator("#wijk").select_option("west")
    page.get_by_role("button", name=re.compile(r"^(Plaats mijn idee|Post my idea)$")).click()
    page.wait_for_url(re.compile(r"/ideas/\d+$"))
    flash = page.locator(".utrecht-alert").first.inner_text()
    shot(page, "w-walk-posted-with-a-wijk", screens=1)
    assert "staat op de kaart" not in flash and "West" in flash
    page.goto("/account/notifications")
    shot(page, "w-walk-berichten", screens=2)
    assert not re.search(r"https?://", page.locator("main").inner_text())

    page.context.clear_cookies()
    claimed = held_by_demo_ambassador(page)
    page.goto(f"/ideas/{claimed}")
    page.locator(".contact-box").screenshot(path=str(SHOTS / "w-walk-idea-anonymous-contact.png"))
    contact = page.locator(".contact-box").inner_text()
    assert "de contactpersoon voor dit idee" in contact and "je contactpersoon" not in contact

    login(page, "makelaar@example.org")
    entry = first_id(page, "/socialmap?wijk=west", r'href="/socialmap/(\d+)"')
    page.goto(f"/socialmap/{entry}")
    log = page.locator(".edit-log")
    if log.count():
        page.locator("section", has=log).screenshot(path=str(SHOTS / "w-walk-socialmap-log.png"))
        assert not re.search(r"\b(created|imported|edited|verified)\b", log.inner_text())

    page.context.clear_cookies()
    conversation = first_id(page, "/conversations", r'href="/conversations/(\d+)"')
    page.goto(f"/conversations/{conversation}")
    guest = "walk.guest@example.net"
    page.get_by_label(re.compile(r"^(Je naam|Your name)$")).fill("Fatima")
    page.get_by_label(re.compile(r"^(Je e-mailadres|Your e-mail address)$")).fill(guest)
    page.get_by_role("button", name=re.compile(r"^(Aanmelden|Sign up)$")).click()
    mail = server.newest_message_to(guest).get_body(("plain",)).get_content()
    assert "/conversations/cancel/" in mail
    page.goto(re.search(r"https?://\S+/conversations/rsvp/\S+", mail).group(0))
    shot(page, "w-walk-guest-confirmed", screens=1)
    page.get_by_role("link", name=re.compile(r"^(Afmelden|Sign off)$")).click()
    assert "/conversations/cancel/" in page.url


def test_walk_an_answer_looks_chosen_after_yes(page):
    """A follower reads the city's answer, the message has a button with plain words, and after
    "Ja" on "Was dit een antwoord?" the Ja button looks chosen."""
    login(page, "inwoner@example.org")
    claimed = held_by_demo_ambassador(page)
    page.goto(f"/ideas/{claimed}")
    follow = page.get_by_role("button", name=re.compile(r"^(Volgen|Follow)$"))
    if follow.count():
        follow.click()
        page.get_by_role("button", name=re.compile(r"^(Niet meer volgen|Stop following)$")).wait_for()

    login(page, "ambassadeur@example.org")
    page.goto(f"/ambassador/ideas/{claimed}")
    page.locator("textarea[name=text]").first.fill("We zetten in mei twee bankjes neer. Daarna kijken we samen hoe het gaat.")
    page.get_by_role("button", name=re.compile(r"^(Plaats antwoord|Post answer)$")).click()
    page.wait_for_url(re.compile(rf"/ideas/{claimed}"))

    login(page, "inwoner@example.org")
    page.goto("/account/notifications")
    button = page.get_by_role("link", name=re.compile(r"^Lees het antwoord en zeg of je er iets aan hebt$")).first
    page.locator("li.note", has=button).first.screenshot(path=str(SHOTS / "w-walk-berichten-answer.png"))
    assert not re.search(r"https?://", page.locator("main").inner_text())
    button.click()
    page.wait_for_url(re.compile(rf"/ideas/{claimed}"))
    feedback = page.locator(".feedback").last
    feedback.get_by_role("button", name=re.compile(r"^Ja$")).click()
    chosen = page.locator(".feedback").last.locator("button[aria-pressed=true]")
    chosen.wait_for()
    page.mouse.move(0, 0)  # not hovering: the chosen look, not the hover look
    page.locator(".feedback").last.screenshot(path=str(SHOTS / "w-walk-answer-chosen.png"))
    other = page.locator(".feedback").last.locator("button[aria-pressed=false]")
    look = "(b) => getComputedStyle(b).backgroundColor"
    assert chosen.evaluate(look) == "rgb(163, 0, 0)" and other.evaluate(look) != chosen.evaluate(look)
