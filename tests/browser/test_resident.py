"""Walks b and c: register, confirm by e-mail, post a dream without the map, support in place.

Every form here is submitted by the browser with the real CSRF token (CSRF is on in the
served app); the htmx support button sends it in the X-CSRFToken header from <body hx-headers>.
"""

import re
import time

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, login, shot

PASSWORD = "een-lang-wachtwoord-2026"
SUMMARY = re.compile("Kijk het formulier nog eens na|Please check the form")
COUNT = re.compile(r"(\d+) (?:persoon steunt dit|mensen steunen dit|supporters?)")
SUPPORT = re.compile(r"^(Ik steun dit|I support this)$")
WITHDRAW = re.compile(r"^(Je steunt dit · intrekken|You support this · withdraw)$")


def _field(page, dutch: str, english: str):
    return page.get_by_label(re.compile(rf"^({re.escape(dutch)}|{re.escape(english)})$"))


def test_register_confirm_post_and_support(page, server):
    email = f"nieuw-{time.time_ns()}@example.org"

    # Register: an empty submit first, then a valid one.
    page.goto("/account/register")
    page.get_by_role("button", name=re.compile(r"^(Account maken|Create account)$")).click()
    expect(page.get_by_role("alert")).to_contain_text(SUMMARY)
    expect(_field(page, "Je naam op de site", "Your name on the site")).to_have_attribute("aria-invalid", "true")
    shot(page, "b1-register-errors")
    assert_no_axe_violations(page, "register, with errors")

    _field(page, "Je naam op de site", "Your name on the site").fill("Browser Buur")
    _field(page, "E-mailadres", "E-mail address").fill(email)
    _field(page, "Wachtwoord", "Password").fill(PASSWORD)
    _field(page, "Wachtwoord nog een keer", "Password again").fill(PASSWORD)
    page.get_by_role("button", name=re.compile(r"^(Account maken|Create account)$")).click()
    expect(page).to_have_url(re.compile(r"/account/check-mail$"))
    shot(page, "b2-check-mail")
    assert_no_axe_violations(page, "check your mail")

    # The confirmation link from the newest message in the outbox.
    body = server.newest_message_to(email).get_body(("plain",)).get_content()
    link = re.search(re.escape(server.url) + r"/account/confirm/\S+", body)
    assert link, f"no confirmation link for {server.url} in:\n{body}"
    page.goto(link.group(0))
    expect(page).to_have_url(server.url + "/")
    expect(page.get_by_role("status").first).to_contain_text(re.compile("bevestigd|confirmed"))
    shot(page, "b3-confirmed")
    assert_no_axe_violations(page, "home after confirming")

    # Post a dream without the map: a wijk from the select.
    title = f"Een picknicktafel bij de speeltuin {time.time_ns() % 100000}"
    page.goto("/ideas/new")
    assert_no_axe_violations(page, "/ideas/new, empty")
    page.get_by_label(re.compile(r"^(Een droom|A dream)")).check()
    _field(page, "Titel", "Title").fill(title)
    _field(page, "Vertel meer", "Tell us more").fill(
        "Dan kunnen ouders even zitten terwijl de kinderen spelen. Buren kunnen er samen eten.")
    _field(page, "Wijk", "Wijk").select_option(label="Oost")
    page.get_by_role("button", name=re.compile(r"^(Plaats mijn idee|Post my idea)$")).click()
    expect(page).to_have_url(re.compile(r"/ideas/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    mine = page.url
    shot(page, "b4-posted")
    assert_no_axe_violations(page, "idea page right after posting (own idea)")

    # Another idea: support it in place (htmx), then withdraw.
    _open_supportable_idea(page, exclude=mine)
    url = page.url
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
    box = page.get_by_role("region", name=re.compile("^(Steun dit idee|Support this idea)$"))
    before = _count(box)
    assert_no_axe_violations(page, "idea page, logged in, before supporting")

    box.get_by_role("button", name=SUPPORT).click()
    expect(box.get_by_role("button", name=WITHDRAW)).to_be_visible()
    assert _count(box) == before + 1
    assert page.url == url and not navigations, f"the page navigated: {navigations}"
    shot(page, "b5-supported")
    assert_no_axe_violations(page, "idea page, just supported (htmx partial)")

    box.get_by_role("button", name=WITHDRAW).click()
    expect(box.get_by_role("button", name=SUPPORT)).to_be_visible()
    assert _count(box) == before
    assert page.url == url and not navigations


def _count(box) -> int:
    match = COUNT.search(box.inner_text())
    assert match, box.inner_text()
    return int(match.group(1))


def _open_supportable_idea(page, exclude: str) -> None:
    page.goto("/ideas")
    links = page.get_by_role("main").get_by_role("article").get_by_role("link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for href in hrefs:
        if exclude.endswith(href):
            continue
        page.goto(href)
        if page.get_by_role("button", name=SUPPORT).count():
            return
    raise AssertionError("no idea on the first page can be supported")


def test_new_idea_form_with_errors(page):
    login(page, "inwoner@example.org")
    page.goto("/ideas/new")
    page.get_by_role("button", name=re.compile(r"^(Plaats mijn idee|Post my idea)$")).click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(SUMMARY)
    expect(_field(page, "Titel", "Title")).to_have_attribute("aria-invalid", "true")
    shot(page, "c1-new-idea-errors")
    assert_no_axe_violations(page, "/ideas/new, with errors")
