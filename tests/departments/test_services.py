"""Asks, answers, late asks and the escalation ladder, through the services and the tick."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.accounts.tokens import LinkError
from participatie.clock import add_working_days
from participatie.departments import escalation, services
from participatie.departments.models import Escalation
from participatie.extensions import db
from participatie.ideas.status import EventKind
from participatie.ops import jobs
from participatie.responses import services as responses
from participatie.web.errors import DomainValidationError, NotAllowed
from tests.departments.helpers import TUESDAY, admin, ask_of, case, departments, ladder, link_in, mails_to
from tests.responses.helpers import claimed_idea, events, notified, person


# --- working-day due dates -------------------------------------------------------------------

def test_due_date_skips_the_weekend(ctx):
    _amb, idea, asks = case(now=datetime(2026, 3, 5, 9, 0))  # Thursday -> 5 working days -> Thursday 12 March
    assert asks[0].due_at.date() == date(2026, 3, 12)
    assert "Gevraagd aan Verkeer op 5 maart 2026, antwoord uiterlijk 12 maart 2026" in events(idea, EventKind.ASKED)[0].public_text


def test_due_date_skips_dutch_holidays(ctx):
    # Thursday 23 April 2026 + 5 working days: Koningsdag (Monday 27 April) is skipped -> Friday 1 May
    _amb, _idea, asks = case(now=datetime(2026, 4, 23, 9, 0))
    assert asks[0].due_at.date() == date(2026, 5, 1)
    # Ascension Day (14 May 2026) too
    assert add_working_days(datetime(2026, 5, 12, 9, 0), 2).date() == date(2026, 5, 15)


def test_one_ask_per_department_each_with_its_own_mail_and_link(ctx):
    _amb, idea, asks = case()
    assert len(asks) == 2 and len(events(idea, EventKind.ASKED)) == 2
    verkeer_mail, groen_mail = mails_to("verkeer@gemeente.example.org"), mails_to("groen@gemeente.example.org")
    assert len(verkeer_mail) == 1 and len(groen_mail) == 1
    assert link_in(verkeer_mail[0], "/vraag/") != link_in(groen_mail[0], "/vraag/")


# --- signed links ------------------------------------------------------------------------------

def test_link_works_once_and_is_not_tied_to_a_person(ctx):
    _amb, idea, _asks = case()
    token = link_in(mails_to("groen@gemeente.example.org")[0], "/vraag/").rsplit("/", 1)[1]
    item = services.ask_from_token(token, now=TUESDAY)  # anyone holding the forwarded mail may answer
    services.answer(item, answered_by="Collega van Groen", public_text="Wij planten hier een boom.",
                    outcome="can", now=TUESDAY + timedelta(days=1))
    with pytest.raises(services.LinkUsed):
        services.ask_from_token(token, now=TUESDAY)


def test_link_expires_after_30_days_and_a_changed_link_is_refused(ctx):
    _amb, _idea, _asks = case(now=TUESDAY)
    token = link_in(mails_to("verkeer@gemeente.example.org")[0], "/vraag/").rsplit("/", 1)[1]
    with pytest.raises(LinkError) as expired:
        services.ask_from_token(token, now=TUESDAY + timedelta(days=31))
    assert expired.value.expired
    with pytest.raises(LinkError) as wrong:
        services.ask_from_token(now=TUESDAY, token=token[:-3] + ("abc" if not token.endswith("abc") else "xyz"))
    assert not wrong.value.expired


def test_a_new_nonce_makes_an_old_link_invalid(ctx):
    _amb, idea, _asks = case()
    token = link_in(mails_to("verkeer@gemeente.example.org")[0], "/vraag/").rsplit("/", 1)[1]
    ask_of(idea, "Verkeer").nonce = "0" * 32
    with pytest.raises(LinkError):
        services.ask_from_token(token)


# --- answers ------------------------------------------------------------------------------------

def test_answer_goes_public_without_the_internal_part_and_tells_the_ambassador(ctx):
    amb, idea, _asks = case()
    services.answer(ask_of(idea, "Groen"), answered_by="Els", public_text="Er komt een boom.",
                    internal_note="Budget uit potje B, niet delen", picked_up_by="Team Oost", outcome="can")
    event = events(idea, EventKind.ASK_ANSWERED)[0]
    assert event.public_text.startswith("Groen heeft geantwoord")
    assert "Er komt een boom." in event.public_text and "potje B" not in event.public_text
    assert notified(amb, "ask_answered")


def test_more_time_needs_a_date(ctx):
    _amb, idea, _asks = case()
    with pytest.raises(DomainValidationError) as problem:
        services.answer(ask_of(idea, "Groen"), answered_by="Els", public_text="We zoeken het uit.", outcome="more_time")
    assert problem.value.field == "more_time_until"


def test_an_answered_ask_counts_as_a_voorgesprek_for_kan_niet(ctx):
    amb, idea, _asks = case()
    assert not responses.had_voorgesprek(idea)
    services.answer(ask_of(idea, "Verkeer"), answered_by="Piet", public_text="Een drempel kan hier niet.",
                    outcome="cannot")
    assert responses.had_voorgesprek(idea)
    responses.change_status(amb, idea, "decided", "We hebben besloten.", outcome="not_possible",
                            reason="De weg is te smal.", alternative="Wel een bord.")


# --- roles ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", [Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR])
def test_only_the_ideas_ambassador_or_an_admin_asks_and_escalates(ctx, role):
    amb = person(Role.AMBASSADOR)
    idea = claimed_idea(amb)
    verkeer, _groen = departments()
    ladder()
    other = person(role)
    with pytest.raises(NotAllowed):
        services.ask(other, idea, [verkeer], "Vraag?")
    with pytest.raises(NotAllowed):
        escalation.escalate_by_hand(other, idea, "Te laat")
    with pytest.raises(NotAllowed):
        escalation.mark_high_impact(other, idea, "Veiligheid")
    assert services.ask(admin(), idea, [verkeer], "Vraag van beheer?")


def test_only_admins_keep_departments_and_the_ladder(ctx):
    amb = person(Role.AMBASSADOR)
    with pytest.raises(NotAllowed):
        services.add_department(amb, "Vastgoed", "vastgoed@gemeente.example.org")
    with pytest.raises(NotAllowed):
        escalation.add_step(amb, number=1, name="de teamleider")


# --- late asks and the ladder ---------------------------------------------------------------------

def test_a_late_ask_is_recorded_once_and_the_ambassador_told(ctx):
    amb, idea, _asks = case()
    services.answer(ask_of(idea, "Groen"), answered_by="Els", public_text="Kan wel.", outcome="can")
    later = TUESDAY + timedelta(days=14)  # due 10 March; 17 March is 5 working days late
    assert services.record_late_asks(later) == 1
    assert services.record_late_asks(later + timedelta(days=1)) == 0
    late = events(idea, EventKind.ASK_LATE)
    assert [e.public_text for e in late] == ["Verkeer is 5 werkdagen te laat."]
    assert len(notified(amb, "ask_late")) == 1


def test_tick_moves_a_late_case_up_once_per_step_and_never_past_the_top(ctx):
    _amb, idea, _asks = case()
    ladder()
    day = TUESDAY + timedelta(days=8)  # Wednesday 11 March: Verkeer and Groen are late
    assert escalation.escalate_late(day) == 1
    assert escalation.escalate_late(day) == 0  # the same day: step 1 has 3 working days
    first = events(idea, EventKind.ESCALATED)[0].public_text
    assert first == ("Dit is op 11 maart 2026 doorgezet naar de teamleider van Verkeer, "
                     "omdat het antwoord van Verkeer te laat was.")
    assert len(mails_to("tl-verkeer@gemeente.example.org")) == 1
    for weeks in range(1, 8):
        escalation.escalate_late(day + timedelta(weeks=weeks))
    steps = db.session.scalars(select(Escalation.step_number).where(Escalation.idea_id == idea.id)).all()
    assert sorted(steps) == [1, 2, 3]
    assert len(mails_to("pm@gemeente.example.org")) == 1 and len(mails_to("wethouder@gemeente.example.org")) == 1


def test_two_ticks_send_no_duplicate_mails(ctx, app):
    _amb, idea, _asks = case()
    ladder()
    day = TUESDAY + timedelta(days=8)
    for _ in range(2):
        for _name, step in jobs.TICK_STEPS:
            if _name != "mail":
                step(day)
    assert len(mails_to("tl-verkeer@gemeente.example.org")) == 1
    assert len(events(idea, EventKind.ASK_LATE)) == 2  # Verkeer and Groen, once each
    assert len(events(idea, EventKind.ESCALATED)) == 1


def test_manual_escalation_needs_a_reason_and_stops_at_the_top(ctx):
    amb, idea, _asks = case()
    ladder()
    with pytest.raises(DomainValidationError):
        escalation.escalate_by_hand(amb, idea, "   ")
    for _ in range(3):
        escalation.escalate_by_hand(amb, idea, "Er gebeurt niets en de buren maken zich zorgen.")
    with pytest.raises(DomainValidationError):
        escalation.escalate_by_hand(amb, idea, "Nog een keer.")
    assert escalation.level_of(idea.id) == 3


def test_high_impact_starts_one_step_higher(ctx):
    amb, idea, _asks = case()
    ladder()
    escalation.mark_high_impact(amb, idea, "Kinderen steken hier over.")
    escalation.escalate_late(TUESDAY + timedelta(days=8))
    assert escalation.level_of(idea.id) == 2


def test_the_step_answers_through_its_link_and_closes_the_late_ask(ctx):
    amb, idea, _asks = case()
    ladder()
    escalation.escalate_late(TUESDAY + timedelta(days=8))
    token = link_in(mails_to("tl-verkeer@gemeente.example.org")[0], "/doorgezet/").rsplit("/", 1)[1]
    esc = escalation.escalation_from_token(token, now=TUESDAY + timedelta(days=9))
    escalation.answer_case(esc, answered_by="Teamleider Jan", public_text="We leggen de drempel in mei aan.",
                           internal_note="Geld uit onderhoud")
    assert ask_of(idea, "Verkeer").answered_at is not None
    answer = events(idea, EventKind.ESCALATION_ANSWER)[0]
    assert "drempel in mei" in answer.public_text and "onderhoud" not in answer.public_text
    with pytest.raises(services.LinkUsed):
        escalation.escalation_from_token(token, now=TUESDAY + timedelta(days=9))
    assert notified(amb, "escalation_answer")


def test_overview_counts_per_department(ctx):
    _amb, idea, _asks = case()
    services.answer(ask_of(idea, "Groen"), answered_by="Els", public_text="Kan wel.", outcome="can",
                    now=TUESDAY + timedelta(days=1))
    rows = {r["department"].name: r for r in services.overview(now=TUESDAY + timedelta(days=14))}
    assert (rows["Groen"]["on_time"], rows["Groen"]["open"]) == (1, 0)
    assert (rows["Verkeer"]["open"], rows["Verkeer"]["late"]) == (1, 1)
