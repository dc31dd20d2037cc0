"""`make loadtest`: concurrent support toggles on loopback; no 5xx, no lost or duplicate supports.

A fresh database with the bench dataset (`flask seed-bench`), gunicorn -w 2 on 127.0.0.1
(SQLite in WAL mode by default; `--pg` or LOADTEST_DB=postgresql for PostgreSQL). THREADS
clients, each logged in as its own bench user (CSRF token from the login page), POST
"steun" presses (htmx) on the same few ideas for SECONDS; each press asks for the other state
than the client last saw (state=on|off, as the button does). The expected final state per
(user, idea) is the state of the last accepted (200) press, or the initial one. Afterwards,
from the database:

  * no 5xx responses at all;
  * per idea: Support rows (steun) == expected count == ideas.support_count;
  * per (user, idea): a row exists exactly when expected, and agrees with the last partial;
  * no duplicate (idea, user, kind) rows.

Exit status 1 on any mismatch. Only loopback addresses are used; duration and client
count are bounded (at most 120 s and 50 clients).
"""

import argparse
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from bench import create_schema, flask, fresh_database, pg_available, server
from bench_http import Client, login, set_support

from participatie.config import normalise_database_url

MAX_THREADS, MAX_SECONDS = 50, 120
PRESSED = re.compile(r'support/steun".*?aria-pressed="(true|false)"', re.S)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pg", action="store_true", default=os.environ.get("LOADTEST_DB") == "postgresql",
                        help="PostgreSQL instead of SQLite")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("LOADTEST_THREADS", 20)))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("LOADTEST_SECONDS", 30)))
    parser.add_argument("--ideas", type=int, default=5, help="how many ideas all clients toggle")
    parser.add_argument("--dataset", type=int, default=1000, help="N for flask seed-bench")
    args = parser.parse_args()
    args.threads = max(1, min(args.threads, MAX_THREADS))
    args.seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    return args


def _engine(url: str):
    from sqlalchemy import create_engine

    return create_engine(normalise_database_url(url))


def choose(url: str, threads: int, n_ideas: int) -> tuple[dict[int, str], list[int], set]:
    """Bench users bench0001.. (one per client), ideas they may support, and who supports what now."""
    from sqlalchemy import text

    engine = _engine(url)
    with engine.connect() as conn:
        emails = [f"bench{i:04d}@example.org" for i in range(1, threads + 1)]
        users = {row.id: row.email for row in conn.execute(
            text("SELECT id, email FROM users WHERE email IN :emails").bindparams(_expanding("emails")),
            {"emails": emails})}
        ideas = [row.id for row in conn.execute(
            text("SELECT id FROM ideas WHERE status = 'open' AND hidden = :f AND author_id NOT IN :users "
                 "ORDER BY id LIMIT :n").bindparams(_expanding("users")),
            {"f": False, "users": list(users), "n": n_ideas})]
        given = set(supported_pairs(conn, ideas))
    engine.dispose()
    return users, ideas, given


def _expanding(name: str):
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)


def supported_pairs(conn, ideas: list[int]):
    from sqlalchemy import text

    rows = conn.execute(text("SELECT user_id, idea_id FROM supports WHERE kind = 'steun' AND idea_id IN :ideas")
                        .bindparams(_expanding("ideas")), {"ideas": ideas})
    return [(r.user_id, r.idea_id) for r in rows]


