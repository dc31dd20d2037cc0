"""Structured JSON logs: every line carries the request id, the client's address and the acting
user's id; one access line per request (logger "participatie.access").

The request id comes from the X-Request-ID header (nginx: `proxy_set_header X-Request-ID
$request_id`) when it looks like one, else a new one; it is echoed in the response. Every module
logs through `logging.getLogger(__name__)`, so a line names its domain. LOG_FORMAT "json"
(default) or "text"; LOG_LEVEL (default INFO).
"""

import logging
import re
import sys
import time
import uuid

from flask import g, has_request_context, request

REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
HANDLER_NAME = "participatie"
access_log = logging.getLogger("participatie.access")


class RequestContext(logging.Filter):
    """Adds request_id, remote_addr and user_id to every record (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if has_request_context():
            record.request_id = g.get("request_id")
            record.remote_addr = request.remote_addr
            user = g.get("_login_user")  # only when Flask-Login already loaded it: no query here
            record.user_id = str(user.id) if user is not None and user.is_authenticated else None
        else:
            record.request_id = record.remote_addr = record.user_id = None
        return True


def _formatter(kind: str) -> logging.Formatter:
    if kind == "text":
        return logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s %(remote_addr)s "
                                 "user=%(user_id)s] %(message)s")
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(remote_addr)s %(user_id)s",
                         rename_fields={"asctime": "time", "levelname": "level", "name": "logger"})


def configure(app) -> None:
    """One handler on the root logger (once per process), unless testing."""
    _quiet_libraries()
    root = logging.getLogger()
    if app.testing or any(h.get_name() == HANDLER_NAME for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(HANDLER_NAME)
    handler.addFilter(RequestContext())
    handler.setFormatter(_formatter(app.config.get("LOG_FORMAT", "json")))
    root.addHandler(handler)
    root.setLevel(app.config.get("LOG_LEVEL", "INFO"))


def _quiet_libraries() -> None:
    """Libraries that talk at INFO: only their warnings reach the log."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # our own access line replaces it
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # a dozen "Step N" lines per PDF
    logging.getLogger("fontTools").setLevel(logging.WARNING)  # font subsetting inside WeasyPrint


def _start() -> None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response):
    response.headers["X-Request-ID"] = g.get("request_id", "")
    started = g.get("request_started")
    duration_ms = round((time.perf_counter() - started) * 1000, 1) if started else None
    access_log.info("%s %s %s", request.method, request.path, response.status_code,
                    extra={"method": request.method, "path": request.path, "status": response.status_code,
                           "duration_ms": duration_ms, "endpoint": request.endpoint})
    return response


def register(app) -> None:
    configure(app)
    app.before_request(_start)
    app.after_request(_finish)
