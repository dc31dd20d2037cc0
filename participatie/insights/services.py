"""Figures of the participation loop for a wijk or the city over a period, each with a resident's
words. Counts are SQL aggregates (a handful of queries whatever the number of ideas); the answer
times need one row per idea whose answer fell due in the period, judged by the term rule of
responses.deadlines. Support is never recounted here: the threshold events of the workflow say
which ideas reached Wijk.required_support."""

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, case, func, select

from participatie.accounts.models import User
from participatie.clock import today_local, utcnow, working_days_between
from participatie.conversations.models import ActionItem, Conversation
from participatie.conversations.status import UNFINISHED, ActionStatus
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import EventKind, IdeaKind
from participatie.responses.deadlines import first_answer_verdict

PERIODS = {3: _l("the last 3 months"), 12: _l("the last 12 months")}
DEFAULT_MONTHS = 12
OWED = (EventKind.THRESHOLD, EventKind.ENDORSED)  # from then on the city owes a first answer


@dataclass(frozen=True)
class Period:
    months: int
    since: datetime
    now: datetime

    @classmethod
    def last(cls, months, now: datetime | None = None) -> "Period":
        months = months if months in PERIODS else DEFAULT_MONTHS
        now = now or utcnow()
        return cls(months, now - timedelta(days=round(months * 365 / 12)), now)

    @property
    def label(self):
        return PERIODS[self.months]


def share(part: int, whole: int) -> int | None:
    """A whole percentage, or None when there is nothing to divide (the page says "no data")."""
    return round(100 * part / whole) if whole else None


@dataclass
class Department:
    name: str | None
    on_time: int = 0
    late: int = 0
    waiting: int = 0


@dataclass
class Figures:
    posted: int = 0
    dreams: int = 0
    reached_threshold: int = 0
    owed: int = 0
    answered: int = 0
    on_time: int = 0
    late: int = 0
    waiting: int = 0
    median_days: float | None = None
    feedback_yes: int = 0
    feedback_no: int = 0
    solved_yes: int = 0
    solved_no: int = 0
    actions_open: int = 0
    actions_late: int = 0
    actions_done: int = 0
    departments: list[Department] = field(default_factory=list)

    @property
    def ideas(self) -> int:
        return self.posted - self.dreams

    @property
    def department_rows(self) -> list[tuple]:
        return [(d.name or _l("Department not known yet"), d.on_time, d.late, d.waiting) for d in self.departments]

    @property
    def threshold_share(self):
        return share(self.reached_threshold, self.posted)

    @property
    def on_time_share(self):
        return share(self.on_time, self.on_time + self.late)

    @property
    def answer_share(self):
        return share(self.feedback_yes, self.feedback_yes + self.feedback_no)

    @property
    def solved_share(self):
        return share(self.solved_yes, self.solved_yes + self.solved_no)


def _in(query, wijk_id):
    query = query.where(Idea.hidden.is_(False))
    return query.where(Idea.wijk_id == wijk_id) if wijk_id is not None else query


def figures(period: Period, wijk_id: int | None = None) -> Figures:
    result = Figures()
    _posted(result, period, wijk_id)
    _answers(result, period, wijk_id)
    _feedback(result, period, wijk_id)
    _solved(result, period, wijk_id)
    _actions(result, period, wijk_id)
    return result


def _posted(result: Figures, period: Period, wijk_id) -> None:
    reached = select(IdeaEvent.id).where(IdeaEvent.idea_id == Idea.id, IdeaEvent.kind == EventKind.THRESHOLD).exists()
    query = _in(select(func.count(Idea.id), func.sum(case((Idea.kind == IdeaKind.DROOM, 1), else_=0)),
                       func.sum(case((reached, 1), else_=0))).where(Idea.created_at >= period.since), wijk_id)
    posted, dreams, reached_count = db.session.execute(query).one()
    result.posted, result.dreams, result.reached_threshold = posted or 0, int(dreams or 0), int(reached_count or 0)


