"""After the conversation: the organisers' report and actions, status of actions, feedback."""

from flask import abort, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.accounts.models import User
from participatie.accounts.tokens import LinkError
from participatie.conversations import links, rules
from participatie.conversations.forms import ActionForm, ActionStatusForm, FeedbackForm, ReportForm
from participatie.conversations.models import ActionItem, Conversation, Rsvp
from participatie.conversations.services import (
    add_action,
    give_feedback,
    set_action_status,
    write_report,
)
from participatie.conversations.services import after as after_services
from participatie.conversations.services.after import actions_of
from participatie.conversations.views import bp
from participatie.conversations.views.common import field_error, load, to_page
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed, link_problem
from participatie.extensions import db
from participatie.plainlanguage import check_text


def _action_form(conversation, formdata=True) -> ActionForm:
    form = ActionForm() if formdata else ActionForm(formdata=None)
    form.idea_id.choices = [(i.id, i.title) for i in conversation.ideas]
    return form


def _report_page(conversation, report_form=None, action_form=None, verdict=None, status=200):
    report_form = report_form or ReportForm(formdata=None, data={"report": conversation.report})
    if verdict is None and conversation.report:
        verdict = check_text(conversation.report)
    return render_template(
        "conversations/report.html", conversation=conversation, report_form=report_form, verdict=verdict,
        action_form=action_form or _action_form(conversation, formdata=False), actions=actions_of(conversation),
    ), status


@bp.route("/conversations/<int:conversation_id>/report", methods=["GET", "POST"])
@login_required
def report(conversation_id: int):
    conversation = load(conversation_id)
    if not rules.can_write_report(current_user, conversation):
        raise NotAllowed("report")
    if request.method == "GET":
        return _report_page(conversation)
    form = ReportForm()
    if form.validate_on_submit():
        try:
            verdict = write_report(current_user, conversation, form.report.data)
        except DomainValidationError as exc:
            field_error(form, exc)
        else:
            flash(_("The report is online. Now add the actions: what, who, by when."), "ok")
            return _report_page(conversation, verdict=verdict)
    return _report_page(conversation, report_form=form, status=422)


@bp.post("/conversations/<int:conversation_id>/actions")
@login_required
def new_action(conversation_id: int):
    conversation = load(conversation_id)
    if not rules.can_add_action(current_user, conversation):
        raise NotAllowed("add action")
    form = _action_form(conversation)
    if form.validate_on_submit():
        try:
            add_action(current_user, conversation, idea_id=form.idea_id.data, what=form.what.data,
                       owner_kind=form.owner_kind.data, owner=form.owner.data or "", due_on=form.due_on.data)
        except DomainValidationError as exc:
            field_error(form, exc)
        else:
            flash(_("The action is added. It shows on the timeline of the idea."), "ok")
            return to_page(conversation, "acties")
    return _report_page(conversation, action_form=form, status=422)


@bp.post("/actions/<int:action_id>/status")
@login_required
def action_status(action_id: int):
    item = db.get_or_404(ActionItem, action_id)
    if not rules.can_update_action(current_user, item):
        raise NotAllowed("action status")
    form = ActionStatusForm()
    if form.validate_on_submit():
        try:
            set_action_status(current_user, item, form.status.data, form.reason.data or "")
        except DomainValidationError as exc:
            flash(exc.message, "error")
        except InvalidTransition:
            flash(_("This status change is not possible now."), "error")
        else:
            flash(_("The status of the action is changed. It shows on the timeline of the idea."), "ok")
    return to_page(item.conversation, f"actie-{item.id}")


@bp.post("/conversations/<int:conversation_id>/feedback")
@login_required
def feedback(conversation_id: int):
    conversation = load(conversation_id)
    if not after_services.may_give_feedback(current_user, conversation):
        raise NotAllowed("feedback")
    form = FeedbackForm()
    if form.validate_on_submit():
        give_feedback(conversation, form.rating.data, form.input_used.data, form.text.data or "", user=current_user,
                      quote_ok=form.quote_ok.data)
        flash(_("Thank you for your answer."), "ok")
    else:
        flash(_("Choose an answer."), "error")
    return to_page(conversation, "terugblik")


def _by_link(data) -> tuple[Conversation, User | None, Rsvp | None]:
    conversation = db.session.get(Conversation, data.get("c"))
    user = db.session.get(User, data["u"]) if data.get("u") else None
    guest = db.session.get(Rsvp, data["r"]) if data.get("r") else None
    if conversation is None or (user is None and guest is None):
        abort(400)
    return conversation, user, guest


@bp.route("/conversations/feedback/<token>", methods=["GET", "POST"])
def feedback_by_link(token: str):
    """One click in the mail records how it was; the page asks the second question and a line."""
    try:
        data = links.read_feedback(token)
    except LinkError as exc:
        return link_problem(exc.expired)
    conversation, user, guest = _by_link(data)
    form = FeedbackForm(data={"rating": data.get("g")})
    rating = form.rating.data if request.method == "POST" and form.validate() else data.get("g")
    posted = request.method == "POST"
    give_feedback(conversation, rating, form.input_used.data if posted else None,
                  form.text.data or "" if posted else "", user=user, rsvp=guest, via_link=True,
                  quote_ok=form.quote_ok.data if posted else None)
    return render_template("conversations/feedback_thanks.html", conversation=conversation, form=form, token=token,
                           saved=request.method == "POST")
