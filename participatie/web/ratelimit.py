"""Rate limits that fit people: keyed on the account or the person, not only on the address.

- Login and e-mail-link requests count per account being tried *and* address: thirty neighbours on
  one buurthuis wifi each log in to their own account without blocking each other, while twenty
  wrong passwords for one account are stopped. A looser limit per address stops spraying.
- Posting, supporting and other actions of a logged-in person count per person.
- A limit that hits on a form shows the same form again, with what was typed and a Dutch message
  (status 429), instead of an error page.
- When Redis is gone, Flask-Limiter falls back to counting in memory (config
  RATELIMIT_IN_MEMORY_FALLBACK_ENABLED) and logs that once; errors are swallowed, never a 500.
"""

import logging
from functools import wraps

from flask import current_app, g, make_response, request
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user

from participatie.extensions import limiter

log = logging.getLogger(__name__)


def address() -> str:
    """The client's address (right behind a proxy when PROXY_HOPS is set)."""
    return request.remote_addr or "unknown"


def account_and_address() -> str:
    """The account being tried (the e-mail typed) plus the address."""
    email = (request.form.get("email") or "").strip().lower()[:254]
    return f"account:{email}|{address()}"


def person() -> str:
    """The logged-in person; the address for someone who is not logged in."""
    if current_user.is_authenticated:
        return f"user:{current_user.get_id()}"
    return f"address:{address()}"


def _config(name: str):
    return lambda: current_app.config[name]


def form_limit(*limits: tuple[str, object], methods=("POST",)):
    """Decorator: each (config name, key function) limit on the view's POSTs. When one hits,
    the view runs once more with `limited()` true, so the form comes back as typed (429)."""

    def decorate(view):
        checked = view
        for setting, key in limits:
            checked = limiter.limit(_config(setting), key_func=key, methods=list(methods))(checked)

        @wraps(view)
        def run(*args, **kwargs):
            try:
                return checked(*args, **kwargs)
            except RateLimitExceeded as exc:
                log.warning("rate limit hit: %s", exc.description, extra={"endpoint": request.endpoint})
                g.rate_limited = True
                response = make_response(view(*args, **kwargs))
                response.status_code = 429
                response.headers.setdefault("Retry-After", "60")
                return response

        return run

    return decorate


def person_limit(setting: str, methods=None):
    """A limit per logged-in person (the address for visitors); a breach shows the 429 page."""
    return limiter.limit(_config(setting), key_func=person, methods=list(methods) if methods else None)


def limited() -> bool:
    return bool(g.get("rate_limited"))


def message() -> str:
    return _("Too many attempts in a short time. Wait a minute and try again. What you typed is still here.")


def allowed(field) -> bool:
    """False, with the message on the field, when this request hit its limit (see form_limit)."""
    if limited():
        field.errors = [*field.errors, message()]
        return False
    return True


def status(form) -> int:
    """429 after a limit, 422 with errors, 200 otherwise."""
    return 429 if limited() else (422 if form.errors else 200)
