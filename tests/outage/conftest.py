"""Outage fixtures: real processes that this test starts and stops (SMTP server, redis-server)."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from aiosmtpd.controller import Controller

from tests.notifications.conftest import Collector


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` need the PostgreSQL server of the run: they belong to the
    PostgreSQL run of the suite (DATABASE_URL=postgresql...), like every other PostgreSQL check."""
    on_postgresql = (os.environ.get("DATABASE_URL") or "").startswith("postgres")
    keep = [item for item in items if on_postgresql or item.get_closest_marker("postgresql") is None]
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in keep])
        items[:] = keep


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Smtp:
    """A local SMTP server (aiosmtpd) on a fixed port that the test switches off and on."""

    def __init__(self):
        self.port = free_port()
        self.handler = Collector()
        self.controller = None

    def up(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def down(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def to(self, address):
        return self.handler.to(address)


@pytest.fixture
def smtp_server(app):
    """The app mails to this server; it starts DOWN (nothing listens on its port)."""
    server = Smtp()
    old = {key: app.config.get(key) for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_TIMEOUT")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port, MAIL_TIMEOUT=2)
    try:
        yield server
    finally:
        server.down()
        app.config.update(old)


class RedisProcess:
    def __init__(self, tmp_path):
        self.port, self.dir, self.proc = free_port(), tmp_path, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def up(self):
        self.proc = subprocess.Popen(
            [shutil.which("redis-server") or "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def down(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


@pytest.fixture
def redis_process(tmp_path):
    """A redis-server of this test's own on a free port (never the shared one)."""
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is missing: apt-get install redis-server")
    server = RedisProcess(tmp_path)
    server.up()
    try:
        yield server
    finally:
        server.down()
