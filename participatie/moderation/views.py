"""House rules, "Melden", the moderation queue, objections; and the read-only guard for blocked accounts."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user, login_required

from participatie.moderation import reasons, rules, services
from participatie.moderation.forms import ActionForm, ObjectionForm, ReportForm
from participatie.moderation.targets import KINDS, load
from participatie.web.errors import DomainValidationError, NotAllowed

bp = Blueprint("moderation", __name__)

# What a blocked account may still send: leave, change settings, read messages, object, delete itself.
BLOCKED_MAY_POST = {"accounts.logout", "accounts.login", "accounts.settings", "accounts.delete_account",
                    "notifications.mark_all_read", "notifications.unsubscribe", "moderation.objection"}

ACTION_LABELS = {
    "keep": _l("Keep it: the reports are dismissed"),
    "hide": _l("Hide it with a public reason"),
    "restore": _l("Show it again"),
    "warn": _l("Warn the writer"),
    "block": _l("Block the writer (can read, no longer write)"),
}


@bp.before_app_request
def _blocked_accounts_only_read():
    if (request.method == "POST" and current_user.is_authenticated and current_user.is_blocked
            and request.endpoint not in BLOCKED_MAY_POST):
        return render_template("moderation/blocked.html"), 403
    return None


@bp.get("/huisregels")
def house_rules():
    return render_template("moderation/house_rules.html", reasons=reasons.REASONS)


def _target(kind: str, target_id: int):
    target = load(kind, target_id) if kind in KINDS else None
    if target is None:
        abort(404)
    return target


@bp.route("/melden/<any(reaction, idea, photo):item>/<int:target_id>", methods=["GET", "POST"])
@login_required
def report(item: str, target_id: int):
    target = _target(item, target_id)
    if not rules.can_report(current_user, target):
        raise NotAllowed("report")
    form = ReportForm()
    if form.validate_on_submit():
        try:
            services.report(current_user, target, form.reason.data, form.note.data or "")
        except DomainValidationError as exc:
            form.reason.errors = [*form.reason.errors, str(exc.message)]
        else:
            flash(_("Thank you for reporting this. A moderator will look at it."), "ok")
            return redirect(target.link(), 303)
    return render_template("moderation/report.html", form=form, target=target,
                           done=services.already_reported(current_user, target)), 422 if form.errors else 200


@bp.get("/moderatie")
@login_required
def queue():
    if not rules.can_see_queue(current_user):
        raise NotAllowed("moderation queue")
    return render_template("moderation/queue.html", items=services.queue_for(current_user))


def _action_form(target) -> ActionForm:
    form = ActionForm()
    checks = {"warn": rules.can_warn, "block": rules.can_block}
    form.action.choices = [(name, label) for name, label in ACTION_LABELS.items()
                           if checks.get(name, lambda u, t: True)(current_user, target)
                           and not (name == "restore" and not target.hidden)]
    return form


@bp.route("/moderatie/<any(reaction, idea, photo):item>/<int:target_id>", methods=["GET", "POST"])
@login_required
def item(item: str, target_id: int):
    if not rules.can_see_queue(current_user):
        raise NotAllowed("moderation")
    target = _target(item, target_id)
    if not rules.can_moderate(current_user, target.wijk_id):
        raise NotAllowed("moderation outside the wijken")
    form = _action_form(target)
    if form.validate_on_submit():
        try:
            services.act(current_user, target, form.action.data, form.reason.data or None, form.note.data or "")
        except DomainValidationError as exc:
            form.reason.errors = [*form.reason.errors, str(exc.message)]
        else:
            flash(_("Done. It is written in the audit log."), "ok")
            return redirect(url_for("moderation.queue"), 303)
    return render_template("moderation/item.html", target=target, form=form,
                           reports=services.reports_of(target)), 422 if form.errors else 200


@bp.route("/moderatie/bezwaar/<any(reaction, idea, photo):item>/<int:target_id>", methods=["GET", "POST"])
@login_required
def objection(item: str, target_id: int):
    target = _target(item, target_id)
    if target.writer_id != current_user.id:
        abort(404)
    form = ObjectionForm()
    if target.hidden and form.validate_on_submit():
        try:
            services.object_to(current_user, target, form.note.data)
        except DomainValidationError as exc:
            form.note.errors = [*form.note.errors, str(exc.message)]
        else:
            flash(_("Thank you. A moderator will look at it again."), "ok")
            return redirect(target.link(), 303)
    return render_template("moderation/objection.html", form=form, target=target), 422 if form.errors else 200
