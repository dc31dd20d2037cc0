"""Ambassador queue and work page; makelaar endorsement; residents' answers back."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.accounts.tokens import LinkError
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed, link_problem
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.web.htmx import is_htmx
from participatie.ideas.models import EventKind, Idea, IdeaEvent
from participatie.responses import feedback, followups, forms, links, queue, rules, services
from participatie.responses.models import FollowUp, FollowUpKind, voorgesprekken_of

bp = Blueprint("responses", __name__)
STAFF_PREFIX = "/ambassador"


@bp.before_request
def _staff_before_existence():
    """Every /ambassador route is for ambassadors and admins: the role is checked before an idea is
    looked up, so others get the same 403 for an idea that exists, is hidden, or does not exist."""
    rule = request.url_rule.rule if request.url_rule else ""
    if rule != STAFF_PREFIX and not rule.startswith(STAFF_PREFIX + "/"):
        return None
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not rules.can_see_queue(current_user):
        raise NotAllowed("ambassador")
    return None


def _idea(idea_id: int) -> Idea:
    idea = db.get_or_404(Idea, idea_id)
    if idea.hidden:
        abort(404)
    return idea


@bp.get("/ambassador")
@login_required
def queue_page():
    if not rules.can_see_queue(current_user):
        raise NotAllowed("queue")
    filters = queue.QueueFilters.from_args(request.args)
    return render_template(
        "responses/queue.html", filters=filters, waiting=queue.waiting(filters), mine=queue.my_claims(current_user),
        open_claims=services.open_claims(current_user), limit=current_app.config["AMBASSADOR_CASELOAD_LIMIT"],
        wijken=geo.all_wijken(), departments=queue.departments(),
    )


def _status_choices(idea) -> list:
    return [(s.value, s.label) for s in services.allowed_next(idea)]


def _work_forms(idea, submitted=None) -> dict:
    built = {
        "claim": forms.ClaimForm(formdata=None), "answer": forms.AnswerForm(formdata=None),
        "progress": forms.ProgressForm(formdata=None), "voorgesprek": forms.VoorgesprekForm(formdata=None),
        "status": forms.StatusForm(formdata=None), "handover": forms.HandOverForm(formdata=None),
        "release": forms.ReleaseForm(formdata=None),
    }
    built.update(submitted or {})
    built["status"].status.choices = _status_choices(idea)
    others = db.session.scalars(select(User).where(User.role == Role.AMBASSADOR, User.id != (idea.ambassador_id or 0))
                                .order_by(User.display_name)).all()
    built["handover"].to.choices = [(u.id, f"{u.display_name} ({u.department or '-'})") for u in others]
    return built


def _work_page(idea, submitted=None, status=200, **extra):
    return render_template(
        "responses/work.html", idea=idea, forms=_work_forms(idea, submitted),
        voorgesprekken=db.session.scalars(voorgesprekken_of(idea.id)).all(),
        open_claims=services.open_claims(current_user) if rules.is_ambassador(current_user) else 0,
        limit=current_app.config["AMBASSADOR_CASELOAD_LIMIT"], **extra,
    ), status


@bp.get("/ambassador/ideas/<int:idea_id>")
@login_required
def work(idea_id: int):
    idea = _idea(idea_id)
    if not (rules.can_claim(current_user, idea) or rules.can_manage(current_user, idea)):
        raise NotAllowed("work")
    return _work_page(idea)


def _managed(idea_id: int) -> Idea:
    """Load, then authorize, before any form is read."""
    idea = _idea(idea_id)
    if not rules.can_manage(current_user, idea):
        raise NotAllowed("manage")
    return idea


def _act(idea, name: str, form, action, done_message: str):
    """Validate one work form, run its service, and report back on the page."""
    if form.validate_on_submit():
        try:
            action(form)
        except DomainValidationError as exc:
            field = getattr(form, exc.field or "", None) or next(iter(f for f in form if f.type != "CSRFTokenField"))
            field.errors = [*field.errors, exc.message]
        except InvalidTransition:
            form.status.errors = [_("This status change is not possible now.")]
        else:
            flash(done_message, "ok")
            return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn"), 303)
    return _work_page(idea, {name: form}, 422)


@bp.post("/ambassador/ideas/<int:idea_id>/claim")
@login_required
def claim(idea_id: int):
    idea = _idea(idea_id)
    if not rules.can_claim(current_user, idea):
        raise NotAllowed("claim")
    form = forms.ClaimForm()
    try:
        return _act(idea, "claim", form, lambda f: services.claim(
            current_user, idea, f.message.data, accept_over_limit=f.accept_over_limit.data),
            _("You are now the contact for this idea. Residents see your name."))
    except services.CaseloadExceeded as exc:
        form.accept_over_limit.errors = [_(
            "You already have %(count)d open ideas (the limit is %(limit)d). Tick the box to claim this one anyway.",
            count=exc.open_claims, limit=exc.limit)]
        return _work_page(idea, {"claim": form}, 422)


@bp.post("/ambassador/ideas/<int:idea_id>/answer")
@login_required
def answer(idea_id: int):
    idea = _managed(idea_id)
    form = forms.AnswerForm()
    try:
        return _act(idea, "answer", form, lambda f: services.post_answer(
            current_user, idea, f.text.data, confirm_difficult=f.confirm_difficult.data),
            _("Your answer is posted. Followers get a message."))
    except services.NeedsPlainLanguage as exc:
        return _work_page(idea, {"answer": form}, 422, b1_report=exc.report)


@bp.post("/ambassador/ideas/<int:idea_id>/progress")
@login_required
def progress(idea_id: int):
    idea = _managed(idea_id)
    return _act(idea, "progress", forms.ProgressForm(),
                lambda f: services.post_progress(current_user, idea, f.text.data),
                _("Your update is posted. The clock starts again."))


@bp.post("/ambassador/ideas/<int:idea_id>/voorgesprek")
@login_required
def voorgesprek(idea_id: int):
    idea = _managed(idea_id)
    return _act(idea, "voorgesprek", forms.VoorgesprekForm(), lambda f: services.record_voorgesprek(
        current_user, idea, department=f.department.data, held_on=f.held_on.data,
        internal_note=f.internal_note.data or "", public_line=f.public_line.data or ""),
        _("The talk is recorded."))


@bp.post("/ambassador/ideas/<int:idea_id>/status")
@login_required
def change_status(idea_id: int):
    idea = _managed(idea_id)
    form = forms.StatusForm()
    form.status.choices = _status_choices(idea)
    return _act(idea, "status", form, lambda f: services.change_status(
        current_user, idea, f.status.data, f.message.data, outcome=f.outcome.data, reason=f.reason.data or "",
        alternative=f.alternative.data or "", next_step=f.next_step.data or "", next_date=f.next_date.data),
        _("The status is changed. Followers get a message."))


@bp.post("/ambassador/ideas/<int:idea_id>/handover")
@login_required
def handover(idea_id: int):
    idea = _managed(idea_id)
    form = _work_forms(idea, {"handover": forms.HandOverForm()})["handover"]
    return _act(idea, "handover", form, lambda f: services.hand_over(
        current_user, idea, db.session.get(User, f.to.data), f.reason.data), _("The idea is handed over."))


@bp.post("/ambassador/ideas/<int:idea_id>/release")
@login_required
def release(idea_id: int):
    idea = _managed(idea_id)
    return _act(idea, "release", forms.ReleaseForm(),
                lambda f: services.release(current_user, idea, f.message.data), _("You are no longer the contact."))


@bp.post("/ideas/<int:idea_id>/endorse")
@login_required
def endorse(idea_id: int):
    idea = _idea(idea_id)
    if not rules.can_endorse(current_user, idea):
        raise NotAllowed("endorse")
    form = forms.EndorseForm()
    if form.validate_on_submit():
        services.endorse(current_user, idea, form.message.data)
        flash(_("The idea is put forward. The city will respond."), "ok")
    else:
        flash(_("Write why you put this idea forward."), "error")
    return redirect(url_for("ideas.detail", idea_id=idea.id), 303)


# --- residents answer back ---------------------------------------------------------------------

@bp.post("/answers/<int:event_id>/feedback")
@login_required
def give_feedback(event_id: int):
    event = db.get_or_404(IdeaEvent, event_id)
    if event.kind != EventKind.ANSWER:
        abort(404)
    form = forms.FeedbackForm()
    if form.validate_on_submit():
        feedback.give_feedback(current_user, event, form.helpful.data == "yes", form.text.data or "")
    if is_htmx():
        return render_template("responses/_feedback.html", event=event, **feedback.context_for([event]))
    return redirect(url_for("ideas.detail", idea_id=event.idea_id, _anchor=f"antwoord-{event.id}"), 303)


@bp.route("/feedback/<token>", methods=["GET", "POST"])
def feedback_link(token: str):
    """One click from the e-mail records the answer; the page offers to add a line."""
    try:
        data = links.read_feedback_token(token)
    except LinkError as exc:
        return link_problem(exc.expired)
    user, event = db.session.get(User, data["u"]), db.session.get(IdeaEvent, data["e"])
    if user is None or event is None or event.kind != EventKind.ANSWER:
        return link_problem(False)
    form = forms.FeedbackForm(data={"helpful": "yes" if data["h"] else "no"})
    helpful, text, quote_ok = data["h"], "", None
    if request.method == "POST" and form.validate():  # the page lets them change the answer and add words
        helpful, text, quote_ok = form.helpful.data == "yes", form.text.data or "", form.quote_ok.data
    feedback.give_feedback(user, event, helpful, text, via_link=True, quote_ok=quote_ok)
    return render_template("responses/feedback_thanks.html", form=form, token=token, event=event,
                           saved_text=request.method == "POST")


@bp.route("/followups/<int:followup_id>", methods=["GET", "POST"])
@login_required
def followup_page(followup_id: int):
    followup = db.get_or_404(FollowUp, followup_id)
    if followup.user_id != current_user.id:
        abort(404)
    if followup.kind == FollowUpKind.HOW_NOW:
        return _how_now(followup, url_for("responses.followup_page", followup_id=followup.id))
    form = forms.FollowUpForm()
    if form.validate_on_submit():
        followups.answer_followup(current_user, followup, form.answer.data == "yes", form.text.data or "",
                                  quote_ok=form.quote_ok.data)
        flash(_("Thank you for your answer."), "ok")
        return redirect(url_for("ideas.detail", idea_id=followup.idea_id, _anchor="tijdlijn"), 303)
    return render_template("responses/followup.html", followup=followup, form=form,
                           question=followups.QUESTIONS[followup.kind]), 422 if form.errors else 200


@bp.route("/followup/<token>", methods=["GET", "POST"])
def followup_link(token: str):
    try:
        data = links.read_followup_token(token)
    except LinkError as exc:
        return link_problem(exc.expired)
    followup = db.session.get(FollowUp, data["f"])
    if followup is None:
        return link_problem(False)
    if data["y"] is None:  # "hoe gaat het nu?": the signed link opens the form for a few words
        return _how_now(followup, url_for("responses.followup_link", token=token))
    form = forms.FollowUpForm(data={"answer": "yes" if data["y"] else "no"})
    if request.method == "POST" and form.validate():
        followups.add_words(followup, form.text.data or "", quote_ok=form.quote_ok.data)
        return render_template("responses/followup_thanks.html", followup=followup, saved_text=True)
    if followup.answered_at is None:
        followups.answer_followup(followup.user, followup, data["y"])
    return render_template("responses/followup_thanks.html", followup=followup, form=form, token=token)


def _how_now(followup: FollowUp, action: str):
    """A few words (yes/no optional) for "Hoe gaat het nu?"; they go on the idea's timeline."""
    form = forms.HowNowForm()
    if form.validate_on_submit():
        if followup.answered_at is None:
            followups.answer_followup(followup.user, followup, form.yes, form.text.data, quote_ok=form.quote_ok.data)
        else:
            followups.add_words(followup, form.text.data, quote_ok=form.quote_ok.data)
        flash(_("Thank you for your answer."), "ok")
        return redirect(url_for("ideas.detail", idea_id=followup.idea_id, _anchor="tijdlijn"), 303)
    return render_template("responses/how_now.html", followup=followup, form=form, action=action,
                           question=followups.QUESTIONS[followup.kind]), 422 if form.errors else 200


@bp.route("/admin/wijken", methods=["GET", "POST"])
@login_required
def wijk_settings():
    if not rules.can_manage_wijken(current_user):
        raise NotAllowed("wijken")
    wijken = geo.all_wijken()
    if request.method == "POST":
        wijk = next((w for w in wijken if str(w.id) == request.form.get("wijk_id")), None) or abort(404)
        form = forms.WijkSettingsForm()
        if form.validate_on_submit():
            services.set_wijk_terms(current_user, wijk, support_threshold=form.support_threshold.data,
                                    response_term_days=form.response_term_days.data)
            flash(_("The settings of %(name)s are saved.", name=wijk.name), "ok")
            return redirect(url_for("responses.wijk_settings"), 303)
        flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
    return render_template("responses/wijk_settings.html", wijken=wijken, handovers=queue.handover_counts())
