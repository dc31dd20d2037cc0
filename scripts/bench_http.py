"""HTTP measurements for `make bench`, on loopback against the bench's gunicorn.

Every request says `Accept-Encoding: gzip, br`, as a browser does, so the times include the
app's own compression (Flask-Compress) and "wire KB" is what a phone downloads; "raw KB" is
the body after decoding. Times are client wall time: connect + request + the whole body.
"""

import gzip
import json
import http.client
import re
import statistics
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

HOST = "127.0.0.1"
BROWSER_ENCODINGS = "gzip, br"
BENCH_PASSWORD = "bench-wachtwoord-2026"  # participatie.ops.bench.BENCH_PASSWORD


@dataclass
class Response:
    status: int
    body: bytes  # as sent (compressed when Content-Encoding says so)
    headers: list[tuple[str, str]]
    seconds: float
    first_byte: float = 0.0  # until the status line and headers arrived (a stream starts here)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    @property
    def encoding(self) -> str:
        return (self.header("Content-Encoding") or "identity").lower()

    @property
    def decoded(self) -> bytes:
        if self.encoding == "gzip":
            return gzip.decompress(self.body)
        if self.encoding == "deflate":
            return zlib.decompress(self.body)
        if self.encoding == "br":
            import brotli  # Flask-Compress's dependency

            return brotli.decompress(self.body)
        return self.body

    @property
    def text(self) -> str:
        return self.decoded.decode("utf-8", "replace")


@dataclass
class Client:
    """One visitor: a cookie jar and a new connection per request (gunicorn sync closes them)."""

    port: int
    cookies: dict = field(default_factory=dict)
    accept_encoding: str = BROWSER_ENCODINGS

    def request(self, method: str, path: str, form: dict | None = None, headers: dict | None = None) -> Response:
        headers = {"Accept-Encoding": self.accept_encoding, **(headers or {})}
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        conn = http.client.HTTPConnection(HOST, self.port, timeout=120)
        try:
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            first_byte = time.perf_counter() - started
            data = raw.read()
            seconds = time.perf_counter() - started
            response = Response(raw.status, data, raw.getheaders(), seconds, first_byte)
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


def set_support(client: Client, token: str, idea_id: int, on: bool, kind: str = "steun") -> Response:
    """The support button (htmx): it sends the state it wants, on or off."""
    return client.request("POST", f"/ideas/{idea_id}/support/{kind}",
                          form={"csrf_token": token, "state": "on" if on else "off"},
                          headers={"HX-Request": "true", "X-CSRFToken": token})


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timings(times: list[float]) -> dict:
    return {"median_ms": statistics.median(times), "p95_ms": percentile(times, 0.95)}


def measure_page(port: int, path: str, requests: int, accept_encoding: str = BROWSER_ENCODINGS) -> dict:
    client = Client(port, accept_encoding=accept_encoding)
    first = client.get(path)
    if first.status == 404:
        return {"path": path, "status": 404}
    for _ in range(4):  # warm-up: caches, compiled templates, connections in both workers
        client.get(path)
    times, first_bytes, statuses, kept = [], [], set(), 0
    for _ in range(requests):
        response = client.get(path)
        statuses.add(response.status)
        times.append(response.seconds * 1000)
        first_bytes.append(response.first_byte * 1000)
        kept += response.header("X-Page-Cache") == "hit"
    return {"path": path, "status": sorted(statuses)[-1], **_timings(times), "raw_kb": len(first.decoded) / 1024,
            "wire_kb": len(first.body) / 1024, "encoding": first.encoding, "requests": requests,
            "first_byte_ms": statistics.median(first_bytes), "kept": kept}


def measure_after_change(port: int, ids: dict, requests: int) -> dict:
    """The idea page as a visitor without an account gets it right after someone supported it:
    the page cache (web/pagecache.py) cannot serve it, so this is a full render, over HTTP."""
    resident, visitor = Client(port), Client(port)
    token = login(resident, ids["user_email"])
    path = f"/ideas/{ids['idea']}"
    times, statuses, kept = [], set(), 0
    for n in range(requests + 4):
        set_support(resident, token, ids["idea"], on=n % 2 == 0)
        response = visitor.get(path)
        if n >= 4:  # the first few warm both workers up
            statuses.add(response.status)
            times.append(response.seconds * 1000)
            kept += response.header("X-Page-Cache") == "hit"
    return {"path": f"{path} after a support", "status": sorted(statuses)[-1], **_timings(times),
            "requests": requests, "kept": kept}


def measure_map_view(port: int, path: str, requests: int) -> dict:
    """One viewport of /api/map: the page figures plus what the answer holds (items, mode)."""
    result = measure_page(port, path, requests)
    if result.get("status") == 200:
        answer = json.loads(Client(port).get(path).text)
        result.update(items=len(answer.get("items", [])), mode=answer.get("mode", "?"),
                      clusters=sum(1 for item in answer.get("items", []) if item.get("type") == "cluster"))
    return result


def measure_toggle(port: int, ids: dict, requests: int) -> dict:
    client = Client(port)
    token = login(client, ids["user_email"])
    for n in range(4):
        set_support(client, token, ids["idea"], on=n % 2 == 0)
    times, statuses = [], set()
    for n in range(requests):  # every press changes the support: on, off, on, ...
        response = set_support(client, token, ids["idea"], on=n % 2 == 0)
        statuses.add(response.status)
        times.append(response.seconds * 1000)
    return {"path": f"POST /ideas/{ids['idea']}/support/steun (HX-Request)", "status": sorted(statuses)[-1],
            **_timings(times), "requests": requests}


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


def mixed_load(port: int, idea_path: str, loads: dict[str, list[str]], seconds: float) -> dict:
    """The idea page, one request after another for `seconds`, while every entry of `loads`
    (a name -> the paths one client requests in turn, e.g. the map page and its data) runs in a
    client of its own without pause. Returns the idea page's p50/p95 and what the others did."""
    stop = threading.Event()
    done = {name: [0, 0] for name in loads}

    def background(name: str, paths: list[str]) -> None:
        client, turn = Client(port), 0
        while not stop.is_set():
            try:
                ok = client.get(paths[turn % len(paths)]).status == 200
            except OSError:
                ok = False
            done[name][0 if ok else 1] += 1
            turn += 1

    pool = [threading.Thread(target=background, args=(name, paths)) for name, paths in loads.items()]
    for thread in pool:
        thread.start()
    time.sleep(min(2.0, seconds / 5))  # let the others get going
    client, times, deadline = Client(port), [], time.monotonic() + seconds
    while time.monotonic() < deadline or len(times) < 5:
        times.append(client.get(idea_path).seconds * 1000)
    stop.set()
    for thread in pool:
        thread.join()
    return {"path": idea_path, **_timings(times), "requests": len(times),
            "others": {name: {"paths": loads[name], "ok": ok, "errors": failed}
                       for name, (ok, failed) in done.items()}}


PAGER_STATUS = re.compile(r"Pagin[ae]\s+[\d.,]+\s+(?:van|of)\s+([\d.,]+)", re.IGNORECASE)


def deep_page_path(port: int, wanted: int = 2000) -> tuple[str, int | None]:
    """`/ideas?page=2000`, or the deepest page the pager offers when there are fewer pages.
    Returns the path and the number of pages the pager says there are (None: it does not say)."""
    match = PAGER_STATUS.search(Client(port).get("/ideas").text)
    offered = int(re.sub(r"[.,]", "", match.group(1))) if match else None
    page = wanted if offered is None else min(wanted, offered)
    return f"/ideas?page={page}", offered
