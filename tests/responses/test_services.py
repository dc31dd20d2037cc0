"""The municipality's side of the loop, called as the views, jobs and demo call it."""

from datetime import date, datetime

import pytest
from flask import current_app
from flask_babel import force_locale, gettext

from participatie.accounts.models import AuditLog
from participatie.accounts.roles import Role
from participatie.clock import add_working_days, utcnow
from participatie.web.errors import DomainValidationError, InvalidTransition, NotAllowed
from participatie.extensions import db
from participatie.web.i18n import human_date
from participatie.ideas import services as ideas
from participatie.ideas.models import EventKind
from participatie.ideas.status import IdeaStatus
from participatie.responses import rules, services
from participatie.responses.models import Voorgesprek
from participatie.responses.services import CaseloadExceeded, NeedsPlainLanguage
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from tests.factories import make_idea
from tests.responses.helpers import (
    claimed_idea,
    count,
    decided_idea,
    done_idea,
    events,
    fresh,
    notified,
    person,
    set_wijk,
    talk,
    tr,
)

S = IdeaStatus
HELLO = "Hallo, ik ben Sanne van Stadsbeheer. Ik bel u deze week."
HARD = (
    "In het kader van de integrale gebiedsontwikkeling is door het college, na zorgvuldige afweging van de "
    "betrokken belangen en met inachtneming van de geldende beleidskaders, vastgesteld dat de realisatie van de "
    "door initiatiefnemers voorgestelde voorziening in de openbare ruimte vooralsnog niet kan worden "
    "gefaciliteerd, aangezien de benodigde budgettaire middelen in het lopende begrotingsjaar reeds volledig zijn "
    "gealloceerd. Teneinde de haalbaarheid van een eventuele toekomstige implementatie te borgen, zal de "
    "desbetreffende afdeling in samenspraak met relevante stakeholders een verkenning uitvoeren naar alternatieve "
    "financieringsconstructies, waarbij de uitkomsten te zijner tijd ter besluitvorming aan het college zullen "
    "worden voorgelegd."
)


# --- threshold ----------------------------------------------------------------------------------

def supported_by(idea, n):
    fans = [person() for _ in range(n)]
    for fan in fans:
        set_support(fan, idea, SupportKind.STEUN, True)
    return fans


def test_the_nth_support_asks_the_city_for_an_answer(ctx):
    set_wijk("west", threshold=3, term=10)
    author = person()
    idea = make_idea(author)
    first, second = supported_by(idea, 2)
    assert fresh(idea).status == S.OPEN and fresh(idea).response_due_at is None
    before = utcnow()
    third = supported_by(idea, 1)[0]
    after = utcnow()

    idea = fresh(idea)
    assert idea.status == S.AWAITING_RESPONSE
    assert add_working_days(before, 10) <= idea.response_due_at <= add_working_days(after, 10)
    [event] = events(idea, EventKind.THRESHOLD)
    assert (event.old_status, event.new_status, event.actor_id) == ("open", "awaiting_response", None)
    with current_app.test_request_context(), force_locale("nl"):
        expected = gettext("%(num)d people support this idea. The city responds before %(date)s.",
                           num=3, date=human_date(idea.response_due_at))
    assert event.public_text == expected
    for follower in (author, first, second, third):
        assert len(notified(follower, EventKind.THRESHOLD)) == 1, follower


def test_the_term_of_the_wijk_sets_the_due_date(ctx):
    set_wijk("zuid", threshold=1, term=3)
    before = utcnow()
    idea = make_idea(wijk_slug="zuid")
    supported_by(idea, 1)
    assert fresh(idea).response_due_at <= add_working_days(utcnow(), 3)
    assert fresh(idea).response_due_at >= add_working_days(before, 3)


def test_withdrawing_support_after_the_threshold_does_not_undo_it(ctx):
    set_wijk("west", threshold=2)
    idea = make_idea()
    fans = supported_by(idea, 2)
    due = fresh(idea).response_due_at
    set_support(fans[0], idea, SupportKind.STEUN, False)  # withdraw
    set_support(fans[0], idea, SupportKind.STEUN, True)  # and give again
    idea = fresh(idea)
    assert idea.status == S.AWAITING_RESPONSE and idea.response_due_at == due
    assert len(events(idea, EventKind.THRESHOLD)) == 1


