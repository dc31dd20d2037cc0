"""`make bench`: what a resident waits for on the main pages (QUALITY.md).

For each database (SQLite; PostgreSQL when `pg_isready -h 127.0.0.1` answers) and each N in
BENCH_SIZES (default "1000,10000"; "1000,10000,100000" for the large run): a fresh database,
`flask db upgrade`, `flask seed-bench --ideas N` (every domain, then ANALYZE), gunicorn with 2
workers on a free loopback port, warm-up, then BENCH_REQUESTS (default 50) sequential requests
per page. Figures:

- server time per page, median and p95: client wall time on loopback (connect + request + the
  whole body) with `Accept-Encoding: gzip, br` as a browser sends it, so it includes the app's
  compression; "wire KB" is what is sent, "raw KB" the decoded body;
- what the database does per page (scripts/bench_sql.py): statements, SQL time, count(*) time;
- a deep page: /ideas?page=2000, or the deepest page the pager offers;
- the support toggle; idea-page throughput against base.html (8 clients);
- mixed load: the idea page's p50/p95 while BENCH_MIX_MAP clients (default 2) load the map page
  and its data feed (BENCH_MAP_FEED, default the city viewport of /api/map) and one client loads the list;
- the map on a phone (scripts/bench_map.py): until the clusterer has finished and icons show;
- memory: each gunicorn worker's RSS and peak RSS (VmHWM) after warm-up and after the run.

Environment: BENCH_SIZES, BENCH_REQUESTS, BENCH_SECONDS (throughput and mixed-load window,
default 10), BENCH_DATABASES ("sqlite,postgresql"), BENCH_PG_ADMIN_URL, BENCH_PG_DB (default
participatie_bench; dropped and re-created), BENCH_MIX_MAP, BENCH_MAP_FEED, BENCH_DOCS (default
docs/performance.md; "0" writes none), BENCH_STRICT=1 (exit 1 when anything is over budget).
Output: tables on stdout, reports/bench/bench-<time>.json and docs/performance.md.
"""

import gzip
import http.client
import json
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_http import (Client, deep_page_path, measure_after_change, measure_map_view, measure_page,  # noqa: E402
                        measure_toggle, mixed_load, throughput)
from bench_map import measure_map_phone  # noqa: E402
from bench_report import MAP_VIEWS, PAGES, print_run, report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_BENCH_DB = os.environ.get("BENCH_PG_DB", "participatie_bench")  # dropped and re-created per run
MAP_FEED = os.environ.get("BENCH_MAP_FEED", "/api/map?bbox=52.02,4.97,52.14,5.20&zoom=12")  # what /map asks at city zoom
LIST_PATH = "/ideas?wijk=oost&sort=support&page=3"
SQL_PATHS = ["/", "/ideas", LIST_PATH, "/ideas?page=2000", "/wijken/zuid", "/map", "/socialmap", "/ideas/{idea}"]


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
        yield port, proc.pid
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
    the factory in participatie.ops.bench serves the same app with it. Yields (port, spec, pid)."""
    with _gunicorn(env, "app:app", log) as (port, pid):
        if Client(port).get("/__bench/baseline").status == 200:
            yield port, "app:app", pid
            return
    spec = "participatie.ops.bench:app_with_baseline()"
    with _gunicorn(env, spec, log) as (port, pid):
        yield port, spec, pid


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


# --- what the database does, and memory --------------------------------------------------

def sql_probe(env: dict, paths: list[str]) -> dict:
    """scripts/bench_sql.py in its own process against the bench database (no server needed)."""
    result = subprocess.run([str(BIN / "python"), str(ROOT / "scripts" / "bench_sql.py"), *paths], cwd=ROOT,
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _status_mb(pid: int, key: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return None


def worker_memory(master_pid: int) -> list[dict]:
    """Each gunicorn worker's resident memory now (VmRSS) and at its peak (VmHWM), in MB."""
    return [{"pid": pid, "rss_mb": _status_mb(pid, "VmRSS"), "peak_mb": _status_mb(pid, "VmHWM")}
            for pid in _children(master_pid)]


# --- a run ------------------------------------------------------------------------------

