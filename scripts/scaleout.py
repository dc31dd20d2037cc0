"""make test-scaleout: two gunicorn hosts behind nginx on PostgreSQL + Redis, proven on this machine.

Starts the stack of scripts/scaleout_stack.py (own database, own redis-server, nginx with the files
from docs/deploy, one RQ worker, one tick loop), then through the proxy:
  1 a makelaar posts a social-map entry with a photo; both hosts serve the photo;
  2 an import previewed on host 1 is confirmed on host 2;
  3 the login limit for one account counts across both hosts; 30 accounts from one address are not blocked;
  4 each request's client address (X-Forwarded-For) and request id are in the JSON log of the host that served it;
  6 /readyz on each host says ready;
  5 one host is killed (SIGKILL) while clients press support buttons (state=on|off): no 5xx at all
    through the proxy (nginx retries support POSTs on the other host), every support as its person
    last asked, support rows = counters;
  6 stopping Redis turns /readyz "degraded" while pages still work.
Prints one summary line; exits 1 on any failure. Bounded: about two minutes.
"""

import io
import json
import re
import signal
import sys
import threading
import time
from collections import Counter

import requests
from PIL import Image
from requests.adapters import HTTPAdapter
from sqlalchemy import create_engine, text

from scaleout_seed import NEIGHBOURS, PASSWORD
from scaleout_stack import Stack

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|"X-CSRFToken": "([^"]+)"')
TOKEN = re.compile(r'name="token" type="hidden" value="([0-9a-f]{32})"')
PHOTO = re.compile(r'/socialmap/photos/([0-9a-f]{32}\.jpg)')
KILL_CLIENTS, KILL_SECONDS, KILL_AFTER = 6, 16, 5


class SourceAdapter(HTTPAdapter):
    """Connect from a given loopback address, so the proxy sees a client address of our choice."""

    def __init__(self, source: str, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


def browser(source: str = "127.0.0.1") -> requests.Session:
    session = requests.Session()
    session.mount("http://", SourceAdapter(source))
    return session


class Failed(Exception):
    pass


def check(condition, message: str) -> None:
    if not condition:
        raise Failed(message)


def csrf(session, url: str) -> str:
    response = session.get(url, timeout=10)
    match = CSRF.search(response.text)
    check(match, f"no CSRF token on {url} ({response.status_code})")
    return match.group(1) or match.group(2)


def login(session, base: str, email: str, password: str = PASSWORD) -> requests.Response:
    token = csrf(session, f"{base}/account/login")
    return session.post(f"{base}/account/login", data={"email": email, "password": password, "csrf_token": token},
                        allow_redirects=False, timeout=20)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), "darkgreen").save(out, "JPEG")
    return out.getvalue()


