"""The idea workflow in one room: every status change and every timeline line goes through here.

`move()` checks the transition against `status.py`, refuses it without a public message, sets the
status and the terms that follow from it (answer due, next update due, closed at), appends the
`IdeaEvent` and announces it on the `idea_moved` signal. `record()` appends a timeline line that
is not a status change (an update, a claim, a voorgesprek, a link, paper supports …) and
announces it on `event_recorded`. Nothing else assigns `Idea.status` or builds an `IdeaEvent`
(tests/ideas/test_workflow.py greps for it).

Both take an optional `Notice`: what the followers are told. Subscribers, all in the caller's
transaction (nothing here commits): notifications tells the followers the notice;
responses.followups asks the initiator "opgelost?" when an idea becomes done.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from blinker import Namespace
from flask import current_app
from flask_babel import gettext as _

from participatie.clock import add_working_days, utcnow
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import WORKING, EventKind, IdeaStatus, Outcome, can_transition
from participatie.web.errors import DomainValidationError, InvalidTransition
from participatie.web.i18n import writer_language

signals = Namespace()
# sender: the idea; keyword arguments: event, old, new, actor, notice
idea_moved = signals.signal("idea-moved")
# sender: the idea; keyword arguments: event, actor, notice
event_recorded = signals.signal("idea-event-recorded")


@dataclass
class Notice:
    """What the idea's followers hear about an event (subject and body: text, lazy text or a
    function of the user). `kind` defaults to the event's kind; `link` to the idea's timeline.
    `body` is what the app shows (plain words, no links); `mail_of_event`, when given, writes the
    e-mail instead, which is where signed one-click links belong."""

    subject: object
    body: object = ""
    link: str | None = None
    kind: str | None = None
    mail_of_event: Callable | None = None  # (user, event) -> e-mail text, when it needs the new event

    def mail_body_for(self, event: IdeaEvent):
        if self.mail_of_event is None:
            return None
        return lambda user: self.mail_of_event(user, event)


def move(idea: Idea, to: IdeaStatus, actor, public_text: str, *, kind: EventKind = EventKind.STATUS_CHANGE,
         outcome: Outcome | None = None, internal_note: str = "", notice: Notice | None = None,
         now: datetime | None = None, lang: str | None = None) -> IdeaEvent:
    """Move the idea to `to`; refused (InvalidTransition) when status.py does not allow it and
    (DomainValidationError) without a public message."""
    to, text = IdeaStatus(to), (public_text or "").strip()
    if not text:
        raise DomainValidationError(_("Write a public message about this change."), field="message")
    old = idea.status
    if not can_transition(old, to):
        raise InvalidTransition(f"{old} -> {to}")
    now = now or utcnow()
    idea.status = to
    _set_terms(idea, to, outcome, now)
    event = _append(idea, EventKind(kind), actor, text, old=old, new=to, internal_note=internal_note,
                    created_at=now, lang=lang)
    idea_moved.send(idea, event=event, old=old, new=to, actor=actor, notice=notice)
    return event


def _set_terms(idea: Idea, to: IdeaStatus, outcome: Outcome | None, now: datetime) -> None:
    if outcome is not None:
        idea.outcome = Outcome(outcome)
    if to == IdeaStatus.AWAITING_RESPONSE:
        idea.response_due_at = add_working_days(now, idea.wijk.response_term_days)
    idea.update_due_at = next_update_due(now) if to in WORKING else None
    if to == IdeaStatus.CLOSED:
        idea.closed_at = now


def next_update_due(now: datetime) -> datetime:
    """While the city works on an idea, the next public update is due by this moment."""
    return add_working_days(now, current_app.config["UPDATE_INTERVAL_WORKING_DAYS"])


def record(idea: Idea, kind: EventKind, actor, public_text: str = "", *, internal_note: str = "",
           created_at: datetime | None = None, notice: Notice | None = None, lang: str | None = None) -> IdeaEvent:
    """A timeline line that does not change the status."""
    event = _append(idea, EventKind(kind), actor, (public_text or "").strip(), internal_note=internal_note,
                    created_at=created_at, lang=lang)
    event_recorded.send(idea, event=event, actor=actor, notice=notice)
    return event


def _append(idea, kind, actor, text, *, old=None, new=None, internal_note="", created_at=None,
            lang=None) -> IdeaEvent:
    """`lang`: the language of `text` when the caller knows it better than the writer's interface
    language right now (e.g. a resident's words inside a Dutch line)."""
    event = IdeaEvent(idea_id=idea.id, actor=actor, kind=kind, public_text=text, old_status=old,
                      new_status=new, internal_note=(internal_note or "").strip(),
                      lang=(lang or writer_language()) if text else None)
    if created_at is not None:
        event.created_at = created_at
    db.session.add(event)
    db.session.flush()
    return event

