"""The municipality's side of the loop: thresholds, claims, answers, status changes.

Every change appends a public IdeaEvent, notifies the followers, and commits once.
"""

from datetime import date

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select

from participatie.accounts.models import AuditLog, User
from participatie.accounts.signals import deletion_blockers
from participatie.clock import add_working_days, utcnow
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed
from participatie.extensions import db
from participatie.ideas.models import EventKind, Idea, IdeaEvent
from participatie.ideas.status import IdeaStatus, can_transition
from participatie.notifications.services import notify, notify_followers
from participatie.plainlanguage import TOO_DIFFICULT, check_text
from participatie.responses import rules
from participatie.responses.models import Voorgesprek

S = IdeaStatus
WORKING_STATUSES = frozenset({S.IN_PROGRESS, S.CONVERSATION_PLANNED, S.DECIDED})


class CaseloadExceeded(Exception):
    def __init__(self, open_claims: int, limit: int):
        super().__init__(f"{open_claims} open claims, limit {limit}")
        self.open_claims, self.limit = open_claims, limit


class NeedsPlainLanguage(Exception):
    """The answer reads as 'te moeilijk'; posting needs an explicit 'toch plaatsen'."""

    def __init__(self, report):
        super().__init__("answer too difficult")
        self.report = report


def _public(message: str, **variables) -> str:
    """System-written timeline text: always in the site's default language (the public record)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _(message, **variables)


def _require(text: str, field: str, message: str) -> str:
    if not (text or "").strip():
        raise DomainValidationError(message, field=field)
    return text.strip()


def _event(idea, actor, kind, public_text="", *, old=None, new=None, internal_note="") -> IdeaEvent:
    event = IdeaEvent(idea_id=idea.id, actor=actor, kind=kind, public_text=public_text,
                      old_status=old, new_status=new, internal_note=internal_note)
    db.session.add(event)
    db.session.flush()
    return event


def _link(idea) -> str:
    return url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn")


def _tell_followers(idea, event, actor, subject, body) -> None:
    notify_followers(idea, kind=event.kind, event=event, subject=subject, body=body, link=_link(idea), exclude=actor)


def _set_status(idea, new: IdeaStatus, now) -> IdeaStatus:
    old = idea.status
    if not can_transition(old, new):
        raise InvalidTransition(f"{old} -> {new}")
    idea.status = new
    idea.update_due_at = _next_update_due(now) if new in WORKING_STATUSES else None
    return old


def _next_update_due(now):
    return add_working_days(now, current_app.config["UPDATE_INTERVAL_WORKING_DAYS"])


def _await_response(idea, now) -> IdeaStatus:
    old = _set_status(idea, S.AWAITING_RESPONSE, now)
    idea.response_due_at = add_working_days(now, idea.wijk.response_term_days)
    return old


def set_wijk_terms(actor: User, wijk, *, support_threshold: int, response_term_days: int) -> None:
    """Admins set how much support a wijk's ideas need and how long the city has to answer."""
    if not rules.can_manage_wijken(actor):
        raise NotAllowed("wijk terms")
    wijk.support_threshold, wijk.response_term_days = support_threshold, response_term_days
    db.session.commit()


# --- threshold and endorsement -------------------------------------------------------------

def check_threshold(idea: Idea, now=None) -> bool:
    """Move an open idea to 'awaiting response' once its support reaches the wijk's threshold."""
    now = now or utcnow()
    if idea.status != S.OPEN or idea.threshold_support < idea.wijk.support_threshold:
        return False
    old = _await_response(idea, now)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = _("%(num)d people support this idea. The city responds before %(date)s.",
                 num=idea.threshold_support, date=_day(idea.response_due_at))
    event = _event(idea, None, EventKind.THRESHOLD, text, old=old, new=idea.status)
    _tell_followers(idea, event, None, _l("Enough support for “%(title)s”", title=idea.title),
                    _l("The idea has enough support. The city will respond."))
    return True


def endorse(makelaar: User, idea: Idea, message: str, now=None) -> IdeaEvent:
    if not rules.can_endorse(makelaar, idea):
        raise NotAllowed("endorse")
    message = _require(message, "message", _("Write why you put this idea forward."))
    now = now or utcnow()
    old = _await_response(idea, now)
    idea.endorsed_by, idea.endorsed_at = makelaar, now
    event = _event(idea, makelaar, EventKind.ENDORSED, message, old=old, new=idea.status)
    _tell_followers(idea, event, makelaar, _l("“%(title)s” is put forward", title=idea.title), message)
    db.session.commit()
    return event


def _day(moment) -> str:
    from participatie.web.i18n import human_date

    return human_date(moment)


# --- claims ------------------------------------------------------------------------------

def open_claims(ambassador: User) -> int:
    finished = (S.DONE, S.CLOSED, S.ARCHIVED)
    query = select(func.count(Idea.id)).where(Idea.ambassador_id == ambassador.id, Idea.status.not_in(finished))
    return db.session.scalar(query)


