"""gunicorn settings for a Participatie web host (systemd: participatie-web.service; make test-scaleout).

    gunicorn -c docs/deploy/gunicorn.conf.py app:app

Environment: WEB_CONCURRENCY (workers, default 2), GUNICORN_BIND (default 127.0.0.1:8000),
PROMETHEUS_MULTIPROC_DIR (optional: /metrics adds up every worker).
"""

import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
# One thread per worker, always. With several threads in one process (gunicorn --threads N, or the
# `flask run` development server) the worker crashed with a segmentation fault in psycopg-binary under
# a few concurrent visitors. gunicorn quietly turns a "sync" worker into "gthread" when threads > 1,
# and GUNICORN_CMD_ARGS or the command line override this file, so on_starting refuses that.
# Scale with workers (WEB_CONCURRENCY) and hosts instead.
threads = 1
timeout = 30
graceful_timeout = 20
keepalive = 5  # nginx keeps upstream connections open
max_requests = 2000  # recycle workers now and then (memory)
max_requests_jitter = 200
accesslog = None  # the app writes one JSON access line per request (participatie.web.logs)
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"  # ProxyFix (PROXY_HOPS) does the X-Forwarded-* work in the app


def on_starting(server):
    """Tell the app how many workers share this host (production checks: no in-memory limits or
    SQLite with several workers), and start the metrics folder empty. Refuse threads > 1."""
    if server.cfg.threads != 1:
        raise SystemExit(f"threads = {server.cfg.threads}: run single-threaded workers (see `threads` in "
                         "docs/deploy/gunicorn.conf.py) and add workers instead")
    os.environ["WEB_CONCURRENCY"] = str(server.cfg.workers)
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        Path(folder).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
