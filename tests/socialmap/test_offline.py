"""Ideas collected offline and paper supports: they count toward the threshold; contact details stay private."""

from datetime import timedelta

import pytest

from participatie.accounts.roles import Role
from participatie.clock import today_local
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.ideas.models import Follow
from participatie.ideas.status import IdeaStatus
from participatie.responses import services as responses
from participatie.socialmap import offline
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from tests.factories import idea_input, make_idea
from tests.responses.helpers import count, events, fresh, page, person, set_wijk, sign_in
from tests.socialmap.conftest import makelaar

CONTACT = {"contact_name": "Mevrouw Jansen", "contact_phone": "06-12345678", "contact_email": "jansen@example.org"}


def _collected(broker, **extra):
    return offline.collect_idea(broker, idea_input(title="Een bankje bij de bushalte"),
                                occasion="de markt op de Kanaalstraat", **extra)


def test_a_makelaar_collects_an_idea_and_follows_it(ctx_db):
    broker = makelaar("west")
    idea = _collected(broker)
    collected = offline.collected_of(idea)
    assert collected.collected_by_id == broker.id and not collected.has_contact and collected.consent_at is None
    assert count(Follow, Follow.idea_id == idea.id, Follow.user_id == broker.id) == 1


def test_contact_details_need_recorded_consent(ctx_db):
    broker = makelaar("west")
    with pytest.raises(DomainValidationError):
        _collected(broker, **CONTACT)
    idea = _collected(broker, consent=True, **CONTACT)
    assert offline.collected_of(idea).consent_at is not None


def test_only_makelaars_collect_and_only_in_their_wijken(ctx_db):
    for user in (makelaar("zuid"), person(Role.ADMIN), person(Role.AMBASSADOR), person()):
        with pytest.raises(NotAllowed):
            _collected(user)


def test_paper_supports_count_toward_the_threshold(ctx_db):
    set_wijk("west", threshold=10)
    broker = makelaar("west")
    idea = make_idea()
    for _ in range(3):
        set_support(person(), idea, SupportKind.STEUN, True)
    offline.add_paper_support(broker, idea, count=6, collected_where="Buurthuis", collected_on=today_local())
    assert fresh(idea).status == IdeaStatus.OPEN and fresh(idea).supporter_total == 9
    set_support(person(), idea, SupportKind.STEUN, True)  # the tenth
    idea = fresh(idea)
    assert idea.status == IdeaStatus.AWAITING_RESPONSE and idea.support_count == 4
    assert idea.paper_support_count == 6
    assert [e.kind for e in events(idea) if e.kind in ("paper_support", "threshold")] == ["paper_support",
                                                                                          "threshold"]


def test_paper_supports_alone_can_pass_the_threshold(ctx_db):
    set_wijk("west", threshold=10)
    idea = make_idea()
    offline.add_paper_support(makelaar("west"), idea, count=14, collected_where="Markt",
                              collected_on=today_local() - timedelta(days=2), note="Lijst bij de kraam")
    assert fresh(idea).status == IdeaStatus.AWAITING_RESPONSE
    threshold = next(e for e in events(idea) if e.kind == "threshold")
    assert threshold.public_text.startswith("14 ")


def test_paper_supports_are_checked(ctx_db):
    idea = make_idea()
    broker = makelaar("west")
    for bad in ({"count": 0}, {"count": 6000}, {"collected_where": " "},
                {"collected_on": today_local() + timedelta(days=1)}):
        values = {"count": 5, "collected_where": "Markt", "collected_on": today_local()} | bad
        with pytest.raises(DomainValidationError):
            offline.add_paper_support(broker, idea, **values)
    for user in (makelaar("zuid"), person(Role.AMBASSADOR), person()):
        with pytest.raises(NotAllowed):
            offline.add_paper_support(user, idea, count=5, collected_where="Markt", collected_on=today_local())


def test_the_idea_page_shows_who_collected_it_and_the_paper_count(web):
    broker = makelaar("west", name="Sanne")
    idea = _collected(broker)
    offline.add_paper_support(broker, idea, count=14, collected_where="Markt", collected_on=today_local())
    text = page(web.get(f"/ideas/{idea.id}"))
    assert "Sanne" in text and "de markt op de Kanaalstraat" in text
    assert "14" in text


def test_contact_details_are_shown_only_to_the_collector_and_the_claimant(web):
    broker = makelaar("west")
    idea = _collected(broker, consent=True, **CONTACT)
    claimant = person(Role.AMBASSADOR)
    responses.claim(claimant, idea, "Hallo, ik ben uw contact bij de gemeente.")
    others = [None, person(), makelaar("west"), person(Role.AMBASSADOR), person(Role.ADMIN)]
    for user in [broker, claimant] + others:
        sign_in(web, user)
        text = page(web.get(f"/ideas/{idea.id}"))
        shown = [v in text for v in CONTACT.values()]
        assert all(shown) if user in (broker, claimant) else not any(shown), user
