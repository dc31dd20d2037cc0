"""Arabic at 360 px: right to left, nothing scrolls sideways, axe-clean; Turkish posts and supports."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, login, shot


def _arabic(page):
    page.goto("/taal/ar?next=/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"


@pytest.mark.parametrize("path, name", [("/", "home"), ("/ideas", "ideas"), ("/map", "map"),
                                        ("first-idea", "idea"), ("/ideas/new", "post-form")])
def test_arabic_pages_mirror_and_fit_a_phone(page, path, name):
    if path == "/ideas/new":
        login(page, "inwoner@example.org")  # (the choice is saved on the account: _back_to_dutch)
    _arabic(page)
    _check_arabic_page(page, path, name)


def _check_arabic_page(page, path, name):
    if path == "first-idea":
        page.goto("/ideas")
        page.get_by_role("main").get_by_role("article").first.get_by_role("link").first.click()
    else:
        page.goto(path)
    page.wait_for_load_state("networkidle")
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The main column starts on the right: its heading's right edge is near the screen's right edge.
    box = page.get_by_role("heading", level=1).first.bounding_box()
    assert box["x"] + box["width"] >= 300, box
    shot(page, f"rtl-{name}")
    # As on the Dutch map (test_anonymous): every marker is also a link of normal size in the list
    # beside the map, so small or overlapping map targets are allowed inside the marker pane.
    allow = {"target-size": ".leaflet-marker-pane"} if path == "/map" else None
    assert_no_axe_violations(page, f"{path} in Arabic", allow=allow)


def test_a_resident_posts_and_supports_in_turkish(page):
    login(page, "inwoner@example.org")
    page.goto("/taal/tr?next=/ideas/new")
    assert page.locator("html").get_attribute("lang") == "tr"
    page.get_by_label(re.compile(r"^Başlık$")).fill("Parkta yeni banklar")
    page.get_by_label(re.compile(r"^Daha fazla anlatın$")).fill("Parkta oturacak yer yok. İki bank istiyoruz.")
    page.get_by_label(re.compile(r"^Semt$")).select_option(label="Oost")
    page.get_by_role("button", name=re.compile(r"^Fikrimi paylaş$")).click()
    expect(page).to_have_url(re.compile(r"/ideas/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Parkta yeni banklar")
    shot(page, "tr-posted")
    mine = page.url
    page.goto("/ideas")
    links = page.get_by_role("main").get_by_role("article").get_by_role("link")
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        if mine.endswith(href):
            continue
        page.goto(href)
        support = page.get_by_role("button", name=re.compile(r"^Destekliyorum$"))
        if support.count():
            support.click()
            expect(page.locator(".support-box button[aria-pressed=true]").first).to_be_visible()
            shot(page, "tr-supported")
            assert_no_axe_violations(page, "idea page in Turkish after supporting")
            return
    raise AssertionError("no idea on the first page can be supported")


def test_a_resident_posts_and_supports_in_arabic(page):
    """Posted in Arabic: the page reads right to left, the idea carries no extra mark on its own
    Arabic page, while the Dutch ideas around it are marked lang="nl" dir="ltr"."""
    login(page, "inwoner@example.org")
    page.goto("/taal/ar?next=/ideas/new")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_label(re.compile(r"^العنوان$")).fill("مقاعد جديدة في الحديقة")
    page.get_by_label(re.compile(r"^أخبرنا بالمزيد$")).fill("لا يوجد مكان للجلوس في الحديقة. نريد مقعدين.")
    page.get_by_label(re.compile(r"^المنطقة$")).select_option(label="Oost")
    page.get_by_role("button", name=re.compile(r"^انشر فكرتي$")).click()
    expect(page).to_have_url(re.compile(r"/ideas/\d+$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("مقاعد جديدة في الحديقة")
    assert heading.get_attribute("lang") is None  # the page's own language
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "ar-posted")
    mine = page.url
    page.goto("/ideas")
    dutch = page.locator(".idea-card__title[lang=nl]").first
    expect(dutch).to_have_attribute("dir", "ltr")
    links = page.get_by_role("main").get_by_role("article").get_by_role("link")
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        if mine.endswith(href):
            continue
        page.goto(href)
        support = page.get_by_role("button", name=re.compile(r"^أدعم هذا$"))
        if support.count():
            support.click()
            expect(page.locator(".support-box button[aria-pressed=true]").first).to_be_visible()
            shot(page, "ar-supported")
            assert_no_axe_violations(page, "idea page in Arabic after supporting")
            return
    raise AssertionError("no idea on the first page can be supported")


@pytest.fixture(autouse=True)
def _back_to_dutch(page):
    """A logged-in choice of language is saved on the account: the next test logs in in Dutch."""
    yield
    page.goto("/taal/nl?next=/")
