"""Plan a stadsgesprek (or propose one), confirm a proposal, cancel."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.conversations import rules, venues
from participatie.conversations.models import Conversation, ConversationIdea
from participatie.conversations.services import notices
from participatie.conversations.services.common import _t, leave_conversation_planned, link, require
from participatie.conversations.status import ConversationStatus, can_transition
from participatie.conversations.timefmt import to_utc, when_in_words
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import workflow
from participatie.ideas.models import Idea
from participatie.ideas.status import EventKind, IdeaStatus
from participatie.ideas.workflow import Notice
from participatie.notifications.services import notify
from participatie.responses import rules as responses_rules
from participatie.responses import services as responses

C = ConversationStatus
S = IdeaStatus


@dataclass
class ConversationInput:
    """What the organiser fills in. Day and times are local (Europe/Amsterdam)."""

    title: str
    day: date | None
    start: time | None
    end: time | None
    venue: str
    capacity: int | None
    idea_ids: list[int] = field(default_factory=list)
    wijk_slug: str | None = None
    agenda: str = ""
    invited: str = ""
    step_free: bool = False
    hearing_loop: bool = False
    childcare: bool = False
    language_support: str = ""
    venue_lat: float | None = None
    venue_lng: float | None = None
    venue_entry_id: int | None = None  # a meeting place from the sociale kaart


def _ideas(actor, ids: list[int]) -> list[Idea]:
    if not ids:
        raise DomainValidationError(_("Choose at least one idea."), field="idea_ids")
    found = db.session.scalars(select(Idea).where(Idea.id.in_(ids)).order_by(Idea.id)).all()
    if len(found) != len(set(ids)) or not all(rules.can_link_idea(actor, i) for i in found):
        raise DomainValidationError(
            _("You can only choose ideas that wait for the city or that the city works on."), field="idea_ids")
    return found


def _times(data: ConversationInput, now: datetime, current: Conversation | None) -> tuple[datetime, datetime]:
    """Local day and times -> UTC. A new moment must be in the future; an unchanged one may have passed."""
    if data.day is None or data.start is None or data.end is None:
        raise DomainValidationError(_("Fill in the day, the start time and the end time."), field="day")
    starts_at, ends_at = to_utc(data.day, data.start), to_utc(data.day, data.end)
    if ends_at <= starts_at:
        raise DomainValidationError(_("The end time must be after the start time."), field="end")
    unchanged = current is not None and (current.starts_at, current.ends_at) == (starts_at, ends_at)
    if starts_at <= now and not unchanged:
        raise DomainValidationError(_("Choose a moment in the future."), field="day")
    return starts_at, ends_at


@dataclass
class Place:
    text: str
    lat: float | None
    lng: float | None
    step_free: bool
    entry_id: int | None


def _point(data: ConversationInput) -> tuple[float | None, float | None]:
    if data.venue_lat is None or data.venue_lng is None:
        return None, None
    return data.venue_lat, data.venue_lng


def place_of(data: ConversationInput, current: Conversation | None = None) -> Place:
    """Free text, or a meeting place from the sociale kaart. A newly chosen entry fills in the
    text, its point and step-free access; while it stays chosen, the organiser's own values count."""
    if not data.venue_entry_id:
        text = require(data.venue, "venue", _("Say where the conversation is."))
        return Place(text, *_point(data), data.step_free, None)
    entry = venues.usable(data.venue_entry_id)
    if current is not None and current.venue_entry_id == entry.id:
        return Place(venues.venue_text(entry, data.venue), *_point(data), data.step_free, entry.id)
    typed = data.venue
    if current is not None and (typed or "").strip() == (current.venue or "").strip():
        typed = ""  # the old place left in the form: not an addition to the new one
    text = venues.venue_text(entry, typed, current.venue_entry if current is not None else None)
    lat, lng = (entry.lat, entry.lng) if entry.has_location else _point(data)
    return Place(text, lat, lng, entry.step_free, entry.id)


def apply_details(actor, conversation: Conversation, data: ConversationInput, now: datetime, *,
                  default_wijk, current: Conversation | None = None) -> None:
    """Validate and write everything but the ideas: shared by planning and editing."""
    title = require(data.title, "title", _("Give the conversation a title."))
    if not data.capacity or data.capacity < 1:
        raise DomainValidationError(_("Say how many people can come."), field="capacity")
    starts_at, ends_at = _times(data, now, current)
    wijk = geo.wijk_by_slug(data.wijk_slug) if data.wijk_slug else default_wijk
    if wijk is None or not rules.in_scope(actor, wijk.id):
        raise DomainValidationError(_("Choose a wijk."), field="wijk")
    place = place_of(data, current)
    conversation.title, conversation.wijk = title[:140], wijk
    conversation.starts_at, conversation.ends_at = starts_at, ends_at
    conversation.venue, conversation.venue_entry_id = place.text, place.entry_id
    conversation.venue_lat, conversation.venue_lng, conversation.step_free = place.lat, place.lng, place.step_free
    conversation.hearing_loop, conversation.childcare = data.hearing_loop, data.childcare
    conversation.language_support = (data.language_support or "").strip()[:200]
    conversation.capacity = data.capacity
    conversation.invited, conversation.agenda = (data.invited or "").strip(), (data.agenda or "").strip()


def _build(actor, data: ConversationInput, now: datetime) -> tuple[Conversation, list[Idea]]:
    ideas = _ideas(actor, data.idea_ids)
    conversation = Conversation(created_by=actor, created_at=now)
    apply_details(actor, conversation, data, now, default_wijk=ideas[0].wijk)
    conversation.idea_links = [ConversationIdea(idea_id=i.id) for i in ideas]
    return conversation, ideas