def _answers(result: Figures, period: Period, wijk_id) -> None:
    """One row per idea whose first answer fell due in the period (threshold or put forward)."""
    owed_at = func.min(IdeaEvent.created_at)
    query = _in(select(owed_at, Idea.first_answer_at, Idea.response_due_at, User.department)
                .join(IdeaEvent, and_(IdeaEvent.idea_id == Idea.id, IdeaEvent.kind.in_(OWED)))
                .outerjoin(User, User.id == Idea.ambassador_id)
                .group_by(Idea.id, Idea.first_answer_at, Idea.response_due_at, User.department)
                .having(owed_at >= period.since), wijk_id)
    days, departments = [], {}
    for owed, answered, due, department in db.session.execute(query):
        verdict = first_answer_verdict(due, answered, period.now)
        if verdict is None:
            continue
        result.owed += 1
        setattr(result, verdict, getattr(result, verdict) + 1)
        row = departments.setdefault(department, Department(department))
        setattr(row, verdict, getattr(row, verdict) + 1)
        if answered is not None:
            days.append(working_days_between(owed, answered))
    result.answered = len(days)
    result.median_days = statistics.median(days) if days else None
    # alphabetical, never ranked; departments only, never people
    result.departments = sorted(departments.values(), key=lambda d: (d.name is None, (d.name or "").lower()))


def _feedback(result: Figures, period: Period, wijk_id) -> None:
    from participatie.responses.models import AnswerFeedback

    query = _in(select(func.sum(case((AnswerFeedback.helpful.is_(True), 1), else_=0)),
                       func.sum(case((AnswerFeedback.helpful.is_(False), 1), else_=0)))
                .select_from(AnswerFeedback).join(IdeaEvent, IdeaEvent.id == AnswerFeedback.event_id)
                .join(Idea, Idea.id == IdeaEvent.idea_id).where(AnswerFeedback.updated_at >= period.since), wijk_id)
    yes, no = db.session.execute(query).one()
    result.feedback_yes, result.feedback_no = int(yes or 0), int(no or 0)


def _solved(result: Figures, period: Period, wijk_id) -> None:
    from participatie.responses.models import FollowUp, FollowUpKind

    query = _in(select(func.sum(case((FollowUp.answer_yes.is_(True), 1), else_=0)),
                       func.sum(case((FollowUp.answer_yes.is_(False), 1), else_=0)))
                .select_from(FollowUp).join(Idea, Idea.id == FollowUp.idea_id)
                .where(FollowUp.kind == FollowUpKind.SOLVED, FollowUp.answered_at >= period.since), wijk_id)
    yes, no = db.session.execute(query).one()
    result.solved_yes, result.solved_no = int(yes or 0), int(no or 0)


def _actions(result: Figures, period: Period, wijk_id) -> None:
    """Open and late now (whenever they were agreed); done within the period."""
    unfinished = ActionItem.status.in_(list(UNFINISHED))
    query = select(func.sum(case((unfinished, 1), else_=0)),
                   func.sum(case((and_(unfinished, ActionItem.due_on < today_local(period.now)), 1), else_=0)),
                   func.sum(case((and_(ActionItem.status == ActionStatus.KLAAR,
                                       ActionItem.updated_at >= period.since), 1), else_=0))
                   ).select_from(ActionItem).join(Conversation, Conversation.id == ActionItem.conversation_id)
    if wijk_id is not None:
        query = query.where(Conversation.wijk_id == wijk_id)
    open_count, late, done = db.session.execute(query).one()
    result.actions_open, result.actions_late, result.actions_done = int(open_count or 0), int(late or 0), int(done or 0)


FIGURE_COLUMNS = ["gebied", "periode_maanden", "tot", "geplaatst", "dromen", "genoeg_steun", "antwoord_verschuldigd",
                  "beantwoord", "op_tijd", "te_laat", "wacht_nog", "mediaan_werkdagen", "was_antwoord_ja",
                  "was_antwoord_nee", "opgelost_ja", "opgelost_nee", "acties_open", "acties_te_laat", "acties_klaar"]


def figure_rows(wijken, now: datetime | None = None):
    """The figures of the pages as open data: the city first, then each wijk, for every period.
    A handful of aggregate queries per line, so the file costs the same at 1,000 or 100,000 ideas."""
    now = now or utcnow()
    for months in PERIODS:
        period = Period.last(months, now)
        for name, wijk_id in [("Utrecht", None), *((w.name, w.id) for w in wijken)]:
            f = figures(period, wijk_id)
            yield [[name, months, today_local(now), f.posted, f.dreams, f.reached_threshold, f.owed, f.answered,
                    f.on_time, f.late, f.waiting, f.median_days, f.feedback_yes, f.feedback_no, f.solved_yes,
                    f.solved_no, f.actions_open, f.actions_late, f.actions_done]]