@deletion_blockers.connect
def refuse_while_contact(user: User, **_extra) -> str | None:
    """An ambassador hands over every idea they are still the contact for before the account goes.
    Done ideas count too: the resident may still say "nee, niet opgelost" and reopen them."""
    finished = (S.CLOSED, S.ARCHIVED)
    count = db.session.scalar(select(func.count(Idea.id)).where(Idea.ambassador_id == user.id,
                                                                 Idea.status.not_in(finished))) or 0
    if not count:
        return None
    return ngettext("You are still the contact for %(num)d idea. Hand over your ideas first.",
                    "You are still the contact for %(num)d ideas. Hand over your ideas first.", count)


def claim(ambassador: User, idea: Idea, message: str, *, accept_over_limit=False, now=None) -> IdeaEvent:
    if not rules.can_claim(ambassador, idea):
        raise NotAllowed("claim")
    message = _require(message, "message", _("Write a short public message to the resident."))
    limit = current_app.config["AMBASSADOR_CASELOAD_LIMIT"]
    if open_claims(ambassador) >= limit and not accept_over_limit:
        raise CaseloadExceeded(open_claims(ambassador), limit)
    now = now or utcnow()
    old = idea.status
    if idea.status in (S.OPEN, S.AWAITING_RESPONSE):
        _set_status(idea, S.IN_PROGRESS, now)
    idea.ambassador, idea.claimed_at = ambassador, now
    idea.update_due_at = _next_update_due(now) if idea.status in WORKING_STATUSES else None
    event = _event(idea, ambassador, EventKind.CLAIM, message, old=old, new=idea.status)
    _tell_followers(idea, event, ambassador,
                    _l("%(name)s is your contact for “%(title)s”", name=ambassador.display_name, title=idea.title),
                    message)
    db.session.commit()
    return event


def hand_over(actor: User, idea: Idea, to: User, reason: str, now=None) -> IdeaEvent:
    if not rules.can_manage(actor, idea):
        raise NotAllowed("hand over")
    if not rules.is_ambassador(to) or to.id == idea.ambassador_id:
        raise DomainValidationError(_("Choose another ambassador."), field="to")
    reason = _require(reason, "reason", _("Write why you hand this idea over."))
    now = now or utcnow()
    idea.ambassador, idea.claimed_at = to, now
    idea.handover_count += 1
    public = _public("%(name)s (%(department)s) is now the contact for this idea.",
               name=to.display_name, department=to.department or "")
    event = _event(idea, actor, EventKind.HANDOVER, public, internal_note=reason)
    _tell_followers(idea, event, actor, _l("New contact for “%(title)s”", title=idea.title), public)
    notify([to], kind="handover_to_you", idea=idea, event=event, link=_link(idea),
           subject=_l("You are now the contact for “%(title)s”", title=idea.title), body=reason)
    db.session.commit()
    return event


def release(ambassador: User, idea: Idea, message: str) -> IdeaEvent:
    if not rules.can_manage(ambassador, idea):
        raise NotAllowed("release")
    message = _require(message, "message", _("Write a short public message to the resident."))
    idea.ambassador, idea.claimed_at = None, None
    event = _event(idea, ambassador, EventKind.RELEASE, message)
    _tell_followers(idea, event, ambassador, _l("No contact for “%(title)s” for now", title=idea.title), message)
    db.session.commit()
    return event


# --- voorgesprek, answers and updates ------------------------------------------------------

def record_voorgesprek(ambassador: User, idea: Idea, *, department: str, held_on: date,
                       internal_note: str = "", public_line: str = "") -> Voorgesprek:
    if not rules.can_manage(ambassador, idea):
        raise NotAllowed("voorgesprek")
    department = _require(department, "department", _("Fill in which department or team you asked."))
    talk = Voorgesprek(idea_id=idea.id, ambassador=ambassador, department=department, held_on=held_on,
                       internal_note=internal_note.strip(), public_line=public_line.strip())
    db.session.add(talk)
    public = _public("We asked %(department)s about this idea.", department=department)
    if public_line.strip():
        public += " " + public_line.strip()
    _event(idea, ambassador, EventKind.VOORGESPREK, public, internal_note=internal_note.strip())
    db.session.commit()
    return talk


def _check_plain(actor, idea, text: str, confirmed: bool) -> None:
    report = check_text(text)
    if report.verdict != TOO_DIFFICULT:
        return
    if not confirmed:
        raise NeedsPlainLanguage(report)
    db.session.add(AuditLog(actor=actor, action="b1_override",
                            details=f"idea {idea.id}: posted an answer the checker found too difficult"))


