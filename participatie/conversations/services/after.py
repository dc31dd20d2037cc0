"""After the conversation: the report, action items on the ideas' timelines, and feedback."""

from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie.clock import utcnow
from participatie.conversations import rules
from participatie.conversations.models import ActionItem, Conversation, ConversationFeedback, Rsvp
from participatie.conversations.services.common import _t, leave_conversation_planned, link, require
from participatie.conversations.status import (
    UNFINISHED,
    ActionStatus,
    ConversationStatus,
    InputUsed,
    OwnerKind,
    Rating,
    can_move_action,
)
from participatie.conversations.timefmt import today_local
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed
from participatie.web.i18n import writer_language
from participatie.extensions import db
from participatie.ideas.models import Follow
from participatie.ideas.services import is_following
from participatie.ideas import workflow
from participatie.ideas.status import EventKind
from participatie.ideas.workflow import Notice
from participatie.plainlanguage import check_text

C = ConversationStatus


def write_report(actor, conversation: Conversation, text: str, *, now: datetime | None = None):
    """Post (or correct) the report. The plain-language check advises; it never blocks.
    Returns the checker's report, for the page to show."""
    now = now or utcnow()
    if not rules.can_write_report(actor, conversation, now):
        raise NotAllowed("report")
    text = require(text, "report", _("Write a short report."))
    verdict = check_text(text)
    conversation.report, conversation.report_verdict = text, verdict.verdict
    first_time = conversation.status == C.PLANNED
    if first_time:
        conversation.status, conversation.report_posted_at = C.HELD, now
        message = _t("The city conversation “%(title)s” took place. The report and the actions are on "
                         "the page of the conversation.", title=conversation.title)
        for idea in conversation.ideas:
            notice = Notice(_l("Report of the city conversation about “%(title)s”", title=idea.title), message,
                            link=link(conversation))
            leave_conversation_planned(idea, conversation, actor, message, EventKind.CONVERSATION_HELD, notice, now)
    db.session.commit()
    return verdict


def _owner(actor, idea, kind: OwnerKind, owner: str) -> tuple[str, object]:
    owner = (owner or "").strip()[:120]
    if kind == OwnerKind.AMBASSADOR:
        person = idea.ambassador or actor
        return owner or person.display_name, person if not owner else None
    if kind == OwnerKind.INITIATOR:
        return owner or (idea.author.display_name if idea.author else ""), idea.author if not owner else None
    if kind == OwnerKind.DEPARTMENT:
        return require(owner, "owner", _("Fill in which department.")), None
    return owner, None


def add_action(actor, conversation: Conversation, *, idea_id: int, what: str, owner_kind: str, owner: str = "",
               due_on: date | None, now: datetime | None = None) -> ActionItem:
    if not rules.can_add_action(actor, conversation):
        raise NotAllowed("add action")
    idea = next((i for i in conversation.ideas if i.id == idea_id), None)
    if idea is None:
        raise DomainValidationError(_("Choose one of the ideas of this conversation."), field="idea_id")
    what = require(what, "what", _("Write what will happen."))
    if owner_kind not in {k.value for k in OwnerKind}:
        raise DomainValidationError(_("Choose who does it."), field="owner_kind")
    if due_on is None:
        raise DomainValidationError(_("Choose a date."), field="due_on")
    kind = OwnerKind(owner_kind)
    owner_text, owner_user = _owner(actor, idea, kind, owner)
    now = now or utcnow()
    item = ActionItem(conversation=conversation, idea=idea, what=what, owner_kind=kind, owner=owner_text,
                      owner_user=owner_user, due_on=due_on, created_at=now, updated_at=now)
    db.session.add(item)
    text = _t("New action after the city conversation: %(what)s Who: %(who)s. By: %(date)s.",
                  what=_sentence(what), who=item.who, date=_day(due_on))
    workflow.record(idea, EventKind.ACTION, actor, text, created_at=now, notice=Notice(
        _l("New action for “%(title)s”", title=idea.title), text, link=link(conversation, _anchor="acties")))
    db.session.commit()
    return item


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _day(value: date) -> str:
    from flask import current_app
    from flask_babel import force_locale

    from participatie.web.i18n import human_date

    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return human_date(value)


def set_action_status(actor, item: ActionItem, new_status: str, reason: str = "", *,
                      now: datetime | None = None) -> ActionItem:
    """Every change shows on the idea's timeline; dropping an action needs a reason."""
    if not rules.can_update_action(actor, item):
        raise NotAllowed("action status")
    if new_status not in {s.value for s in ActionStatus}:
        raise DomainValidationError(_("Choose a status."), field="status")
    new = ActionStatus(new_status)
    if not can_move_action(item.status, new):
        raise InvalidTransition(f"{item.status} -> {new}")
    reason = (reason or "").strip()
    if new == ActionStatus.VERVALLEN:
        require(reason, "reason", _("Say why this action is dropped."))
    now = now or utcnow()
    item.status, item.reason, item.updated_at = new, reason if new == ActionStatus.VERVALLEN else "", now
    text = _t("Action “%(what)s”: %(status)s.", what=item.what.rstrip("."), status=_status_word(new))
    if reason:
        text += " " + reason
    workflow.record(item.idea, EventKind.ACTION, actor, text, created_at=now, notice=Notice(
        _l("Action for “%(title)s”: %(status)s", title=item.idea.title, status=new.label), text,
        link=link(item.conversation, _anchor="acties")))
    db.session.commit()
    return item


