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


def deadline_of(idea, now=None) -> Deadline | None:
    now = now or utcnow()
    if idea.response_due_at and idea.first_answer_at is None and idea.status in OWED_ANSWER:
        return Deadline("response", idea.response_due_at, working_days_between(idea.response_due_at, now))
    if idea.update_due_at:
        return Deadline("update", idea.update_due_at, working_days_between(idea.update_due_at, now))
    return None
