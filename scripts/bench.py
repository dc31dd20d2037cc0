"""`make bench`: server time, size, throughput and growth of the main pages (QUALITY.md).

For each database (SQLite; PostgreSQL when `pg_isready -h 127.0.0.1` answers) and each
N in BENCH_SIZES (default "1000,10000"): a fresh database, `flask db upgrade`,
`flask seed-bench --ideas N`, gunicorn with 2 workers on a free loopback port, warm-up,
then BENCH_REQUESTS (default 50) sequential requests per page.

"Server time" is client wall time per request on loopback (connect + request + full
body), so it slightly overstates the server's own time. Sizes: raw body bytes and the
body gzipped by this script (gzip level 6) -- Flask itself does not compress; a proxy
in front would.

Environment: BENCH_SIZES, BENCH_REQUESTS, BENCH_SECONDS (throughput window, default 10),
BENCH_DATABASES ("sqlite,postgresql"), BENCH_PG_ADMIN_URL, BENCH_PG_DB (default participatie_bench), BENCH_STRICT=1 (exit 1 when
anything is over budget). Output: a table on stdout and reports/bench/bench-<time>.json.
"""

import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_map import measure_map_phone  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_BENCH_DB = os.environ.get("BENCH_PG_DB", "participatie_bench")  # dropped and re-created per run
BENCH_PASSWORD = "bench-wachtwoord-2026"  # participatie.ops.bench.BENCH_PASSWORD
PAGE_MS, TOGGLE_MS, GEOJSON_MS, GEOJSON_GZ_KB = 25, 15, 150, 300
GROWTH_FLAT = 1.5  # our reading of "flat": the 10k median within 1.5x of the 1k median


@dataclass
class Page:
    key: str
    path: str
    budget_ms: float | None
    budget_gz_kb: float | None = None
    note: str = ""


PAGES = [
    Page("home", "/", PAGE_MS),
    Page("ideas list (filtered, p3)", "/ideas?wijk=oost&sort=support&page=3", PAGE_MS),
    Page("idea page", "/ideas/{idea}", PAGE_MS),
    Page("wijk page", "/wijken/zuid", PAGE_MS),
    Page("socialmap", "/socialmap", PAGE_MS),
    Page("map page", "/map", PAGE_MS, note="not named in QUALITY.md; the 25 ms page budget applied"),
    Page("geojson (whole city)", "/api/ideas.geojson", GEOJSON_MS, GEOJSON_GZ_KB),
]


# --- HTTP on loopback -----------------------------------------------------------------

@dataclass
class Response:
    status: int
    body: bytes
    headers: list[tuple[str, str]]
    seconds: float

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Client:
    """One visitor: a cookie jar and a new connection per request (gunicorn sync closes them)."""

    port: int
    cookies: dict = field(default_factory=dict)

    def request(self, method: str, path: str, form: dict | None = None, headers: dict | None = None) -> Response:
        headers = dict(headers or {})
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            data = raw.read()
            seconds = time.perf_counter() - started
            response = Response(raw.status, data, raw.getheaders(), seconds)
        finally:
            conn.close()
        self._keep_cookies(response)
        return response

    def get(self, path: str, **headers) -> Response:
        return self.request("GET", path, headers=headers)

    def _keep_cookies(self, response: Response) -> None:
        for name, value in response.headers:
            if name.lower() != "set-cookie":
                continue
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            expired = "max-age=0" in value.lower() or "expires=thu, 01 jan 1970" in value.lower()
            if expired or not val:
                self.cookies.pop(key.strip(), None)
            else:
                self.cookies[key.strip()] = val.strip()


CSRF_PATTERNS = [re.compile(r'name="csrf_token"[^>]*value="([^"]+)"'),
                 re.compile(r'value="([^"]+)"[^>]*name="csrf_token"'),
                 re.compile(r'"X-CSRFToken":\s*"([^"]+)"')]


