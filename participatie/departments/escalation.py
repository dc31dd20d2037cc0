"""The escalation ladder: admins set the steps; late cases move one step up (tick or by hand).

Level 0 is the normal route. An idea whose first answer or update is late, or that has a late
department ask, moves to the next step when the current step's working days have passed
(`flask jobs tick`; the unique (idea, step) key makes it once per step, never past the top).
An idea marked "grote impact" starts one step higher. Each step's recipient gets a mail with a
signed link to a one-page summary, where they answer or say who takes it on.
"""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from participatie.accounts.models import User
from participatie.accounts.tokens import LinkError
from participatie.clock import utcnow, working_days_between
from participatie.departments import links, rules
from participatie.departments.models import Department, DepartmentAsk, Escalation, HighImpact, LadderStep
from participatie.departments.services import LINK_DAYS, LinkUsed, _public, _require, _tell_ambassador, late_days
from participatie.extensions import db
from participatie.ideas import workflow
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import EventKind
from participatie.ops.mail.outbox import queue_mail
from participatie.responses.deadlines import deadline_of
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.i18n import human_date


# --- the ladder (admins) -----------------------------------------------------------------------

def ladder() -> list[LadderStep]:
    return list(db.session.scalars(select(LadderStep).order_by(LadderStep.number)))


def add_step(actor: User, *, number: int, name: str, mailbox: str = "", working_days: int = 5) -> LadderStep:
    if not rules.can_manage_departments(actor):
        raise NotAllowed("ladder")
    name = _require(name, "name", _("Fill in who this step is, for example “de teamleider”."))
    if db.session.scalar(select(LadderStep.id).where(LadderStep.number == number)):
        raise DomainValidationError(_("This step number is in use already."), field="number")
    step = LadderStep(number=number, name=name, mailbox=(mailbox or "").strip() or None, working_days=working_days)
    db.session.add(step)
    db.session.commit()
    return step


def remove_step(actor: User, step: LadderStep) -> None:
    if not rules.can_manage_departments(actor):
        raise NotAllowed("ladder")
    db.session.delete(step)
    db.session.commit()


# --- where an idea stands --------------------------------------------------------------------------

def escalations_of(idea_id: int) -> list[Escalation]:
    return list(db.session.scalars(select(Escalation).where(Escalation.idea_id == idea_id)
                                   .order_by(Escalation.step_number)))


def level_of(idea_id: int) -> int:
    return db.session.scalar(select(func.max(Escalation.step_number)).where(Escalation.idea_id == idea_id)) or 0


def is_high_impact(idea_id: int) -> bool:
    return db.session.get(HighImpact, idea_id) is not None


def late_asks(idea_id: int, now: datetime | None = None) -> list[DepartmentAsk]:
    query = select(DepartmentAsk).where(DepartmentAsk.idea_id == idea_id, DepartmentAsk.answered_at.is_(None))
    return [a for a in db.session.scalars(query.order_by(DepartmentAsk.due_at, DepartmentAsk.id)) if late_days(a, now) > 0]


def _open_ask_department(idea_id: int) -> Department | None:
    """The department of the oldest open ask (whom a hand escalation is about), if any."""
    query = select(DepartmentAsk).where(DepartmentAsk.idea_id == idea_id, DepartmentAsk.answered_at.is_(None))
    first = db.session.scalars(query.order_by(DepartmentAsk.due_at, DepartmentAsk.id)).first()
    return first.department if first else None


def what_is_late(idea: Idea, now: datetime | None = None) -> tuple[str, Department | None] | None:
    """("ask", department) for a late department, ("response"/"update", None) for the idea's own term."""
    now = now or utcnow()
    asks = late_asks(idea.id, now)
    if asks:
        return "ask", asks[0].department
    deadline = deadline_of(idea, now)
    if deadline is not None and deadline.late and idea.ambassador_id is not None:
        return deadline.kind, None
    return None


