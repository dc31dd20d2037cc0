"""Account-level rules."""

from participatie.accounts.roles import Role


def _active(user) -> bool:
    return bool(user and user.is_authenticated)


def is_admin(user) -> bool:
    return _active(user) and user.role == Role.ADMIN


def can_manage_roles(user) -> bool:
    return is_admin(user)


def can_delete_account(actor, user) -> bool:
    """Everyone may delete their own account; an admin may also delete a resident's.

    Whether the account may go *now* (claimed ideas, the last admin) is asked by
    services.deletion_blockers, because that needs the database."""
    if not _active(actor) or user is None or user.is_deleted:
        return False
    return actor.id == user.id or (is_admin(actor) and user.role == Role.RESIDENT)