def create_conversation(actor: User, data: ConversationInput, *, now: datetime | None = None) -> Conversation:
    """Ambassadors and admins plan at once; a community broker's conversation is a proposal."""
    if not rules.can_start(actor):
        raise NotAllowed("plan conversation")
    now = now or utcnow()
    conversation, ideas = _build(actor, data, now)
    db.session.add(conversation)
    if rules.can_plan(actor):
        conversation.status, conversation.confirmed_by = C.PLANNED, actor
        db.session.flush()
        _move_ideas(conversation, ideas, actor, now)
    else:
        conversation.status = C.PROPOSED
        db.session.flush()
        _ask_ambassadors(conversation, actor)
    db.session.commit()
    return conversation


def confirm(actor: User, conversation: Conversation, *, now: datetime | None = None) -> Conversation:
    if not rules.can_confirm(actor, conversation):
        raise NotAllowed("confirm conversation")
    now = now or utcnow()
    if conversation.starts_at <= now:
        raise DomainValidationError(_("This conversation is in the past. Plan a new one."))
    _set_status(conversation, C.PLANNED)
    conversation.confirmed_by = actor
    _move_ideas(conversation, conversation.ideas, actor, now)
    if conversation.created_by is not None:
        notify([conversation.created_by], kind="conversation_confirmed", link=link(conversation), exclude=actor,
               subject=_l("Your proposal “%(title)s” is confirmed", title=conversation.title),
               body=_l("%(name)s confirmed the city conversation. The followers of the ideas are invited.",
                       name=actor.display_name))
    db.session.commit()
    return conversation


def _set_status(conversation: Conversation, new: ConversationStatus) -> None:
    if not can_transition(conversation.status, new):
        raise InvalidTransition(f"{conversation.status} -> {new}")
    conversation.status = new


def _move_ideas(conversation: Conversation, ideas: list[Idea], actor: User, now: datetime) -> None:
    """Every linked idea moves to 'conversation planned' with a public message; followers are invited."""
    when = _when_public(conversation)
    text = _t("We talk about this idea in a city conversation: “%(title)s”, %(when)s, %(venue)s. "
                  "Everyone is welcome. Sign up on the page of the conversation.",
                  title=conversation.title, when=when, venue=conversation.venue)
    for idea in ideas:
        if idea.status == S.AWAITING_RESPONSE:  # the city picks it up: planning the conversation is the first step
            _pick_up(idea, actor, now)
        notice = Notice(_l("Invitation: city conversation about “%(title)s”", title=idea.title),
                        lambda user: notices.invitation_body(conversation), link=link(conversation),
                        kind="conversation_invite")
        workflow.move(idea, S.CONVERSATION_PLANNED, actor, text, notice=notice, now=now)


def _pick_up(idea: Idea, actor: User, now: datetime) -> None:
    """An ambassador who plans a stadsgesprek for an idea nobody holds becomes its named contact, as
    with a claim; an admin's plan picks it up without a name (an ambassador can still claim it)."""
    if responses_rules.can_claim(actor, idea):  # the claim's own rule: an ambassador, nobody holds it yet
        text = (_t("%(name)s (%(department)s) is the contact for this idea. A city conversation is planned.",
                   name=actor.display_name, department=actor.department) if actor.department else
                _t("%(name)s is the contact for this idea. A city conversation is planned.", name=actor.display_name))
        notice = responses.become_contact(actor, idea, text, now)
        workflow.move(idea, S.IN_PROGRESS, actor, text, kind=EventKind.CLAIM, notice=notice, now=now)
        return
    workflow.move(idea, S.IN_PROGRESS, actor, _t("The city picks up this idea: a city conversation is planned."),
                  now=now)


def _when_public(conversation: Conversation) -> str:
    from flask_babel import force_locale

    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return when_in_words(conversation.starts_at, conversation.ends_at)


def _ask_ambassadors(conversation: Conversation, broker: User) -> None:
    ambassadors = db.session.scalars(select(User).where(User.role == Role.AMBASSADOR).order_by(User.id)).all()
    notify(ambassadors, kind="conversation_proposed", link=link(conversation), exclude=broker,
           subject=_l("Proposal for a city conversation: “%(title)s”", title=conversation.title),
           body=_l("%(name)s proposes a city conversation. An ambassador confirms it.", name=broker.display_name))


def cancel(actor: User, conversation: Conversation, reason: str, *, now: datetime | None = None) -> Conversation:
    """Cancel with a public reason. Ideas go back to 'the city works on it'; people who signed up hear it."""
    if not rules.can_cancel(actor, conversation):
        raise NotAllowed("cancel conversation")
    reason = require(reason, "reason", _("Write why the conversation does not go ahead."))
    was_planned = conversation.status == C.PLANNED
    _set_status(conversation, C.CANCELLED)
    conversation.cancel_reason = reason
    conversation.calendar_sequence += 1
    if was_planned:
        now = now or utcnow()
        text = _t("The city conversation “%(title)s” does not go ahead.", title=conversation.title) + " " + reason
        notice = Notice(_l("The city conversation is cancelled"), text, link=link(conversation))
        for idea in conversation.ideas:
            if idea.status == S.CONVERSATION_PLANNED:
                leave_conversation_planned(idea, conversation, actor, text, EventKind.STATUS_CHANGE, notice, now)
        notices.tell_signed_up(conversation, _l("The city conversation “%(title)s” is cancelled",
                                                title=conversation.title), reason)
    db.session.commit()
    return conversation