def test_joining_does_not_count_towards_the_threshold(ctx):
    set_wijk("west", threshold=1)
    idea = make_idea()
    set_support(person(), idea, SupportKind.MEEDOEN, True, "Ik kan schilderen")
    assert fresh(idea).status == S.OPEN


# --- endorse -----------------------------------------------------------------------------------

def test_a_makelaar_of_the_wijk_puts_an_idea_forward(ctx):
    makelaar = person(Role.MAKELAAR, wijken=["west"])
    author = person()
    idea = make_idea(author)
    services.endorse(makelaar, idea, "Veel buren vroegen hier al om op de buurtavond.")
    idea = fresh(idea)
    assert idea.status == S.AWAITING_RESPONSE and idea.response_due_at is not None
    assert idea.endorsed_by_id == makelaar.id and idea.endorsed_at is not None
    [event] = events(idea, EventKind.ENDORSED)
    assert event.public_text == "Veel buren vroegen hier al om op de buurtavond."
    assert event.actor_id == makelaar.id and event.new_status == "awaiting_response"
    assert len(notified(author, EventKind.ENDORSED)) == 1


@pytest.mark.parametrize("who", ["makelaar_elsewhere", "resident", "ambassador"])
def test_others_cannot_put_an_idea_forward(ctx, who):
    actor = {"makelaar_elsewhere": lambda: person(Role.MAKELAAR, wijken=["zuid"]),
             "resident": person, "ambassador": lambda: person(Role.AMBASSADOR)}[who]()
    idea = make_idea()
    with pytest.raises(NotAllowed):
        services.endorse(actor, idea, "Graag.")
    assert fresh(idea).status == S.OPEN and not events(idea, EventKind.ENDORSED)


def test_putting_forward_needs_a_reason(ctx):
    idea = make_idea()
    with pytest.raises(DomainValidationError) as exc:
        services.endorse(person(Role.MAKELAAR, wijken=["west"]), idea, "   ")
    assert exc.value.field == "message"
    assert fresh(idea).status == S.OPEN


# --- claim -------------------------------------------------------------------------------------

@pytest.mark.parametrize("start", [S.OPEN, S.AWAITING_RESPONSE])
def test_an_ambassador_claims(ctx, start):
    ambassador, author = person(Role.AMBASSADOR, name="Sanne"), person()
    idea = make_idea(author)
    if start == S.AWAITING_RESPONSE:
        services.endorse(person(Role.MAKELAAR, wijken=["west"]), idea, "Belangrijk voor de buurt.")
    services.claim(ambassador, idea, HELLO)
    idea = fresh(idea)
    assert idea.status == S.IN_PROGRESS
    assert idea.ambassador_id == ambassador.id and idea.claimed_at is not None
    assert idea.update_due_at is not None
    [event] = events(idea, EventKind.CLAIM)
    assert (event.public_text, event.old_status, event.new_status) == (HELLO, start.value, "in_progress")
    assert len(notified(author, EventKind.CLAIM)) == 1
    assert not notified(ambassador, EventKind.CLAIM)


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.MAKELAAR, Role.ADMIN])
def test_only_ambassadors_claim(ctx, role):
    idea = make_idea()
    with pytest.raises(NotAllowed):
        services.claim(person(role, wijken=["west"] if role == Role.MAKELAAR else ()), idea, HELLO)
    assert fresh(idea).ambassador_id is None


def test_nobody_claims_an_idea_someone_holds(ctx):
    holder, other = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    with pytest.raises(NotAllowed):
        services.claim(other, idea, HELLO)
    with pytest.raises(NotAllowed):
        services.claim(holder, idea, HELLO)
    assert fresh(idea).ambassador_id == holder.id and len(events(idea, EventKind.CLAIM)) == 1


def test_a_claim_needs_a_message(ctx):
    idea = make_idea()
    with pytest.raises(DomainValidationError) as exc:
        services.claim(person(Role.AMBASSADOR), idea, "")
    assert exc.value.field == "message" and fresh(idea).ambassador_id is None


