"""Department list and ladder (admins), asks and escalation (ambassador), answer pages (signed links)."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.accounts.tokens import LinkError
from participatie.clock import utcnow
from participatie.departments import escalation, forms, rules, services
from participatie.departments.models import Department, LadderStep
from participatie.extensions import db
from participatie.ideas.models import Idea
from participatie.printing.views import render_sheet
from participatie.responses.deadlines import deadline_of
from participatie.responses.rules import can_see_queue
from participatie.web.errors import DomainValidationError, NotAllowed

bp = Blueprint("departments", __name__)


@bp.before_request
def _role_before_existence():
    """/ambassador and /admin pages: the role is checked before an idea or step is looked up."""
    rule = request.url_rule.rule if request.url_rule else ""
    if not rule.startswith(("/ambassador/", "/admin/")):
        return None
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    staff_only = can_see_queue(current_user) if rule.startswith("/ambassador/") else \
        rules.can_manage_departments(current_user)
    if not staff_only:
        raise NotAllowed("departments")
    return None


def _field_error(form, exc: DomainValidationError) -> None:
    field = getattr(form, exc.field or "", None) or next(iter(f for f in form if f.type != "CSRFTokenField"))
    field.errors = [*field.errors, exc.message]


# --- admins: departments, overview, ladder ---------------------------------------------------------

@bp.route("/admin/departments", methods=["GET", "POST"])
@login_required
def admin_departments():
    form = forms.DepartmentForm()
    if form.validate_on_submit():
        try:
            services.add_department(current_user, form.name.data, form.mailbox.data, form.team_lead_email.data or "")
        except DomainValidationError as exc:
            _field_error(form, exc)
        else:
            flash(_("The department is on the list."), "ok")
            return redirect(url_for("departments.admin_departments"), 303)
    return render_template("departments/admin.html", form=form, rows=services.overview()), 422 if form.errors else 200


@bp.route("/admin/ladder", methods=["GET", "POST"])
@login_required
def admin_ladder():
    form = forms.StepForm()
    if form.validate_on_submit():
        try:
            escalation.add_step(current_user, number=form.number.data, name=form.name.data,
                                mailbox=form.mailbox.data or "", working_days=form.working_days.data)
        except DomainValidationError as exc:
            _field_error(form, exc)
        else:
            flash(_("The step is on the ladder."), "ok")
            return redirect(url_for("departments.admin_ladder"), 303)
    return render_template("departments/ladder.html", form=form, steps=escalation.ladder()), 422 if form.errors else 200


@bp.post("/admin/ladder/<int:step_id>/delete")
@login_required
def remove_step(step_id: int):
    escalation.remove_step(current_user, db.get_or_404(LadderStep, step_id))
    flash(_("The step is removed."), "ok")
    return redirect(url_for("departments.admin_ladder"), 303)


# --- the ambassador: ask, escalate, grote impact, print ------------------------------------------

def _idea(idea_id: int) -> Idea:
    idea = db.get_or_404(Idea, idea_id)
    if idea.hidden:
        abort(404)
    if not rules.can_ask(current_user, idea):
        raise NotAllowed("ask")
    return idea


def _ask_form() -> forms.AskForm:
    form = forms.AskForm()
    form.departments.choices = [(d.id, d.name) for d in services.all_departments()]
    return form


def _asks_page(idea, ask_form=None, escalate_form=None, impact_form=None, status=200):
    return render_template(
        "departments/asks.html", idea=idea, asks=services.asks_for(idea.id), now=utcnow(),
        ask_form=ask_form or _ask_form(), escalate_form=escalate_form or forms.EscalateForm(formdata=None),
        impact_form=impact_form or forms.ImpactForm(formdata=None), escalations=escalation.escalations_of(idea.id),
        high_impact=escalation.is_high_impact(idea.id), steps=escalation.ladder(),
        late=escalation.what_is_late(idea), late_days=services.late_days,
    ), status


@bp.route("/ambassador/ideas/<int:idea_id>/asks", methods=["GET", "POST"])
@login_required
def asks(idea_id: int):
    idea = _idea(idea_id)
    form = _ask_form()
    if request.method == "POST" and form.validate_on_submit():
        chosen = [db.session.get(Department, i) for i in form.departments.data]
        try:
            services.ask(current_user, idea, [d for d in chosen if d], form.question.data,
                         working_days=form.working_days.data)
        except DomainValidationError as exc:
            _field_error(form, exc)
        else:
            flash(_("Your question is sent. The timeline shows the date of the answer."), "ok")
            return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn"), 303)
    if request.method == "GET":
        form = _ask_form()
        form.process(formdata=None)
        form.departments.choices = [(d.id, d.name) for d in services.all_departments()]
    return _asks_page(idea, ask_form=form, status=422 if form.errors else 200)


@bp.post("/ambassador/ideas/<int:idea_id>/escalate")
@login_required
def escalate(idea_id: int):
    idea = _idea(idea_id)
    form = forms.EscalateForm()
    if form.validate_on_submit():
        try:
            escalation.escalate_by_hand(current_user, idea, form.reason.data)
        except DomainValidationError as exc:
            _field_error(form, exc)
        else:
            flash(_("The idea is passed on. They get an e-mail."), "ok")
            return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn"), 303)
    return _asks_page(idea, escalate_form=form, status=422)


@bp.post("/ambassador/ideas/<int:idea_id>/impact")
@login_required
def impact(idea_id: int):
    idea = _idea(idea_id)
    form = forms.ImpactForm()
    if form.validate_on_submit():
        escalation.mark_high_impact(current_user, idea, form.reason.data)
        flash(_("The idea has a big impact now. When it is late, it skips the first step."), "ok")
        return redirect(url_for("departments.asks", idea_id=idea.id), 303)
    return _asks_page(idea, impact_form=form, status=422)


def _case_context(idea) -> dict:
    return {"idea": idea, "events": escalation.summary_events(idea), "asks": services.asks_for(idea.id),
            "escalations": escalation.escalations_of(idea.id), "late": escalation.what_is_late(idea),
            "deadline": deadline_of(idea), "late_days": services.late_days, "now": utcnow()}


def case_print(idea_id: int, as_pdf: bool):
    """One case on one A4 sheet (and its PDF), for the meeting at step 3 or 4."""
    idea = _idea(idea_id)
    link = current_app.config["SITE_URL"].rstrip("/") + url_for("ideas.detail", idea_id=idea.id)
    return render_sheet("print/case.html", as_pdf=as_pdf, link=link, filename=f"zaak-{idea.id}", **_case_context(idea))


bp.add_url_rule("/ambassador/ideas/<int:idea_id>/case-print", "case_print", login_required(case_print),
                defaults={"as_pdf": False}, methods=["GET"])
bp.add_url_rule("/ambassador/ideas/<int:idea_id>/case-print.pdf", "case_print_pdf", login_required(case_print),
                defaults={"as_pdf": True}, methods=["GET"])


# --- departments and ladder steps answer through a signed link (no account) ------------------------

def _link_problem(kind: str):
    """expired / used / wrong: one clear page, a 4xx."""
    return render_template("departments/link_problem.html", kind=kind), 410 if kind != "wrong" else 400


def _open_link(load, token: str):
    """(the ask or escalation behind a signed link, None) or (None, the problem page)."""
    try:
        return load(token), None
    except services.LinkUsed:
        return None, _link_problem("used")
    except LinkError as exc:
        return None, _link_problem("expired" if exc.expired else "wrong")


@bp.route("/vraag/<token>", methods=["GET", "POST"])
def answer_form(token: str):
    item, problem = _open_link(services.ask_from_token, token)
    if problem:
        return problem
    form = forms.AnswerForm()
    if form.validate_on_submit():
        try:
            services.answer(item, answered_by=form.answered_by.data, public_text=form.text.data,
                            internal_note=form.internal_note.data or "", picked_up_by=form.picked_up_by.data or "",
                            outcome=form.outcome.data, more_time_until=form.more_time_until.data)
        except DomainValidationError as exc:
            _field_error(form, exc)
        else:
            return render_template("departments/thanks.html", idea=item.idea)
    return render_template("departments/answer.html", item=item, form=form, token=token,
                           late_days=services.late_days(item)), 422 if form.errors else 200


@bp.route("/doorgezet/<token>", methods=["GET", "POST"])
def case_page(token: str):
    esc, problem = _open_link(escalation.escalation_from_token, token)
    if problem:
        return problem
    form = forms.CaseForm()
    if form.validate_on_submit():
        try:
            escalation.answer_case(esc, answered_by=form.answered_by.data, public_text=form.text.data or "",
                                   internal_note=form.internal_note.data or "", assign_to=form.assign_to.data or "")
        except DomainValidationError as exc:
            _field_error(form, exc)
        else:
            return render_template("departments/thanks.html", idea=esc.idea)
    return render_template("departments/case.html", esc=esc, form=form, token=token,
                           **_case_context(esc.idea)), 422 if form.errors else 200