def _next_step(idea: Idea, now: datetime) -> LadderStep | None:
    steps = ladder()
    if not steps:
        return None
    done = escalations_of(idea.id)
    if not done:
        return steps[min(1, len(steps) - 1)] if is_high_impact(idea.id) else steps[0]
    last = done[-1]
    higher = [s for s in steps if s.number > last.step_number]
    if not higher:
        return None  # the top: never past it
    current = next((s for s in steps if s.number == last.step_number), None)
    wait = current.working_days if current else 0
    return higher[0] if working_days_between(last.created_at, now) >= wait else None


# --- moving up -------------------------------------------------------------------------------------

def _why(kind: str, department: Department | None) -> str:
    if kind == "ask" and department is not None:
        return _public("the answer of %(department)s was late", department=department.name)
    if kind == "update":
        return _public("the update was late")
    return _public("the answer was late")


def _owner_department(idea: Idea, department: Department | None) -> Department | None:
    if department is not None:
        return department
    name = idea.ambassador.department if idea.ambassador else None
    if not name:
        return None
    return db.session.scalar(select(Department).where(func.lower(Department.name) == name.lower()))


def _step_words(step: LadderStep, department: Department | None) -> str:
    if step.mailbox is None and department is not None:
        return _public("%(step)s of %(department)s", step=step.name, department=department.name)
    return step.name


def _recipient(step: LadderStep, department: Department | None) -> str:
    if step.mailbox:
        return step.mailbox
    if department is not None:
        return department.team_lead_email or department.mailbox
    return ""


def _escalate(idea: Idea, step: LadderStep, *, why: str, department: Department | None, actor=None,
              manual=False, now: datetime) -> Escalation:
    department = _owner_department(idea, department)
    esc = Escalation(idea_id=idea.id, step_number=step.number, step_name=_step_words(step, department),
                     department=department, recipient=_recipient(step, department), reason=why, manual=manual,
                     by_id=actor.id if actor else None, created_at=now, nonce=links.new_nonce())
    db.session.add(esc)
    db.session.flush()  # the unique (idea, step) key refuses a second time here
    if manual:
        text = _public("On %(date)s this was passed on to %(step)s. The reason: %(reason)s",
                       date=human_date(now), step=esc.step_name, reason=why)
    else:
        text = _public("On %(date)s this was passed on to %(step)s, because %(why)s.",
                       date=human_date(now), step=esc.step_name, why=why)
    event = workflow.record(idea, EventKind.ESCALATED, actor, text, created_at=now)
    if esc.recipient:
        _mail_step(esc, text)
    _tell_ambassador(idea, event, _l("“%(title)s” was passed on to %(step)s", title=idea.title, step=esc.step_name),
                     text, "escalated")
    return esc


def _mail_step(esc: Escalation, text: str) -> None:
    idea = esc.idea
    body = "\n\n".join([
        _public("Hello,"),
        text,
        _public("The idea is “%(title)s”. On this page you see the idea, the timeline and what is late. "
                "You can answer there, or say who takes it on. You do not need an account:", title=idea.title),
        links.absolute(links.case_path(esc)),
        _public("The link works until someone answers, for 30 days at most."),
    ])
    queue_mail(esc.recipient, _public("Passed on to you: “%(title)s”", title=idea.title), body)


def escalate_late(now: datetime) -> int:
    """Tick step: every late case moves one step up (once per step, never past the top)."""
    if not ladder():
        return 0
    late_ask_ideas = select(DepartmentAsk.idea_id).where(DepartmentAsk.answered_at.is_(None),
                                                         DepartmentAsk.due_at < now)
    query = select(Idea).where(Idea.hidden.is_(False), or_(
        Idea.id.in_(late_ask_ideas),
        Idea.ambassador_id.is_not(None) & or_(Idea.response_due_at < now, Idea.update_due_at < now)))
    return sum(escalate_if_late(idea, now) for idea in db.session.scalars(query.order_by(Idea.id)).all())


def escalate_if_late(idea: Idea, now: datetime) -> bool:
    """One idea one step up when something is late and the current step's time is up."""
    late = what_is_late(idea, now)
    step = _next_step(idea, now) if late else None
    if step is None:
        return False
    kind, department = late
    try:
        _escalate(idea, step, why=_why(kind, department), department=department, now=now)
        db.session.commit()
    except IntegrityError:  # another tick took this step already
        db.session.rollback()
        return False
    return True


