"""Departments and the questions ambassadors ask them: ask, answer through the mail link, late.

Every change writes its timeline line through ideas/workflow.py `record`, tells the ambassador
(notifications) and queues the mails (outbox) in the same transaction, and commits once.
The internal part of an answer is stored with the ask (and as the event's internal note); the
public timeline shows only the public part.
"""

from datetime import date, datetime, timedelta

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select

from participatie.accounts.models import User
from participatie.accounts.tokens import LinkError
from participatie.clock import add_working_days, utcnow, working_days_between
from participatie.departments import links, rules
from participatie.departments.models import AskOutcome, Department, DepartmentAsk
from participatie.extensions import db
from participatie.ideas import workflow
from participatie.ideas.models import Idea
from participatie.ideas.status import EventKind
from participatie.notifications.services import notify
from participatie.ops.mail.outbox import queue_mail
from participatie.responses.services import voorgesprek_sources
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.i18n import human_date

DEFAULT_WORKING_DAYS = 5
LINK_DAYS = 30


class LinkUsed(Exception):
    """The question was answered already (the link worked once)."""


def _public(message: str, **variables) -> str:
    """Timeline text and department mail: always in the site's default language."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _(message, **variables)


def _require(text, field: str, message: str) -> str:
    if not (text or "").strip():
        raise DomainValidationError(message, field=field)
    return text.strip()


def _idea_link(idea) -> str:
    return url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn")


# --- the list of departments (admins) ----------------------------------------------------------

def all_departments() -> list[Department]:
    return list(db.session.scalars(select(Department).order_by(Department.name)))


def add_department(actor: User, name: str, mailbox: str, team_lead_email: str = "") -> Department:
    if not rules.can_manage_departments(actor):
        raise NotAllowed("departments")
    name = _require(name, "name", _("Fill in the name of the department."))
    mailbox = _require(mailbox, "mailbox", _("Fill in the shared mailbox of the department."))
    if db.session.scalar(select(Department.id).where(func.lower(Department.name) == name.lower())):
        raise DomainValidationError(_("This department is on the list already."), field="name")
    department = Department(name=name, mailbox=mailbox, team_lead_email=(team_lead_email or "").strip() or None)
    db.session.add(department)
    db.session.commit()
    return department


# --- asking ------------------------------------------------------------------------------------

def ask(actor: User, idea: Idea, departments: list[Department], question: str, *,
        working_days: int = DEFAULT_WORKING_DAYS, now: datetime | None = None) -> list[DepartmentAsk]:
    """Ask one or more departments at once; each gets a mail with its own signed answer link."""
    if not rules.can_ask(actor, idea):
        raise NotAllowed("ask")
    if not departments:
        raise DomainValidationError(_("Choose at least one department."), field="departments")
    question = _require(question, "question", _("Write your question to the department."))
    if not 1 <= int(working_days) <= 60:
        raise DomainValidationError(_("Choose between 1 and 60 working days."), field="working_days")
    now = now or utcnow()
    due = add_working_days(now, int(working_days))
    made = []
    for department in departments:
        item = DepartmentAsk(idea_id=idea.id, department=department, asked_by=actor, question=question,
                             asked_at=now, due_at=due, expires_at=now + timedelta(days=LINK_DAYS),
                             nonce=links.new_nonce())
        db.session.add(item)
        db.session.flush()
        workflow.record(idea, EventKind.ASKED, actor, _public(
            "Asked %(department)s on %(asked)s, answer by %(due)s.", department=department.name,
            asked=human_date(now), due=human_date(due)), internal_note=question, created_at=now)
        _mail_department(item)
        made.append(item)
    db.session.commit()
    return made


def _mail_department(item: DepartmentAsk) -> None:
    idea = item.idea
    subject = _public("Question about the idea “%(title)s”: answer by %(due)s",
                      title=idea.title, due=human_date(item.due_at))
    body = "\n\n".join([
        _public("Hello %(department)s,", department=item.department.name),
        _public("%(name)s works on an idea of residents: “%(title)s”. We ask you this:",
                name=item.asked_by.display_name if item.asked_by else _public("The city"), title=idea.title),
        item.question,
        _public("Please answer by %(due)s. You do not need an account. Use this link:", due=human_date(item.due_at)),
        links.absolute(links.ask_path(item)),
        _public("You may send this mail on to a colleague. The link works once, for 30 days."),
        _public("The idea: %(link)s", link=links.absolute(url_for("ideas.detail", idea_id=idea.id))),
    ])
    queue_mail(item.department.mailbox, subject, body)


# --- answering through the link ------------------------------------------------------------------

def ask_from_token(token: str, now: datetime | None = None) -> DepartmentAsk:
    """The open ask behind a link. LinkError (wrong or too old) or LinkUsed (answered already)."""
    data = links.read(links.ASK, token)
    item = db.session.get(DepartmentAsk, data.get("a")) if isinstance(data.get("a"), int) else None
    if item is None or item.nonce != data.get("n"):
        raise LinkError(expired=False)
    if item.answered_at is not None:
        raise LinkUsed()
    if (now or utcnow()) > item.expires_at:
        raise LinkError(expired=True)
    return item


OUTCOME_LABELS = {
    AskOutcome.CAN: _l("Possible"),
    AskOutcome.CANNOT: _l("Not possible"),
    AskOutcome.MORE_TIME: _l("We need more time"),
}


def answer(item: DepartmentAsk, *, answered_by: str, public_text: str, internal_note: str = "",
           picked_up_by: str = "", outcome: str, more_time_until: date | None = None,
           now: datetime | None = None):
    """A department's answer (no account: the answerer types their name)."""
    answered_by = _require(answered_by, "answered_by", _("Fill in your name."))
    public_text = _require(public_text, "answer", _("Write your answer for the residents."))
    if outcome not in {o.value for o in AskOutcome}:
        raise DomainValidationError(_("Choose: possible, not possible, or more time."), field="outcome")
    now = now or utcnow()
    if outcome == AskOutcome.MORE_TIME and (more_time_until is None or more_time_until <= now.date()):
        raise DomainValidationError(_("Choose the date when you will answer."), field="more_time_until")
    item.answered_at, item.answered_by, item.outcome = now, answered_by.strip(), AskOutcome(outcome)
    item.answer_public, item.answer_internal = public_text, (internal_note or "").strip()
    item.picked_up_by, item.more_time_until = (picked_up_by or "").strip(), more_time_until
    text = _public("%(department)s answered: %(outcome)s.", department=item.department.name,
                   outcome=_outcome_words(item)) + "\n" + public_text
    event = workflow.record(item.idea, EventKind.ASK_ANSWERED, None, text, internal_note=item.answer_internal,
                            created_at=now)
    _tell_ambassador(item.idea, event, _l("%(department)s answered on “%(title)s”", department=item.department.name,
                                          title=item.idea.title), text, "ask_answered")
    db.session.commit()
    return event


