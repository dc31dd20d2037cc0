"""Start the real site for browser checks: migrated, seeded, served by gunicorn on 127.0.0.1.

Used by the browser suite (tests/browser/conftest.py) and by `make lighthouse`
(scripts/lighthouse.py), so both measure the same thing: the production server
with CSRF, CSP and security headers as they are, only on plain http on loopback.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the project venv (.venv/bin) when run through make
DEMO_PASSWORD = "demo-wachtwoord-2026"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else (shutil.which(name) or name)


class LiveServer:
    """A fresh instance folder, `flask db upgrade`, `geo ensure`, `seed-demo`, then gunicorn -w 2."""

    def __init__(self, workers: int = 2, extra_env: dict[str, str] | None = None,
                 insecure_cookies: bool = False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self._own_tmp = tempfile.mkdtemp(prefix="participatie-browser-")
        self.instance = Path(self._own_tmp) / "instance"
        self.instance.mkdir()
        self.outbox_dir = self.instance / "outbox"
        self.log_path = self.instance / "gunicorn.log"
        self.env = self._environment(extra_env or {}, insecure_cookies)
        self._process: subprocess.Popen | None = None
        self._log = None

    def _environment(self, extra: dict[str, str], insecure_cookies: bool) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "FLASK_APP": "app.py",
            "PARTICIPATIE_INSTANCE": str(self.instance),
            "FLASK_SECRET_KEY": secrets.token_hex(32),
            # Rate limits would trip over a test suite that logs in a dozen times a minute.
            "FLASK_RATELIMIT_ENABLED": "false",
            # Links in e-mails (confirmation, login link) must point at this server.
            "SITE_URL": self.url,
            "PYTHONUNBUFFERED": "1",
        })
        if insecure_cookies:
            # The session cookie is Secure outside debug/testing (participatie._configure).
            # Chromium stores and sends Secure cookies over plain http to 127.0.0.1 (a "potentially
            # trustworthy" origin), so the browser suite keeps the production setting. Python's
            # cookie jar (scripts/lighthouse.py logs in with urllib) does not send them over http,
            # so that caller switches the flag off (JSON-parsed by app.config.from_prefixed_env).
            env["FLASK_SESSION_COOKIE_SECURE"] = "false"
            env["FLASK_REMEMBER_COOKIE_SECURE"] = "false"
        env.pop("FLASK_DEBUG", None)
        env.pop("PARTICIPATIE_ENV", None)
        env.update(extra)
        return env

    def _flask(self, *args: str) -> str:
        result = subprocess.run([_tool("flask"), *args], cwd=ROOT, env=self.env,
                                capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self) -> LiveServer:
        self._flask("db", "upgrade")
        self._flask("geo", "ensure")
        self._flask("seed-demo")
        return self._serve()

    def restart_with(self, **env: str) -> LiveServer:
        """Same database, new environment: e.g. PARTICIPATIE_TIME_TRAVEL_DAYS="3" lets time pass."""
        self._stop_process()
        self.env.update(env)
        return self._serve()

    def _serve(self) -> LiveServer:
        self._log = open(self.log_path, "ab")  # noqa: SIM115 (closed in stop)
        self._process = subprocess.Popen(
            [_tool("gunicorn"), "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}",
             "--access-logfile", "-", "app:app"],
            cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        self._wait_until_up()
        return self

    def _wait_until_up(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"gunicorn exited early:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not answer within {timeout:.0f} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        self._stop_process()
        shutil.rmtree(self._own_tmp, ignore_errors=True)

    def _stop_process(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
        if self._log:
            self._log.close()
            self._log = None

    # -- the development outbox (<instance>/outbox/*.eml) -------------------------------------
    def messages(self) -> list[EmailMessage]:
        files = sorted(self.outbox_dir.glob("*.eml"), key=lambda p: (p.stat().st_mtime_ns, p.name))
        return [BytesParser(policy=policy.default).parsebytes(p.read_bytes()) for p in files]

    def newest_message_to(self, address: str, timeout: float = 10.0) -> EmailMessage:
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.messages() if address in str(m["To"])]
            if found:
                return found[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"no e-mail to {address} in {self.outbox_dir}")
            time.sleep(0.2)

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
