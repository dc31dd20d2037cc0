"""Walk (issue 16, asking the wijk): at 360 px the resident's settings hold the buurtnetwerk choice,
the makelaar writes a question with live B1 feedback, the resident answers from the e-mail's link
without logging in, the results page shows the count and the words, and the mail's leave link
works. Screenshots in reports/browser/b*.png; axe at every step."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_no_axe_violations, login, shot

NL = re.compile


def _fresh_page(context, server):
    """Another person on another phone: own cookies, the same network guard (it also serves axe)."""
    other = context.browser.new_context(base_url=server.url, **PHONE)
    other.set_default_timeout(10_000)
    other.route("**/*", context.guard.handle)
    return other.new_page()


def _path(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def test_ask_the_wijk_answer_by_mail_and_leave(context, server):
    resident = context.new_page()
    login(resident, "inwoner@example.org")
    resident.goto("/account/settings")
    resident.get_by_label(NL(r"^(Ja, mail me|Yes, e-mail me)")).check()
    resident.get_by_role("button", name=NL(r"^(Opslaan|Save)$")).click()
    resident.goto("/account/settings#buurtnetwerk")
    expect(resident.get_by_label(NL(r"^De gemeente of de sociaal makelaar mag mij"))).to_be_checked()
    shot(resident, "b1-settings-buurtnetwerk")
    assert_no_axe_violations(resident, "settings with the buurtnetwerk")

    staff = _fresh_page(context, server)
    login(staff, "makelaar@example.org")
    staff.goto("/wijken/west/vragen/nieuw")
    staff.get_by_label(NL(r"^(Je vraag|Your question)$")).fill("Wanneer wil je dat het buurthuis open is?")
    expect(staff.locator("#b1-text")).to_contain_text(NL(r"Leesbaarheid|Readability"))
    staff.get_by_label(NL(r"^(Antwoord|Answer) 1$")).fill("In de ochtend")
    staff.get_by_label(NL(r"^(Antwoord|Answer) 2$")).fill("In de avond")
    shot(staff, "b2-ask-with-b1")
    assert_no_axe_violations(staff, "the question form with B1 feedback")
    staff.get_by_role("button", name=NL(r"^(Vraag versturen|Send the question)$")).click()
    staff.wait_for_url(NL(r"/vragen/\d+$"))
    question_path = _path(staff.url)

    body = server.newest_message_to("inwoner@example.org").get_body(("plain",)).get_content()
    answer = _path(re.search(r"\S+/buurtnetwerk/antwoord/\S+", body).group(0))
    leave = _path(re.search(r"\S+/buurtnetwerk/uit/\S+", body).group(0))
    anonymous = _fresh_page(context, server)
    anonymous.goto(answer)
    expect(anonymous.get_by_label("In de ochtend")).to_be_checked()
    shot(anonymous, "b3-answer-link")
    assert_no_axe_violations(anonymous, "the answer link from the mail")
    anonymous.get_by_label(NL(r"^(Wil je nog iets zeggen|Do you want to say more)")).fill("Voor school, graag.")
    anonymous.get_by_label(NL(r"^(Je mag mijn woorden|You may show my words)")).check()
    anonymous.get_by_role("button", name=NL(r"^(Mijn antwoord versturen|Send my answer)$")).click()
    expect(anonymous.locator("h1")).to_contain_text(NL(r"Bedankt|Thank you"))

    anonymous.goto(question_path)
    expect(anonymous.locator("main")).to_contain_text("Voor school, graag.")
    shot(anonymous, "b4-results")
    assert_no_axe_violations(anonymous, "the results page")

    anonymous.goto(leave)
    anonymous.get_by_role("button", name=NL(r"^(Ja, stop de vragen|Yes, stop the questions)$")).click()
    expect(anonymous.locator("h1")).to_contain_text(NL(r"niet meer in het buurtnetwerk|You left"))
