"""Who may delete which account: every role on itself and on others, and the two refusals."""

import pytest
from flask_babel import force_locale, ngettext
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from participatie.accounts import rules, services
from participatie.accounts.models import AuditLog
from participatie.accounts.roles import Role
from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.responses import services as responses
from tests.accounts.helpers import reload, tr
from tests.responses.helpers import claimed_idea, person

ROLES = [Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR, Role.ADMIN]
NOT_ADMIN = [Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR]


def _refused(actor, user) -> str:
    with pytest.raises(NotAllowed) as exc:
        services.delete_account(actor, user)
    assert not reload(user).is_deleted
    return str(exc.value)


def _audit(target):
    return db.session.scalars(select(AuditLog).where(AuditLog.target_user_id == target.id,
                                                     AuditLog.action == "account_deleted")).all()


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_delete_their_own_account(ctx, role):
    person(Role.ADMIN)  # so an admin deleting themselves is not the last one
    user = person(role)
    assert rules.can_delete_account(user, user)
    services.delete_account(user, user)
    user = reload(user)
    assert user.is_deleted
    [row] = _audit(user)
    assert row.actor_id == user.id


@pytest.mark.parametrize("actor_role", NOT_ADMIN)
@pytest.mark.parametrize("target_role", ROLES)
def test_only_an_admin_deletes_someone_else(ctx, actor_role, target_role):
    actor, other = person(actor_role), person(target_role)
    assert not rules.can_delete_account(actor, other)
    _refused(actor, other)
    assert _audit(other) == []


def test_admin_may_delete_a_residents_account_and_it_is_logged(ctx):
    admin, resident = person(Role.ADMIN), person()
    assert rules.can_delete_account(admin, resident)
    services.delete_account(admin, resident)
    assert reload(resident).is_deleted
    [row] = _audit(resident)
    assert row.actor_id == admin.id
    assert "by admin" in row.details


@pytest.mark.parametrize("target_role", [Role.MAKELAAR, Role.AMBASSADOR, Role.ADMIN])
def test_admin_may_not_delete_staff_accounts(ctx, target_role):
    """Staff leave by themselves (or lose the role first): their work has a name on it."""
    admin, staff = person(Role.ADMIN), person(target_role)
    assert not rules.can_delete_account(admin, staff)
    _refused(admin, staff)


def test_anonymous_deletes_nothing(ctx):
    resident = person()
    assert not rules.can_delete_account(AnonymousUserMixin(), resident)
    assert not rules.can_delete_account(None, resident)
    _refused(AnonymousUserMixin(), resident)


def test_a_deleted_account_can_do_nothing_and_cannot_be_deleted_again(ctx):
    admin, gone, resident = person(Role.ADMIN), person(), person()
    services.delete_account(gone, gone)
    gone = reload(gone)
    assert not rules.can_delete_account(gone, gone)
    assert not rules.can_delete_account(admin, gone)
    assert not rules.can_delete_account(gone, resident)


def test_a_deleted_account_gets_no_role_back(ctx):
    admin, gone = person(Role.ADMIN), person()
    services.delete_account(admin, gone)
    with pytest.raises(NotAllowed):
        services.change_role(admin, reload(gone), Role.ADMIN)
    assert reload(gone).role == Role.RESIDENT


def test_ambassador_with_claimed_ideas_is_refused_with_a_reason(ctx):
    ambassador = person(Role.AMBASSADOR)
    claimed_idea(ambassador)
    claimed_idea(ambassador)
    reason = _refused(ambassador, ambassador)
    with force_locale("nl"):
        expected = ngettext("You are still the contact for %(num)d idea. Hand over your ideas first.",
                            "You are still the contact for %(num)d ideas. Hand over your ideas first.", 2)
    assert reason == expected
    assert services.deletion_blockers(ambassador) == [expected]


def test_ambassador_may_leave_after_handing_over(ctx):
    ambassador, colleague = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    idea = claimed_idea(ambassador)
    responses.hand_over(ambassador, idea, colleague, "Ik ga met pensioen.")
    assert services.deletion_blockers(ambassador) == []
    services.delete_account(ambassador, ambassador)
    assert reload(ambassador).is_deleted
    assert services.deletion_blockers(colleague) != []  # the colleague holds it now


def test_the_last_admin_is_refused(ctx):
    admin = person(Role.ADMIN)
    reason = _refused(admin, admin)
    assert reason == tr("You are the last administrator. First make someone else administrator.")


def test_an_admin_may_leave_while_another_admin_remains(ctx):
    first, second = person(Role.ADMIN), person(Role.ADMIN)
    services.delete_account(first, first)
    assert reload(first).is_deleted
    # A deleted admin does not count: the second is now the last one.
    assert _refused(second, second) == tr("You are the last administrator. First make someone else administrator.")
