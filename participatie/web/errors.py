"""Domain exceptions and the HTML error pages."""

from flask import render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError


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
    500: (_l("Something went wrong on our side"), _l("Please try again later.")),
}


def _render(code: int, detail: str | None = None):
    title, text = ERROR_TEXTS.get(code, ERROR_TEXTS[500])
    return render_template("errors/error.html", code=code, title=title, text=detail or text), code


def link_problem(expired: bool, **context):
    """The page for a signed e-mail link that is too old, changed, or already used (400)."""
    return render_template("accounts/link_problem.html", expired=expired, **context), 400


def register(app) -> None:
    for code in ERROR_TEXTS:
        app.register_error_handler(code, lambda exc, code=code: _render(code))
    app.register_error_handler(NotAllowed, lambda exc: _render(403))
    app.register_error_handler(
        CSRFError,
        lambda exc: _render(400, _("The form was open too long or came from elsewhere. Reload the page and try again.")),
    )