def csrf_token(html: str) -> str:
    for pattern in CSRF_PATTERNS:
        match = pattern.search(html)
        if match:
            return match.group(1)
    raise RuntimeError("no csrf_token in the page")


def login(client: Client, email: str, password: str = BENCH_PASSWORD) -> str:
    """Log in through the form (CSRF on); returns a fresh CSRF token for later POSTs."""
    page = client.get("/account/login")
    response = client.request("POST", "/account/login",
                              form={"csrf_token": csrf_token(page.text), "email": email, "password": password})
    if response.status != 303:
        raise RuntimeError(f"login as {email} failed: HTTP {response.status}")
    return csrf_token(client.get("/account/settings").text)


def toggle(client: Client, token: str, idea_id: int, kind: str = "steun") -> Response:
    return client.request("POST", f"/ideas/{idea_id}/support/{kind}", form={"csrf_token": token},
                          headers={"HX-Request": "true", "X-CSRFToken": token})


# --- the server -------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def app_env(instance: Path, database_url: str) -> dict:
    env = dict(os.environ)
    env.update(FLASK_APP="app.py", PARTICIPATIE_INSTANCE=str(instance), DATABASE_URL=database_url,
               FLASK_SECRET_KEY=secrets.token_hex(16), FLASK_RATELIMIT_ENABLED="false",
               PARTICIPATIE_BENCH_BASELINE="1",
               FLASK_SESSION_COOKIE_SECURE="false")  # plain http on loopback: urllib drops Secure cookies
    env.pop("PARTICIPATIE_ENV", None)
    return env


