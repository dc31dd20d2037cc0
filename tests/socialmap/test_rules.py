"""Who may curate, link, collect and see contact details: makelaars only in their own wijken."""

from types import SimpleNamespace

from participatie.accounts.roles import Role
from participatie.geo.services import wijk_by_slug
from participatie.socialmap import rules
from tests.responses.helpers import person
from tests.socialmap.conftest import makelaar


def test_makelaar_curates_only_own_wijken_admin_everywhere(ctx_db):
    west, zuid = wijk_by_slug("west"), wijk_by_slug("zuid")
    broker, admin = makelaar("west"), person(Role.ADMIN)
    assert rules.can_curate_wijk(broker, west.id) and not rules.can_curate_wijk(broker, zuid.id)
    assert rules.can_curate_wijk(admin, west.id) and rules.can_curate_wijk(admin, zuid.id)
    for role in (Role.RESIDENT, Role.AMBASSADOR):
        assert not rules.can_curate_wijk(person(role), west.id)
    assert not rules.can_curate_wijk(None, west.id)


def test_a_makelaar_without_wijken_is_no_curator(ctx_db):
    assert not rules.is_curator(person(Role.MAKELAAR))
    assert rules.is_curator(makelaar("oost")) and rules.is_curator(person(Role.ADMIN))


def test_residents_suggest_only_with_a_confirmed_account(ctx_db):
    from participatie.accounts import services as accounts

    unconfirmed = accounts.create_user("nieuw@example.org", "Nieuw")
    assert rules.can_suggest(person()) and not rules.can_suggest(unconfirmed)


def test_links_by_makelaars_of_the_wijk_ambassadors_and_admins(ctx_db):
    idea = SimpleNamespace(wijk_id=wijk_by_slug("west").id, hidden=False)
    assert rules.can_link(makelaar("west"), idea) and not rules.can_link(makelaar("zuid"), idea)
    assert rules.can_link(person(Role.AMBASSADOR), idea) and rules.can_link(person(Role.ADMIN), idea)
    assert not rules.can_link(person(), idea)
    assert not rules.can_link(person(Role.ADMIN), SimpleNamespace(wijk_id=idea.wijk_id, hidden=True))


def test_contact_details_only_for_the_collector_and_the_claiming_ambassador(ctx_db):
    broker, other_broker = makelaar("west"), makelaar("west")
    claimant, other_ambassador = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    idea = SimpleNamespace(ambassador_id=claimant.id)
    collected = SimpleNamespace(collected_by_id=broker.id)
    assert rules.can_see_contact(broker, idea, collected)
    assert rules.can_see_contact(claimant, idea, collected)
    for user in (other_broker, other_ambassador, person(Role.ADMIN), person(), None):
        assert not rules.can_see_contact(user, idea, collected)
