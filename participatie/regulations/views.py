"""/regels (the overview, its CSV), and the form "Een regel zit in de weg" on an idea."""

import csv
import io

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, stream_with_context, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.extensions import db
from participatie.ideas.models import Idea
from participatie.regulations import rules, services
from participatie.regulations.forms import RuleForm
from participatie.regulations.models import RegulationBlock
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.spreadsheet import safe_cell

bp = Blueprint("regulations", __name__)


@bp.get("/regels")
def index():
    return render_template("regulations/index.html", summaries=services.overview())


def csv_header() -> list[str]:
    return [_("rule"), _("level"), _("number of ideas"), _("wijken"), _("idea"), _("idea title"), _("wijk"),
            _("how it blocks"), _("link")]


def csv_rows(summaries, link):
    """One line per blocked idea, with the rule's totals repeated (easy to filter in a spreadsheet)."""
    for s in summaries:
        for i in s.ideas:
            yield [s.name, str(s.level.label), s.count, ", ".join(s.wijken), i.idea_id, i.title, i.wijk, i.how,
                   link(i.idea_id)]


def _csv_lines(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


@bp.get("/regels.csv")
def download():
    root = request.url_root.rstrip("/")
    rows = [csv_header(), *csv_rows(services.overview(), lambda i: root + url_for("ideas.detail", idea_id=i))]
    response = current_app.response_class(stream_with_context(_csv_lines(rows)), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="regels-in-de-weg.csv"'
    return response


def _idea(idea_id: int) -> Idea:
    idea = db.get_or_404(Idea, idea_id)
    if idea.hidden:
        abort(404)
    return idea


def _form_page(idea, form, status=200):
    blocks = services.of_idea(idea, confirmed_only=False)
    return render_template("regulations/form.html", idea=idea, form=form, blocks=blocks,
                           may_mark=rules.can_mark(current_user, idea)), status


@bp.route("/ideas/<int:idea_id>/regel", methods=["GET", "POST"])
@login_required
def idea_form(idea_id: int):
    idea = _idea(idea_id)
    if not rules.can_use_form(current_user, idea):
        raise NotAllowed("rule form")
    form = RuleForm()
    form.set_choices(services.rule_choices())
    if form.validate_on_submit():
        data = services.RuleInput(how=form.description.data or "", regulation_id=form.existing.data or None,
                                  name=form.name.data or "", level=form.level.data or "")
        try:
            if rules.can_mark(current_user, idea):
                services.mark(current_user, idea, data)
                flash(_("The rule is noted. Residents see it on the idea and on the list of rules."), "ok")
            else:
                services.propose(current_user, idea, data)
                flash(_("Thank you. The ambassador checks the rule and confirms it."), "ok")
        except DomainValidationError as exc:
            target = getattr(form, exc.field or "description", form.description)
            target.errors = [*target.errors, exc.message]
        else:
            return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="regels"), 303)
    return _form_page(idea, form, 422 if form.is_submitted() else 200)


@bp.post("/ideas/<int:idea_id>/regel/<int:block_id>/bevestigen")
@login_required
def confirm(idea_id: int, block_id: int):
    idea = _idea(idea_id)
    if not rules.can_mark(current_user, idea):
        raise NotAllowed("confirm rule")
    block = db.session.get(RegulationBlock, block_id)
    if block is None or block.idea_id != idea.id:
        abort(404)
    if block.confirmed:
        return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="regels"), 303)
    services.confirm(current_user, block)
    flash(_("The rule is confirmed. Residents see it now."), "ok")
    return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="regels"), 303)
