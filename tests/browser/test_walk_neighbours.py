"""Walk (issue 15, "done means"): at 360 px a resident reacts with a photo, another replies, three
residents report a rude reaction and it disappears with its reason, the admin restores it from
/moderatie, and the writer is told. Screenshots in reports/browser/n*.png; axe at every step."""

import re
from io import BytesIO

from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, login, shot

NL = re.compile


def _photo() -> dict:
    out = BytesIO()
    Image.new("RGB", (800, 600), (150, 150, 140)).save(out, "JPEG")
    return {"name": "stoep.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def _as(context, email):
    page = context.new_page()
    login(page, email)
    return page


def _react(page, idea_path: str, text: str, photo: bool = False):
    page.goto(idea_path + "#reacties")
    form = page.locator("form.reaction-form")
    form.get_by_label(NL(r"^(Je reactie|Your reaction)$")).fill(text)
    if photo:
        form.locator("summary").click()
        form.get_by_label(NL(r"^(Foto|Photo)")).set_input_files(_photo())
        form.get_by_label(NL(r"^(Wat staat er op de foto\?|What is on the photo\?)$")).fill("Losse stoeptegels")
    form.get_by_role("button", name=NL(r"^(Reactie plaatsen|Place reaction)$")).click()
    expect(page.locator("#reacties [role=status]")).to_be_visible()
    return page.locator("#reacties > ol > li > article.reaction").last


def test_neighbours_talk_report_and_a_moderator_restores(context):
    page = context.new_page()
    page.goto("/ideas?wijk=west")
    idea_path = page.locator(".idea-card__title a").nth(3).get_attribute("href")
    page.close()

    resident = _as(context, "buur08@example.org")
    first = _react(resident, idea_path, "Ik heb hetzelfde probleem. Hier is een foto van de stoep.", photo=True)
    expect(first.get_by_role("img", name="Losse stoeptegels")).to_be_visible()
    first.scroll_into_view_if_needed()
    shot(resident, "n1-reaction-with-photo")
    assert_no_axe_violations(resident, "idea page with a reaction and a photo")

    neighbour = _as(context, "buur09@example.org")
    neighbour.goto(idea_path + "#reacties")
    thread = neighbour.locator("#reacties > ol > li").last
    thread.locator("summary").click()
    thread.get_by_label(NL(r"^(Je antwoord|Your reply)$")).fill("Bij ons ook! Ik help mee.")
    thread.get_by_role("button", name=NL(r"^(Antwoord plaatsen|Place reply)$")).click()
    expect(neighbour.locator("#reacties .reaction--reply").last).to_contain_text("Bij ons ook!")
    assert_no_axe_violations(neighbour, "idea page with a reply")

    rude = _react(_as(context, "buur10@example.org"), idea_path, "Wat een stom plan, jullie zijn idioten.")
    rude_id = rude.get_attribute("id").split("-")[1]
    for who in ("buur11", "buur12", "buur13"):
        reporter = _as(context, f"{who}@example.org")
        reporter.goto(f"{idea_path}#reactie-{rude_id}")
        reporter.locator(f"#reactie-{rude_id}").get_by_role("link", name=NL(r"^(Melden|Report this)$")).click()
        reporter.get_by_label(NL(r"^(Grof of beledigend|Rude or insulting)$")).check()
        if who == "buur11":
            assert_no_axe_violations(reporter, "report form")
        reporter.get_by_role("button", name=NL(r"^(Melding versturen|Send report)$")).click()
        # Close only once the report has landed: closing a page in the middle of its navigation
        # left Chromium waiting for the page (the next goto timed out, or close() never returned).
        expect(reporter.locator("[role=status]").first).to_contain_text(
            NL(r"(Dank je voor je melding|Thank you for reporting)"))
        reporter.close()
    visitor = context.new_page()
    visitor.goto(idea_path)
    hidden = visitor.locator(f"#reactie-{rude_id}")
    expect(hidden).to_contain_text(NL(r"(Verborgen|Hidden): "))
    expect(hidden).not_to_contain_text("idioten")
    hidden.scroll_into_view_if_needed()
    shot(visitor, "n2-hidden-with-reason")

    admin = _as(context, "beheer@example.org")
    admin.goto("/moderatie")
    expect(admin.get_by_role("main")).to_contain_text("idioten")
    shot(admin, "n3-moderation-queue")
    assert_no_axe_violations(admin, "moderation queue")
    admin.get_by_role("link", name=NL(r"^(Bekijken en beslissen|Look and decide)$")).first.click()
    assert_no_axe_violations(admin, "moderation item")
    admin.get_by_label(NL(r"^(Weer laten zien|Show it again)$")).check()
    admin.get_by_role("button", name=NL(r"^(Uitvoeren|Do it)$")).click()
    expect(admin.get_by_role("main")).to_contain_text(NL(r"(Niets te bekijken|Nothing to look at)"))

    writer = _as(context, "buur10@example.org")
    writer.goto("/account/notifications")
    expect(writer.get_by_role("main")).to_contain_text(NL(r"(We hebben je reactie bij|We hid your reaction)"))
    expect(writer.get_by_role("main")).to_contain_text(NL(r"(weer zien|again)"))
    shot(writer, "n4-writer-told")
    assert_no_axe_violations(writer, "the writer's messages")
