"""`make soak`: mixed traffic against the server `make run` starts; no crash, no 5xx, no lost support.

For each database (SQLite, and PostgreSQL when `pg_isready -h 127.0.0.1` answers; SOAK_DATABASES
chooses): a fresh instance folder and database of its own (never instance/, never the database
`test`), then `make run` on a free loopback port, exactly as a newcomer starts the site (it
migrates and seeds the demo). SOAK_CLIENTS demo neighbours (buur01..) log in and, for
SOAK_SECONDS, mix reads (/, /ideas, pages of the list, idea pages), support and join toggles on a
few popular ideas and now and then a new idea. Afterwards:

  * the server process is still alive and no request failed to connect (no crash);
  * no response had status 5xx;
  * for every idea: support rows (steun) == support_count and (meedoen) == join_count.

One summary line per database; exit status 1 on any failure. Loopback only; at most 50
clients and 600 s. SOAK_SECONDS=20 is the short form for CI.
"""

import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, _wait_ready, free_port, pg_available  # noqa: E402
from bench_http import Client, csrf_token  # noqa: E402

DEMO_PASSWORD = "demo-wachtwoord-2026"  # participatie.config.Config.DEMO_PASSWORD
PG_ADMIN_URL = os.environ.get("SOAK_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
MAX_CLIENTS, MAX_SECONDS = 50, 600
PRESSED = re.compile(r'support/(steun|meedoen)".*?aria-pressed="(true|false)"', re.S)


def settings() -> dict:
    clients = max(1, min(int(os.environ.get("SOAK_CLIENTS", 10)), MAX_CLIENTS))
    seconds = max(1.0, min(float(os.environ.get("SOAK_SECONDS", 60)), MAX_SECONDS))
    wanted = os.environ.get("SOAK_DATABASES", "sqlite,postgresql").split(",")
    return {"clients": clients, "seconds": seconds, "databases": [d.strip() for d in wanted if d.strip()]}


# --- a database and `make run` of its own --------------------------------------------------

def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


@contextmanager
def fresh_database(kind: str, workdir: Path):
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'soak.sqlite'}"
        return
    name = f"participatie_soak_{os.getpid()}_{secrets.token_hex(3)}"
    _pg_admin(f"CREATE DATABASE {name}")
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run_env(workdir: Path, database_url: str) -> dict:
    env = dict(os.environ)
    env.update(PARTICIPATIE_INSTANCE=str(workdir), DATABASE_URL=database_url,
               FLASK_SECRET_KEY=secrets.token_hex(16), FLASK_RATELIMIT_ENABLED="false",
               FLASK_SESSION_COOKIE_SECURE="false", PYTHONFAULTHANDLER="1")
    for key in ("PARTICIPATIE_ENV", "REDIS_URL", "MAIL_SERVER", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"):
        env.pop(key, None)
    return env


@contextmanager
def make_run(env: dict, log: Path):
    """`make run PORT=...` in a process group of its own. Afterwards: Ctrl-C (SIGINT to the
    group), and every process of the group (gunicorn, jobs loop) must be gone within 20 s."""
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(["make", "--no-print-directory", "run", f"PORT={port}"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    state = {"left_running": False}
    try:
        _wait_ready(proc, port, log, timeout=300)  # make run migrates and seeds first
        yield proc, port, state
    finally:
        state["left_running"] = not stop(proc)


def stop(proc) -> bool:
    """Ctrl-C for the whole group; True when every process of it ended by itself."""
    try:
        os.killpg(proc.pid, signal.SIGINT)
    except ProcessLookupError:
        return True
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        proc.poll()  # reap make, or its zombie counts as a member of the group
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            proc.wait()
            return True
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return False


# --- the clients ----------------------------------------------------------------------------

class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.actions: Counter = Counter()
        self.errors: list[str] = []
        self.five_xx: list[str] = []

    def record(self, action: str, path: str, status: int) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.actions[action] += 1
            if status >= 500:
                self.five_xx.append(f"{status} {action} {path}")

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def log_in(client: Client, email: str) -> str:
    page = client.get("/account/login")
    response = client.request("POST", "/account/login",
                              form={"csrf_token": csrf_token(page.text), "email": email, "password": DEMO_PASSWORD})
    if response.status != 303:
        raise RuntimeError(f"login as {email}: HTTP {response.status}")
    return csrf_token(client.get("/account/settings").text)


def idea_ids(client: Client) -> list[int]:
    ids = sorted({int(n) for n in re.findall(r'href="/ideas/(\d+)"', client.get("/ideas").text)})
    if not ids:
        raise RuntimeError("no ideas on /ideas: was the demo seeded?")
    return ids


class Visitor:
    """One logged-in neighbour doing a random mix of things."""

    def __init__(self, port: int, email: str, ideas: list[int], tally: Tally, seed: int):
        self.client, self.email, self.ideas, self.tally = Client(port), email, ideas, tally
        self.rng = random.Random(seed)
        self.token = ""
        self.shown: dict = {}  # (kind, idea) -> pressed, as the last partial showed it

    def _do(self, action: str, method: str, path: str, form: dict | None = None, htmx: bool = False):
        headers = {"HX-Request": "true", "X-CSRFToken": self.token} if htmx else None
        if form is not None:
            form = {"csrf_token": self.token, **form}
        response = self.client.request(method, path, form=form, headers=headers)
        self.tally.record(action, path, response.status)
        return response

    def step(self) -> None:
        roll, hot = self.rng.random(), self.ideas[:4]
        if roll < 0.15:
            self._do("read", "GET", self.rng.choice(["/", "/ideas", "/ideas?page=2", "/ideas?sort=support"]))
        elif roll < 0.45:
            self._do("read", "GET", f"/ideas/{self.rng.choice(self.ideas)}")
        elif roll < 0.80:
            self.press("steun", self.rng.choice(hot))
        elif roll < 0.97:
            self.press("meedoen", self.rng.choice(hot), offer="Ik kan helpen met opbouwen")
        else:
            self.post_idea()

    def press(self, kind: str, idea: int, **form) -> None:
        """The support or join button: it asks for the other state than the last partial showed."""
        shown = self.shown.get((kind, idea), False)
        response = self._do("toggle", "POST", f"/ideas/{idea}/support/{kind}",
                            form={"state": "off" if shown else "on", **form}, htmx=True)
        if response.status == 200:
            pressed = {k: v == "true" for k, v in PRESSED.findall(response.text)}
            self.shown[(kind, idea)] = pressed.get(kind, not shown)

    def post_idea(self) -> None:
        n = self.rng.randrange(10**6)
        response = self._do("post", "POST", "/ideas/new", form={
            "kind": "droom", "title": f"Soak-droom {n}", "wijk": "oost",
            "body": "Een bankje bij de speeltuin zodat ouders kunnen zitten en praten.",
        })
        if response.status != 303:
            self.tally.error(f"{self.email}: posting an idea gave HTTP {response.status}")

    def run(self, deadline: float) -> None:
        try:
            self.token = log_in(self.client, self.email)
        except Exception as exc:  # noqa: BLE001 - reported; the run fails
            self.tally.error(f"{self.email}: {exc!r}")
            return
        while time.monotonic() < deadline:
            try:
                self.step()
            except OSError as exc:  # refused or reset: the server is down or dropped us
                self.tally.error(f"{self.email}: {exc!r}")
                time.sleep(0.5)


def hammer(port: int, clients: int, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    ideas = idea_ids(Client(port))
    deadline = time.monotonic() + seconds
    visitors = [Visitor(port, f"buur{i:02d}@example.org", ideas, tally, seed=i) for i in range(1, clients + 1)]
    threads = [threading.Thread(target=v.run, args=(deadline,)) for v in visitors]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


# --- checks ---------------------------------------------------------------------------------

def counters_mismatch(database_url: str) -> tuple[int, list[str]]:
    """(ideas checked, ideas whose support rows differ from their counters)."""
    from sqlalchemy import create_engine, text

    from participatie.config import normalise_database_url

    engine = create_engine(normalise_database_url(database_url))
    sql = text("SELECT i.id, i.support_count, i.join_count, "
               "(SELECT count(*) FROM supports s WHERE s.idea_id = i.id AND s.kind = 'steun'), "
               "(SELECT count(*) FROM supports s WHERE s.idea_id = i.id AND s.kind = 'meedoen') "
               "FROM ideas i ORDER BY i.id")
    with engine.connect() as conn:
        rows = conn.execute(sql).all()
    engine.dispose()
    wrong = [f"idea {r[0]}: steun {r[3]} rows / {r[1]}, meedoen {r[4]} rows / {r[2]}"
             for r in rows if (r[1], r[2]) != (r[3], r[4])]
    return len(rows), wrong


def soak_one(kind: str, clients: int, seconds: float) -> bool:
    workdir = Path(tempfile.mkdtemp(prefix=f"soak-{kind}-"))
    log = workdir / "make-run.log"
    try:
        with fresh_database(kind, workdir) as url:
            env = run_env(workdir, url)
            with make_run(env, log) as (proc, port, state):
                tally, elapsed = hammer(port, clients, seconds)
                crashed = proc.poll() is not None
            return report(kind, url, tally, elapsed, crashed, state["left_running"], log)
    except Exception as exc:  # noqa: BLE001 - a soak that cannot start is a failed soak
        print(f"soak {kind}: FAILED to run: {exc}")
        return False
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def report(kind: str, url: str, tally: Tally, elapsed: float, crashed: bool, left_running: bool, log: Path) -> bool:
    checked, wrong = counters_mismatch(url)
    text = log.read_text(errors="replace")
    # A worker that dies (faulthandler's "Fatal Python error", or the shell's "Segmentation fault")
    crashes = int(crashed) + max(text.count("Fatal Python error"), text.count("Segmentation fault"))
    requests = sum(tally.statuses.values())
    five_xx = sum(n for status, n in tally.statuses.items() if status >= 500)
    ok = not (crashes or five_xx or wrong or tally.errors or left_running) and requests > 0
    print(f"soak {kind}: {'OK' if ok else 'FAILED'}: {requests} requests in {elapsed:.0f} s "
          f"({requests / elapsed:.0f}/s; {dict(tally.actions)}; statuses {dict(sorted(tally.statuses.items()))}), "
          f"5xx {five_xx}, crashes {crashes}, client errors {len(tally.errors)}, "
          f"rows vs counters: {checked - len(wrong)}/{checked} ideas agree"
          + ("; processes left running after Ctrl-C" if left_running else ""))
    for line in (tally.five_xx[:5] + tally.errors[:5] + wrong[:5]):
        print(f"  {line}")
    if not ok:
        tail = [line for line in text.splitlines()
                if any(w in line for w in ("Error", "error", "fault", "Traceback", "Thread"))][:30]
        print("  make run log:\n    " + "\n    ".join(tail))
    return ok


def main() -> int:
    config = settings()
    results = []
    for kind in config["databases"]:
        if kind == "postgresql" and not pg_available():
            print("soak postgresql: FAILED: pg_isready -h 127.0.0.1 does not answer")
            results.append(False)
            continue
        results.append(soak_one(kind, config["clients"], config["seconds"]))
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
