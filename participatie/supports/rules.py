"""Who may support or join an idea."""

from participatie.accounts.predicates import is_confirmed


def can_support(user, idea) -> bool:
    """Confirmed residents, not the author, while the idea is still going."""
    return is_confirmed(user) and idea.author_id != user.id and idea.accepts_support
