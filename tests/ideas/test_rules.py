"""Who may post, edit and update: a role × action matrix over the rules."""

import pytest
from flask_login import AnonymousUserMixin

from participatie.accounts.roles import Role
from participatie.ideas import rules
from participatie.ideas.status import IdeaStatus
from participatie.supports.rules import can_support
from tests.factories import make_idea, make_user

ACTORS = ["anonymous", "unverified", "author", "resident", "makelaar", "ambassador", "admin"]

# actor -> (post, edit fresh idea, add update, support)
EXPECTED = {
    "anonymous": (False, False, False, False),
    "unverified": (False, False, False, False),
    "author": (True, True, True, False),
    "resident": (True, False, False, True),
    "makelaar": (True, False, False, True),
    "ambassador": (True, False, False, True),
    "admin": (True, False, False, True),
}


def _actor(name, author):
    if name == "anonymous":
        return AnonymousUserMixin()
    if name == "unverified":
        return make_user(verified=False)
    if name == "author":
        return author
    return make_user(Role(name if name != "resident" else "resident"))


@pytest.mark.parametrize("name", ACTORS)
def test_role_action_matrix(ctx, name):
    author = make_user()
    idea = make_idea(author)
    actor = _actor(name, author)
    got = (rules.can_post(actor), rules.can_edit(actor, idea), rules.can_add_update(actor, idea),
           can_support(actor, idea))
    assert got == EXPECTED[name]


def test_author_cannot_edit_once_someone_supports(ctx):
    author = make_user()
    idea = make_idea(author)
    idea.support_count = 1
    assert not rules.can_edit(author, idea)
    assert rules.can_add_update(author, idea)


@pytest.mark.parametrize("status", [IdeaStatus.DECIDED, IdeaStatus.DONE, IdeaStatus.CLOSED, IdeaStatus.ARCHIVED])
def test_finished_ideas_take_no_more_support(ctx, status):
    idea = make_idea()
    idea.status = status
    assert not can_support(make_user(), idea)


def test_hidden_ideas_are_only_visible_to_admins(ctx):
    idea = make_idea()
    idea.hidden = True
    assert not rules.can_view(AnonymousUserMixin(), idea)
    assert not rules.can_view(make_user(), idea)
    assert rules.can_view(make_user(Role.ADMIN), idea)
