"""The tables of `make bench`: printed, kept as JSON in reports/bench/, and written to
docs/performance.md (BENCH_DOCS; "0" writes none) so the latest figures live in the repository."""

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

PAGE_MS, TOGGLE_MS, WORKER_MB, THROUGHPUT_RATIO = 25, 15, 150, 0.5
GROWTH_FLAT = 1.5  # our reading of "flat": the large-N median within 1.5x of the small-N median


@dataclass
class Page:
    key: str
    path: str
    budget_ms: float | None
    budget_wire_kb: float | None = None
    note: str = ""
    accept_encoding: str = "gzip, br"


PAGES = [
    Page("home", "/", PAGE_MS),
    Page("ideas list (filtered, p3)", "/ideas?wijk=oost&sort=support&page=3", PAGE_MS),
    Page("idea page", "/ideas/{idea}", PAGE_MS),
    Page("wijk page", "/wijken/zuid", PAGE_MS),
    Page("socialmap", "/socialmap", PAGE_MS),
    Page("map page", "/map", PAGE_MS, note="not named in QUALITY.md; the 25 ms page budget applied"),
    Page("geojson (whole city)", "/api/ideas.geojson", None, note="open data: every idea in one streamed file, "
         "growing with N by design; the map asks /api/map per view instead. QUALITY.md sets no budget for it; "
         "*first byte* shows the stream starts at once"),
    Page("geojson, uncompressed", "/api/ideas.geojson", None, note="Accept-Encoding: identity, to show "
         "what compression costs", accept_encoding="identity"),
]
# The map per view, as /map asks at each zoom on a phone (360x740): the whole city, one wijk
# (Oost), and a street in the Binnenstad. Budget per answer: 50 ms, 30 KB gzipped, ~500 items.
MAP_VIEW_MS, MAP_VIEW_WIRE_KB, MAP_VIEW_ITEMS = 50, 30, 500
MAP_VIEWS = [
    ("city", "/api/map?bbox=52.02,4.97,52.14,5.20&zoom=12"),
    ("wijk (Oost)", "/api/map?bbox=52.057,5.122,52.098,5.195&zoom=14"),
    ("street (Binnenstad)", "/api/map?bbox=52.0855,5.110,52.0905,5.114&zoom=17"),
]
MAP_VIEW_HEADERS = ["map view (/api/map)", "median ms", "p95 ms", "wire KB", "items", "budget", "verdict"]


def map_view_rows(run: dict) -> list[list[str]]:
    rows = []
    for key, _path in MAP_VIEWS:
        m = (run.get("map_views") or {}).get(key)
        if not m:
            continue
        if m.get("status") != 200:
            rows.append([key, f"HTTP {m.get('status')}", "", "", "", "", "n/a"])
            continue
        ok = (m["median_ms"] <= MAP_VIEW_MS and m["wire_kb"] <= MAP_VIEW_WIRE_KB
              and m["items"] <= MAP_VIEW_ITEMS)
        wire = f"{m['wire_kb']:.1f}" + ("" if m["encoding"] == "identity" else f" {m['encoding']}")
        rows.append([key, f"{m['median_ms']:.1f}", f"{m['p95_ms']:.1f}", wire,
                     f"{m['items']} ({m['mode']}, {m['clusters']} clusters)",
                     f"{MAP_VIEW_MS} ms, {MAP_VIEW_WIRE_KB} KB wire, {MAP_VIEW_ITEMS} items", "ok" if ok else "OVER"])
    return rows


PAGE_HEADERS = ["page", "median ms", "p95 ms", "first byte ms", "raw KB", "wire KB", "kept", "budget", "verdict"]


def _verdict(value: float | None, budget: float | None) -> str:
    if value is None or budget is None:
        return ""
    return "ok" if value <= budget else "OVER"


def _ratio_verdict(ratio: float) -> str:
    """The idea page's throughput against base.html: a floor, not a ceiling."""
    return "ok" if ratio >= THROUGHPUT_RATIO else "OVER"


def _page_row(key: str, m: dict, budget_ms: float | None, budget_kb: float | None = None, star="") -> list[str]:
    if m.get("status") != 200:
        return [key, f"HTTP {m.get('status')}", "", "", "", "", "", "", "n/a"]
    verdicts = [_verdict(m["median_ms"], budget_ms), _verdict(m["wire_kb"], budget_kb)]
    budget = (f"{budget_ms:g} ms" if budget_ms else "") + (f", {budget_kb:g} KB wire" if budget_kb else "")
    verdict = "OVER" if "OVER" in verdicts else ("ok" if budget_ms else "")
    wire = f"{m['wire_kb']:.1f}" + ("" if m["encoding"] == "identity" else f" {m['encoding']}")
    first_byte = f"{m['first_byte_ms']:.1f}" if "first_byte_ms" in m else ""
    kept = f"{m['kept']}/{m['requests']}" if "kept" in m else ""
    return [key, f"{m['median_ms']:.1f}", f"{m['p95_ms']:.1f}", first_byte, f"{m['raw_kb']:.1f}", wire, kept,
            budget + star, verdict]


