"""Domain exceptions and the HTML error pages."""

import logging
import time

from flask import g, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin
from flask_wtf.csrf import CSRFError
from sqlalchemy import exc as sa_exc

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30  # what a 503 asks browsers and crawlers to wait
_last_outage_log = 0.0


class NotAllowed(Exception):
    """The actor may not do this (a rule said no)."""


class InvalidTransition(Exception):
    """The workflow does not allow this status change."""


class DomainValidationError(ValueError):
    """Input that a form could not catch; carries the form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


ERROR_TEXTS = {
    400: (_l("Something went wrong with your request"), _l("Please try again.")),
    403: (_l("You cannot do this"), _l("You do not have permission for this page or action.")),
    404: (_l("Page not found"), _l("This page does not exist (anymore). Check the address.")),
    405: (_l("This does not work this way"), _l("This page cannot be used like this.")),
    413: (_l("The file is too large"), _l("Choose a smaller file and try again.")),
    429: (_l("Too many attempts"), _l("Please wait a minute and try again.")),
    503: (_l("The site is not available for a moment"),
          _l("We are working on it. Please try again in a minute. Nothing you sent before is lost.")),
    500: (_l("Something went wrong on our side"), _l("Please try again later.")),
}


def _render(code: int, detail: str | None = None):
    title, text = ERROR_TEXTS.get(code, ERROR_TEXTS[500])
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code


def database_unavailable(error: Exception) -> bool:
    """The database cannot be reached or is busy (not: a query that is wrong)."""
    if isinstance(error, sa_exc.TimeoutError):  # no free connection in the pool
        return True
    if isinstance(error, sa_exc.DBAPIError):
        return error.connection_invalidated or isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError)
    return False


def _render_without_database(code: int):
    """The error page as an anonymous visitor: loading the user would need the database.
    If even that fails, a plain page; never Werkzeug's bare "Internal Server Error"."""
    from participatie.extensions import db

    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001 - the connection is gone; the pool replaces it
        pass
    g._login_user = AnonymousUserMixin()
    try:
        return _render(code)
    except Exception:  # noqa: BLE001
        log.exception("The error page itself failed")
        title, text = ERROR_TEXTS[code]
        return f"<!doctype html><title>{title}</title><h1>{title}</h1><p>{text}</p>", code


def _unavailable(error: Exception):
    """503 with Retry-After; logged at most once per 10 s, not per request."""
    global _last_outage_log
    if time.monotonic() - _last_outage_log > 10:
        _last_outage_log = time.monotonic()
        log.error("Database unavailable: %s: %s", type(error).__name__, str(error).splitlines()[0][:300])
    body, code = _render_without_database(503)
    return body, code, {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}


def _server_error(error: Exception):
    original = getattr(error, "original_exception", None) or error
    if database_unavailable(original):
        return _unavailable(original)
    return _render_without_database(500)


def link_problem(expired: bool, **context):
    """The page for a signed e-mail link that is too old, changed, or already used (400)."""
    return render_template("accounts/link_problem.html", expired=expired, **context), 400


def register(app) -> None:
    for code in ERROR_TEXTS:
        if code not in (500, 503):
            app.register_error_handler(code, lambda exc, code=code: _render(code))
    app.register_error_handler(500, _server_error)
    app.register_error_handler(503, lambda exc: _render_without_database(503))
    app.register_error_handler(sa_exc.DBAPIError, _database_error)
    app.register_error_handler(sa_exc.TimeoutError, _database_error)
    app.register_error_handler(NotAllowed, lambda exc: _render(403))
    app.register_error_handler(
        CSRFError,
        lambda exc: _render(400, _("The form was open too long or came from elsewhere. Reload the page and try again.")),
    )


def _database_error(error: Exception):
    if database_unavailable(error):
        return _unavailable(error)
    raise error  # a query that is wrong: a 500 (logged by Flask)
