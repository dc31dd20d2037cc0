"""Who may support or join an idea."""


def can_support(user, idea) -> bool:
    """Confirmed residents, not the author, while the idea is still going."""
    return (
        bool(user and user.is_authenticated)
        and user.email_verified
        and idea.author_id != user.id
        and idea.accepts_support
    )
