"""Prometheus metrics at /metrics: off unless METRICS_ENABLED; with METRICS_TOKEN set, only for
`Authorization: Bearer <token>`.

- participatie_http_requests_total{endpoint, method, status} and
  participatie_http_request_duration_seconds{endpoint}: every request;
- participatie_job_tick_duration_seconds: `flask jobs tick` (ops.jobs calls observe_tick); give the tick
  the web host's PROMETHEUS_MULTIPROC_DIR and its figures show up in that host's /metrics;
- participatie_mail_outbox{state}: the mail outbox fills it with set_mail_outbox(state=count),
  e.g. pending, failed; participatie_mail_failures_total with count_mail_failure().

Several gunicorn workers: set PROMETHEUS_MULTIPROC_DIR to an empty folder per host (gunicorn.conf.py
in docs/deploy empties it at start and marks dead workers), so /metrics adds up every worker.
"""

import hmac
import os
import time
from pathlib import Path

from flask import Blueprint, abort, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from participatie.extensions import csrf

bp = Blueprint("metrics", __name__)
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):  # a tick or worker may start before the web host made it
    Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).mkdir(parents=True, exist_ok=True)

REQUESTS = Counter("participatie_http_requests", "HTTP requests", ["endpoint", "method", "status"])
LATENCY = Histogram("participatie_http_request_duration_seconds", "Time to answer a request", ["endpoint"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
TICK = Histogram("participatie_job_tick_duration_seconds", "Time of one `flask jobs tick`",
                 buckets=(0.1, 0.5, 1, 5, 15, 60, 300))
OUTBOX = Gauge("participatie_mail_outbox", "Messages in the mail outbox, by state", ["state"],
               multiprocess_mode="mostrecent")
MAIL_FAILURES = Counter("participatie_mail_failures", "Mail deliveries that failed")


def observe_tick(seconds: float) -> None:
    TICK.observe(seconds)


def set_mail_outbox(**counts: int) -> None:
    """For the mail outbox sender: set_mail_outbox(pending=3, failed=1)."""
    for state, count in counts.items():
        OUTBOX.labels(state=state).set(count)


def count_mail_failure() -> None:
    MAIL_FAILURES.inc()


def _registry():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    from prometheus_client import REGISTRY

    return REGISTRY


def _start() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response):
    started = g.get("metrics_started")
    endpoint = request.endpoint or "unknown"  # never the raw path: ids would make endless labels
    if started is not None and endpoint != "metrics.metrics":
        REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
        LATENCY.labels(endpoint).observe(time.perf_counter() - started)
    return response


@bp.get("/metrics")
def metrics():
    if not current_app.config.get("METRICS_ENABLED"):
        abort(404)
    token = current_app.config.get("METRICS_TOKEN")
    if token and not hmac.compare_digest(request.headers.get("Authorization", ""), f"Bearer {token}"):
        abort(404)
    return generate_latest(_registry()), 200, {"Content-Type": CONTENT_TYPE_LATEST, "Cache-Control": "no-store"}


def register(app) -> None:
    app.register_blueprint(bp)
    csrf.exempt(bp)
    app.before_request(_start)
    app.after_request(_observe)
