"""The map on a phone at benchmark size (QUALITY.md: markers drawn within 2.5 s at N = 10,000
under a 4x CPU slowdown), measured by `make bench` against its own gunicorn.

Headless Debian Chromium through Playwright at 360x740; every request to another host is
aborted (no tiles here), so the figure is the site's own JavaScript, data and drawing.
"""

import shutil
import statistics

MAP_BUDGET_MS = 2500
CHROMIUM = "/usr/bin/chromium"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}

# map.js sets data-markers on the map element once the markers are on the map.
MARKERS_SEEN = """
new MutationObserver((changes, observer) => {
  if (changes.some(c => c.attributeName === 'data-markers')) {
    window.__markersAt = performance.now(); observer.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-markers']});
"""


def unavailable() -> str | None:
    """Why the measurement cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (make bench installs the browser extra)"
    if not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def _one_visit(browser, origin: str) -> tuple[float, int]:
    context = browser.new_context(base_url=origin, **PHONE)
    context.route("**/*", lambda route, request: route.continue_()
                  if request.url.startswith(origin) else route.abort("internetdisconnected"))
    page = context.new_page()
    page.add_init_script(MARKERS_SEEN)
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto("/map", wait_until="commit")
    page.wait_for_selector("[data-markers]", timeout=30_000)
    elapsed = page.evaluate("() => window.__markersAt")
    markers = int(page.get_attribute("[data-markers]", "data-markers"))
    context.close()
    return elapsed, markers


def measure_map_phone(port: int, runs: int = 3) -> dict:
    """Median over `runs` cold visits: ms from navigation start until the markers are drawn."""
    reason = unavailable()
    if reason:
        return {"skipped": reason}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            visits = [_one_visit(browser, f"http://127.0.0.1:{port}") for _ in range(runs)]
        finally:
            browser.close()
    times = [round(v[0]) for v in visits]
    return {"median_ms": statistics.median(times), "runs_ms": times, "markers": visits[0][1],
            "budget_ms": MAP_BUDGET_MS}