def post_answer(ambassador: User, idea: Idea, text: str, *, confirm_difficult=False, now=None) -> IdeaEvent:
    """A public answer: followers are told and can say whether it answered the question."""
    if not rules.can_manage(ambassador, idea):
        raise NotAllowed("answer")
    text = _require(text, "text", _("Write your answer."))
    _check_plain(ambassador, idea, text, confirm_difficult)
    now = now or utcnow()
    idea.first_answer_at = idea.first_answer_at or now
    if idea.status in WORKING_STATUSES:
        idea.update_due_at = _next_update_due(now)
    event = _event(idea, ambassador, EventKind.ANSWER, text)
    _notify_answer(idea, event, ambassador)
    db.session.commit()
    return event


def _notify_answer(idea, event, ambassador) -> None:
    from participatie.responses.feedback import feedback_mail_body

    notify_followers(idea, kind=EventKind.ANSWER, event=event, link=_link(idea), exclude=ambassador,
                     subject=_l("The city answered on “%(title)s”", title=idea.title), body=event.public_text,
                     mail_body=lambda user: feedback_mail_body(user, event))


def post_progress(ambassador: User, idea: Idea, text: str, now=None) -> IdeaEvent:
    """An update while working on it; 'no news yet, still working on it' is a valid update."""
    if not rules.can_manage(ambassador, idea):
        raise NotAllowed("progress")
    text = _require(text, "text", _("Write a short update. “No news yet, still working on it” is fine."))
    now = now or utcnow()
    idea.update_due_at = _next_update_due(now) if idea.status in WORKING_STATUSES else None
    event = _event(idea, ambassador, EventKind.PROGRESS, text)
    _tell_followers(idea, event, ambassador, _l("News about “%(title)s”", title=idea.title), text)
    db.session.commit()
    return event


# --- status changes --------------------------------------------------------------------------

def _decision_text(outcome, message, reason, alternative, next_step, next_date) -> str:
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _decision_parts(outcome, message, reason, alternative, next_step, next_date)


def _decision_parts(outcome, message, reason, alternative, next_step, next_date) -> str:
    from participatie.ideas.status import Outcome

    parts = [message, _("Decision: %(outcome)s.", outcome=Outcome(outcome).label)]
    if outcome == Outcome.NOT_POSSIBLE:
        parts += [_("Why not: %(reason)s", reason=reason.strip()), _("What is possible: %(alt)s", alt=alternative.strip())]
    else:
        parts += [_("Next step: %(step)s (by %(date)s)", step=next_step.strip(), date=_day(next_date))]
    return "\n".join(parts)


def _validate_decision(idea, outcome, reason, alternative, next_step, next_date) -> None:
    from participatie.ideas.status import Outcome

    if outcome not in {o.value for o in Outcome}:
        raise DomainValidationError(_("Choose a decision."), field="outcome")
    if outcome == Outcome.NOT_POSSIBLE:
        _require(reason, "reason", _("Explain in plain words why it is not possible."))
        _require(alternative, "alternative", _("Say what is possible instead."))
        talks = select(func.count(Voorgesprek.id)).where(Voorgesprek.idea_id == idea.id)
        if not db.session.scalar(talks):
            raise DomainValidationError(
                _("First record a talk with the department concerned (voorgesprek)."), field="outcome")
    else:
        _require(next_step, "next_step", _("Write the next step."))
        if next_date is None:
            raise DomainValidationError(_("Choose a date for the next step."), field="next_date")


def allowed_next(idea: Idea) -> list[IdeaStatus]:
    """Statuses an ambassador may choose now. Closing is the resident's word ("opgelost?"),
    except after a well-explained 'not possible'."""
    from participatie.ideas.status import TRANSITIONS, Outcome

    closable = idea.status == S.DECIDED and idea.outcome == Outcome.NOT_POSSIBLE
    return [s for s in IdeaStatus if s in TRANSITIONS[idea.status] and (s != S.CLOSED or closable)]


def change_status(actor: User, idea: Idea, new_status: str, message: str, *, outcome=None, reason="",
                  alternative="", next_step="", next_date=None, now=None) -> IdeaEvent:
    """Move the workflow. Every change carries a public message; decisions carry their reasons."""
    if not rules.can_manage(actor, idea):
        raise NotAllowed("status")
    new = IdeaStatus(new_status)
    message = _require(message, "message", _("Write a public message about this change."))
    if new not in allowed_next(idea):
        raise InvalidTransition(f"{idea.status} -> {new}")
    text = message
    if new == S.DECIDED:
        _validate_decision(idea, outcome, reason, alternative, next_step, next_date)
        idea.outcome = outcome
        text = _decision_text(outcome, message, reason, alternative, next_step, next_date)
    now = now or utcnow()
    old = _set_status(idea, new, now)
    if new == S.CLOSED:
        idea.closed_at = now
    event = _event(idea, actor, EventKind.STATUS_CHANGE, text, old=old, new=new)
    _tell_followers(idea, event, actor, _l("“%(title)s”: %(status)s", title=idea.title, status=new.label), text)
    if new == S.DONE:
        from participatie.responses.followups import ask_if_solved

        ask_if_solved(idea, now)
    db.session.commit()
    return event