class Run:
    def __init__(self, stack: Stack):
        self.stack = stack
        self.proxy = f"http://127.0.0.1:{stack.nginx_port}"
        self.hosts = [f"http://127.0.0.1:{port}" for port in stack.host_ports]
        self.summary: dict[str, str] = {}

    # 1 -----------------------------------------------------------------------------------------
    def photo_on_both_hosts(self) -> None:
        session = browser()
        check(login(session, self.proxy, "makelaar@scaleout.example").status_code == 303, "makelaar login")
        token = csrf(session, f"{self.proxy}/socialmap/new")
        form = {"kind": "activity", "name": "Breiclub De Bolle Wol", "description": "Elke maandag samen breien.",
                "wijk": "west", "cost": "free", "suitable_for": "everyone", "times": "Maandag 14.00-16.00",
                "photo_alt": "Bollen wol op tafel", "csrf_token": token}
        posted = session.post(f"{self.proxy}/socialmap/new", data=form, files={"photo": ("wol.jpg", jpeg(), "image/jpeg")},
                              allow_redirects=False, timeout=30)
        check(posted.status_code == 303, f"posting the entry gave {posted.status_code}")
        page = session.get(self.proxy + posted.headers["Location"], timeout=10).text
        match = PHOTO.search(page)
        check(match, "the entry page shows no photo")
        bodies = [requests.get(f"{host}/socialmap/photos/{match.group(1)}", timeout=10) for host in self.hosts]
        check(all(b.status_code == 200 for b in bodies), f"photo per host: {[b.status_code for b in bodies]}")
        check(bodies[0].content == bodies[1].content and len(bodies[0].content) > 1000, "hosts serve different photos")
        self.summary["photo"] = "both-hosts"
        self.makelaar = session

    # 2 -----------------------------------------------------------------------------------------
    def import_across_hosts(self) -> None:
        session = self.makelaar
        csv = "id;kind;name;wijk;address\n;activity;Taalcafe Kanaleneiland;west;\n;activity;Repair cafe West;west;\n"
        token = csrf(session, f"{self.hosts[0]}/socialmap/import")
        preview = session.post(f"{self.hosts[0]}/socialmap/import", data={"csrf_token": token},
                               files={"file": ("kaart.csv", csv.encode(), "text/csv")}, timeout=30)
        match = TOKEN.search(preview.text)
        check(preview.status_code == 200 and match, f"preview on host 1 gave {preview.status_code}")
        confirm = session.post(f"{self.hosts[1]}/socialmap/import/confirm",
                               data={"token": match.group(1), "csrf_token": token},
                               allow_redirects=False, timeout=30)
        check(confirm.status_code == 303, f"confirm on host 2 gave {confirm.status_code}")
        count = self.sql("SELECT count(*) FROM socialmap_entries WHERE name IN ('Taalcafe Kanaleneiland', "
                         "'Repair cafe West')")
        check(count == 2, f"{count} imported entries instead of 2")
        self.summary["import"] = "preview-host1-confirm-host2"

    # 3 -----------------------------------------------------------------------------------------
    def login_limits(self) -> None:
        attacker = browser("127.0.0.21")
        statuses, ids = [], []
        token = csrf(attacker, f"{self.proxy}/account/login")  # then only POSTs: round robin alternates them
        for n in range(14):
            response = attacker.post(f"{self.proxy}/account/login", data={
                "email": "doelwit@scaleout.example", "password": f"geraden-{n}", "csrf_token": token},
                allow_redirects=False, timeout=20)
            statuses.append(response.status_code)
            ids.append(response.headers.get("X-Request-ID"))
        first = statuses.index(429) if 429 in statuses else None
        check(first is not None and first <= 11, f"one account, wrong passwords: {statuses}")
        served = self.served_by(ids)
        check(served[0] and served[1], f"the tries did not reach both hosts: {served}")
        wifi = Counter()
        for n in range(1, NEIGHBOURS + 1):
            wifi[login(browser("127.0.0.22"), self.proxy, f"buur{n:02d}@scaleout.example").status_code] += 1
        check(wifi == Counter({303: NEIGHBOURS}), f"30 neighbours on one address: {dict(wifi)}")
        self.summary["limit"] = f"429-after-{first}-tries(hosts {len(served[0])}+{len(served[1])})"
        self.summary["wifi30"] = "0-blocked"

    # 4 -----------------------------------------------------------------------------------------
    def logs_carry_address_and_id(self) -> None:
        sent = {}
        for n in range(10):
            source = f"127.0.0.{30 + n}"
            rid = f"scaleout-{n}-{int(time.time())}"
            response = browser(source).get(f"{self.proxy}/ideas", headers={"X-Request-ID": rid}, timeout=10)
            check(response.status_code == 200 and response.headers.get("X-Request-ID") == rid, "request id echoed")
            sent[rid] = source
        time.sleep(0.5)
        lines = [self.log_lines(i) for i in (0, 1)]
        per_host = [0, 0]
        for rid, source in sent.items():
            hits = [(i, line) for i in (0, 1) for line in lines[i]
                    if line.get("request_id") == rid and line.get("logger") == "participatie.access"]
            check(len(hits) == 1, f"{rid}: {len(hits)} access lines")
            host, line = hits[0]
            check(line.get("remote_addr") == source, f"{rid}: logged address {line.get('remote_addr')} != {source}")
            per_host[host] += 1
        check(all(per_host), f"round robin: {per_host}")
        self.summary["logs"] = f"{len(sent)}/{len(sent)}(host1={per_host[0]},host2={per_host[1]})"

    # 6a ----------------------------------------------------------------------------------------
    def ready(self, expect: str, hosts=(0, 1)) -> list[str]:
        states = []
        for index in hosts:
            body = requests.get(f"{self.hosts[index]}/readyz", timeout=10).json()
            states.append(body["status"])
            check(body["status"] == expect, f"/readyz on host {index + 1}: {body}")
        return states

    def metrics(self) -> None:
        """Host 1's /metrics adds up both workers and the tick loop (multiprocess mode)."""
        body = requests.get(f"{self.hosts[0]}/metrics", timeout=10).text
        requests_seen = sum(float(line.rsplit(" ", 1)[1]) for line in body.splitlines()
                            if line.startswith("participatie_http_requests_total{"))
        ticks = [line for line in body.splitlines() if line.startswith("participatie_job_tick_duration_seconds_count")]
        check(requests_seen > 0, "no request counts in /metrics")
        check(ticks and float(ticks[0].rsplit(" ", 1)[1]) >= 1, "no tick duration in /metrics")
        self.summary["metrics"] = f"requests={int(requests_seen)},ticks={int(float(ticks[0].rsplit(' ', 1)[1]))}"

    # 5 -----------------------------------------------------------------------------------------
    def kill_one_host(self) -> None:
        """Clients press support buttons (state=on|off, as the page's button does) while host 1 is
        SIGKILLed. nginx retries even a support POST that was inside the dying host on the other host
        (non_idempotent, safe because the request says the state it wants), so *every* response
        through the proxy must be 200 (or 429 from the person's support limit: refused, nothing
        written). Afterwards each (person, idea) is supported exactly when that person's last
        answered press asked for it, and rows = counters."""
        authors = dict(self.sql_rows("SELECT i.id, u.email FROM ideas i JOIN users u ON u.id = i.author_id"))
        emails = [f"buur{n + 1:02d}@scaleout.example" for n in range(KILL_CLIENTS)]
        sessions = []
        for email in emails:
            session = browser()
            check(login(session, self.proxy, email).status_code == 303, f"login {email}")
            sessions.append(session)
        results, last_asked, stop = [], {}, threading.Event()  # results: (seconds since start, method, status)
        lock = threading.Lock()
        began = time.monotonic()

        def client(session, email, n):
            ideas = sorted(idea for idea, author in authors.items() if author != email)  # not one's own
            token = csrf(session, f"{self.proxy}/ideas/{ideas[0]}")
            shown = dict.fromkeys(ideas, False)  # what the button shows this person now
            i = n
            while not stop.is_set():
                idea = ideas[i % len(ideas)]
                i += 1
                method, sent, on = ("GET" if i % 3 == 0 else "POST"), time.monotonic() - began, not shown[idea]
                try:
                    if method == "GET":
                        code = session.get(f"{self.proxy}/ideas/{idea}", timeout=20).status_code
                    else:
                        code = session.post(f"{self.proxy}/ideas/{idea}/support/steun",
                                            data={"csrf_token": token, "state": "on" if on else "off"},
                                            headers={"HX-Request": "true"}, timeout=20).status_code
                except requests.RequestException as exc:
                    code = type(exc).__name__
                with lock:
                    results.append((sent, method, code))
                    if method == "POST" and code == 200:
                        shown[idea] = on
                        last_asked[(email, idea)] = on

        threads = [threading.Thread(target=client, args=(s, e, n)) for n, (s, e) in enumerate(zip(sessions, emails))]
        for thread in threads:
            thread.start()
        time.sleep(KILL_AFTER)
        self.stack.stop("host1", signal.SIGKILL)
        time.sleep(KILL_SECONDS - KILL_AFTER)
        stop.set()
        for thread in threads:
            thread.join(30)
        failed = [(round(at - KILL_AFTER, 2), method, code) for at, method, code in results
                  if not (code == 200 or (method == "POST" and code == 429))]
        codes = Counter(code for _, _, code in results)
        check(not failed, f"errors while a host died (any 5xx fails): {failed} of {dict(codes)}")
        rows = self.sql("SELECT count(*) FROM supports WHERE kind = 'steun'")
        counters = self.sql("SELECT coalesce(sum(support_count), 0) FROM ideas")
        check(rows == counters, f"support rows {rows} != counters {counters}")
        actual = {tuple(row) for row in self.sql_rows(
            "SELECT u.email, s.idea_id FROM supports s JOIN users u ON u.id = s.user_id WHERE s.kind = 'steun'")}
        expected = {pair for pair, on in last_asked.items() if on}
        check(actual == expected, f"supports differ from what people last asked: missing {expected - actual}, "
                                  f"extra {actual - expected}")
        posts = sum(1 for _, method, _ in results if method == "POST")
        self.summary["kill"] = (f"requests={len(results)},posts={posts},5xx=0,429={codes.get(429, 0)},"
                                f"proxy_retried_posts={self.retried_posts()},"
                                f"supports_rows={rows}=counters={counters}=last_asked={len(expected)}")

    def retried_posts(self) -> int:
        """Support POSTs that nginx sent to a second host (its access log lists two upstreams)."""
        log = self.stack.tmp / "nginx-access.log"
        lines = log.read_text(errors="replace").splitlines() if log.exists() else []
        return sum(1 for line in lines if '"POST /ideas/' in line and "/support/" in line
                   and re.search(r"upstream=\S+, ", line))

    # 6b ----------------------------------------------------------------------------------------
    def redis_gone(self) -> None:
        self.stack.stop("redis")
        self.ready("degraded", hosts=(0,))
        session = browser("127.0.0.50")
        pages = [session.get(f"{self.proxy}{path}", timeout=10).status_code for path in ("/", "/ideas", "/socialmap")]
        logged_in = login(session, self.proxy, "buur20@scaleout.example").status_code
        check(pages == [200, 200, 200] and logged_in == 303, f"without Redis: pages {pages}, login {logged_in}")
        self.summary["redis_down"] = "degraded,pages=200,login=303"

    # helpers -----------------------------------------------------------------------------------
    def log_lines(self, index: int) -> list[dict]:
        lines = []
        for raw in self.stack.host_log(index).read_text(errors="replace").splitlines():
            if raw.startswith("{"):
                try:
                    lines.append(json.loads(raw))
                except ValueError:
                    pass
        return lines

    def served_by(self, ids) -> list[set]:
        time.sleep(0.5)
        return [{line["request_id"] for line in self.log_lines(i) if line.get("request_id") in ids} for i in (0, 1)]

    def sql_rows(self, query: str):
        engine = create_engine(self.stack.database_url)
        try:
            with engine.connect() as conn:
                return conn.execute(text(query)).all()
        finally:
            engine.dispose()

    def sql(self, query: str):
        return self.sql_rows(query)[0][0]


def main() -> int:
    started = time.monotonic()
    stack = Stack()
    run = Run(stack)
    failure = None
    try:
        stack.up()
        run.photo_on_both_hosts()
        run.import_across_hosts()
        run.login_limits()
        run.logs_carry_address_and_id()
        run.summary["readyz"] = ",".join(run.ready("ready"))
        run.metrics()
        run.kill_one_host()
        run.redis_gone()
    except Failed as exc:
        failure = str(exc)
    except Exception as exc:  # noqa: BLE001 - a crash of the script is a failure too
        failure = f"{type(exc).__name__}: {exc}"
    finally:
        stack.down()
    seconds = round(time.monotonic() - started)
    facts = " ".join(f"{key}={value}" for key, value in run.summary.items())
    if failure:
        print(f"scaleout: FAILED ({failure}) {facts} in {seconds}s")
        return 1
    print(f"scaleout: OK {facts} in {seconds}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
