"""Account-level rules."""

from participatie.accounts.predicates import is_admin, is_resident
from participatie.accounts.predicates import is_signed_in as _active


def can_manage_roles(user) -> bool:
    return is_admin(user)


def can_delete_account(actor, user) -> bool:
    """Everyone may delete their own account; an admin may also delete a resident's.

    Whether the account may go *now* (claimed ideas, the last admin) is asked by
    services.deletion_blockers, because that needs the database."""
    if not _active(actor) or user is None or user.is_deleted:
        return False
    return actor.id == user.id or (is_admin(actor) and is_resident(user))