def _outcome_words(item: DepartmentAsk) -> str:
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        if item.outcome == AskOutcome.MORE_TIME and item.more_time_until:
            return _("we need more time, until %(date)s", date=human_date(item.more_time_until))
        return str(OUTCOME_LABELS[item.outcome]).lower()


def _tell_ambassador(idea: Idea, event, subject, body, kind: str) -> None:
    if idea.ambassador is not None:
        notify([idea.ambassador], kind=kind, idea=idea, event=event, subject=subject, body=body,
               link=_idea_link(idea))


# --- late asks (tick) ------------------------------------------------------------------------------

def late_days(item: DepartmentAsk, now: datetime | None = None) -> int:
    """Working days past the due date (0 while on time, and once answered)."""
    if item.answered_at is not None:
        return 0
    return working_days_between(item.due_at, now or utcnow())


def record_late_asks(now: datetime) -> int:
    """Tick step: every open ask past its due date gets one public "te laat" line and one message
    to the ambassador. Idempotent through `late_recorded_at`."""
    query = select(DepartmentAsk).where(DepartmentAsk.answered_at.is_(None), DepartmentAsk.late_recorded_at.is_(None),
                                        DepartmentAsk.due_at < now).order_by(DepartmentAsk.id)
    count = 0
    for item in db.session.scalars(query).all():
        days = late_days(item, now)
        if days < 1:
            continue
        item.late_recorded_at = now
        with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
            text = ngettext("%(department)s is %(num)d working day late.", "%(department)s is %(num)d working days late.",
                            days, department=item.department.name)
        event = workflow.record(item.idea, EventKind.ASK_LATE, None, text, created_at=now)
        _tell_ambassador(item.idea, event, _l("%(department)s is late on “%(title)s”", department=item.department.name,
                                              title=item.idea.title), text, "ask_late")
        db.session.commit()
        count += 1
    return count


# --- what the queue, the work page and the overview show --------------------------------------------

def asks_for(idea_id: int) -> list[DepartmentAsk]:
    from participatie.departments.models import asks_of

    return list(db.session.scalars(asks_of(idea_id)))


def open_and_late(idea_ids: list[int], now: datetime | None = None) -> dict[int, tuple[int, int]]:
    """Per idea: (open asks, of which late) — for the ambassador queue."""
    if not idea_ids:
        return {}
    now = now or utcnow()
    result: dict[int, tuple[int, int]] = {}
    query = select(DepartmentAsk).where(DepartmentAsk.idea_id.in_(idea_ids), DepartmentAsk.answered_at.is_(None))
    for item in db.session.scalars(query):
        opened, late = result.get(item.idea_id, (0, 0))
        result[item.idea_id] = (opened + 1, late + (late_days(item, now) > 0))
    return result


def overview(now: datetime | None = None) -> list[dict]:
    """Per department (never per person): asks open, answered on time, answered late, open and late."""
    now = now or utcnow()
    rows = {d.id: {"department": d, "open": 0, "on_time": 0, "answered_late": 0, "late": 0}
            for d in all_departments()}
    for item in db.session.scalars(select(DepartmentAsk)):
        row = rows.get(item.department_id)
        if row is None:
            continue
        if item.answered_at is None:
            row["open"] += 1
            row["late"] += late_days(item, now) > 0
        elif working_days_between(item.due_at, item.answered_at) > 0:
            row["answered_late"] += 1
        else:
            row["on_time"] += 1
    return list(rows.values())


def has_answered_ask(idea) -> bool:
    """A department's recorded answer counts as a voorgesprek (for the "kan niet" rule)."""
    query = select(func.count(DepartmentAsk.id)).where(DepartmentAsk.idea_id == idea.id,
                                                        DepartmentAsk.answered_at.is_not(None))
    return bool(db.session.scalar(query))


@voorgesprek_sources.connect
def _answered_asks_count(idea, **_extra) -> bool:
    return has_answered_ask(idea)