def run_one(kind: str, n: int, settings: dict) -> dict:
    workdir, run_started = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-{n}-")), time.perf_counter()
    try:
        with fresh_database(kind, workdir) as url:
            env = app_env(workdir, url)
            schema = create_schema(env)
            started = time.perf_counter()
            seed_output = flask(env, "seed-bench", "--ideas", str(n))
            seed_seconds = time.perf_counter() - started
            print(f"  {kind} N={n:,}: seeded in {seed_seconds:.1f} s (with ANALYZE where seed-bench runs it)",
                  flush=True)
            ids = pick_ids(url)
            sql = sql_probe(env, [p.format(**ids) for p in SQL_PATHS])
            with server(env, workdir / "gunicorn.log") as (port, spec, pid):
                load_before = os.getloadavg()[0]
                result = _measure_all(port, pid, ids, settings)
            result["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            result.update(db=kind, n=n, seed_seconds=round(seed_seconds, 1), served=spec, schema=schema,
                          seed_output=seed_output.strip(), idea_id=ids["idea"], sql=sql,
                          run_seconds=round(time.perf_counter() - run_started))
            return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _measure_all(port: int, pid: int, ids: dict, settings: dict) -> dict:
    pages = {page.key: measure_page(port, page.path.format(**ids), _requests(page, settings), page.accept_encoding)
             for page in PAGES}
    map_views = {key: measure_map_view(port, path, _requests(PAGES[0], settings)) for key, path in MAP_VIEWS}
    memory_start = worker_memory(pid)
    deep_path, offered = deep_page_path(port)
    deep = {**measure_page(port, deep_path, max(10, settings["requests"] // 2)), "offered_pages": offered}
    idea_path = f"/ideas/{ids['idea']}"
    toggle_result = measure_toggle(port, ids, settings["requests"])
    after_change = measure_after_change(port, ids, settings["requests"])
    idea_tp = throughput(port, idea_path, settings["seconds"])
    base_tp = throughput(port, "/__bench/baseline", settings["seconds"])
    ratio = idea_tp["req_per_s"] / base_tp["req_per_s"] if base_tp["req_per_s"] else None
    loads = {f"map {i + 1}": ["/map", MAP_FEED] for i in range(settings["mix_map"])} | {"list": [LIST_PATH]}
    mixed = mixed_load(port, idea_path, loads, settings["seconds"])
    map_phone = measure_map_phone(port)
    return {"pages": pages, "map_views": map_views, "deep_page": deep, "toggle": toggle_result,
            "after_change": after_change,
            "throughput": {"idea_page": idea_tp, "baseline": base_tp, "ratio": ratio}, "mixed": mixed,
            "map_phone": map_phone, "memory": {"after_warm_up": memory_start, "after_run": worker_memory(pid)}}


def _requests(page, settings: dict) -> int:
    """Fewer for the diagnostic rows (the uncompressed GeoJSON): the smoke stays short."""
    return settings["requests"] if page.budget_ms else max(10, settings["requests"] // 5)


def settings_from_env() -> dict:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000").split(",") if s.strip()]
    databases = [d.strip() for d in os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")]
    return {"sizes": sizes, "databases": databases,
            "requests": max(10, int(os.environ.get("BENCH_REQUESTS", "50"))),
            "seconds": min(60.0, float(os.environ.get("BENCH_SECONDS", "10"))),
            "mix_map": max(1, int(os.environ.get("BENCH_MIX_MAP", "2"))), "map_feed": MAP_FEED,
            "pg_db": PG_BENCH_DB}


def main() -> int:
    settings = settings_from_env()
    databases = [d for d in settings["databases"] if d == "sqlite" or (d == "postgresql" and pg_available())]
    if "postgresql" in settings["databases"] and "postgresql" not in databases:
        print("PostgreSQL: pg_isready -h 127.0.0.1 does not answer; skipped.")
    print(f"Benchmark: {', '.join(databases)} x N = {settings['sizes']}, {settings['requests']} sequential "
          f"requests per page, throughput and mixed load {settings['seconds']:g} s, {os.cpu_count()} CPUs.")
    print("Times are client wall time on loopback with Accept-Encoding: gzip, br (the app compresses); "
          "wire KB = bytes sent, raw KB = decoded body.", flush=True)
    runs = []
    for kind in databases:
        for n in settings["sizes"]:
            runs.append(run_one(kind, n, settings))
            print_run(runs[-1])
    over = report(runs, settings, ROOT)
    return 1 if over and os.environ.get("BENCH_STRICT") == "1" else 0


if __name__ == "__main__":
    sys.exit(main())