def page_rows(run: dict) -> list[list[str]]:
    rows = [_page_row(p.key, run["pages"][p.key], p.budget_ms, p.budget_wire_kb, "*" if p.note else "")
            for p in PAGES]
    deep = run["deep_page"]
    offered = f" of {deep['offered_pages']:,}" if deep.get("offered_pages") else ""
    rows.append(_page_row(f"deep page: {deep['path']}{offered}", deep, PAGE_MS))
    changed = run.get("after_change")
    if changed:
        status = f"HTTP {changed['status']}" if changed["status"] != 200 else _verdict(changed["median_ms"], PAGE_MS)
        rows.append(["idea page, first visit after a support (rendered)", f"{changed['median_ms']:.1f}",
                     f"{changed['p95_ms']:.1f}", "", "", "", f"{changed['kept']}/{changed['requests']}",
                     f"{PAGE_MS} ms", status])
    t = run["toggle"]
    status = f"HTTP {t['status']}" if t["status"] != 200 else _verdict(t["median_ms"], TOGGLE_MS)
    rows.append(["support toggle (htmx)", f"{t['median_ms']:.1f}", f"{t['p95_ms']:.1f}", "", "", "", "",
                 f"{TOGGLE_MS} ms", status])
    return rows


SQL_HEADERS = ["page (in-process, anonymous, rendered: page cache off)", "request ms", "statements", "SQL ms",
               "of which count(*) ms"]


def sql_rows(run: dict) -> list[list[str]]:
    sql = run.get("sql") or {}
    if "error" in sql:
        return [["not measured: " + sql["error"], "", "", "", ""]]
    return [[path, f"{m['request_ms']:.1f}" if "request_ms" in m else "", f"{m['statements']:g}", f"{m['sql_ms']:.1f}",
             f"{m['count_ms']:.1f} ({m['count_statements']}x)"] for path, m in sql.items()]


def summary_lines(run: dict) -> list[str]:
    tp, mixed = run["throughput"], run["mixed"]
    ratio = f"{tp['ratio']:.2f} (needs {THROUGHPUT_RATIO}: {_ratio_verdict(tp['ratio'])})" if tp["ratio"] else "n/a"
    solo = run["pages"]["idea page"].get("median_ms")
    others = ", ".join(f"{name} ({' + '.join(o['paths'])}): {o['ok']} requests"
                       + (f", {o['errors']} errors" if o["errors"] else "") for name, o in mixed["others"].items())
    lines = [f"throughput, 8 clients: idea page {tp['idea_page']['req_per_s']:.1f} req/s, baseline (base.html) "
             f"{tp['baseline']['req_per_s']:.1f} req/s, ratio {ratio} "
             f"(errors {tp['idea_page']['errors']}/{tp['baseline']['errors']})",
             f"mixed load: idea page p50 {mixed['median_ms']:.1f} ms, p95 {mixed['p95_ms']:.1f} ms "
             f"({mixed['requests']} requests; alone p50 {solo:.1f} ms) while other clients ran without pause: "
             f"{others}"]
    m = run.get("map_phone") or {}
    if "skipped" in m:
        lines.append(f"map on a phone (4x CPU slowdown): not measured: {m['skipped']}")
    elif m:
        lines.append(f"map on a phone (4x CPU slowdown), {m['what']}: {m['median_ms']:.0f} ms for {m['markers']:,} "
                     f"markers (median of {len(m['runs_ms'])}: {m['runs_ms']}), budget {m['budget_ms']} ms: "
                     f"{_verdict(m['median_ms'], m['budget_ms'])}; first icon at {m['first_icon_median_ms']:.0f} ms; "
                     f"data-markers (the old, too early figure) at {m['data_markers_median_ms']:.0f} ms")
    for label, workers in (("after warm-up", run["memory"]["after_warm_up"]), ("after the run", run["memory"]["after_run"])):
        text = "; ".join(f"pid {w['pid']}: RSS {w['rss_mb']:.0f} MB, peak {w['peak_mb']:.0f} MB" for w in workers
                         if w["rss_mb"] is not None)
        lines.append(f"gunicorn workers {label}: {text or 'not readable'}"
                     + (f" (budget {WORKER_MB} MB RSS)" if label == "after the run" else ""))
    return lines


