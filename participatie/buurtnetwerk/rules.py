"""Who may join, ask, answer and say what the city does with the answers. Pure predicates."""

from participatie.accounts.predicates import is_admin, is_ambassador, is_makelaar_of, is_signed_in


def can_join(user) -> bool:
    """Anyone with an account may join the buurtnetwerk of one or more wijken."""
    return is_signed_in(user) and not user.is_deleted


def can_ask(user, wijk) -> bool:
    """A sociaal makelaar for their own wijken, an ambassador, or an admin."""
    return is_makelaar_of(user, wijk.id) or is_ambassador(user) or is_admin(user)


def can_answer(user, question, is_member: bool) -> bool:
    """Members of the question's wijk (the caller looks the membership up)."""
    return is_signed_in(user) and not user.is_deleted and is_member


def can_post_outcome(user, question) -> bool:
    """The one who asked (while they may still ask in that wijk), or an admin."""
    asker = is_signed_in(user) and question.asker_id == user.id and can_ask(user, question.wijk)
    return asker or is_admin(user)
