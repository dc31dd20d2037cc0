"""Who may claim, manage, endorse and give feedback: the predicates, role by role."""

import pytest
from flask_login import AnonymousUserMixin

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaStatus
from participatie.responses import rules

S = IdeaStatus
WEST, ZUID = Wijk(id=1, code="W", name="West", slug="west"), Wijk(id=2, code="Z", name="Zuid", slug="zuid")


def user(role, uid, wijken=()):
    return User(id=uid, role=role, display_name=f"u{uid}", wijken=list(wijken))


ANON = AnonymousUserMixin()
RESIDENT = user(Role.RESIDENT, 1)
MAKELAAR_WEST = user(Role.MAKELAAR, 2, [WEST])
MAKELAAR_ZUID = user(Role.MAKELAAR, 3, [ZUID])
AMBASSADOR = user(Role.AMBASSADOR, 4)
OTHER_AMBASSADOR = user(Role.AMBASSADOR, 5)
ADMIN = user(Role.ADMIN, 6)


def idea(status=S.OPEN, ambassador=None, hidden=False):
    return Idea(id=10, status=status, wijk_id=WEST.id, ambassador_id=ambassador.id if ambassador else None,
                hidden=hidden)


@pytest.mark.parametrize(("who", "expected"), [
    (ANON, False), (RESIDENT, False), (MAKELAAR_WEST, False), (AMBASSADOR, True), (ADMIN, False)])
def test_only_ambassadors_claim(who, expected):
    assert rules.can_claim(who, idea(S.AWAITING_RESPONSE)) is expected


@pytest.mark.parametrize(("status", "expected"), [
    (S.OPEN, True), (S.AWAITING_RESPONSE, True), (S.IN_PROGRESS, True), (S.DONE, True),
    (S.CLOSED, False), (S.ARCHIVED, False)])
def test_claimable_statuses(status, expected):
    assert rules.can_claim(AMBASSADOR, idea(status)) is expected


def test_nobody_claims_an_idea_someone_holds_or_a_hidden_one():
    held = idea(S.IN_PROGRESS, ambassador=AMBASSADOR)
    assert not rules.can_claim(OTHER_AMBASSADOR, held)
    assert not rules.can_claim(AMBASSADOR, held)
    assert not rules.can_claim(AMBASSADOR, idea(S.AWAITING_RESPONSE, hidden=True))


@pytest.mark.parametrize(("who", "expected"), [
    (ANON, False), (RESIDENT, False), (MAKELAAR_WEST, False), (AMBASSADOR, True), (OTHER_AMBASSADOR, False),
    (ADMIN, True)])
def test_the_claimant_and_admins_manage(who, expected):
    assert rules.can_manage(who, idea(S.IN_PROGRESS, ambassador=AMBASSADOR)) is expected


def test_nobody_manages_an_unclaimed_idea():
    assert not rules.can_manage(ADMIN, idea(S.AWAITING_RESPONSE))
    assert not rules.can_manage(AMBASSADOR, idea(S.AWAITING_RESPONSE))


@pytest.mark.parametrize(("who", "expected"), [
    (ANON, False), (RESIDENT, False), (MAKELAAR_WEST, True), (MAKELAAR_ZUID, False), (AMBASSADOR, False),
    (ADMIN, True)])
def test_makelaars_of_the_wijk_endorse(who, expected):
    assert rules.can_endorse(who, idea(S.OPEN)) is expected


@pytest.mark.parametrize("status", [S.AWAITING_RESPONSE, S.IN_PROGRESS, S.CLOSED])
def test_only_open_ideas_are_endorsed(status):
    assert not rules.can_endorse(MAKELAAR_WEST, idea(status))
    assert not rules.can_endorse(MAKELAAR_WEST, idea(S.OPEN, hidden=True))


def test_followers_give_feedback_but_not_the_ambassador_or_strangers():
    held = idea(S.IN_PROGRESS, ambassador=AMBASSADOR)
    assert rules.can_give_feedback(RESIDENT, held, following=True)
    assert not rules.can_give_feedback(RESIDENT, held, following=False)
    assert not rules.can_give_feedback(AMBASSADOR, held, following=True)
    assert not rules.can_give_feedback(ANON, held, following=True)


@pytest.mark.parametrize(("who", "queue", "wijken"), [
    (ANON, False, False), (RESIDENT, False, False), (MAKELAAR_WEST, False, False), (AMBASSADOR, True, False),
    (ADMIN, True, True)])
def test_queue_and_wijk_settings(who, queue, wijken):
    assert rules.can_see_queue(who) is queue
    assert rules.can_manage_wijken(who) is wijken
