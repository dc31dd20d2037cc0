"""Walk e: keyboard only. Skip link first; post an idea with Tab, typing, Space and Enter (no map)."""

import re
import time

from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, login, shot

FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const label = e.labels && e.labels.length ? e.labels[0].innerText
              : (e.getAttribute('aria-label') || e.innerText || e.value || '');
  return {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '', name: e.name || '',
          label: label.trim().replace(/\\s+/g, ' ').slice(0, 80),
          focusVisible: e.matches(':focus-visible'),
          indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                     || style.boxShadow !== 'none'};
}"""


class Keyboard:
    """Moves only with the keyboard and records every stop, to check the focus is visible."""

    def __init__(self, page):
        self.page = page
        self.stops: list[dict] = []

    def focused(self) -> dict:
        return self.page.evaluate(FOCUSED)

    def tab(self) -> dict:
        self.page.keyboard.press("Tab")
        now = self.focused()
        self.stops.append(now)
        return now

    def tab_to(self, matches, limit: int = 60) -> dict:
        for _ in range(limit):
            now = self.tab()
            if matches(now):
                return now
        raise AssertionError(f"not reached with {limit} tabs; stops: {[s['label'] or s['id'] for s in self.stops]}")

    def without_indicator(self) -> list[str]:
        return sorted({f"{s['tag']}#{s['id']} '{s['label']}'" for s in self.stops if not s["indicator"]})


def label_is(pattern: str):
    regex = re.compile(pattern)
    return lambda f: bool(regex.search(f["label"]))


def test_skip_link_and_post_idea_with_keyboard_only(page):
    login(page, "inwoner@example.org")
    page.goto("/ideas/new")  # a fresh page load: focus starts at the document
    keys = Keyboard(page)

    first = keys.tab()
    assert re.search("Direct naar de inhoud|Skip to content", first["label"]), first
    assert first["tag"] == "a" and first["indicator"], first
    assert page.get_by_role("link", name=re.compile("Direct naar de inhoud|Skip to content")).is_visible()
    shot(page, "e1-skip-link", screens=1)
    page.keyboard.press("Enter")
    assert keys.focused()["id"] == "main", "the skip link does not move focus to <main>"

    radio = keys.tab_to(lambda f: f["type"] == "radio")
    if not re.search("droom|dream", radio["label"], re.I):
        page.keyboard.press("ArrowUp")  # radios in a group: arrows move the choice
    page.keyboard.press("Space")
    assert re.search("droom|dream", keys.focused()["label"], re.I)

    title = f"Meer bankjes langs de Vecht {time.time_ns() % 100000}"
    keys.tab_to(label_is(r"^(Titel|Title)$"))
    page.keyboard.type(title)
    keys.tab_to(label_is(r"^(Vertel meer|Tell us more)$"))
    page.keyboard.type("Dan kunnen oudere buren onderweg even rusten. Ik help graag met verven.")

    keys.tab_to(lambda f: f["tag"] == "select" and re.match(r"^Wijk$", f["label"]))
    for _ in range(12):  # a closed <select> changes its choice with the arrow keys
        if page.evaluate("() => document.activeElement.value") == "overvecht":
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == "overvecht"

    keys.tab_to(label_is(r"^(Plaats mijn idee|Post my idea)$"))
    shot(page, "e2-keyboard-before-submit", screens=1)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ideas/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_no_axe_violations(page, "idea page after keyboard-only post")

    missing = keys.without_indicator()
    assert not missing, f"focus is not visible on: {missing}"
