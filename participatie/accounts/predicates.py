"""Role predicates, written once and used by every domain's rules.py.

Pure functions of the user (and a wijk id): no database access, no request globals.
Anonymous users (None or not authenticated) are never anything.
"""

from participatie.accounts.roles import Role


def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated)


def is_confirmed(user) -> bool:
    """Signed in with a confirmed e-mail address."""
    return is_signed_in(user) and bool(user.email_verified)


def may_write(user) -> bool:
    """Confirmed and not blocked by a moderator: may post, react and report."""
    return is_confirmed(user) and not user.is_blocked


def has_role(user, *roles: Role) -> bool:
    return is_signed_in(user) and user.role in roles


def is_resident(user) -> bool:
    return has_role(user, Role.RESIDENT)


def is_admin(user) -> bool:
    return has_role(user, Role.ADMIN)


def is_ambassador(user) -> bool:
    return has_role(user, Role.AMBASSADOR)


def is_makelaar(user) -> bool:
    """A sociaal makelaar with at least one wijk."""
    return has_role(user, Role.MAKELAAR) and bool(user.wijken)


def is_staff(user) -> bool:
    """The city's side of the loop: ambassadors and admins."""
    return has_role(user, Role.AMBASSADOR, Role.ADMIN)


def is_makelaar_of(user, wijk_id: int | None) -> bool:
    """A makelaar whose wijken include this one."""
    return has_role(user, Role.MAKELAAR) and any(w.id == wijk_id for w in user.wijken)


def is_ambassador_of(user, idea) -> bool:
    """The ambassador who holds (claimed) this idea."""
    return is_ambassador(user) and idea.ambassador_id is not None and idea.ambassador_id == user.id
