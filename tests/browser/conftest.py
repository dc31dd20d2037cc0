"""Browser suite: the real site (gunicorn, CSRF, CSP) in headless Chromium on a phone profile.

Run with `make test-browser`. Plain `make test` ignores this folder (pyproject addopts).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright import sync_api as playwright_sync

from participatie.config import PDOK_PASTEL
from tests.browser.server import DEMO_PASSWORD, ROOT, LiveServer

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "locale": "nl-NL",
    "timezone_id": "Europe/Amsterdam",
}
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__axe.js"  # served by the route handler below, so the page's real CSP allows it
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SHOTS = ROOT / "reports" / "browser"
AXE_LOG = SHOTS / "axe.jsonl"  # every axe run, clean or not, one JSON line each
TILE_HOST = urlsplit(os.environ.get("TILE_URL") or PDOK_PASTEL).hostname


@pytest.fixture(scope="session", autouse=True)
def _fresh_reports():
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in [*SHOTS.glob("*.png"), AXE_LOG]:
        old.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def server():
    live = LiveServer().start()
    yield live
    if "Traceback" in live.log():
        print("\n--- server errors (gunicorn log) ---\n" + live.log())
    live.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class NetworkGuard:
    """Only the site itself may be reached; tile requests are aborted (no network) and counted."""

    def __init__(self, origin: str):
        self.origin = origin
        self.tile_requests = 0
        self.foreign: list[str] = []

    def handle(self, route, request):
        url = request.url
        parts = urlsplit(url)
        if url.startswith(self.origin + "/") or url == self.origin:
            if parts.path == AXE_PATH:
                return route.fulfill(path=str(AXE_JS), content_type="application/javascript")
            return route.continue_()
        if parts.scheme in ("data", "blob"):
            return route.continue_()
        if parts.hostname == TILE_HOST:
            self.tile_requests += 1
            return route.abort("internetdisconnected")
        self.foreign.append(url)
        return route.abort("blockedbyclient")


@pytest.fixture
def context(browser, server):
    ctx = browser.new_context(base_url=server.url, **PHONE)
    ctx.set_default_timeout(10_000)
    guard = NetworkGuard(server.url)
    ctx.route("**/*", guard.handle)
    ctx.guard = guard
    yield ctx
    ctx.close()
    assert not guard.foreign, f"requests to hosts other than the site and the tile server: {guard.foreign}"


EXPECTED_STATUS = re.compile(r"status of (400|403|404|422) ")  # error pages and invalid forms


def _console_problem(page, message) -> str | None:
    """A console error the site is responsible for (CSP violations, failed requests...)."""
    if message.type != "error":
        return None
    where = (message.location or {}).get("url", "")
    if urlsplit(where).hostname == TILE_HOST:
        return None  # tiles cannot load here (no network); counted by the network guard
    if where == page.url and EXPECTED_STATUS.search(message.text):
        return None  # the document itself is a 404 page or a form re-rendered with 422
    return f"{message.text} ({where})"


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("console", lambda msg: (problem := _console_problem(page, msg)) and errors.append(problem))
    yield page
    unique = list(dict.fromkeys(re.sub(r"'nonce-[^']+'", "'nonce-…'", e) for e in errors))
    assert not unique, "errors in the browser console:\n" + "\n".join(unique)


# -- helpers ---------------------------------------------------------------------------------

def shot(page, name: str, screens: int = 3) -> None:
    """A phone-width screenshot of the top of the page: at most `screens` viewport heights."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = min(page.evaluate("() => document.documentElement.scrollHeight"), screens * PHONE["viewport"]["height"])
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": PHONE["viewport"]["width"], "height": height})


def axe_violations(page) -> list[dict]:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm install` (make test-browser does)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
        page.wait_for_function("() => typeof window.axe !== 'undefined'")
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("async (options) => await axe.run(document, options)", options)
    return result["violations"]


def _without_allowed(page, violations: list[dict], allow: dict[str, str]) -> list[dict]:
    kept = []
    for v in violations:
        inside = allow.get(v["id"])
        if inside:
            v = {**v, "nodes": [n for n in v["nodes"] if not page.evaluate(
                "([sel, inside]) => !!document.querySelector(sel)?.closest(inside)",
                [n["target"][0], inside])]}
        if v["nodes"]:
            kept.append(v)
    return kept


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(t) if isinstance(t, list) else t for n in v["nodes"][:3] for t in n["target"][:1]]
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])}x] {targets}")
    return "\n".join(lines)


def assert_no_axe_violations(page, label: str, allow: dict[str, str] | None = None) -> None:
    """axe-core in the real page (real CSP). Fails listing rule, impact, help and first targets.

    `allow` maps a rule id to a CSS selector: nodes of that rule inside that selector are not
    counted. Use it only for a documented WCAG exception, never to hide a fixable problem.
    AXE_REPORT_ONLY=1 records violations in reports/browser/axe.jsonl without failing (to survey).
    """
    violations = _without_allowed(page, axe_violations(page), allow or {})
    AXE_LOG.parent.mkdir(parents=True, exist_ok=True)
    with AXE_LOG.open("a") as log:
        log.write(json.dumps({"label": label, "url": page.url,
                              "violations": [{k: v[k] for k in ("id", "impact", "help")} | {
                                  "targets": [n["target"] for n in v["nodes"][:5]]} for v in violations]}) + "\n")
    if os.environ.get("AXE_REPORT_ONLY") == "1":
        return
    assert not violations, f"axe violations on {label} ({page.url}):\n{format_violations(violations)}"


def login(page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/account/login")
    section = page.get_by_role("region", name=re.compile(r"^(Met je wachtwoord|With your password)$"))
    section.get_by_label(re.compile(r"^(E-mailadres|E-mail address)$")).fill(email)
    section.get_by_label(re.compile(r"^(Wachtwoord|Password)$")).fill(password)
    section.get_by_role("button", name=re.compile(r"^(Inloggen|Log in)$")).click()
    page.wait_for_url(lambda url: "/account/login" not in url)
    open_menu(page)
    assert page.get_by_role("button", name=re.compile(r"^(Uitloggen|Log out)$")).is_visible()


def open_menu(page) -> None:
    """At phone width the rest of the menu sits behind a "Menu" toggle (a <details>)."""
    toggle = page.locator("summary.site-menu__toggle")
    if toggle.is_visible() and page.locator("details.site-menu[open]").count() == 0:
        toggle.click()
