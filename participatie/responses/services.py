"""The municipality's side of the loop: thresholds, claims, answers, status changes.

Every change appends a public IdeaEvent, notifies the followers, and commits once.
"""

from datetime import date

from blinker import Namespace

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
from participatie.ideas import workflow
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import WORKING, EventKind, IdeaStatus
from participatie.ideas.workflow import Notice
from participatie.notifications.services import notify
from participatie.plainlanguage.gate import NeedsPlainLanguage, overrides_checker  # noqa: F401 (views catch it here)
from participatie.responses import followups  # noqa: F401 (connects its workflow receivers)
from participatie.responses import rules
from participatie.responses.models import Voorgesprek

S = IdeaStatus

# Asked by the "kan niet" rule: does something else count as a voorgesprek for this idea? A receiver
# (departments/services.py: a department's recorded answer) returns True when it does.
voorgesprek_sources = Namespace().signal("voorgesprek-sources")


class CaseloadExceeded(Exception):
    def __init__(self, open_claims: int, limit: int):
        super().__init__(f"{open_claims} open claims, limit {limit}")
        self.open_claims, self.limit = open_claims, limit



def _public(message: str, **variables) -> str:
    """System-written timeline text: always in the site's default language (the public record)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _(message, **variables)


def _require(text: str, field: str, message: str) -> str:
    if not (text or "").strip():
        raise DomainValidationError(message, field=field)
    return text.strip()


def _link(idea) -> str:
    return url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn")


def set_wijk_terms(actor: User, wijk, *, support_threshold: int, response_term_days: int) -> None:
    """Admins set how much support a wijk's ideas need and how long the city has to answer."""
    if not rules.can_manage_wijken(actor):
        raise NotAllowed("wijk terms")
    wijk.support_threshold, wijk.response_term_days = support_threshold, response_term_days  # required_support
    db.session.commit()


# --- threshold and endorsement -------------------------------------------------------------

def check_threshold(idea: Idea, now=None) -> bool:
    """Move an open idea to 'awaiting response' once its support reaches the wijk's threshold."""
    now = now or utcnow()
    if idea.status != S.OPEN or not idea.has_enough_support:
        return False
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = _("%(num)d people support this idea. The city responds before %(date)s.",
                 num=idea.supporter_total, date=_day(add_working_days(now, idea.wijk.response_term_days)))
    workflow.move(idea, S.AWAITING_RESPONSE, None, text, kind=EventKind.THRESHOLD, now=now, notice=Notice(
        _l("Enough support for “%(title)s”", title=idea.title), _l("The idea has enough support. The city will respond.")))
    return True


def endorse(makelaar: User, idea: Idea, message: str, now=None) -> IdeaEvent:
    if not rules.can_endorse(makelaar, idea):
        raise NotAllowed("endorse")
    message = _require(message, "message", _("Write why you put this idea forward."))
    now = now or utcnow()
    idea.endorsed_by, idea.endorsed_at = makelaar, now
    event = workflow.move(idea, S.AWAITING_RESPONSE, makelaar, message, kind=EventKind.ENDORSED, now=now,
                          notice=Notice(_l("“%(title)s” is put forward", title=idea.title), message))
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
    notice = become_contact(ambassador, idea, message, now)
    if idea.status in (S.OPEN, S.AWAITING_RESPONSE):
        event = workflow.move(idea, S.IN_PROGRESS, ambassador, message, kind=EventKind.CLAIM, now=now, notice=notice)
    else:
        idea.update_due_at = workflow.next_update_due(now) if idea.status in WORKING else None
        event = workflow.record(idea, EventKind.CLAIM, ambassador, message, notice=notice)
    db.session.commit()
    return event


def become_contact(ambassador: User, idea: Idea, message: str, now) -> Notice:
    """The ambassador is the idea's one named contact from now on (by a claim, or by planning a
    stadsgesprek for an idea nobody held). Returns the notice for the people who follow it."""
    idea.ambassador, idea.claimed_at = ambassador, now
    return Notice(_l("%(name)s is your contact for “%(title)s”", name=ambassador.display_name, title=idea.title),
                  message)


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
    event = workflow.record(idea, EventKind.HANDOVER, actor, public, internal_note=reason,
                            notice=Notice(_l("New contact for “%(title)s”", title=idea.title), public))
    notify([to], kind="handover_to_you", idea=idea, event=event, link=_link(idea),
           subject=_l("You are now the contact for “%(title)s”", title=idea.title), body=reason)
    db.session.commit()
    return event


def release(ambassador: User, idea: Idea, message: str) -> IdeaEvent:
    if not rules.can_manage(ambassador, idea):
        raise NotAllowed("release")
    message = _require(message, "message", _("Write a short public message to the resident."))
    idea.ambassador, idea.claimed_at = None, None
    event = workflow.record(idea, EventKind.RELEASE, ambassador, message,
                            notice=Notice(_l("No contact for “%(title)s” for now", title=idea.title), message))
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
    workflow.record(idea, EventKind.VOORGESPREK, ambassador, public, internal_note=internal_note)
    db.session.commit()
    return talk


def had_voorgesprek(idea: Idea) -> bool:
    """The one question the "kan niet" rule asks: a recorded talk, or a department's recorded answer."""
    talks = select(func.count(Voorgesprek.id)).where(Voorgesprek.idea_id == idea.id)
    if db.session.scalar(talks):
        return True
    return any(result for _receiver, result in voorgesprek_sources.send(idea))


def _check_plain(actor, idea, text: str, confirmed: bool) -> None:
    if overrides_checker(text, confirmed):
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
    if idea.status in WORKING:
        idea.update_due_at = workflow.next_update_due(now)
    event = workflow.record(idea, EventKind.ANSWER, ambassador, text, notice=_answer_notice(idea, text))
    db.session.commit()
    return event


def _answer_notice(idea, text: str) -> Notice:
    """The app shows the answer; the mail also asks "was this an answer?" with links to the new event."""
    from participatie.responses.feedback import feedback_mail_body

    return Notice(_l("The city answered on “%(title)s”", title=idea.title), body=text,
                  mail_of_event=feedback_mail_body)


def post_progress(ambassador: User, idea: Idea, text: str, now=None) -> IdeaEvent:
    """An update while working on it; 'no news yet, still working on it' is a valid update."""
    if not rules.can_manage(ambassador, idea):
        raise NotAllowed("progress")
    text = _require(text, "text", _("Write a short update. “No news yet, still working on it” is fine."))
    now = now or utcnow()
    idea.update_due_at = workflow.next_update_due(now) if idea.status in WORKING else None
    event = workflow.record(idea, EventKind.PROGRESS, ambassador, text,
                            notice=Notice(_l("News about “%(title)s”", title=idea.title), text))
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
        if not had_voorgesprek(idea):
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
        text = _decision_text(outcome, message, reason, alternative, next_step, next_date)
    now = now or utcnow()
    event = workflow.move(idea, new, actor, text, outcome=outcome if new == S.DECIDED else None, now=now,
                          notice=Notice(_l("“%(title)s”: %(status)s", title=idea.title, status=new.label), text))
    db.session.commit()  # moving to 'done' asks "opgelost?" (followups listens to idea_moved)
    return event