class Tally:
    """What the clients saw, shared between threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.accepted: Counter = Counter()  # (user_id, idea_id) -> accepted presses
        self.last_accepted: dict = {}  # (user_id, idea_id) -> the state the last accepted press asked for
        self.last_pressed: dict = {}  # (user_id, idea_id) -> state the last partial showed
        self.errors: list[str] = []
        self.latencies: list[float] = []
        self.login_seconds: list[float] = []

    def record(self, user_id: int, idea_id: int, on: bool, status: int, html: str, seconds: float) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds * 1000)
            if status == 200:
                self.accepted[(user_id, idea_id)] += 1
                self.last_accepted[(user_id, idea_id)] = on
                match = PRESSED.search(html)
                if match:
                    self.last_pressed[(user_id, idea_id)] = match.group(1) == "true"


def client_loop(port: int, user_id: int, email: str, ideas: list[int], given: set, deadline: float,
                tally: Tally) -> None:
    client = Client(port)
    started = time.monotonic()
    try:
        token = login(client, email)
        with tally.lock:
            tally.login_seconds.append(time.monotonic() - started)
    except Exception as exc:  # noqa: BLE001 - reported, and the run fails
        with tally.lock:
            tally.errors.append(f"{email}: {exc}")
        return
    rng = random.Random(user_id)
    shown = {idea_id: (user_id, idea_id) in given for idea_id in ideas}  # what the button shows now
    while time.monotonic() < deadline:
        idea_id = rng.choice(ideas)
        on = not shown[idea_id]
        try:
            response = set_support(client, token, idea_id, on)
        except OSError as exc:
            with tally.lock:
                tally.errors.append(f"{email} idea {idea_id}: {exc!r}")
            continue
        if response.status == 200:
            shown[idea_id] = on
        tally.record(user_id, idea_id, on, response.status, response.text, response.seconds)


def hammer(port: int, users: dict[int, str], ideas: list[int], given: set, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(port, uid, email, ideas, given, deadline, tally))
               for uid, email in users.items()]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def expected_pairs(users, ideas, given: set, tally: Tally) -> set:
    """The state the last accepted press asked for; the initial state where none was accepted."""
    expected = {pair for pair in given if pair[0] not in users}
    for user_id in users:
        for idea_id in ideas:
            pair = (user_id, idea_id)
            if tally.last_accepted.get(pair, pair in given):
                expected.add(pair)
    return expected


def verify(url: str, users, ideas, given: set, tally: Tally) -> list[str]:
    from sqlalchemy import text

    problems = [f"client error: {e}" for e in tally.errors[:10]]
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    if server_errors:
        problems.append(f"{server_errors} responses with HTTP 5xx")
    expected = expected_pairs(users, ideas, given, tally)
    engine = _engine(url)
    with engine.connect() as conn:
        actual = supported_pairs(conn, ideas)
        counters = dict(conn.execute(text("SELECT id, support_count FROM ideas WHERE id IN :ideas")
                                     .bindparams(_expanding("ideas")), {"ideas": ideas}).all())
        duplicates = conn.execute(text("SELECT idea_id, user_id, kind, count(*) FROM supports "
                                       "GROUP BY idea_id, user_id, kind HAVING count(*) > 1")).all()
    engine.dispose()
    if duplicates:
        problems.append(f"{len(duplicates)} duplicate (idea, user, kind) rows, e.g. {duplicates[:3]}")
    print(f"\n{'idea':>6}  {'rows':>5}  {'expected':>8}  {'support_count':>13}")
    for idea_id in ideas:
        rows = sum(1 for _u, i in actual if i == idea_id)
        want = sum(1 for _u, i in expected if i == idea_id)
        print(f"{idea_id:>6}  {rows:>5}  {want:>8}  {counters[idea_id]:>13}")
        if not rows == want == counters[idea_id]:
            problems.append(f"idea {idea_id}: {rows} rows, {want} expected, support_count {counters[idea_id]}")
    wrong = set(actual) ^ expected
    if wrong:
        problems.append(f"{len(wrong)} (user, idea) pairs differ from the accepted toggles, e.g. {sorted(wrong)[:5]}")
    shown = {pair for pair, pressed in tally.last_pressed.items() if pressed}
    seen = set(tally.last_pressed)
    print(f"last partial per (user, idea) checked for {len(seen)} pairs")
    if not seen:
        problems.append("no support partial could be parsed (aria-pressed on the steun button)")
    if {p for p in expected if p in seen} != shown:
        problems.append("the last partial a client saw disagrees with the database for some (user, idea)")
    return problems


def main() -> int:
    args = parse_args()
    kind = "postgresql" if args.pg else "sqlite"
    if kind == "postgresql" and not pg_available():
        print("PostgreSQL: pg_isready -h 127.0.0.1 does not answer.")
        return 2
    workdir = Path(tempfile.mkdtemp(prefix=f"loadtest-{kind}-"))
    try:
        with fresh_database(kind, workdir) as url:
            from bench import app_env

            env = app_env(workdir, url)
            print(f"Load test on {kind}: schema by {create_schema(env)}; "
                  + " ".join(flask(env, "seed-bench", "--ideas", str(args.dataset)).splitlines()[:2]))
            users, ideas, given = choose(url, args.threads, args.ideas)
            with server(env, workdir / "gunicorn.log") as (port, _spec, _pid):
                tally, elapsed = hammer(port, users, ideas, given, args.seconds)
            return report(args, kind, url, users, ideas, given, tally, elapsed, workdir / "gunicorn.log")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def report(args, kind, url, users, ideas, given, tally: Tally, elapsed: float, log: Path) -> int:
    total = sum(tally.statuses.values())
    accepted = sum(tally.accepted.values())
    print(f"{len(users)} clients x {elapsed:.1f} s on ideas {ideas}: {total} toggles "
          f"({total / elapsed:.0f}/s), {accepted} accepted; statuses {dict(sorted(tally.statuses.items()))}")
    if tally.latencies:
        ordered = sorted(tally.latencies)
        print(f"toggle latency under load: median {statistics.median(ordered):.0f} ms, "
              f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.0f} ms, max {ordered[-1]:.0f} ms; "
              f"logins took up to {max(tally.login_seconds, default=0):.1f} s")
    problems = verify(url, users, ideas, given, tally)
    if not accepted:
        problems.append("no toggle was accepted")
    if problems:
        print("\nFAILED:\n  " + "\n  ".join(problems))
        errors = [line for line in log.read_text(errors="replace").splitlines() if "Error" in line][:10]
        if errors:
            print("gunicorn log:\n  " + "\n  ".join(errors))
        return 1
    print(f"\nOK ({kind}): no 5xx, rows == expected == support_count for every idea, no duplicates.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