def run_title(run: dict) -> str:
    return (f"{run['db']}, N = {run['n']:,} (schema by {run['schema']}, seed + ANALYZE {run['seed_seconds']} s, "
            f"idea {run['idea_id']}, served as {run['served']}, load average {run['load_average'][0]:.1f} -> "
            f"{run['load_average'][1]:.1f} on {os.cpu_count()} CPUs, {run.get('run_seconds', '?')} s in all)")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))


def md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    return (["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
            + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows])


def print_run(run: dict) -> None:
    print(f"\n== {run_title(run)} ==")
    print("  " + "\n  ".join(run["seed_output"].splitlines()))
    print_table(PAGE_HEADERS, page_rows(run))
    print()
    print_table(SQL_HEADERS, sql_rows(run))
    if map_view_rows(run):
        print()
        print_table(MAP_VIEW_HEADERS, map_view_rows(run))
    print("\n".join(summary_lines(run)), flush=True)


def growth(runs: list[dict]) -> list[dict]:
    result, by_db = [], {}
    for run in runs:
        by_db.setdefault(run["db"], {})[run["n"]] = run
    for db_kind, sizes in by_db.items():
        if len(sizes) < 2:
            continue
        small, large = sizes[min(sizes)], sizes[max(sizes)]
        figures = {p.key: (small["pages"][p.key], large["pages"][p.key]) for p in PAGES}
        figures["deep page"] = (small["deep_page"], large["deep_page"])
        figures["support toggle"] = (small["toggle"], large["toggle"])
        if small.get("after_change") and large.get("after_change"):
            figures["idea page after a support"] = (small["after_change"], large["after_change"])
        figures["idea page under mixed load"] = (small["mixed"], large["mixed"])
        for key, (a, b) in figures.items():
            if "median_ms" in a and "median_ms" in b:
                ratio = b["median_ms"] / a["median_ms"]
                verdict = "flat" if ratio <= GROWTH_FLAT else "GROWS"
                if key.startswith("geojson"):
                    verdict = "expected: whole city, payload grows with N"
                result.append({"db": db_kind, "page": key, "from": min(sizes), "to": max(sizes), "ratio": ratio,
                               "verdict": verdict})
    return result


def over_budget(runs: list[dict]) -> list[str]:
    over = []
    for run in runs:
        over += [f"{run['db']} N={run['n']} {row[0]}: {row[-1]}" for row in page_rows(run)
                 if row[-1] not in ("ok", "")]
        ratio = run["throughput"]["ratio"]
        if ratio is not None and _ratio_verdict(ratio) == "OVER":
            over.append(f"{run['db']} N={run['n']} idea-page throughput: {ratio:.2f} of base.html "
                        f"(needs {THROUGHPUT_RATIO})")
        m = run.get("map_phone") or {}
        if "median_ms" in m and m["median_ms"] > m["budget_ms"]:
            over.append(f"{run['db']} N={run['n']} map on a phone: {m['median_ms']:.0f} ms")
        over += [f"{run['db']} N={run['n']} map view {row[0]}: {row[6]}" for row in map_view_rows(run)
                 if row[6] != "ok"]
        over += [f"{run['db']} N={run['n']} worker {w['pid']}: RSS {w['rss_mb']:.0f} MB"
                 for w in run["memory"]["after_run"] if (w["rss_mb"] or 0) > WORKER_MB]
    return over


def report(runs: list[dict], settings: dict, root: Path) -> list[str]:
    """Growth and over-budget lines on stdout; the JSON report; docs/performance.md. Returns what is over."""
    trend = growth(runs)
    trend_rows = [[g["db"], g["page"], f"{g['from']:,} -> {g['to']:,}", f"{g['ratio']:.2f}", g["verdict"]]
                  for g in trend]
    if trend:
        print("\n== growth of the median, small -> large N ==")
        print_table(["db", "page", "N", "ratio", "verdict"], trend_rows)
    notes = [f"{p.key}: {p.note}" for p in PAGES if p.note]
    print("\n* " + "; ".join(notes) + f". Growth 'flat' means ratio <= {GROWTH_FLAT} (our reading).")
    out_dir = root / "reports" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    budgets = {"page_ms": PAGE_MS, "toggle_ms": TOGGLE_MS, "worker_rss_mb": WORKER_MB,
               "throughput_ratio": THROUGHPUT_RATIO}
    path.write_text(json.dumps({"settings": settings, "cpus": os.cpu_count(), "budgets": budgets,
                                "runs": runs, "growth": trend}, indent=2))
    print(f"Report: {path.relative_to(root)}")
    over = over_budget(runs)
    if over:
        print("\nOver budget:\n  " + "\n  ".join(over))
    docs = os.environ.get("BENCH_DOCS", "docs/performance.md")
    if docs != "0":
        (root / docs).write_text(performance_md(runs, settings, trend_rows, over, path.relative_to(root)))
        print(f"Written: {docs}")
    return over


