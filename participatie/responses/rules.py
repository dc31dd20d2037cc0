"""Who may claim, answer, endorse and give feedback. Pure predicates."""

from participatie.accounts.roles import Role
from participatie.ideas.status import IdeaStatus

CLAIMABLE = frozenset({IdeaStatus.OPEN, IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS,
                       IdeaStatus.CONVERSATION_PLANNED, IdeaStatus.DECIDED, IdeaStatus.DONE})
MANAGED = frozenset({IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS, IdeaStatus.CONVERSATION_PLANNED,
                     IdeaStatus.DECIDED, IdeaStatus.DONE})


def _is(user, *roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def is_ambassador(user) -> bool:
    return _is(user, Role.AMBASSADOR)


def can_see_queue(user) -> bool:
    return _is(user, Role.AMBASSADOR, Role.ADMIN)


def can_claim(user, idea) -> bool:
    """An ambassador claims an idea nobody holds yet (open ideas too: no need to wait)."""
    return is_ambassador(user) and idea.ambassador_id is None and idea.status in CLAIMABLE and not idea.hidden


def is_claimant(user, idea) -> bool:
    return is_ambassador(user) and idea.ambassador_id == user.id


def can_manage(user, idea) -> bool:
    """Answer, update, record voorgesprekken, move the status, hand over, release."""
    return (is_claimant(user, idea) or _is(user, Role.ADMIN)) and idea.ambassador_id is not None


def can_endorse(user, idea) -> bool:
    """A makelaar of the idea's wijk (or an admin) can put an idea forward before the threshold."""
    if idea.status != IdeaStatus.OPEN or idea.hidden:
        return False
    if _is(user, Role.ADMIN):
        return True
    return _is(user, Role.MAKELAAR) and any(w.id == idea.wijk_id for w in user.wijken)


def can_give_feedback(user, idea, following: bool) -> bool:
    """Followers say whether an answer was an answer; the ambassador does not rate themself."""
    return bool(user and user.is_authenticated) and following and idea.ambassador_id != user.id


def can_manage_wijken(user) -> bool:
    return _is(user, Role.ADMIN)