def escalate_by_hand(actor: User, idea: Idea, reason: str, now: datetime | None = None) -> Escalation:
    """The ambassador moves the case one step up at once; a reason is required."""
    if not rules.can_escalate(actor, idea):
        raise NotAllowed("escalate")
    reason = _require(reason, "reason", _("Write why you pass this on."))
    steps = ladder()
    level = level_of(idea.id)
    higher = [s for s in steps if s.number > level]
    if not higher:
        raise DomainValidationError(_("This idea is at the top of the ladder already."), field="reason")
    now = now or utcnow()
    late = what_is_late(idea, now)
    department = late[1] if late else _open_ask_department(idea.id)
    esc = _escalate(idea, higher[0], why=reason, department=department, actor=actor, manual=True, now=now)
    db.session.commit()
    return esc


def mark_high_impact(actor: User, idea: Idea, reason: str) -> HighImpact:
    """Health, safety, many people: when it runs late, it skips the first step of the ladder."""
    if not rules.can_escalate(actor, idea):
        raise NotAllowed("impact")
    reason = _require(reason, "reason", _("Write why this has a big impact."))
    mark = db.session.get(HighImpact, idea.id) or HighImpact(idea_id=idea.id)
    mark.reason, mark.marked_by_id, mark.marked_at = reason, actor.id, utcnow()
    db.session.add(mark)
    db.session.commit()
    return mark


# --- the step's one-page summary (signed link) -------------------------------------------------------

def escalation_from_token(token: str, now: datetime | None = None) -> Escalation:
    data = links.read(links.CASE, token)
    esc = db.session.get(Escalation, data.get("e")) if isinstance(data.get("e"), int) else None
    if esc is None or esc.nonce != data.get("n"):
        raise LinkError(expired=False)
    if esc.answered_at is not None:
        raise LinkUsed()
    if (now or utcnow()) > esc.created_at + _link_term():
        raise LinkError(expired=True)
    return esc


def _link_term() -> timedelta:
    return timedelta(days=LINK_DAYS)


def answer_case(esc: Escalation, *, answered_by: str, public_text: str = "", internal_note: str = "",
                assign_to: str = "", now: datetime | None = None) -> IdeaEvent:
    """The person on the step answers (closing the late asks of that department), or says who takes it on."""
    answered_by = _require(answered_by, "answered_by", _("Fill in your name."))
    public_text, assign_to = (public_text or "").strip(), (assign_to or "").strip()
    if not public_text and not assign_to:
        raise DomainValidationError(_("Write an answer, or fill in who takes it on."), field="answer")
    now = now or utcnow()
    idea = esc.idea
    if public_text:
        esc.answered_at, esc.answered_by = now, answered_by
        text = _public("%(step)s answered:", step=esc.step_name[:1].upper() + esc.step_name[1:]) + "\n" + public_text
        _close_department_asks(esc, answered_by, public_text, internal_note, now)
    else:
        esc.assigned_to = assign_to
        text = _public("%(name)s takes this on now (%(step)s).", name=assign_to, step=esc.step_name)
    event = workflow.record(idea, EventKind.ESCALATION_ANSWER, None, text, internal_note=internal_note, created_at=now)
    _tell_ambassador(idea, event, _l("Answer about “%(title)s” from %(step)s", title=idea.title, step=esc.step_name),
                     text, "escalation_answer")
    db.session.commit()
    return event


def _close_department_asks(esc, answered_by, public_text, internal_note, now) -> None:
    if esc.department_id is None:
        return
    query = select(DepartmentAsk).where(DepartmentAsk.idea_id == esc.idea_id, DepartmentAsk.answered_at.is_(None),
                                        DepartmentAsk.department_id == esc.department_id)
    for item in db.session.scalars(query):
        item.answered_at, item.answered_by = now, answered_by
        item.answer_public, item.answer_internal = public_text, (internal_note or "").strip()


def summary_events(idea: Idea) -> list[IdeaEvent]:
    return list(db.session.scalars(select(IdeaEvent).where(IdeaEvent.idea_id == idea.id)
                                   .order_by(IdeaEvent.created_at, IdeaEvent.id)))

