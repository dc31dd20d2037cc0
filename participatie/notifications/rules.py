"""Who gets e-mail and who may see a notification. Pure predicates."""

IMMEDIATE = "immediate"
DAILY = "daily"
FREQUENCIES = (IMMEDIATE, DAILY)


def wants_email(user) -> bool:
    """E-mail only with recorded consent, and only to a confirmed address."""
    return bool(user and user.consent_notifications_at is not None and user.email_verified_at is not None)


def wants_immediate_email(user) -> bool:
    return wants_email(user) and (user.email_frequency or IMMEDIATE) != DAILY


def wants_digest(user) -> bool:
    return wants_email(user) and user.email_frequency == DAILY


def can_view_notification(user, notification) -> bool:
    """A notification is private to the one it was written for."""
    return bool(user and user.is_authenticated and notification.user_id == user.id)


def can_follow_wijk(user) -> bool:
    """Anyone logged in can follow a wijk (e-mail still only with their consent)."""
    from participatie.accounts.predicates import is_signed_in

    return is_signed_in(user)