def test_claiming_over_the_caseload_needs_a_yes(ctx, config):
    config("AMBASSADOR_CASELOAD_LIMIT", 2)
    ambassador = person(Role.AMBASSADOR)
    claimed_idea(ambassador), claimed_idea(ambassador)
    third = make_idea()
    with pytest.raises(CaseloadExceeded) as exc:
        services.claim(ambassador, third, HELLO)
    assert (exc.value.open_claims, exc.value.limit) == (2, 2)
    assert fresh(third).ambassador_id is None and fresh(third).status == S.OPEN
    services.claim(ambassador, third, HELLO, accept_over_limit=True)
    assert fresh(third).ambassador_id == ambassador.id
    assert services.open_claims(ambassador) == 3


def test_finished_ideas_do_not_count_for_the_caseload(ctx, config):
    config("AMBASSADOR_CASELOAD_LIMIT", 1)
    ambassador = person(Role.AMBASSADOR)
    done_idea(ambassador)
    assert services.open_claims(ambassador) == 0
    services.claim(ambassador, make_idea(), HELLO)  # no CaseloadExceeded


# --- hand over and release -----------------------------------------------------------------------

def test_hand_over_to_a_colleague(ctx):
    old, new = person(Role.AMBASSADOR, name="Sanne"), person(Role.AMBASSADOR, name="Karim", department="Verkeer")
    author = person()
    idea = claimed_idea(old, author=author)
    reason = "Dit gaat vooral over verkeersveiligheid; Karim kent de straat."
    services.hand_over(old, idea, new, reason)
    idea = fresh(idea)
    assert idea.ambassador_id == new.id and idea.handover_count == 1
    [event] = events(idea, EventKind.HANDOVER)
    assert event.internal_note == reason
    assert reason not in event.public_text
    assert event.public_text == tr("%(name)s (%(department)s) is now the contact for this idea.",
                                   name="Karim", department="Verkeer")
    assert len(notified(new, "handover_to_you")) == 1
    assert len(notified(author, EventKind.HANDOVER)) == 1
    assert not rules.can_manage(old, idea)
    with pytest.raises(NotAllowed):
        services.post_answer(old, idea, "Wij gaan het doen.")
    services.hand_over(new, idea, old, "Terug naar Sanne.")
    assert fresh(idea).handover_count == 2


@pytest.mark.parametrize("who", ["other_ambassador", "resident", "makelaar"])
def test_only_the_claimant_or_an_admin_hands_over(ctx, who):
    holder, colleague = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    actor = {"other_ambassador": colleague, "resident": person(),
             "makelaar": person(Role.MAKELAAR, wijken=["west"])}[who]
    idea = claimed_idea(holder)
    with pytest.raises(NotAllowed):
        services.hand_over(actor, idea, colleague, "Ik neem het over.")
    assert fresh(idea).ambassador_id == holder.id and fresh(idea).handover_count == 0


def test_an_admin_hands_over(ctx):
    holder, colleague = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    services.hand_over(person(Role.ADMIN), idea, colleague, "Sanne is met verlof.")
    assert fresh(idea).ambassador_id == colleague.id


def test_hand_over_needs_a_reason_and_another_ambassador(ctx):
    holder, colleague = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    with pytest.raises(DomainValidationError) as exc:
        services.hand_over(holder, idea, colleague, "  ")
    assert exc.value.field == "reason"
    for target in (holder, person(), None):
        with pytest.raises(DomainValidationError) as exc:
            services.hand_over(holder, idea, target, "Een reden.")
        assert exc.value.field == "to"
    assert fresh(idea).ambassador_id == holder.id and fresh(idea).handover_count == 0


