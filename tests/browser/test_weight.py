"""Phone budgets from QUALITY.md: first-visit transfer and the map under a 4x CPU slowdown."""

import gzip
import os

import pytest

from tests.browser.conftest import PHONE

TRANSFER_BUDGET = 150 * 1024  # gzipped, first visit, tiles excluded
MAP_BUDGET_MS = 2500


def _first_visit(browser, server, path: str) -> list[tuple[str, int, int]]:
    """(url, bytes as served, bytes gzipped) for every same-origin response of a cold visit."""
    context = browser.new_context(base_url=server.url, **PHONE)
    context.route("**/*", lambda route, request: route.continue_()
                  if request.url.startswith(server.url) else route.abort("internetdisconnected"))
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(path, wait_until="networkidle")
    rows = []
    for r in responses:
        if not r.url.startswith(server.url) or r.status >= 300:
            continue
        body = r.body()
        served = len(body) if r.headers.get("content-encoding") is None else int(
            r.headers.get("content-length", len(body)))
        rows.append((r.url[len(server.url):], served, len(gzip.compress(body, 6))))
    context.close()
    return rows


@pytest.mark.parametrize("path", ["/", "/ideas/1"])
def test_first_visit_transfer(browser, server, path):
    rows = _first_visit(browser, server, path)
    served = sum(r[1] for r in rows)
    gz = sum(r[2] for r in rows)
    print(f"\n{path}: {len(rows)} requests, {served / 1024:.1f} KB as served, {gz / 1024:.1f} KB gzipped")
    for url, raw, zipped in sorted(rows, key=lambda r: -r[2]):
        print(f"  {zipped / 1024:7.1f} KB gz  {raw / 1024:7.1f} KB  {url}")
    assert gz <= TRANSFER_BUDGET, f"{path}: {gz / 1024:.1f} KB gzipped > 150 KB"


# data-map-ready: map.js sets it when the clusterer has finished and drawn its icons
# (data-markers comes after the clusterer's first chunk, before anything is drawn).
MARKERS_SEEN = """
new MutationObserver((changes, observer) => {
  if (changes.some(c => c.attributeName === 'data-map-ready')) {
    window.__markersAt = performance.now(); observer.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-map-ready']});
"""


def _map_ready_ms(browser, server) -> tuple[float, int]:
    """Milliseconds from navigation start until map.js set data-map-ready (markers drawn)."""
    context = browser.new_context(base_url=server.url, **PHONE)
    context.route("**/*", lambda route, request: route.continue_()
                  if request.url.startswith(server.url) else route.abort("internetdisconnected"))
    page = context.new_page()
    page.add_init_script(MARKERS_SEEN)
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto("/map", wait_until="commit")
    page.wait_for_selector("[data-map-ready]", timeout=15_000)
    result = page.evaluate("() => window.__markersAt"), int(page.get_attribute("[data-map-ready]", "data-map-ready"))
    context.close()
    return result


def test_map_markers_under_cpu_slowdown(browser, server):
    """QUALITY.md: markers drawn within 2.5 s under a 4x CPU slowdown. The budget is set for
    N = 10,000; this runs on the demo data (about 40 located ideas), so it is a floor."""
    runs = sorted(_map_ready_ms(browser, server) for _ in range(3))
    elapsed, markers = runs[1]  # median of three: the machine is shared and noisy
    print(f"\n/map: {markers} markers drawn after {elapsed:.0f} ms, median of 3 (4x CPU slowdown); "
          f"runs: {[round(r[0]) for r in runs]}")
    assert markers > 0
    # Timings are printed, not asserted (QUALITY.md: shared, noisy machines). STRICT_TIMING=1 asserts.
    if os.environ.get("STRICT_TIMING") == "1":
        assert elapsed <= MAP_BUDGET_MS, f"markers drawn after {elapsed:.0f} ms > {MAP_BUDGET_MS} ms"
