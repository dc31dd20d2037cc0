"""The demo tells the three stories: an answered ask, a late ask, and an idea escalated a step."""

from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.departments import escalation, services
from participatie.departments.demo import seed_departments
from participatie.ideas.status import EventKind
from tests.factories import make_idea
from tests.responses.helpers import events


def test_demo_departments_ladder_and_three_stories(ctx):
    accounts.create_user("beheer@example.org", "Beheer", role=Role.ADMIN, verified=True)
    accounts.create_user("ambassadeur@example.org", "Ruud de Vries", role=Role.AMBASSADOR, verified=True,
                         department="Stadsbeheer")
    ideas = [make_idea(title=f"Idee {n}") for n in range(3)]
    assert seed_departments() == "departments: demo ready"
    assert seed_departments() == "departments: already there"
    assert {d.name for d in services.all_departments()} >= {"Verkeer", "Groen", "Vergunningen", "Vastgoed"}
    assert len(escalation.ladder()) == 3
    kinds = [{e.kind for e in events(idea)} for idea in ideas]
    assert any(EventKind.ASK_ANSWERED in k for k in kinds)
    assert any(EventKind.ASK_LATE in k and EventKind.ESCALATED not in k for k in kinds)
    escalated = [idea for idea, k in zip(ideas, kinds) if EventKind.ESCALATED in k]
    assert len(escalated) == 1 and escalation.level_of(escalated[0].id) == 1
    assert "doorgezet naar de teamleider van Verkeer" in events(escalated[0], EventKind.ESCALATED)[0].public_text


def test_demo_timelines_read_in_the_order_things_happened(ctx):
    """The stories are back-dated; what the main seed wrote today (posted, genoeg steun) must not read as
    happening after the claim, or the resident sees the status go back from 'bezig' to 'wacht'."""
    accounts.create_user("beheer@example.org", "Beheer", role=Role.ADMIN, verified=True)
    accounts.create_user("ambassadeur@example.org", "Ruud de Vries", role=Role.AMBASSADOR, verified=True,
                         department="Stadsbeheer")
    ideas = [make_idea(title=f"Idee {n}") for n in range(3)]
    seed_departments()
    for idea in ideas:
        moves = [e for e in events(idea) if e.new_status is not None or e.kind == EventKind.CREATED]
        assert [e.id for e in moves] == sorted(e.id for e in moves), [(e.kind, e.created_at) for e in moves]