def test_release_says_so_in_public_and_frees_the_idea(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = claimed_idea(holder, author=author)
    with pytest.raises(DomainValidationError):
        services.release(holder, idea, "")
    services.release(holder, idea, "Ik stop bij dit team. Een collega neemt het over.")
    idea = fresh(idea)
    assert idea.ambassador_id is None and idea.claimed_at is None
    assert idea.status == S.IN_PROGRESS
    [event] = events(idea, EventKind.RELEASE)
    assert event.public_text == "Ik stop bij dit team. Een collega neemt het over."
    assert len(notified(author, EventKind.RELEASE)) == 1
    colleague = person(Role.AMBASSADOR)
    assert rules.can_claim(colleague, idea)
    services.claim(colleague, idea, HELLO)
    assert fresh(idea).ambassador_id == colleague.id


# --- voorgesprek, answers, progress ---------------------------------------------------------------

def test_a_voorgesprek_is_recorded_with_a_public_line_and_an_internal_note(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    services.record_voorgesprek(holder, idea, department="Stadsbeheer Groen", held_on=date(2026, 3, 4),
                                internal_note="Budget is op, maar na de zomer misschien.",
                                public_line="Ze kijken of het na de zomer kan.")
    [row] = db.session.scalars(db.select(Voorgesprek)).all()
    assert (row.department, row.held_on, row.ambassador_id) == ("Stadsbeheer Groen", date(2026, 3, 4), holder.id)
    [event] = events(idea, EventKind.VOORGESPREK)
    assert "Ze kijken of het na de zomer kan." in event.public_text
    assert tr("We asked %(department)s about this idea.", department="Stadsbeheer Groen") in event.public_text
    assert "Budget is op" not in event.public_text
    assert event.internal_note == "Budget is op, maar na de zomer misschien."


def test_a_voorgesprek_needs_a_department_and_the_claimant(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    with pytest.raises(DomainValidationError):
        services.record_voorgesprek(holder, idea, department=" ", held_on=date(2026, 3, 4))
    with pytest.raises(NotAllowed):
        services.record_voorgesprek(person(Role.AMBASSADOR), idea, department="Verkeer", held_on=date(2026, 3, 4))
    assert count(Voorgesprek) == 0


def test_an_answer_reaches_followers_but_not_the_ambassador(ctx):
    holder, author, outsider = person(Role.AMBASSADOR), person(), person()
    idea = claimed_idea(holder, author=author)
    fan = person()
    set_support(fan, idea, SupportKind.STEUN, True)
    ideas.follow(holder, idea)  # even when the ambassador follows the idea
    event = services.post_answer(holder, idea, "We zetten in mei een bank neer. U hoort van ons.")
    assert event.kind == EventKind.ANSWER and events(idea)[-1].id == event.id
    assert fresh(idea).first_answer_at is not None
    for follower in (author, fan):
        [note] = notified(follower, EventKind.ANSWER)
        assert note.event_id == event.id
    assert not notified(holder, EventKind.ANSWER) and not notified(outsider)


def test_the_first_answer_time_stays_the_first(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    services.post_answer(holder, idea, "Eerste antwoord.", now=datetime(2026, 3, 2, 10))
    services.post_answer(holder, idea, "Tweede antwoord.", now=datetime(2026, 3, 9, 10))
    assert fresh(idea).first_answer_at == datetime(2026, 3, 2, 10)


def test_a_hard_answer_needs_an_explicit_toch_plaatsen(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    with pytest.raises(NeedsPlainLanguage) as exc:
        services.post_answer(holder, idea, HARD)
    assert exc.value.report.findings
    assert not events(idea, EventKind.ANSWER) and count(AuditLog, AuditLog.action == "b1_override") == 0
    services.post_answer(holder, idea, HARD, confirm_difficult=True)
    assert [e.public_text for e in events(idea, EventKind.ANSWER)] == [HARD]
    [log] = db.session.scalars(db.select(AuditLog).where(AuditLog.action == "b1_override")).all()
    assert log.actor_id == holder.id and str(idea.id) in log.details


def test_a_plain_answer_writes_no_audit_row(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    services.post_answer(holder, idea, "We zetten in mei een bank neer.", confirm_difficult=True)
    assert count(AuditLog, AuditLog.action == "b1_override") == 0


def test_an_answer_needs_text(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    with pytest.raises(DomainValidationError):
        services.post_answer(holder, idea, "  ")
    assert not events(idea, EventKind.ANSWER)


def test_no_news_is_an_update_and_restarts_the_clock(ctx, app):
    holder, author = person(Role.AMBASSADOR), person()
    idea = make_idea(author)
    services.claim(holder, idea, HELLO, now=datetime(2026, 3, 2, 9))
    interval = app.config["UPDATE_INTERVAL_WORKING_DAYS"]
    assert fresh(idea).update_due_at == add_working_days(datetime(2026, 3, 2, 9), interval)
    services.post_progress(holder, idea, "Nog geen nieuws, wel bezig", now=datetime(2026, 4, 20, 14))
    assert fresh(idea).update_due_at == add_working_days(datetime(2026, 4, 20, 14), interval)
    [event] = events(idea, EventKind.PROGRESS)
    assert event.public_text == "Nog geen nieuws, wel bezig"
    assert len(notified(author, EventKind.PROGRESS)) == 1
    with pytest.raises(DomainValidationError):
        services.post_progress(holder, idea, "")


# --- status changes ----------------------------------------------------------------------------

def idea_in(status, holder):
    """An idea the ambassador holds, brought to `status` through the services."""
    if status == S.IN_PROGRESS:
        return claimed_idea(holder)
    if status == S.CONVERSATION_PLANNED:
        idea = claimed_idea(holder)
        services.change_status(holder, idea, "conversation_planned", "We praten erover op 12 mei.")
        return idea
    if status == S.DECIDED:
        return decided_idea(holder)
    if status == S.DONE:
        return done_idea(holder)
    if status == S.CLOSED:
        idea = decided_idea(holder, "not_possible")
        services.change_status(holder, idea, "closed", "We sluiten dit af.")
        return idea
    raise AssertionError(status)


DECISION = dict(outcome="city_does_it", next_step="We plaatsen de bank.", next_date=date(2026, 6, 1))
ALLOWED = {
    S.IN_PROGRESS: {S.CONVERSATION_PLANNED, S.DECIDED},
    S.CONVERSATION_PLANNED: {S.DECIDED, S.IN_PROGRESS},
    S.DECIDED: {S.DONE},  # closing a decision: see the tests below
    S.DONE: {S.IN_PROGRESS},  # closing: only the resident (see below)
    S.CLOSED: set(),
}
CELLS = [(start, target) for start in ALLOWED for target in S
         if (start, target) not in {(S.DECIDED, S.CLOSED), (S.DONE, S.CLOSED)}]


@pytest.mark.parametrize(("start", "target"), CELLS, ids=[f"{a}->{b}" for a, b in CELLS])
def test_status_changes(ctx, start, target):
    holder = person(Role.AMBASSADOR)
    idea = idea_in(start, holder)
    before = len(events(idea))
    extra = DECISION if target == S.DECIDED else {}
    if target in ALLOWED[start]:
        event = services.change_status(holder, idea, target.value, "Een bericht voor de buurt.", **extra)
        assert fresh(idea).status == target
        assert (event.old_status, event.new_status) == (start.value, target.value)
        assert len(events(idea)) >= before + 1
    else:
        with pytest.raises(InvalidTransition):
            services.change_status(holder, idea, target.value, "Een bericht voor de buurt.", **extra)
        assert fresh(idea).status == start and len(events(idea)) == before


def test_a_kan_niet_decision_can_be_closed(ctx):
    holder = person(Role.AMBASSADOR)
    idea = decided_idea(holder, "not_possible")
    services.change_status(holder, idea, "closed", "We sluiten dit af.")
    assert fresh(idea).status == S.CLOSED and fresh(idea).closed_at is not None


@pytest.mark.parametrize("outcome", ["city_does_it", "together"])
def test_a_decision_to_do_it_is_not_closed_before_it_is_done(ctx, outcome):
    """ARCHITECTURE: only decided(kan niet) -> closed; the rest goes through done and the resident's yes."""
    holder = person(Role.AMBASSADOR)
    idea = decided_idea(holder, outcome)
    with pytest.raises(InvalidTransition):
        services.change_status(holder, idea, "closed", "Klaar, we sluiten het.")
    assert fresh(idea).status == S.DECIDED


def test_the_ambassador_cannot_close_a_done_idea_for_the_resident(ctx):
    """PRODUCT: never close without the resident agreeing; done -> closed is the resident's 'yes'."""
    holder = person(Role.AMBASSADOR)
    idea = done_idea(holder)
    with pytest.raises(InvalidTransition):
        services.change_status(holder, idea, "closed", "Het is klaar.")
    assert fresh(idea).status == S.DONE


def test_every_status_change_needs_a_message(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    with pytest.raises(DomainValidationError) as exc:
        services.change_status(holder, idea, "conversation_planned", "  ")
    assert exc.value.field == "message" and fresh(idea).status == S.IN_PROGRESS


def test_only_the_claimant_or_an_admin_changes_the_status(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    for actor in (person(), person(Role.AMBASSADOR), person(Role.MAKELAAR, wijken=["west"])):
        with pytest.raises(NotAllowed):
            services.change_status(actor, idea, "conversation_planned", "Bericht.")
    services.change_status(person(Role.ADMIN), idea, "conversation_planned", "Bericht.")
    assert fresh(idea).status == S.CONVERSATION_PLANNED


@pytest.mark.parametrize(("values", "field"), [
    ({}, "outcome"),
    ({"outcome": "maybe"}, "outcome"),
    ({"outcome": "city_does_it", "next_date": date(2026, 6, 1)}, "next_step"),
    ({"outcome": "city_does_it", "next_step": "Bank plaatsen"}, "next_date"),
    ({"outcome": "together", "next_date": date(2026, 6, 1)}, "next_step"),
    ({"outcome": "together", "next_step": "Samen planten"}, "next_date"),
    ({"outcome": "not_possible", "alternative": "Wel op het plein."}, "reason"),
    ({"outcome": "not_possible", "reason": "Te smal."}, "alternative"),
])
def test_a_decision_carries_its_reasons(ctx, values, field):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    talk(holder, idea)
    with pytest.raises(DomainValidationError) as exc:
        services.change_status(holder, idea, "decided", "Besluit.", **values)
    assert exc.value.field == field
    assert fresh(idea).status == S.IN_PROGRESS and fresh(idea).outcome is None


def test_kan_niet_needs_a_voorgesprek_first(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    kan_niet = dict(outcome="not_possible", reason="De stoep is te smal voor een bank.",
                    alternative="Op het plein om de hoek kan het wel.")
    with pytest.raises(DomainValidationError) as exc:
        services.change_status(holder, idea, "decided", "Dit kan helaas niet.", **kan_niet)
    assert exc.value.field == "outcome" and fresh(idea).status == S.IN_PROGRESS
    talk(holder, idea, "Verkeer")
    services.change_status(holder, idea, "decided", "Dit kan helaas niet.", **kan_niet)
    idea = fresh(idea)
    assert idea.status == S.DECIDED and idea.outcome == "not_possible"
    text = events(idea, EventKind.STATUS_CHANGE)[-1].public_text
    assert "Kan niet" in text  # the outcome label, in Dutch
    assert tr("Why not: %(reason)s", reason="De stoep is te smal voor een bank.") in text
    assert tr("What is possible: %(alt)s", alt="Op het plein om de hoek kan het wel.") in text


def test_the_decision_is_written_in_dutch_whatever_the_ambassador_s_language(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = claimed_idea(holder, author=author)
    with force_locale("en"):
        services.change_status(holder, idea, "decided", "Goed nieuws!", outcome="city_does_it",
                               next_step="We plaatsen de bank", next_date=date(2026, 6, 1))
    [event] = [e for e in events(idea, EventKind.STATUS_CHANGE) if e.new_status == "decided"]
    lines = event.public_text.split("\n")
    assert lines[0] == "Goed nieuws!"
    assert lines[1] == tr("Decision: %(outcome)s.", outcome="De gemeente doet het")
    with current_app.test_request_context(), force_locale("nl"):
        expected = gettext("Next step: %(step)s (by %(date)s)", step="We plaatsen de bank",
                           date=human_date(date(2026, 6, 1)))
    assert lines[2] == expected and "juni" in lines[2]
    assert fresh(idea).outcome == "city_does_it"
    assert len(notified(author, EventKind.STATUS_CHANGE)) == 1


def test_working_statuses_owe_updates_and_finished_ones_do_not(ctx):
    holder = person(Role.AMBASSADOR)
    idea = decided_idea(holder)
    assert fresh(idea).update_due_at is not None
    services.change_status(holder, idea, "done", "De bank staat er.")
    assert fresh(idea).update_due_at is None


def test_only_admins_set_a_wijks_threshold_and_term(ctx):
    from participatie.accounts.roles import Role
    from participatie.web.errors import NotAllowed
    from participatie.geo.services import wijk_by_slug
    from participatie.responses.services import set_wijk_terms
    from tests.factories import make_user

    wijk = wijk_by_slug("zuid")
    for role in (Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR):
        with pytest.raises(NotAllowed):
            set_wijk_terms(make_user(role), wijk, support_threshold=3, response_term_days=5)
    assert (wijk.support_threshold, wijk.response_term_days) == (25, 10)
    set_wijk_terms(make_user(Role.ADMIN), wijk, support_threshold=3, response_term_days=5)
    assert (wijk_by_slug("zuid").support_threshold, wijk_by_slug("zuid").response_term_days) == (3, 5)
