#!/usr/bin/env python3
"""`make lighthouse`: Lighthouse (mobile) on the real server, checked against QUALITY.md.

Starts the site the same way as the browser suite (tests/browser/server.py: fresh instance,
migrated, demo data, gunicorn -w 2 on 127.0.0.1), logs in once for the post form, runs the
Lighthouse CLI from node_modules on each page, writes the JSON reports to reports/lighthouse/,
prints a table and exits 1 when a budget is missed.

Map tiles: this machine has no network, so the tile server cannot be reached. Tile requests are
blocked with Lighthouse's own --blocked-url-patterns: blocked requests are not counted as console
errors (Lighthouse ignores ERR_BLOCKED_BY_CLIENT.Inspector) and tile bytes are excluded from the
transfer budget anyway. Everything else (CSP errors, other failed requests) counts as it would in
production. Compression: the figures are measured as gunicorn serves them; "gz KB" is what the
same responses weigh gzipped (the budget in QUALITY.md is stated gzipped).
"""

from __future__ import annotations

import argparse
import gzip
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from participatie.config import PDOK_PASTEL  # noqa: E402
from tests.browser.server import DEMO_PASSWORD, LiveServer  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "reports" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
TRANSFER_BUDGET_KB = 150  # gzipped, first visit, tiles excluded; for "/" and the idea page
# (name, path, needs login, transfer budget applies)
PAGES = [
    ("home", "/", False, True),
    ("ideas", "/ideas", False, False),
    ("idea", "/ideas/1", False, True),
    ("map", "/map", False, False),
    ("post-form", "/ideas/new", True, False),
]


def tile_host() -> str:
    return urllib.parse.urlsplit(os.environ.get("TILE_URL") or PDOK_PASTEL).hostname or ""


def login_cookie(server: LiveServer, email: str = "inwoner@example.org") -> str:
    """Log in through the real form (with its CSRF token); return a Cookie header value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(server.url + "/account/login", timeout=10).read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "email": email, "password": DEMO_PASSWORD})
    opener.open(server.url + "/account/login", data=data.encode(), timeout=10).read()
    cookies = {c.name: c.value for c in jar}
    check = opener.open(server.url + "/ideas/new", timeout=10)
    if "/account/login" in check.geturl():
        raise RuntimeError("logging in for the post form failed")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def run_lighthouse(url: str, out: Path, cookie: str | None) -> dict:
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
           f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}",
           f"--blocked-url-patterns=*://{tile_host()}/*"]
    if cookie:
        cmd.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    for attempt in range(1, 4):  # Chromium's trace recording sometimes fails (NO_NAVSTART): try again
        out.unlink(missing_ok=True)
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode == 0 and out.exists():
            return json.loads(out.read_text())
        print(f"  attempt {attempt} failed: {result.stderr.strip().splitlines()[-1:] or '?'}", flush=True)
    raise RuntimeError(f"lighthouse failed for {url}:\n{result.stderr[-3000:]}")


def transfer(report: dict, origin: str, cookie: str | None) -> tuple[float, float]:
    """(KB as served, KB gzipped) for every request but the tiles."""
    items = report["audits"]["network-requests"]["details"]["items"]
    host = tile_host()
    served = gz = 0
    for item in items:
        if urllib.parse.urlsplit(item["url"]).hostname == host:
            continue
        size = item.get("transferSize") or 0
        served += size
        resource = item.get("resourceSize") or 0
        compressed = resource and size < 0.9 * resource
        if compressed or not item["url"].startswith(origin):
            gz += size
        else:
            gz += _gzipped_size(item["url"], cookie) + max(size - resource, 0)  # body + headers
    return served / 1024, gz / 1024


def _gzipped_size(url: str, cookie: str | None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return len(gzip.compress(response.read(), 6))


def scores(report: dict) -> dict[str, int]:
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def failing_audits(report: dict, category: str, limit: int = 6) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    rows = []
    for ref in refs:
        audit = report["audits"][ref["id"]]
        if audit["score"] is not None and audit["score"] < 1 and ref["weight"] > 0:
            rows.append((ref["weight"] * (1 - audit["score"]), ref["id"], audit))
    lines = [f"{a_id} (score {audit['score']:.2f}{', ' + audit['displayValue'] if audit.get('displayValue') else ''})"
             for _, a_id, audit in sorted(rows, key=lambda r: -r[0])[:limit]]
    if category == "performance":
        for a_id, audit in report["audits"].items():
            details = audit.get("details") or {}
            if details.get("type") == "opportunity" and (details.get("overallSavingsMs") or 0) >= 100:
                lines.append(f"opportunity {a_id}: {audit.get('displayValue', '')}")
    if category == "best-practices":
        for item in report["audits"]["errors-in-console"].get("details", {}).get("items", [])[:5]:
            lines.append(f"console: {item.get('description', '')[:140]}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", nargs="*", help="only these page names: " + ", ".join(p[0] for p in PAGES))
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm install` (make lighthouse does).", file=sys.stderr)
        return 2
    if not shutil.which(os.environ.get("CHROME_PATH", "/usr/bin/chromium")):
        print("Chromium is missing: apt-get install chromium.", file=sys.stderr)
        return 2
    REPORTS.mkdir(parents=True, exist_ok=True)
    pages = [p for p in PAGES if not args.pages or p[0] in args.pages]
    rows, problems = [], []
    with LiveServer(insecure_cookies=True) as server:  # urllib's jar keeps Secure cookies off http
        cookie = login_cookie(server)
        for name, path, needs_login, transfer_budget in pages:
            print(f"Lighthouse {path} ...", flush=True)
            report = run_lighthouse(server.url + path, REPORTS / f"{name}.json", cookie if needs_login else None)
            got = scores(report)
            served_kb, gz_kb = transfer(report, server.url, cookie if needs_login else None)
            rows.append({"page": path, **got, "served_kb": round(served_kb, 1), "gz_kb": round(gz_kb, 1)})
            for category, minimum in BUDGET.items():
                if got[category] < minimum:
                    problems.append((path, f"{category} {got[category]} < {minimum}",
                                     failing_audits(report, category)))
            if transfer_budget and gz_kb > TRANSFER_BUDGET_KB:
                problems.append((path, f"transfer {gz_kb:.0f} KB gz > {TRANSFER_BUDGET_KB} KB", []))
    (REPORTS / "summary.json").write_text(json.dumps(rows, indent=2))
    print_table(rows)
    for path, what, why in problems:
        print(f"\nBUDGET MISSED {path}: {what}")
        for line in why:
            print(f"  - {line}")
    print("\nTiles blocked (no network here); not counted as console errors nor in transfer.")
    print(f"Reports: {REPORTS.relative_to(ROOT)}/*.json")
    return 1 if problems else 0


def print_table(rows: list[dict]) -> None:
    header = f"{'page':<12} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'served KB':>10} {'gz KB':>7}"
    print("\n" + header + "\n" + "-" * len(header))
    for r in rows:
        print(f"{r['page']:<12} {r['performance']:>5} {r['accessibility']:>5} {r['best-practices']:>5} "
              f"{r['seo']:>5} {r['served_kb']:>10.1f} {r['gz_kb']:>7.1f}")


if __name__ == "__main__":
    sys.exit(main())
