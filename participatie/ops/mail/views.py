"""/admin/mail: mail that is not sent (failed or still waiting), with "try again". Admins only."""

from flask import Blueprint, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.accounts import rules
from participatie.extensions import db
from participatie.ops.mail import outbox
from participatie.ops.mail.models import OutboxMessage
from participatie.web.errors import NotAllowed

bp = Blueprint("mail_admin", __name__, url_prefix="/admin/mail")
SHOWN = 200


def _require_admin():
    if not rules.can_manage_roles(current_user):
        raise NotAllowed("admin")


@bp.get("")
@login_required
def index():
    _require_admin()
    messages = db.session.scalars(OutboxMessage.unsent().limit(SHOWN)).all()
    response = make_response(render_template("admin/mail.html", messages=messages, shown=SHOWN))
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/<int:message_id>/retry")
@login_required
def retry(message_id: int):
    _require_admin()
    message = db.get_or_404(OutboxMessage, message_id)
    outbox.retry(message)
    db.session.refresh(message)
    if message.status == "sent":
        flash(_("The e-mail to %(to)s is sent.", to=message.to), "ok")
    else:
        flash(_("The e-mail to %(to)s could not be sent yet; we will try again.", to=message.to), "error")
    return redirect(url_for("mail_admin.index"), 303)
