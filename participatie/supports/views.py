"""Support/join buttons: the form says the wanted state (on/off); htmx gets the partial back, plain
forms get a 303. The endpoint is idempotent, so the proxy may retry it on another web host
(docs/deploy/nginx/participatie-proxy.conf)."""

from flask import Blueprint, abort, current_app, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import lazyload

from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.web.ratelimit import person_limit
from participatie.web.htmx import is_htmx
from participatie.ideas import rules as idea_rules
from participatie.ideas.models import Idea
from participatie.supports import rules, services
from participatie.supports.forms import SupportForm
from participatie.supports.models import SupportKind

bp = Blueprint("supports", __name__)


def _login_redirect(idea: Idea):
    target = url_for("accounts.login", next=url_for("ideas.detail", idea_id=idea.id))
    if is_htmx():
        response = make_response("", 204)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target, 303)


@bp.post("/ideas/<int:idea_id>/support/<any(steun, meedoen):kind>")
@person_limit("RATELIMIT_SUPPORT")
def set_support(idea_id: int, kind: str):
    # The button needs the idea's own columns, not its author, contact, wijk and themes (the
    # eager joins of every Idea load): one statement per press instead of two.
    idea = db.get_or_404(Idea, idea_id, options=[lazyload("*")])
    if not idea_rules.can_view(current_user, idea):
        return current_app.make_response(("", 404))
    if not current_user.is_authenticated:
        return _login_redirect(idea)
    if not rules.can_support(current_user, idea):
        raise NotAllowed("support")
    form = SupportForm()
    if not form.validate_on_submit():  # no state, or one we do not know: nothing changes
        abort(400)
    given = form.wanted
    services.set_support(current_user, idea, SupportKind(kind), given, form.offer.data or "")
    if is_htmx():
        return render_template("ideas/_support.html", idea=idea, just_changed=(kind, given))
    flash(_message(kind, given), "ok")
    return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="steun"), 303)


def _message(kind: str, given: bool) -> str:
    if kind == SupportKind.STEUN:
        return _("Thank you for your support!") if given else _("Your support is withdrawn.")
    return _("Great that you want to join! The initiator can see this.") if given else _("You no longer join.")
