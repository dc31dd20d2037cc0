"""Account-level rules."""

from participatie.accounts.roles import Role


def is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.role == Role.ADMIN)


def can_manage_roles(user) -> bool:
    return is_admin(user)
