"""The processes of `make test-scaleout`: an own PostgreSQL database, an own redis-server, two gunicorn
hosts, nginx (with the files from docs/deploy), one RQ worker and one tick loop. All on loopback,
on free ports, stopped (by pid) at the end.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "docs" / "deploy"
BIN = Path(sys.executable).parent
PG = os.environ.get("SCALEOUT_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
EXAMPLE_HOSTS = ("10.0.0.11:8000", "10.0.0.12:8000")  # in docs/deploy/nginx/participatie-upstream.conf


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def nginx_binary() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
    if found:
        return found
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return "/usr/sbin/nginx"
    raise SystemExit("nginx is missing: run as root `apt-get install -y nginx-light` (Debian's nginx)")


class Stack:
    def __init__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="scaleout-"))
        self.database = f"scaleout_{uuid.uuid4().hex[:8]}"
        self.database_url = f"{PG}/{self.database}"
        self.redis_port, self.nginx_port = free_port(), free_port()
        self.host_ports = [free_port(), free_port()]
        self.redis_url = f"redis://127.0.0.1:{self.redis_port}/3"
        self.processes: dict[str, subprocess.Popen] = {}
        self.secret = uuid.uuid4().hex

    # --- environment --------------------------------------------------------------------------
    def env(self, **extra) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "PARTICIPATIE_"))}
        env.update(FLASK_APP="app.py", DATABASE_URL=self.database_url, REDIS_URL=self.redis_url,
                   FLASK_SECRET_KEY=self.secret, PROXY_HOPS="1", WEB_HOSTS="2", WEB_CONCURRENCY="2",
                   SITE_URL=f"http://127.0.0.1:{self.nginx_port}", FLASK_SESSION_COOKIE_SECURE="false",
                   PARTICIPATIE_INSTANCE=str(self.tmp / "instance"), LOG_FORMAT="json", PYTHONUNBUFFERED="1")
        env.update(extra)
        return env

    def run(self, *args: str) -> str:
        done = subprocess.run([*args], cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=300)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self, name: str, args: list[str], env: dict | None = None, log: Path | None = None):
        out = open(log or self.tmp / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(args, cwd=ROOT, env=env or self.env(), stdout=out,
                                                stderr=subprocess.STDOUT, start_new_session=True)

    def stop(self, name: str, sig=signal.SIGTERM) -> None:
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)  # its own session: the master and its workers, nothing else
        except ProcessLookupError:
            return
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)

    # --- parts --------------------------------------------------------------------------------
    def create_database(self) -> None:
        from sqlalchemy import create_engine, text

        admin = create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.database}"'))
        admin.dispose()

    def drop_database(self) -> None:
        from sqlalchemy import create_engine, text

        admin = create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'))
        admin.dispose()

    def start_redis(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise SystemExit("redis-server is missing: apt-get install -y redis-server")
        self.start("redis", [binary, "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.redis_port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def host_log(self, index: int) -> Path:
        return self.tmp / f"host{index}.log"

    def start_host(self, index: int) -> None:
        port = self.host_ports[index]
        env = self.env(GUNICORN_BIND=f"127.0.0.1:{port}",
                       PROMETHEUS_MULTIPROC_DIR=str(self.tmp / f"metrics{index}"), METRICS_ENABLED="true")
        self.start(f"host{index}", [str(BIN / "gunicorn"), "-c", str(DEPLOY / "gunicorn.conf.py"), "app:app"],
                   env=env, log=self.host_log(index))
        wait_for(f"http://127.0.0.1:{port}/healthz")

    def nginx_conf(self) -> Path:
        """The upstream and proxy files from docs/deploy, with this run's ports."""
        upstream = (DEPLOY / "nginx" / "participatie-upstream.conf").read_text()
        for example, port in zip(EXAMPLE_HOSTS, self.host_ports, strict=True):
            assert example in upstream, f"{example} not in participatie-upstream.conf"
            upstream = upstream.replace(example, f"127.0.0.1:{port}")
        (self.tmp / "participatie-upstream.conf").write_text(upstream)
        temp = self.tmp / "nginx-temp"
        temp.mkdir(exist_ok=True)
        os.chmod(self.tmp, 0o755)
        os.chmod(temp, 0o777)
        conf = self.tmp / "nginx.conf"
        conf.write_text(f"""
worker_processes 1;
pid {self.tmp}/nginx.pid;
error_log {self.tmp}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.tmp}/participatie-upstream.conf;
    access_log {self.tmp}/nginx-access.log participatie;
    server {{
        listen 127.0.0.1:{self.nginx_port};
        server_name localhost;
        include {DEPLOY}/nginx/participatie-proxy.conf;
    }}
}}
""")
        return conf

    def start_nginx(self) -> None:
        conf = self.nginx_conf()
        binary = nginx_binary()
        self.start("nginx", [binary, "-e", str(self.tmp / "nginx-error.log"), "-p", str(self.tmp), "-c", str(conf),
                             "-g", "daemon off;"])
        wait_for(f"http://127.0.0.1:{self.nginx_port}/healthz")

    def start_worker_and_tick(self) -> None:
        self.start("worker", [str(BIN / "rq"), "worker", "mail", "--with-scheduler", "--url", self.redis_url])
        # the tick writes its duration where host 1's /metrics reads (PROMETHEUS_MULTIPROC_DIR)
        self.start("tick", [str(BIN / "flask"), "jobs", "loop", "--every", "10"],
                   env=self.env(PROMETHEUS_MULTIPROC_DIR=str(self.tmp / "metrics0")))

    def up(self) -> None:
        self.create_database()
        self.start_redis()
        self.run(str(BIN / "flask"), "db", "upgrade")
        self.run(str(BIN / "flask"), "geo", "ensure")
        self.run(str(BIN / "python"), str(ROOT / "scripts" / "scaleout_seed.py"))
        for index in (0, 1):
            self.start_host(index)
        self.start_nginx()
        self.start_worker_and_tick()

    def down(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop(name)
        try:
            self.drop_database()
        except Exception as exc:  # noqa: BLE001
            print(f"could not drop {self.database}: {exc}", file=sys.stderr)
        if os.environ.get("SCALEOUT_KEEP"):
            print(f"logs kept in {self.tmp}", file=sys.stderr)
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)
