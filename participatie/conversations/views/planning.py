"""Plan (or propose) a conversation, confirm a proposal, cancel; the organisers' attendee list."""

from flask import flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from participatie.conversations import rules, venues
from participatie.conversations.forms import CancelForm, ConversationForm
from participatie.conversations.services import (
    attendees,
    cancel,
    confirm,
    create_conversation,
    waiting_list,
)
from participatie.conversations.services.planning import ConversationInput
from participatie.conversations.views import bp
from participatie.conversations.views.common import field_error, load, to_page
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea


def _candidates(user, wijk_slug: str | None) -> list[Idea]:
    """Ideas the user may put on the agenda, the most supported of each wijk first."""
    query = (select(Idea).join(Wijk).where(Idea.status.in_(list(rules.PLANNABLE)), Idea.hidden.is_(False))
             .order_by(Wijk.name, Idea.supporter_total.desc(), Idea.id))
    wijk = geo.wijk_by_slug(wijk_slug) if wijk_slug else None
    if wijk is not None:
        query = query.where(Idea.wijk_id == wijk.id)
    return [i for i in db.session.scalars(query.limit(200)).all() if rules.can_link_idea(user, i)]


def venue_choices(user, *, only_wijk=None, first_wijk_id: int | None = None) -> dict:
    """Meeting places of the sociale kaart, one <optgroup> per wijk: only the chosen wijk when
    there is one, else the wijken the user plans for (the conversation's own wijk first)."""
    if only_wijk is not None:
        wijk_ids = [only_wijk.id]
    else:
        wijk_ids = None if rules.can_plan(user) else [w.id for w in user.wijken]
    entries = sorted(venues.meeting_places(wijk_ids), key=lambda e: e.wijk_id != first_wijk_id)
    groups: dict = {None: [("", _("None: I type the place myself"))]}
    for entry in entries:
        groups.setdefault(entry.wijk.name, []).append((str(entry.id), venues.label(entry)))
    return groups


def fill_choices(form, user, *, only_wijk=None, first_wijk_id: int | None = None):
    wijken = [w for w in geo.all_wijken() if rules.in_scope(user, w.id)]
    form.wijk.choices = [("", _("The wijk of the first idea"))] + [(w.slug, w.name) for w in wijken]
    form.venue_entry.choices = venue_choices(user, only_wijk=only_wijk, first_wijk_id=first_wijk_id)
    return form


def _form(user) -> ConversationForm:
    form = ConversationForm()
    wijk_slug = request.args.get("wijk")
    ideas = _candidates(user, wijk_slug)
    form.idea_ids.choices = [(i.id, f"{i.title} ({i.wijk.name}, {i.supporter_total})") for i in ideas]
    fill_choices(form, user, only_wijk=geo.wijk_by_slug(wijk_slug) if wijk_slug else None)
    if request.method == "GET" and request.args.getlist("idea"):
        form.idea_ids.data = [int(i) for i in request.args.getlist("idea") if i.isdigit()]
    return form


def details_input(form, idea_ids: list[int]) -> ConversationInput:
    entry = form.venue_entry.data or ""
    return ConversationInput(
        title=form.title.data, day=form.day.data, start=form.start.data, end=form.end.data,
        venue=form.venue.data or "", capacity=form.capacity.data, idea_ids=idea_ids,
        wijk_slug=form.wijk.data or None, agenda=form.agenda.data or "", invited=form.invited.data or "",
        step_free=form.step_free.data, hearing_loop=form.hearing_loop.data, childcare=form.childcare.data,
        language_support=form.language_support.data or "", venue_lat=form.venue_lat.data,
        venue_lng=form.venue_lng.data, venue_entry_id=int(entry) if entry.isdigit() else None)


@bp.route("/conversations/new", methods=["GET", "POST"])
@login_required
def new():
    if not rules.can_start(current_user):
        raise NotAllowed("plan conversation")
    form = _form(current_user)
    if form.validate_on_submit():
        try:
            conversation = create_conversation(current_user, details_input(form, form.idea_ids.data or []))
        except DomainValidationError as exc:
            field_error(form, exc)
        else:
            flash(_("The conversation is planned. The followers of the ideas are invited.")
                  if conversation.status == "planned" else
                  _("Your proposal is sent. An ambassador confirms it."), "ok")
            return to_page(conversation)
    return render_template("conversations/form.html", form=form, conversation=None), 422 if form.errors else 200


@bp.post("/conversations/<int:conversation_id>/confirm")
@login_required
def confirm_proposal(conversation_id: int):
    conversation = load(conversation_id)
    if not rules.can_confirm(current_user, conversation):
        raise NotAllowed("confirm")
    try:
        confirm(current_user, conversation)
    except (DomainValidationError, InvalidTransition) as exc:
        flash(getattr(exc, "message", _("This is not possible now.")), "error")
    else:
        flash(_("The conversation is confirmed. The followers of the ideas are invited."), "ok")
    return to_page(conversation)


@bp.route("/conversations/<int:conversation_id>/cancel", methods=["GET", "POST"])
@login_required
def cancel_conversation(conversation_id: int):
    conversation = load(conversation_id)
    if not rules.can_cancel(current_user, conversation):
        raise NotAllowed("cancel")
    form = CancelForm()
    if form.validate_on_submit():
        try:
            cancel(current_user, conversation, form.reason.data)
        except DomainValidationError as exc:
            field_error(form, exc)
        else:
            flash(_("The conversation is cancelled. Everyone who signed up gets a message."), "ok")
            return to_page(conversation)
    return render_template("conversations/cancel.html", conversation=conversation, form=form), \
        422 if form.errors else 200


@bp.get("/conversations/<int:conversation_id>/attendees")
@login_required
def attendee_list(conversation_id: int):
    conversation = load(conversation_id)
    if not rules.can_see_attendees(current_user, conversation):
        raise NotAllowed("attendees")
    response = render_template("conversations/attendees.html", conversation=conversation,
                               attendees=attendees(conversation), waiting=waiting_list(conversation))
    return response, 200, {"Cache-Control": "private, no-store"}


