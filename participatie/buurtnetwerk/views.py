"""Buurtnetwerk pages: join in settings, ask a wijk, answer (also by signed link), results, print."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.accounts import tokens
from participatie.notifications.oneclick import confirm_then_act
from participatie.accounts.models import User
from participatie.buurtnetwerk import forms, links, rules, services
from participatie.buurtnetwerk.models import Question, questions_of
from participatie.extensions import csrf, db
from participatie.geo import services as geo
from participatie.printing.qr import public_url
from participatie.printing.views import render_sheet
from participatie.web.errors import DomainValidationError, NotAllowed, link_problem

bp = Blueprint("buurtnetwerk", __name__)


def join_form(user, formdata=None) -> forms.JoinForm:
    """The settings form, filled with the person's current choice."""
    mine = services.wijk_ids_of(user)
    form = forms.JoinForm(formdata=formdata, data={"consent": user.consent_buurtnetwerk_at is not None,
                                                   "wijken": sorted(mine)})
    form.wijken.choices = [(w.id, w.name) for w in geo.all_wijken()]
    return form


@bp.route("/account/buurtnetwerk", methods=["GET", "POST"])
@login_required
def join():
    form = join_form(current_user, formdata=request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        try:
            services.join(current_user, form.wijken.data or [], given=form.consent.data)
        except DomainValidationError as exc:
            form.wijken.errors = [exc.message]
        else:
            flash(_("Your choice for the buurtnetwerk is saved.") if form.consent.data
                  else _("You are not in the buurtnetwerk. We will not ask you anything."), "ok")
            return redirect(url_for("accounts.settings", _anchor="buurtnetwerk"), 303)
    return render_template("buurtnetwerk/join.html", form=form), 422 if form.errors else 200


@bp.route("/buurtnetwerk/uit/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058 one-click: the mail client POSTs without a form token; the signed token is the proof
def leave(token: str):
    return confirm_then_act(token, links.read_leave_token, services.leave, "buurtnetwerk/leave.html")


@bp.get("/wijken/<slug>/vragen")
def wijk_questions(slug: str):
    wijk = geo.wijk_by_slug(slug) or abort(404)
    questions = db.session.scalars(questions_of(wijk.id).limit(100)).all()
    return render_template("buurtnetwerk/list.html", wijk=wijk, questions=questions)


@bp.route("/wijken/<slug>/vragen/nieuw", methods=["GET", "POST"])
@login_required
def ask(slug: str):
    wijk = geo.wijk_by_slug(slug) or abort(404)
    if not rules.can_ask(current_user, wijk):
        raise NotAllowed("ask")
    form = forms.AskForm()
    b1_report = None
    if form.validate_on_submit():
        try:
            question = services.ask(current_user, wijk, form.text.data, form.choices,
                                    confirm_difficult=form.confirm_difficult.data)
        except DomainValidationError as exc:
            getattr(form, exc.field or "text").errors = [*getattr(form, exc.field or "text").errors, exc.message]
        except services.NeedsPlainLanguage as exc:
            b1_report = exc.report
        else:
            flash(_("Your question is sent to the buurtnetwerk of %(name)s.", name=wijk.name), "ok")
            return redirect(url_for("buurtnetwerk.question", question_id=question.id), 303)
    status = 422 if (form.errors or b1_report) else 200
    return render_template("buurtnetwerk/ask.html", wijk=wijk, form=form, b1_report=b1_report,
                           members=services.member_count(wijk.id),
                           next_at=services.next_question_at(wijk.id)), status


def _question(question_id: int) -> Question:
    return db.get_or_404(Question, question_id)


def _answer_form(question: Question, formdata=None, **data) -> forms.AnswerForm:
    form = forms.AnswerForm(formdata=formdata, **data)
    form.choice.choices = [(c.position, c.label) for c in question.choices]
    return form


def _question_page(question: Question, status=200, answer_form=None, outcome_form=None):
    mine = services.answer_of(current_user, question.id)
    may_answer = rules.can_answer(current_user, question, services.is_member(current_user, question.wijk_id))
    if answer_form is None and may_answer:
        answer_form = _answer_form(question, formdata=None, data=_given(mine))
    return render_template("buurtnetwerk/question.html", question=question, results=services.results(question),
                           answer_form=answer_form if may_answer else None, mine=mine,
                           outcome_form=outcome_form or forms.OutcomeForm(formdata=None)), status


def _given(answer) -> dict:
    if answer is None:
        return {}
    return {"choice": answer.choice.position, "words": answer.words, "quote_ok": answer.quote_ok}


@bp.get("/vragen/<int:question_id>")
def question(question_id: int):
    return _question_page(_question(question_id))


@bp.get("/vragen/<int:question_id>/print", defaults={"as_pdf": False})
@bp.get("/vragen/<int:question_id>/print.pdf", endpoint="print_pdf", defaults={"as_pdf": True})
def print_sheet(question_id: int, as_pdf: bool):
    """The results on A4 (the page's own print link), and the same sheet as PDF."""
    found = _question(question_id)
    return render_sheet("buurtnetwerk/print.html", as_pdf=as_pdf, filename=f"vraag-{found.id}",
                        link=public_url("buurtnetwerk.question", question_id=found.id), question=found,
                        results=services.results(found))


@bp.post("/vragen/<int:question_id>/antwoord")
@login_required
def answer(question_id: int):
    found = _question(question_id)
    if not rules.can_answer(current_user, found, services.is_member(current_user, found.wijk_id)):
        raise NotAllowed("answer")
    form = _answer_form(found, formdata=request.form)
    if form.validate_on_submit():
        services.answer(current_user, found, form.choice.data, words=form.words.data or "",
                        quote_ok=form.quote_ok.data)
        flash(_("Thank you for your answer."), "ok")
        return redirect(url_for("buurtnetwerk.question", question_id=found.id, _anchor="uitslag"), 303)
    return _question_page(found, 422, answer_form=form)


@bp.post("/vragen/<int:question_id>/dit-doen-we")
@login_required
def outcome(question_id: int):
    found = _question(question_id)
    if not rules.can_post_outcome(current_user, found):
        raise NotAllowed("outcome")
    form = forms.OutcomeForm()
    if form.validate_on_submit():
        services.post_outcome(current_user, found, form.text.data)
        flash(_("Thank you. Everyone who answered gets a message."), "ok")
        return redirect(url_for("buurtnetwerk.question", question_id=found.id, _anchor="dit-doen-we"), 303)
    return _question_page(found, 422, outcome_form=form)


@bp.route("/buurtnetwerk/antwoord/<token>", methods=["GET", "POST"])
def answer_link(token: str):
    """From the e-mail: GET shows the chosen answer with room for words; POST records it."""
    try:
        data = links.read_answer_token(token)
    except tokens.LinkError as exc:
        return link_problem(exc.expired)
    user, found = db.session.get(User, data["u"]), db.session.get(Question, data["q"])
    if user is None or found is None or not any(c.position == data["c"] for c in found.choices) \
            or not rules.can_answer(user, found, services.is_member(user, found.wijk_id)):
        return link_problem(False)
    mine = services.answer_of(user, found.id)
    form = _answer_form(found, formdata=request.form if request.method == "POST" else None,
                        data={**_given(mine), "choice": data["c"]})
    if request.method == "POST" and form.validate():
        services.answer(user, found, form.choice.data, words=form.words.data or "", quote_ok=form.quote_ok.data)
        return render_template("buurtnetwerk/answer_done.html", question=found), 200
    return render_template("buurtnetwerk/answer_link.html", question=found, form=form, token=token), \
        422 if form.errors else 200
