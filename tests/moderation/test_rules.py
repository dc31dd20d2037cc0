"""Role × action matrix for reacting, editing, deleting, reporting and every moderation action."""

from types import SimpleNamespace

import pytest

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.moderation import rules
from participatie.moderation.targets import load
from participatie.reactions import rules as reaction_rules
from tests.reactions.helpers import person, react

ROLES = ["anonymous", "writer", "neighbour", "blocked", "makelaar_west", "makelaar_elsewhere", "ambassador", "admin"]
ANONYMOUS = SimpleNamespace(is_authenticated=False, id=None)


@pytest.fixture
def world(ctx):
    writer = person()
    reaction = react(writer)  # an idea in West
    blocked = person()
    blocked.blocked_at = utcnow()
    db.session.commit()
    people = {
        "anonymous": ANONYMOUS, "writer": writer, "neighbour": person(), "blocked": blocked,
        "makelaar_west": person(Role.MAKELAAR, wijken=["west"]),
        "makelaar_elsewhere": person(Role.MAKELAAR, wijken=["overvecht"]),
        "ambassador": person(Role.AMBASSADOR), "admin": person(Role.ADMIN),
    }
    return people, reaction, load("reaction", reaction.id)


EXPECTED = {
    #                 anon   writer neighb blocked mk_west mk_else ambass admin
    "react":         [False, True,  True,  False,  True,   True,   True,  True],
    "edit":          [False, True,  False, False,  False,  False,  False, False],
    "delete":        [False, True,  False, False,  False,  False,  False, False],
    "report":        [False, False, True,  False,  True,   True,   True,  True],
    "see_queue":     [False, False, False, False,  True,   True,   False, True],
    "keep_hide_restore": [False, False, False, False, True, False,  False, True],
    "warn":          [False, False, False, False,  True,   False,  False, True],
    "block":         [False, False, False, False,  False,  False,  False, True],
}


def _may(action, user, reaction, target) -> bool:
    return {
        "react": lambda: reaction_rules.can_react(user, reaction.idea),
        "edit": lambda: reaction_rules.can_edit_reaction(user, reaction, reaction.created_at),
        "delete": lambda: reaction_rules.can_delete_reaction(user, reaction),
        "report": lambda: rules.can_report(user, target),
        "see_queue": lambda: rules.can_see_queue(user),
        "keep_hide_restore": lambda: rules.can_moderate(user, target.wijk_id),
        "warn": lambda: rules.can_warn(user, target),
        "block": lambda: rules.can_block(user, target),
    }[action]()


@pytest.mark.parametrize("action", EXPECTED)
def test_role_action_matrix(world, action):
    people, reaction, target = world
    got = [_may(action, people[role], reaction, target) for role in ROLES]
    assert dict(zip(ROLES, got)) == dict(zip(ROLES, EXPECTED[action]))


def test_an_admin_cannot_be_blocked_and_nobody_blocks_themselves(world):
    people, _reaction, _target = world
    admin, other_admin = people["admin"], person(Role.ADMIN)
    admins_reaction = load("reaction", react(other_admin).id)
    assert not rules.can_block(admin, admins_reaction)
    assert not rules.can_warn(other_admin, admins_reaction)
