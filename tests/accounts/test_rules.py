"""Account rules as a role × rule matrix (pure predicates, no database)."""

import pytest
from flask_login import AnonymousUserMixin

from participatie.accounts import rules
from participatie.accounts.models import User
from participatie.accounts.roles import Role


def _user(role: Role | None):
    if role is None:
        return AnonymousUserMixin()
    return User(email=f"{role.value}@example.org", display_name=role.value, role=role)


ACTORS = {
    "anonymous": None,
    "resident": Role.RESIDENT,
    "makelaar": Role.MAKELAAR,
    "ambassador": Role.AMBASSADOR,
    "admin": Role.ADMIN,
}

# rule:               anonymous  resident  makelaar  ambassador  admin
MATRIX = {
    "is_admin":         (False,    False,    False,    False,      True),
    "can_manage_roles": (False,    False,    False,    False,      True),
}

CASES = [
    pytest.param(rule, actor, allowed, id=f"{rule}-{actor}")
    for rule, row in MATRIX.items()
    for actor, allowed in zip(ACTORS, row, strict=True)
]


@pytest.mark.parametrize(("rule", "actor", "allowed"), CASES)
def test_account_rule_matrix(rule, actor, allowed):
    assert getattr(rules, rule)(_user(ACTORS[actor])) is allowed


@pytest.mark.parametrize("rule", MATRIX)
def test_no_user_at_all_is_refused(rule):
    assert getattr(rules, rule)(None) is False

