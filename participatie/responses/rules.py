"""Who may claim, answer, endorse and give feedback. Pure predicates."""

from participatie.accounts.predicates import (  # noqa: F401 (is_ambassador: read from here too)
    is_admin,
    is_ambassador,
    is_ambassador_of,
    is_makelaar_of,
    is_signed_in,
    is_staff,
)
from participatie.ideas.status import IdeaStatus

CLAIMABLE = frozenset({IdeaStatus.OPEN, IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS,
                       IdeaStatus.CONVERSATION_PLANNED, IdeaStatus.DECIDED, IdeaStatus.DONE})
MANAGED = frozenset({IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS, IdeaStatus.CONVERSATION_PLANNED,
                     IdeaStatus.DECIDED, IdeaStatus.DONE})


def can_see_queue(user) -> bool:
    return is_staff(user)


def can_claim(user, idea) -> bool:
    """An ambassador claims an idea nobody holds yet (open ideas too: no need to wait)."""
    return is_ambassador(user) and idea.ambassador_id is None and idea.status in CLAIMABLE and not idea.hidden


def is_claimant(user, idea) -> bool:
    return is_ambassador_of(user, idea)


def can_manage(user, idea) -> bool:
    """Answer, update, record voorgesprekken, move the status, hand over, release."""
    return (is_claimant(user, idea) or is_admin(user)) and idea.ambassador_id is not None


def can_endorse(user, idea) -> bool:
    """A makelaar of the idea's wijk (or an admin) can put an idea forward before the threshold."""
    if idea.status != IdeaStatus.OPEN or idea.hidden:
        return False
    return is_admin(user) or is_makelaar_of(user, idea.wijk_id)


def can_give_feedback(user, idea, following: bool) -> bool:
    """Followers say whether an answer was an answer; the ambassador does not rate themself."""
    return is_signed_in(user) and following and idea.ambassador_id != user.id


def can_manage_wijken(user) -> bool:
    return is_admin(user)