def flask(env: dict, *args: str) -> str:
    result = subprocess.run([str(BIN / "flask"), *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


CREATE_ALL = ("from participatie import create_app; from participatie.extensions import db; "
              "app = create_app(); app.app_context().push(); db.create_all()")


def create_schema(env: dict) -> str:
    """`flask db upgrade`; when the migrations lag the models (`flask db check` fails, as can
    happen mid-development) the run uses db.create_all() instead, and says so."""
    if os.environ.get("BENCH_SCHEMA") != "create_all":
        flask(env, "db", "upgrade")
        try:
            flask(env, "db", "check")
            return "flask db upgrade"
        except RuntimeError:
            print("  ! the migrations lag the models (flask db check fails): using db.create_all()")
            _drop_all(env)
    subprocess.run([str(BIN / "python"), "-c", CREATE_ALL], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return "db.create_all()"


def _drop_all(env: dict) -> None:
    code = ("from participatie import create_app; from participatie.extensions import db; "
            "from sqlalchemy import text; app = create_app(); app.app_context().push(); db.drop_all(); "
            "db.session.execute(text('DROP TABLE IF EXISTS alembic_version')); db.session.commit()")
    subprocess.run([str(BIN / "python"), "-c", code], cwd=ROOT, env=env, check=True, capture_output=True)


def _wait_ready(proc, port: int, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if Client(port).get("/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


@contextmanager
def _gunicorn(env: dict, app_spec: str, log: Path):
    port = free_port()
    with open(log, "ab") as log_file:
        proc = subprocess.Popen([str(BIN / "gunicorn"), "-w", "2", "-b", f"{HOST}:{port}", "--log-level",
                                 "warning", app_spec], cwd=ROOT, env=env, stdout=log_file, stderr=log_file)
    try:
        _wait_ready(proc, port, log)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def server(env: dict, log: Path):
    """gunicorn -w 2 app:app; when create_app does not register the bench baseline yet,
    the factory in participatie.ops.bench serves the same app with it."""
    with _gunicorn(env, "app:app", log) as port:
        if Client(port).get("/__bench/baseline").status == 200:
            yield port, "app:app"
            return
    spec = "participatie.ops.bench:app_with_baseline()"
    with _gunicorn(env, spec, log) as port:
        yield port, spec


# --- databases --------------------------------------------------------------------------

def pg_available() -> bool:
    if not shutil.which("pg_isready"):
        return False
    return subprocess.run(["pg_isready", "-q", "-h", HOST], capture_output=True).returncode == 0


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


@contextmanager
def fresh_database(kind: str, workdir: Path):
    """Yields a DATABASE_URL for an empty database; removes it afterwards."""
    if kind == "sqlite":
        path = workdir / "bench.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        yield f"sqlite:///{path}"
        return
    _pg_admin(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
    _pg_admin(f"CREATE DATABASE {PG_BENCH_DB}")
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + PG_BENCH_DB
    finally:
        _pg_admin(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")


def pick_ids(database_url: str) -> dict:
    """An open, located idea with a timeline, and a bench user who may support it."""
    from sqlalchemy import create_engine, text

    from participatie.config import normalise_database_url

    engine = create_engine(normalise_database_url(database_url))
    with engine.connect() as conn:
        user_id, = conn.execute(text("SELECT id FROM users WHERE email = 'bench0001@example.org'")).one()
        idea_id, = conn.execute(text(
            "SELECT i.id FROM ideas i WHERE i.status = 'open' AND i.hidden = :f AND i.lat IS NOT NULL "
            "AND i.author_id <> :u AND i.support_count BETWEEN 5 AND 15 "
            "AND (SELECT count(*) FROM idea_events e WHERE e.idea_id = i.id) >= 3 ORDER BY i.id"
        ), {"f": False, "u": user_id}).first()
    engine.dispose()
    return {"idea": idea_id, "user_email": "bench0001@example.org"}


# --- measurements -----------------------------------------------------------------------

def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_page(port: int, path: str, requests: int) -> dict:
    client = Client(port)
    first = client.get(path)
    if first.status == 404:
        return {"path": path, "status": 404}
    for _ in range(4):  # warm-up: caches, compiled templates, connections in both workers
        client.get(path)
    times, statuses = [], set()
    for _ in range(requests):
        response = client.get(path)
        statuses.add(response.status)
        times.append(response.seconds * 1000)
    return {"path": path, "status": sorted(statuses)[-1], "median_ms": statistics.median(times),
            "p95_ms": _percentile(times, 0.95), "raw_kb": len(first.body) / 1024,
            "gzip_kb": len(gzip.compress(first.body, 6)) / 1024, "requests": requests}


def measure_toggle(port: int, ids: dict, requests: int) -> dict:
    client = Client(port)
    token = login(client, ids["user_email"])
    for _ in range(4):
        toggle(client, token, ids["idea"])
    times, statuses = [], set()
    for _ in range(requests):
        response = toggle(client, token, ids["idea"])
        statuses.add(response.status)
        times.append(response.seconds * 1000)
    return {"path": f"POST /ideas/{ids['idea']}/support/steun (HX-Request)", "status": sorted(statuses)[-1],
            "median_ms": statistics.median(times), "p95_ms": _percentile(times, 0.95), "requests": requests}


def throughput(port: int, path: str, seconds: float, threads: int = 8) -> dict:
    counts, errors = [0] * threads, [0] * threads
    deadline = time.monotonic() + seconds

    def worker(index: int) -> None:
        client = Client(port)
        while time.monotonic() < deadline:
            try:
                ok = client.get(path).status == 200
            except OSError:
                ok = False
            counts[index] += ok
            errors[index] += not ok

    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.monotonic() - started
    return {"path": path, "clients": threads, "seconds": round(elapsed, 2),
            "req_per_s": sum(counts) / elapsed, "errors": sum(errors)}


def run_one(kind: str, n: int, settings: dict) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-{n}-"))
    try:
        with fresh_database(kind, workdir) as url:
            env = app_env(workdir, url)
            schema = create_schema(env)
            started = time.perf_counter()
            seed_output = flask(env, "seed-bench", "--ideas", str(n))
            seed_seconds = time.perf_counter() - started
            ids = pick_ids(url)
            with server(env, workdir / "gunicorn.log") as (port, spec):
                load_before = os.getloadavg()[0]
                result = _measure_all(port, ids, settings)
            result["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            result.update(db=kind, n=n, seed_seconds=round(seed_seconds, 1), served=spec, schema=schema,
                          seed_output=seed_output.strip(), idea_id=ids["idea"])
            return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _measure_all(port: int, ids: dict, settings: dict) -> dict:
    pages = {}
    for page in PAGES:
        pages[page.key] = measure_page(port, page.path.format(**ids), settings["requests"])
    idea_path = f"/ideas/{ids['idea']}"
    toggle_result = measure_toggle(port, ids, settings["requests"])
    idea_tp = throughput(port, idea_path, settings["seconds"])
    base_tp = throughput(port, "/__bench/baseline", settings["seconds"])
    ratio = idea_tp["req_per_s"] / base_tp["req_per_s"] if base_tp["req_per_s"] else None
    return {"pages": pages, "toggle": toggle_result,
            "throughput": {"idea_page": idea_tp, "baseline": base_tp, "ratio": ratio},
            "map_phone": measure_map_phone(port)}


# --- report -----------------------------------------------------------------------------

def _verdict(value: float | None, budget: float | None) -> str:
    if value is None or budget is None:
        return ""
    return "ok" if value <= budget else "OVER"


def page_rows(run: dict) -> list[list[str]]:
    rows = []
    for page in PAGES:
        m = run["pages"][page.key]
        if m.get("status") != 200:
            rows.append([page.key, f"HTTP {m.get('status')}", "", "", "", "", "", "n/a"])
            continue
        verdicts = [_verdict(m["median_ms"], page.budget_ms), _verdict(m["gzip_kb"], page.budget_gz_kb)]
        budget = f"{page.budget_ms:g} ms" + (f", {page.budget_gz_kb:g} KB gz" if page.budget_gz_kb else "")
        rows.append([page.key, f"{m['median_ms']:.1f}", f"{m['p95_ms']:.1f}", f"{m['raw_kb']:.1f}",
                     f"{m['gzip_kb']:.1f}", budget + ("*" if page.note else ""),
                     "OVER" if "OVER" in verdicts else "ok", ""])
    t = run["toggle"]
    status = "ok" if t["status"] == 200 and t["median_ms"] <= TOGGLE_MS else "OVER"
    if t["status"] != 200:
        status = f"HTTP {t['status']}"
    rows.append(["support toggle (htmx)", f"{t['median_ms']:.1f}", f"{t['p95_ms']:.1f}", "", "",
                 f"{TOGGLE_MS} ms", status, ""])
    return rows


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))


def print_run(run: dict) -> None:
    print(f"\n== {run['db']}, N = {run['n']:,} (schema by {run['schema']}, seed {run['seed_seconds']} s, "
          f"idea {run['idea_id']}, served as {run['served']}, load average {run['load_average'][0]:.1f}"
          f" -> {run['load_average'][1]:.1f} on {os.cpu_count()} CPUs) ==")
    print_table(["page", "median ms", "p95 ms", "raw KB", "gzip KB", "budget", "verdict", ""],
                page_rows(run))
    tp = run["throughput"]
    ratio = f"{tp['ratio']:.2f}" if tp["ratio"] else "n/a"
    print(f"throughput, 8 clients: idea page {tp['idea_page']['req_per_s']:.1f} req/s, "
          f"baseline (base.html) {tp['baseline']['req_per_s']:.1f} req/s, ratio {ratio} "
          f"(errors {tp['idea_page']['errors']}/{tp['baseline']['errors']})")
    m = run.get("map_phone") or {}
    if "skipped" in m:
        print(f"map on a phone (4x CPU slowdown): not measured: {m['skipped']}")
    elif m:
        print(f"map on a phone (4x CPU slowdown): {m['markers']:,} markers drawn after {m['median_ms']:.0f} ms "
              f"(median of {len(m['runs_ms'])}: {m['runs_ms']}), budget {m['budget_ms']} ms: "
              f"{_verdict(m['median_ms'], m['budget_ms'])}")


def growth(runs: list[dict]) -> list[dict]:
    result = []
    by_db: dict[str, dict[int, dict]] = {}
    for run in runs:
        by_db.setdefault(run["db"], {})[run["n"]] = run
    for db_kind, sizes in by_db.items():
        if len(sizes) < 2:
            continue
        small, large = sizes[min(sizes)], sizes[max(sizes)]
        for key in [p.key for p in PAGES] + ["support toggle"]:
            a = small["toggle"] if key == "support toggle" else small["pages"][key]
            b = large["toggle"] if key == "support toggle" else large["pages"][key]
            if "median_ms" in a and "median_ms" in b:
                ratio = b["median_ms"] / a["median_ms"]
                verdict = "flat" if ratio <= GROWTH_FLAT else "GROWS"
                if key.startswith("geojson"):
                    verdict = "expected: whole city, payload grows with N"
                result.append({"db": db_kind, "page": key, "from": min(sizes), "to": max(sizes),
                               "ratio": ratio, "verdict": verdict})
    return result


def over_budget(runs: list[dict]) -> list[str]:
    over = []
    for run in runs:
        for row in page_rows(run):
            if row[6] not in ("ok", ""):
                over.append(f"{run['db']} N={run['n']} {row[0]}: {row[6]}")
        m = run.get("map_phone") or {}
        if "median_ms" in m and m["median_ms"] > m["budget_ms"]:
            over.append(f"{run['db']} N={run['n']} map on a phone: {m['median_ms']:.0f} ms")
    return over


def settings_from_env() -> dict:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000").split(",") if s.strip()]
    databases = [d.strip() for d in os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")]
    return {"sizes": sizes, "databases": databases,
            "requests": max(10, int(os.environ.get("BENCH_REQUESTS", "50"))),
            "seconds": min(60.0, float(os.environ.get("BENCH_SECONDS", "10")))}


def main() -> int:
    settings = settings_from_env()
    databases = [d for d in settings["databases"] if d == "sqlite" or (d == "postgresql" and pg_available())]
    if "postgresql" in settings["databases"] and "postgresql" not in databases:
        print("PostgreSQL: pg_isready -h 127.0.0.1 does not answer; skipped.")
    print(f"Benchmark: {', '.join(databases)} x N = {settings['sizes']}, {settings['requests']} sequential "
          f"requests per page, throughput {settings['seconds']:g} s x 8 clients, {os.cpu_count()} CPUs.")
    print("Times are client wall time on loopback; gzip KB = body gzipped here (level 6).")
    runs = []
    for kind in databases:
        for n in settings["sizes"]:
            run = run_one(kind, n, settings)
            runs.append(run)
            print_run(run)
    report(runs, settings)
    over = over_budget(runs)
    if over:
        print("\nOver budget:\n  " + "\n  ".join(over))
    return 1 if over and os.environ.get("BENCH_STRICT") == "1" else 0


def report(runs: list[dict], settings: dict) -> None:
    trend = growth(runs)
    if trend:
        print("\n== growth of the median, small -> large N ==")
        print_table(["db", "page", "ratio", "verdict"],
                    [[g["db"], g["page"], f"{g['ratio']:.2f}", g["verdict"]] for g in trend])
    notes = [f"{p.key}: {p.note}" for p in PAGES if p.note]
    print("\n* " + "; ".join(notes) + f". Growth 'flat' means ratio <= {GROWTH_FLAT} (our reading).")
    out_dir = ROOT / "reports" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"bench-{datetime.now():%Y%m%d-%H%M%S}.json"
    budgets = {"page_ms": PAGE_MS, "toggle_ms": TOGGLE_MS, "geojson_ms": GEOJSON_MS,
               "geojson_gzip_kb": GEOJSON_GZ_KB}
    path.write_text(json.dumps({"settings": settings, "cpus": os.cpu_count(), "budgets": budgets,
                                "runs": runs, "growth": trend}, indent=2))
    print(f"Report: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
