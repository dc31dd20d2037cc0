"""Rules in the way: who may mark, propose and confirm; /regels, its CSV and print; the idea page."""

import csv
import io

import pytest
from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.ideas.status import EventKind
from participatie.regulations import rules, services
from participatie.regulations.models import BlockStatus, Regulation, RegulationBlock
from participatie.responses import services as responses
from participatie.web.errors import DomainValidationError, NotAllowed
from tests.factories import make_idea
from tests.responses.helpers import claimed_idea, events, notified, page, person, sign_in

RULE = "Bestemmingsplan: geen bouwwerken in groenstrook"
HOW = "Een kiosk is een bouwwerk, en in de groenstrook mag je niets bouwen."


def new_rule(**overrides):
    values = dict(how=HOW, name=RULE, level="gemeente")
    values.update(overrides)
    return services.RuleInput(**values)


@pytest.fixture
def cast(ctx):
    holder = person(Role.AMBASSADOR, name="Ruud Houder")
    idea = claimed_idea(holder, wijk_slug="west")
    return {
        "idea": idea, "holder": holder, "admin": person(Role.ADMIN),
        "other_ambassador": person(Role.AMBASSADOR), "makelaar_west": person(Role.MAKELAAR, wijken=("west",)),
        "makelaar_elsewhere": person(Role.MAKELAAR, wijken=("zuid",)), "resident": person(Role.RESIDENT),
        "author": idea.author,
    }


MATRIX = [  # who, may mark, may propose
    ("holder", True, False), ("admin", True, False), ("other_ambassador", False, False),
    ("makelaar_west", False, True), ("makelaar_elsewhere", False, False), ("resident", False, False),
    ("author", False, False),
]


@pytest.mark.parametrize("who,may_mark,may_propose", MATRIX)
def test_role_matrix_for_marking_and_proposing(cast, who, may_mark, may_propose):
    user, idea = cast[who], cast["idea"]
    assert rules.can_mark(user, idea) is may_mark
    assert rules.can_propose(user, idea) is may_propose
    assert rules.can_mark(None, idea) is False and rules.can_propose(None, idea) is False
    if not may_mark:
        with pytest.raises(NotAllowed):
            services.mark(user, idea, new_rule())
    if not may_propose:
        with pytest.raises(NotAllowed):
            services.propose(user, idea, new_rule())


@pytest.mark.parametrize("who,may_mark,may_propose", MATRIX)
def test_role_matrix_in_the_views(cast, client, who, may_mark, may_propose):
    idea = cast["idea"]
    sign_in(client, cast[who])
    form = client.get(f"/ideas/{idea.id}/regel")
    assert form.status_code == (200 if may_mark or may_propose else 403)
    posted = client.post(f"/ideas/{idea.id}/regel", data={"existing": "0", "name": RULE, "level": "gemeente",
                                                           "description": HOW})
    assert posted.status_code == (303 if may_mark or may_propose else 403)
    block = db.session.scalar(select(RegulationBlock))
    if may_mark:
        assert block.status == BlockStatus.CONFIRMED
    elif may_propose:
        assert block.status == BlockStatus.PROPOSED
    else:
        assert block is None


def test_anonymous_is_sent_to_log_in(cast, client):
    response = client.get(f"/ideas/{cast['idea'].id}/regel")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_marking_puts_the_rule_on_the_timeline_and_the_idea_page(cast, client):
    idea = cast["idea"]
    services.mark(cast["holder"], idea, new_rule())
    [event] = events(idea, EventKind.RULE)
    assert RULE in event.public_text and HOW in event.public_text and "Gemeente" in event.public_text
    text = page(client.get(f"/ideas/{idea.id}"))
    assert "Een regel zit in de weg" in text and RULE in text and HOW in text


def test_a_makelaar_proposes_and_the_ambassador_confirms(cast, client):
    idea, holder = cast["idea"], cast["holder"]
    block = services.propose(cast["makelaar_west"], idea, new_rule())
    assert notified(holder, "rule_proposed"), "the ambassador hears about the proposal"
    assert RULE not in page(client.get(f"/ideas/{idea.id}")), "not public before it is confirmed"
    assert client.get("/regels").get_data(as_text=True).count("rule-card__title") == 0
    for who in ("makelaar_west", "other_ambassador", "resident"):
        sign_in(client, cast[who])
        assert client.post(f"/ideas/{idea.id}/regel/{block.id}/bevestigen").status_code == 403
    sign_in(client, holder)
    assert client.post(f"/ideas/{idea.id}/regel/{block.id}/bevestigen").status_code == 303
    assert db.session.get(RegulationBlock, block.id).status == BlockStatus.CONFIRMED
    assert events(idea, EventKind.RULE)
    assert RULE in page(client.get(f"/ideas/{idea.id}"))


