"""Who may mark, propose and confirm a rule in the way. Pure predicates."""

from participatie.accounts.predicates import is_admin, is_ambassador_of, is_makelaar_of


def can_mark(user, idea) -> bool:
    """The ambassador who holds the idea (when deciding "kan niet" or after a voorgesprek), or an admin."""
    return not idea.hidden and (is_ambassador_of(user, idea) or is_admin(user))


def can_propose(user, idea) -> bool:
    """A sociaal makelaar of the idea's wijk proposes a rule; the ambassador confirms it."""
    return not idea.hidden and is_makelaar_of(user, idea.wijk_id) and not is_admin(user)


def can_confirm(user, block) -> bool:
    return not block.confirmed and can_mark(user, block.idea)


def can_use_form(user, idea) -> bool:
    return can_mark(user, idea) or can_propose(user, idea)
