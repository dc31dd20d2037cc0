"""Who may support or join an idea."""

from participatie.ideas.status import SUPPORTABLE


def can_support(user, idea) -> bool:
    """Confirmed residents, not the author, while the idea is still going."""
    return (
        bool(user and user.is_authenticated)
        and user.email_verified
        and idea.author_id != user.id
        and idea.status in SUPPORTABLE
        and not idea.hidden
    )
