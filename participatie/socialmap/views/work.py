"""The makelaar's side: worklist, tips, import and export."""


from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.accounts.rules import is_admin
from participatie.clock import today_local, utcnow
from participatie.web import ratelimit
from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.socialmap import pending, rules, services, transfer
from participatie.socialmap.forms import ImportConfirmForm, ImportForm
from participatie.socialmap.models import Suggestion, open_suggestions, stale_entries
from participatie.socialmap.views import bp


def _wijk_ids():
    return None if is_admin(current_user) else [w.id for w in current_user.wijken]


@bp.get("/makelaar")
@login_required
def worklist():
    if not rules.can_see_worklist(current_user):
        raise NotAllowed("worklist")
    wijk_ids = _wijk_ids()
    return render_template("socialmap/worklist.html", stale=db.session.scalars(stale_entries(wijk_ids, utcnow())).all(),
                           tips=db.session.scalars(open_suggestions(wijk_ids)).all(), now=utcnow())


@bp.post("/makelaar/tips/<int:suggestion_id>/done")
@login_required
def tip_done(suggestion_id: int):
    suggestion = db.get_or_404(Suggestion, suggestion_id)
    services.handle_suggestion(current_user, suggestion)
    flash(_("The tip is marked as handled."), "ok")
    return redirect(url_for("socialmap.worklist"), 303)


@bp.get("/socialmap/export.<any(csv, geojson):fmt>")
@login_required
def export(fmt: str):
    if not rules.is_curator(current_user):
        raise NotAllowed("export")
    query = transfer.all_entries_query(current_user)
    stamp = today_local().strftime("%Y%m%d")
    if fmt == "csv":
        body, mimetype = transfer.export_csv(query), "text/csv"
    else:
        body, mimetype = transfer.export_geojson(query), "application/geo+json"
    response = current_app.response_class(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="sociale-kaart-{stamp}.{fmt}"'
    return response


def _import_page(form, *, report=None, file_error=None, confirm=None, status=200):
    return render_template("socialmap/import.html", form=form, report=report, file_error=file_error,
                           confirm=confirm, columns=transfer.COLUMNS), status


@bp.route("/socialmap/import", methods=["GET", "POST"])
@ratelimit.form_limit(("RATELIMIT_SOCIALMAP", ratelimit.person))
@login_required
def import_page():
    """Step 1: upload and check. Shows what would happen; nothing is written yet. Its limit (per
    person) also bounds step 2: each "Importeren" needs a preview of its own."""
    if not rules.is_curator(current_user):
        raise NotAllowed("import")
    form = ImportForm()
    if ratelimit.limited():
        return _import_page(form, file_error=_("You sent many files in a short time. Wait a minute. "
                                                 "Then choose the file again."), status=429)
    if not form.validate_on_submit():
        return _import_page(form, status=422 if form.errors else 200)
    try:
        report, token = pending.preview(current_user, form.file.data.filename or "", form.file.data.read())
    except transfer.ImportFileError as exc:
        return _import_page(form, file_error=str(exc), status=422)
    if not report.ok:
        return _import_page(form, report=report, status=422)
    return _import_page(form, report=report, confirm=ImportConfirmForm(formdata=None, token=token))


@bp.post("/socialmap/import/confirm")
@login_required
def import_confirm():
    """Step 2: "Importeren". All or nothing, with the same checks as the preview."""
    if not rules.is_curator(current_user):
        raise NotAllowed("import")
    form = ImportConfirmForm()
    try:
        report = pending.import_upload(current_user, form.token.data) if form.validate_on_submit() else None
    except transfer.ImportFileError as exc:
        return _import_page(ImportForm(formdata=None), file_error=str(exc), status=422)
    if report is None:
        flash(_("This file is already imported, or we no longer have it. Choose the file again."), "error")
        return redirect(url_for("socialmap.import_page"), 303)
    if not report.ok:  # the map or the makelaar's wijken changed since the preview
        return _import_page(ImportForm(formdata=None), report=report, status=422)
    flash(_("Import done: %(created)d new, %(updated)d changed.", created=report.created,
            updated=report.updated), "ok")
    return redirect(url_for("socialmap.worklist"), 303)


def import_too_large():
    """The file was too large to receive: the import page says so. None: not allowed."""
    if not rules.is_curator(current_user):
        return None
    form = ImportForm(formdata=None)
    form.file.errors = [_("The file is too large. Split it up and import the parts one by one.")]
    return _import_page(form, status=413)
