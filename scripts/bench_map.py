"""The map on a phone at benchmark size, as a resident sees it, measured by `make bench`.

Headless Debian Chromium through Playwright at 360x740 with a 4x CPU slowdown; every request to
another host is aborted (no tiles here), so the figure is the site's own JavaScript, data and
drawing. Timed from navigation start until static/js/map.js has set `data-map-ready` (the
clusterer has handled its last chunk) AND a cluster or marker icon is in the page with a size,
taken at the next animation frame. Also recorded: when the first icon appeared, and when
`data-markers` was set (the old, too early figure: after the clusterer's first chunk).

A map.js without `data-map-ready` (an older tree) is timed until its first icon is visible.
"""

import shutil
import statistics
from pathlib import Path

MAP_BUDGET_MS = 2500
CHROMIUM = "/usr/bin/chromium"
MAP_JS = Path(__file__).resolve().parent.parent / "static" / "js" / "map.js"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}
WHAT = ("from navigation start until map.js set data-map-ready (clusterer finished) and a cluster or "
        "marker icon is drawn, at the next frame")
WHAT_LEGACY = "from navigation start until the first cluster or marker icon is drawn (map.js has no data-map-ready)"

TIMESTAMPS = """
window.__bench = {};
(() => {
  const mark = (key) => { if (window.__bench[key] === undefined) window.__bench[key] = performance.now(); };
  const drawn = () => Array.from(document.querySelectorAll('.marker-cluster, .leaflet-marker-icon'))
    .some((el) => { const box = el.getBoundingClientRect(); return box.width > 0 && box.height > 0; });
  let waitingForFrame = false;
  new MutationObserver(() => {
    const b = window.__bench;
    if (b.markersAt === undefined && document.querySelector('[data-markers]')) mark('markersAt');
    const icon = b.iconAt !== undefined || drawn();
    if (icon) mark('iconAt');
    if (icon && !waitingForFrame && document.querySelector('[data-map-ready]')) {
      waitingForFrame = true;
      requestAnimationFrame(() => mark('readyAt'));
    }
  }).observe(document, {attributes: true, childList: true, subtree: true});
})();
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


def legacy_map_js() -> bool:
    return "data-map-ready" not in MAP_JS.read_text()


def _one_visit(browser, origin: str, legacy: bool) -> dict:
    context = browser.new_context(base_url=origin, **PHONE)
    context.route("**/*", lambda route, request: route.continue_()
                  if request.url.startswith(origin) else route.abort("internetdisconnected"))
    page = context.new_page()
    page.add_init_script(TIMESTAMPS)
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto("/map", wait_until="commit")
    done = ("() => window.__bench && window.__bench.iconAt !== undefined && window.__bench.markersAt !== undefined"
            if legacy else "() => window.__bench && window.__bench.readyAt !== undefined")
    page.wait_for_function(done, timeout=120_000, polling=50)
    stamps = page.evaluate("() => window.__bench")
    markers = int(page.get_attribute("[data-markers]", "data-markers") or 0)
    context.close()
    return {"ready_ms": round(stamps["iconAt"] if legacy else stamps["readyAt"]),
            "first_icon_ms": round(stamps["iconAt"]), "data_markers_ms": round(stamps["markersAt"]),
            "markers": markers}


def measure_map_phone(port: int, runs: int = 3) -> dict:
    """Median over `runs` cold visits (see the module text for what is timed)."""
    reason = unavailable()
    if reason:
        return {"skipped": reason}
    from playwright.sync_api import sync_playwright

    legacy = legacy_map_js()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            visits = [_one_visit(browser, f"http://127.0.0.1:{port}", legacy) for _ in range(runs)]
        finally:
            browser.close()
    return {"median_ms": statistics.median(v["ready_ms"] for v in visits),
            "runs_ms": [v["ready_ms"] for v in visits],
            "first_icon_median_ms": statistics.median(v["first_icon_ms"] for v in visits),
            "data_markers_median_ms": statistics.median(v["data_markers_ms"] for v in visits),
            "markers": visits[0]["markers"], "budget_ms": MAP_BUDGET_MS,
            "what": WHAT_LEGACY if legacy else WHAT}
