"""The makelaar's side: worklist, tips, import and export."""

from datetime import datetime

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.accounts.rules import is_admin
from participatie.clock import utcnow
from participatie.errors import NotAllowed
from participatie.extensions import db
from participatie.socialmap import rules, services, transfer
from participatie.socialmap.forms import ImportForm
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
    stamp = datetime.now().strftime("%Y%m%d")
    if fmt == "csv":
        body, mimetype = transfer.export_csv(query), "text/csv"
    else:
        body, mimetype = transfer.export_geojson(query), "application/geo+json"
    response = current_app.response_class(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="sociale-kaart-{stamp}.{fmt}"'
    return response


@bp.route("/socialmap/import", methods=["GET", "POST"])
@login_required
def import_page():
    if not rules.is_curator(current_user):
        raise NotAllowed("import")
    form, report, file_error = ImportForm(), None, None
    if form.validate_on_submit():
        upload = form.file.data
        try:
            report = transfer.import_file(current_user, upload.filename or "", upload.read())
        except transfer.ImportFileError as exc:
            file_error = str(exc)
        else:
            if report.ok:
                flash(_("Import done: %(created)d new, %(updated)d changed.", created=report.created,
                        updated=report.updated), "ok")
                return redirect(url_for("socialmap.worklist"), 303)
    status = 422 if (form.errors or file_error or (report and not report.ok)) else 200
    return render_template("socialmap/import.html", form=form, report=report, file_error=file_error,
                           columns=transfer.COLUMNS), status