DOC_HEAD = """# Performance: the latest `make bench`

This file is written by `make bench` (scripts/bench.py); edit the text in scripts/bench_report.py.
The budgets are in QUALITY.md.

## How to run it
- `make bench`: SQLite and PostgreSQL (when `pg_isready -h 127.0.0.1` answers) at N = 1,000 and
  10,000. `BENCH_SIZES=1000,10000,100000 make bench` for the large run (seeding 100,000 ideas on
  PostgreSQL takes about two minutes; the whole run well over half an hour on 2 CPUs).
  `BENCH_SIZES=1000 make bench` is the short smoke for CI (under about 3 minutes).
  `make bench-large` runs N = 100,000 on PostgreSQL and writes docs/performance-100k.md.
- `BENCH_DATABASES=sqlite` or `postgresql`; `BENCH_PG_DB` names the PostgreSQL database the bench
  drops and re-creates (default `participatie_bench`; use your own on a shared server);
  `BENCH_REQUESTS` (50), `BENCH_SECONDS` (10), `BENCH_MIX_MAP` (2), `BENCH_MAP_FEED`
  (the city viewport of `/api/map`), `BENCH_DOCS` (this file; `0` writes none), `BENCH_STRICT=1`.

## What is measured
- Every page with `Accept-Encoding: gzip, br`, as a browser asks: the time includes the app's
  compression; *wire KB* is what is sent, *raw KB* the decoded body. Client wall time on
  loopback, gunicorn with 2 sync workers.
- `flask seed-bench` fills every domain (N ideas, 10·N supports, paper supports on about 5 % of
  the ideas, 2·N update events, N/10 social-map entries, 50 stadsgesprekken with RSVPs and action
  items) and then runs `ANALYZE`, so PostgreSQL plans with statistics.
- The map per view: `/api/map` for the city, one wijk (Oost) and a street in the Binnenstad, as
  a phone asks at each zoom; median time, gzipped bytes and the number of items (clusters and
  single ideas) against 50 ms, 30 KB and about 500 items.
- The page cache: public pages for visitors without an account are kept per worker until anything
  changes or the minute turns (participatie/web/pagecache.py), so the repeated anonymous requests
  of the page table are mostly served kept: the *kept* column says how many. Two figures show a
  render: *idea page, first visit after a support* (a resident supports, then a visitor opens the
  page: never kept) and the in-process table, which renders every page with the cache off.
- The deep page: `/ideas?page=2000`, or the deepest page the pager offers.
- SQL per page, in-process with the page cache off: the whole request's time, statements, SQL
  time and the `count(*)` part ("N ideeën gevonden").
- Mixed load: the idea page's p50/p95 while other clients load `/map` with its data feed and the
  list, without pause.
- The map on a phone (360x740, 4x CPU slowdown): until `static/js/map.js` has set
  `data-map-ready` (the clusterer finished) and a cluster or marker icon is drawn. The map's
  contract for the bench: keep setting `data-map-ready="<markers>"` on the map container when the
  markers are drawn.
- Memory: each gunicorn worker's RSS and peak RSS (VmHWM from /proc) after the run.

## Operating note
PostgreSQL needs planner statistics: keep **autovacuum on** (the default), which also runs
ANALYZE. Without statistics, after a bulk load the filtered list took 33–43 ms instead of 0.6 ms
at 100,000 ideas, and page 2000 sorted 29 MB on disk. After a bulk import by hand, run `ANALYZE`.
"""


def performance_md(runs: list[dict], settings: dict, trend_rows: list, over: list[str], json_path) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [DOC_HEAD, f"## Latest run ({when}, {os.cpu_count()} CPUs, N = {settings['sizes']}, "
                       f"{settings['requests']} requests per page; JSON: `{json_path}`)",
             "The machine may be shared: compare figures within one run, and read the load average."]
    for run in runs:
        lines += ["", f"### {run_title(run)}", "", "```", run["seed_output"], "```", ""]
        lines += md_table(PAGE_HEADERS, page_rows(run)) + [""] + md_table(SQL_HEADERS, sql_rows(run)) + [""]
        if map_view_rows(run):
            lines += md_table(MAP_VIEW_HEADERS, map_view_rows(run)) + [""]
        lines += [f"- {line}" for line in summary_lines(run)]
    if trend_rows:
        lines += ["", "### Growth of the median, small -> large N", ""]
        lines += md_table(["db", "page", "N", "ratio", "verdict"], trend_rows)
    lines += ["", "### Over budget", ""] + ([f"- {o}" for o in over] or ["- nothing"])
    return "\n".join(lines) + "\n"