def _status_word(status: ActionStatus) -> str:
    from flask import current_app
    from flask_babel import force_locale

    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return str(status.label).lower()


def overdue_actions(now: datetime | None = None, *, wijk_id: int | None = None, limit: int = 50) -> list[ActionItem]:
    """Unfinished actions whose date has passed (in Amsterdam), oldest date first."""
    query = (select(ActionItem).join(Conversation)
             .where(ActionItem.status.in_(list(UNFINISHED)), ActionItem.due_on < today_local(now))
             .order_by(ActionItem.due_on, ActionItem.id))
    if wijk_id:
        query = query.where(Conversation.wijk_id == wijk_id)
    return db.session.scalars(query.limit(limit)).all()


def _attended(conversation: Conversation, user) -> bool:
    query = select(Rsvp.id).where(Rsvp.conversation_id == conversation.id, Rsvp.user_id == user.id,
                                  Rsvp.cancelled_at.is_(None), Rsvp.confirmed_at.is_not(None),
                                  Rsvp.waitlisted.is_(False))
    return db.session.scalar(query) is not None


def may_give_feedback(user, conversation: Conversation) -> bool:
    """After the conversation: those who came and the followers of its ideas."""
    if conversation.status != C.HELD or not (user and user.is_authenticated):
        return False
    return _attended(conversation, user) or any(is_following(user, i) for i in conversation.ideas)


def give_feedback(conversation: Conversation, rating: str, input_used: str | None = None, text: str = "", *,
                  user=None, rsvp: Rsvp | None = None, via_link: bool = False,
                  quote_ok: bool | None = None) -> ConversationFeedback:
    """Record or change one person's feedback. A signed e-mail link counts as being asked."""
    if conversation.status != C.HELD:
        raise NotAllowed("feedback")
    if user is not None and not via_link and not may_give_feedback(user, conversation):
        raise NotAllowed("feedback")
    if user is None and (rsvp is None or rsvp.conversation_id != conversation.id):
        raise NotAllowed("feedback")
    if rating not in {r.value for r in Rating}:
        raise DomainValidationError(_("Choose an answer."), field="rating")
    key = ConversationFeedback.user_id == user.id if user is not None else ConversationFeedback.rsvp_id == rsvp.id
    row = db.session.scalar(select(ConversationFeedback).where(ConversationFeedback.conversation_id == conversation.id,
                                                               key))
    if row is None:
        row = ConversationFeedback(conversation_id=conversation.id, user_id=user.id if user else None,
                                   rsvp_id=None if user else rsvp.id)
        db.session.add(row)
    row.rating = Rating(rating)
    if input_used in {u.value for u in InputUsed}:
        row.input_used = InputUsed(input_used)
    if (text or "").strip():
        row.text, row.lang = text.strip()[:2000], writer_language()
    if quote_ok is not None:
        row.quote_ok = bool(quote_ok)
    db.session.commit()
    return row


def feedback_of(conversation: Conversation) -> list[ConversationFeedback]:
    query = select(ConversationFeedback).where(ConversationFeedback.conversation_id == conversation.id)
    return db.session.scalars(query.order_by(ConversationFeedback.created_at, ConversationFeedback.id)).all()


def feedback_recipients(conversation: Conversation) -> tuple[list, list[Rsvp]]:
    """(users, guest rsvps) to ask afterwards: who came, and who follows one of the ideas."""
    came = db.session.scalars(select(Rsvp).where(
        Rsvp.conversation_id == conversation.id, Rsvp.cancelled_at.is_(None), Rsvp.confirmed_at.is_not(None),
        Rsvp.waitlisted.is_(False))).all()
    idea_ids = [i.id for i in conversation.ideas]
    follows = db.session.scalars(select(Follow).where(Follow.idea_id.in_(idea_ids)).order_by(Follow.id)).all() \
        if idea_ids else []
    users, seen = [], set()
    for person in [r.user for r in came if r.user] + [f.user for f in follows]:
        if person.id not in seen:
            seen.add(person.id)
            users.append(person)
    return users, [r for r in came if r.user is None]


def my_feedback(user, conversation: Conversation) -> ConversationFeedback | None:
    if not (user and user.is_authenticated):
        return None
    return db.session.scalar(select(ConversationFeedback).where(
        ConversationFeedback.conversation_id == conversation.id, ConversationFeedback.user_id == user.id))


def actions_of(conversation: Conversation) -> list[ActionItem]:
    query = select(ActionItem).where(ActionItem.conversation_id == conversation.id)
    return db.session.scalars(query.order_by(ActionItem.due_on, ActionItem.id)).all()


