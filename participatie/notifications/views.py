"""My notifications (list, open, mark all read) and the unsubscribe link from e-mails."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from participatie.web.htmx import is_htmx
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.notifications.oneclick import confirm_then_act
from participatie.extensions import csrf, db
from participatie.geo import services as geo
from participatie.notifications import mailqueue, services, wijken
from participatie.notifications.models import for_user
from participatie.web.input import page_number
from participatie.web.urls import safe_next

bp = Blueprint("notifications", __name__, url_prefix="/account/notifications")
following_bp = Blueprint("following", __name__)

PER_PAGE = 30


@bp.get("")
@login_required
def index():
    page = db.paginate(for_user(current_user.id), page=request.args.get("page", 1, type=page_number),
                       per_page=PER_PAGE, error_out=False)
    return render_template("notifications/index.html", page=page)


@bp.post("/read")
@login_required
def mark_all_read():
    services.mark_read(current_user)
    flash(_("All messages are marked as read."), "ok")
    return redirect(url_for("notifications.index"), 303)


@bp.get("/<int:notification_id>")
@login_required
def open_one(notification_id: int):
    notification = services.get_for(current_user, notification_id)
    if notification is None:
        abort(404)
    services.mark_read(current_user, notification.id)
    return redirect(safe_next(notification.link, "notifications.index"), 303)


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058 one-click: the mail client POSTs without a form token; the signed token is the proof
def unsubscribe(token: str):
    return confirm_then_act(token, mailqueue.read_unsubscribe_token, services.unsubscribe,
                            "notifications/unsubscribe.html")


@following_bp.post("/wijken/<slug>/volgen")
@login_required
def toggle_wijk(slug: str):
    """Follow a wijk (or stop): new ideas, public answers and what changed there."""
    wijk = geo.wijk_by_slug(slug) or abort(404)
    following = wijken.toggle(current_user, wijk)
    if is_htmx():
        return render_template("notifications/_wijk_follow.html", wijk=wijk)
    flash(_("You follow wijk %(name)s now.", name=wijk.name) if following
          else _("You no longer follow wijk %(name)s.", name=wijk.name), "ok")
    return redirect(url_for("dashboard.wijk", slug=wijk.slug), 303)