def test_the_same_rule_blocks_many_ideas_once_each(cast):
    holder = cast["holder"]
    services.mark(holder, cast["idea"], new_rule())
    second = claimed_idea(holder, wijk_slug="zuid", title="Een zitbank met dak in het park")
    rule_id = db.session.scalar(select(Regulation.id))
    services.mark(holder, second, new_rule(name="", level="", regulation_id=rule_id))
    services.mark(holder, make_claimed(holder), new_rule(name=RULE.upper(), level=""))  # same rule, other case
    assert db.session.scalar(select(db.func.count(Regulation.id))) == 1
    with pytest.raises(DomainValidationError):
        services.mark(holder, second, new_rule(regulation_id=rule_id))


def make_claimed(holder):
    return claimed_idea(holder, wijk_slug="zuid", title="Een kiosk bij de vijver")


def test_a_rule_needs_a_name_a_level_and_a_plain_sentence(cast, client):
    holder, idea = cast["holder"], cast["idea"]
    with pytest.raises(DomainValidationError) as missing_level:
        services.mark(holder, idea, new_rule(level=""))
    assert missing_level.value.field == "level"
    with pytest.raises(DomainValidationError):
        services.mark(holder, idea, new_rule(how="  "))
    sign_in(client, holder)
    response = client.post(f"/ideas/{idea.id}/regel", data={"existing": "0", "name": "", "level": "",
                                                             "description": HOW})
    text = page(response)
    assert response.status_code == 422
    assert "Schrijf de naam van de regel" in text and HOW in text, "the error is shown, nothing typed is lost"


def test_regels_counts_ideas_and_wijken_and_the_csv_agrees(cast, client):
    holder = cast["holder"]
    services.mark(holder, cast["idea"], new_rule())
    services.mark(holder, make_claimed(holder), new_rule(name=RULE, level=""))
    services.mark(holder, claimed_idea(holder, wijk_slug="zuid", title="Geluid in het park"),
                  new_rule(name="APV: geen muziek na 22.00 uur", level="gemeente", how="Muziek mag niet na tien uur."))
    hidden = claimed_idea(holder, wijk_slug="oost", title="Verborgen idee")
    services.mark(holder, hidden, new_rule(name=RULE, level=""))
    hidden.hidden = True
    db.session.commit()

    [first, second] = services.overview()
    assert (first.name, first.count, first.wijken) == (RULE, 2, ["West", "Zuid"])
    assert second.count == 1
    text = page(client.get("/regels"))
    assert "Houdt 2 ideeën tegen" in text and "Houdt 1 idee tegen" in text and "Verborgen idee" not in text
    assert f'href="/ideas/{cast["idea"].id}"' in text

    response = client.get("/regels.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:3] == ["regel", "wie maakte de regel", "aantal ideeën"]
    assert len(rows) == 4
    assert rows[1][0] == RULE and rows[1][2] == "2" and rows[1][3] == "West, Zuid" and rows[1][7] == HOW
    assert rows[1][8].startswith("http://localhost/ideas/")


def test_the_print_sheets_show_the_rule(cast, client):
    idea = cast["idea"]
    services.mark(cast["holder"], idea, new_rule())
    sheet = page(client.get("/print/regels"))
    assert "Regels in de weg" in sheet and RULE in sheet and idea.title in sheet and HOW in sheet
    idea_sheet = page(client.get(f"/print/ideas/{idea.id}"))
    assert "Welke regel zit in de weg?" in idea_sheet and RULE in idea_sheet and HOW in idea_sheet


def test_marking_after_a_not_possible_decision(cast, client):
    """The ambassador decides "kan niet" after a voorgesprek and then names the rule."""
    holder, idea = cast["holder"], cast["idea"]
    responses.record_voorgesprek(holder, idea, department="Ruimtelijke Ordening", held_on=idea.created_at.date())
    responses.change_status(holder, idea, "decided", "Dit kan helaas niet.", outcome="not_possible",
                            reason="Het is een groenstrook.", alternative="Een kast in het buurthuis kan wel.")
    sign_in(client, holder)
    assert "Noteer een regel die in de weg zit" in page(client.get(f"/ambassador/ideas/{idea.id}"))
    assert client.post(f"/ideas/{idea.id}/regel", data={"existing": "0", "name": RULE, "level": "rijk",
                                                         "description": HOW}).status_code == 303
    assert "Rijk" in page(client.get("/regels"))
