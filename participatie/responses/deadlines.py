"""What the resident is owed next, and whether it is late (in working days)."""

from dataclasses import dataclass
from datetime import datetime

from participatie.clock import utcnow, working_days_between
from participatie.ideas.status import IdeaStatus

OWED_ANSWER = frozenset({IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS})


@dataclass(frozen=True)
class Deadline:
    kind: str  # "response" (first answer) or "update"
    due: datetime
    late_days: int

    @property
    def late(self) -> bool:
        return self.late_days > 0


def late_by(due: datetime, moment: datetime) -> int:
    """THE term rule: working days past the due date (0 = in time; the whole due day counts)."""
    return working_days_between(due, moment)


def first_answer_verdict(due: datetime | None, answered: datetime | None, now: datetime) -> str | None:
    """How an owed first answer went: "on_time", "late" (also when still missing after the
    term), "waiting" (missing, term not over yet), or None when no answer was owed."""
    if due is None:
        return None
    if answered is not None:
        return "late" if late_by(due, answered) > 0 else "on_time"
    return "late" if late_by(due, now) > 0 else "waiting"


def deadline_of(idea, now=None) -> Deadline | None:
    now = now or utcnow()
    if idea.response_due_at and idea.first_answer_at is None and idea.status in OWED_ANSWER:
        return Deadline("response", idea.response_due_at, late_by(idea.response_due_at, now))
    if idea.update_due_at:
        return Deadline("update", idea.update_due_at, working_days_between(idea.update_due_at, now))
    return None
