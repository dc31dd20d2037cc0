"""Change a conversation's details, and its short B1 summary."""

from flask import flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.conversations import rules
from participatie.conversations.forms import ConversationDetailsForm, SummaryForm
from participatie.conversations.services import set_summary, update_conversation
from participatie.conversations.timefmt import local
from participatie.conversations.views import bp
from participatie.conversations.views.common import field_error, load, to_page
from participatie.conversations.views.planning import details_input, fill_choices
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.ideas.services import SUMMARY_MAX_WORDS


def _current_values(conversation) -> dict:
    """The form filled with what is saved now (times in Dutch time)."""
    starts, ends = local(conversation.starts_at), local(conversation.ends_at)
    return {
        "title": conversation.title, "wijk": conversation.wijk.slug, "day": starts.date(),
        "start": starts.time().replace(tzinfo=None), "end": ends.time().replace(tzinfo=None),
        "venue_entry": str(conversation.venue_entry_id or ""), "venue": conversation.venue,
        "venue_lat": conversation.venue_lat, "venue_lng": conversation.venue_lng, "capacity": conversation.capacity,
        "step_free": conversation.step_free, "hearing_loop": conversation.hearing_loop,
        "childcare": conversation.childcare, "language_support": conversation.language_support,
        "invited": conversation.invited, "agenda": conversation.agenda,
    }


@bp.route("/conversations/<int:conversation_id>/edit", methods=["GET", "POST"])
@login_required
def edit(conversation_id: int):
    conversation = load(conversation_id)
    if not rules.can_edit(current_user, conversation):
        raise NotAllowed("edit conversation")
    form = ConversationDetailsForm(data=None if request.method == "POST" else _current_values(conversation))
    fill_choices(form, current_user, first_wijk_id=conversation.wijk_id)
    if form.validate_on_submit():
        try:
            update_conversation(current_user, conversation, details_input(form, []))
        except DomainValidationError as exc:
            field_error(form, exc)
        else:
            flash(_("The changes are saved. If the time or the place changed, everyone who signed up "
                    "gets a message."), "ok")
            return to_page(conversation)
    return render_template("conversations/form.html", form=form, conversation=conversation), \
        422 if form.errors else 200


@bp.route("/conversations/<int:conversation_id>/summary", methods=["GET", "POST"])
@login_required
def summary(conversation_id: int):
    """The short B1 summary, with live feedback while typing (and a preview step without JS)."""
    conversation = load(conversation_id)
    if not rules.can_edit_summary(current_user, conversation):
        raise NotAllowed("edit summary")
    form = SummaryForm(data=None if request.method == "POST" else {"summary": conversation.summary or ""})
    if form.validate_on_submit():
        try:
            report = set_summary(current_user, conversation, form.summary.data or "")
        except DomainValidationError as exc:
            field_error(form, exc)
        else:
            flash(_("The summary is saved. Readability: %(verdict)s.", verdict=report.verdict_label()), "ok")
            return to_page(conversation, "samenvatting")
    return render_template("conversations/summary.html", conversation=conversation, form=form,
                           max_words=SUMMARY_MAX_WORDS), 422 if form.errors else 200
