"""The tick steps of the responses domain: thresholds, reminders, follow-ups. Each is idempotent."""

from datetime import datetime, timedelta

from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.clock import add_working_days
from participatie.extensions import db
from participatie.ideas.models import EventKind
from participatie.ideas.status import IdeaStatus
from participatie.ops.jobs import run_tick
from participatie.notifications.models import Notification
from participatie.responses import jobs, services
from participatie.responses.models import Reminder
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from tests.factories import make_idea
from tests.responses.helpers import count, events, fresh, notified, person, set_wijk

S = IdeaStatus
T0 = datetime(2026, 3, 2, 9, 0)  # a Monday


def with_supporters(n, **overrides):
    author = person()
    idea = make_idea(author, **overrides)
    for _ in range(n):
        set_support(person(), idea, SupportKind.STEUN, True)
    return idea, author


def test_lowering_the_threshold_is_picked_up_by_the_tick(ctx):
    idea, author = with_supporters(3)
    untouched, _ = with_supporters(1, title="Nog te weinig steun")
    assert fresh(idea).status == S.OPEN  # 3 < 25, the default
    set_wijk("west", threshold=3, term=5)
    assert jobs.check_thresholds(T0) == 1
    idea = fresh(idea)
    assert idea.status == S.AWAITING_RESPONSE and idea.response_due_at == add_working_days(T0, 5)
    assert len(events(idea, EventKind.THRESHOLD)) == 1
    assert len(notified(author, EventKind.THRESHOLD)) == 1
    assert fresh(untouched).status == S.OPEN

    assert jobs.check_thresholds(T0 + timedelta(hours=1)) == 0  # the second run finds nothing
    assert len(events(idea, EventKind.THRESHOLD)) == 1
    assert len(notified(author, EventKind.THRESHOLD)) == 1
    assert fresh(idea).response_due_at == add_working_days(T0, 5)


def test_hidden_ideas_are_not_picked_up(ctx):
    idea, _ = with_supporters(2)
    idea.hidden = True
    db.session.commit()
    set_wijk("west", threshold=2)
    assert jobs.check_thresholds(T0) == 0
    assert fresh(idea).status == S.OPEN


def late_answer(holder=None):
    """Put forward at T0 (answer due T0 + term), claimed the next day, no answer yet."""
    idea = make_idea()
    services.endorse(person(Role.MAKELAAR, wijken=["west"]), idea, "Dringend.", now=T0)
    if holder:
        services.claim(holder, idea, "Ik pak het op.", now=T0 + timedelta(days=1))
    return fresh(idea)


def reminder_notes(kind):
    return db.session.scalars(select(Notification).where(Notification.kind == f"reminder_{kind}")).all()


def test_an_overdue_first_answer_reminds_the_ambassador_once(ctx):
    holder = person(Role.AMBASSADOR)
    idea = late_answer(holder)
    assert jobs.remind_overdue(idea.response_due_at - timedelta(minutes=1)) == 0
    moment = idea.response_due_at + timedelta(days=1)
    assert moment < idea.update_due_at  # only the answer is late
    assert jobs.remind_overdue(moment) == 1
    assert jobs.remind_overdue(moment + timedelta(hours=1)) == 0
    assert count(Reminder, Reminder.idea_id == idea.id, Reminder.kind == "response") == 1
    [note] = notified(holder, "reminder_response")
    assert note.idea_id == idea.id
    assert len(reminder_notes("response")) == 1


def test_an_unclaimed_late_answer_reminds_every_ambassador(ctx):
    first, second = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    resident = person()
    idea = late_answer()
    assert jobs.remind_overdue(idea.response_due_at + timedelta(days=1)) == 1
    assert jobs.remind_overdue(idea.response_due_at + timedelta(days=2)) == 0
    assert len(notified(first, "reminder_response")) == len(notified(second, "reminder_response")) == 1
    assert not notified(resident)


def test_an_answer_in_time_means_no_reminder(ctx):
    holder = person(Role.AMBASSADOR)
    idea = late_answer(holder)
    services.post_answer(holder, idea, "We kijken ernaar. Volgende week hoort u meer.", now=T0 + timedelta(days=2))
    assert jobs.remind_overdue(fresh(idea).response_due_at + timedelta(days=1)) == 0
    assert count(Reminder) == 0


def test_an_overdue_update_reminds_once_and_again_after_the_next_update(ctx):
    holder = person(Role.AMBASSADOR)
    idea = late_answer(holder)
    services.post_answer(holder, idea, "We kijken ernaar.", now=T0 + timedelta(days=2))
    due = fresh(idea).update_due_at
    assert jobs.remind_overdue(due - timedelta(minutes=1)) == 0
    assert jobs.remind_overdue(due + timedelta(days=1)) == 1
    assert jobs.remind_overdue(due + timedelta(days=2)) == 0
    assert len(notified(holder, "reminder_update")) == 1
    assert count(Reminder, Reminder.kind == "update") == 1

    services.post_progress(holder, fresh(idea), "Nog geen nieuws, wel bezig", now=due + timedelta(days=3))
    next_due = fresh(idea).update_due_at
    assert next_due > due
    assert jobs.remind_overdue(due + timedelta(days=4)) == 0  # the clock started again
    assert jobs.remind_overdue(next_due + timedelta(days=1)) == 1
    assert len(notified(holder, "reminder_update")) == 2


def test_finished_ideas_owe_no_updates(ctx):
    holder = person(Role.AMBASSADOR)
    idea = late_answer(holder)
    services.post_answer(holder, idea, "We doen het.", now=T0 + timedelta(days=2))
    services.change_status(holder, fresh(idea), "decided", "Besloten.", outcome="city_does_it",
                           next_step="Bank", next_date=datetime(2026, 6, 1).date(), now=T0 + timedelta(days=3))
    services.change_status(holder, fresh(idea), "done", "Klaar.", now=T0 + timedelta(days=4))
    assert jobs.remind_overdue(T0 + timedelta(days=200)) == 0
    assert not notified(holder, "reminder_update")


def test_the_tick_runs_the_responses_steps(ctx):
    """`flask jobs tick` is what cron runs: thresholds, reminders and follow-ups must be in it."""
    idea, author = with_supporters(2)
    set_wijk("west", threshold=2)
    results = run_tick(T0, echo=lambda line: None)
    assert results is not None
    assert {"thresholds", "reminders", "followups_closed", "followups_how_now"} <= set(results)
    assert fresh(idea).status == S.AWAITING_RESPONSE
    assert run_tick(T0 + timedelta(minutes=1), echo=lambda line: None)["thresholds"] == 0


def test_a_done_idea_claimed_again_and_closed_by_the_clock_owes_no_updates(ctx):
    from participatie.responses.followups import close_unanswered
    from participatie.responses.models import FollowUp

    holder, colleague = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    idea = late_answer(holder)
    services.post_answer(holder, idea, "We doen het.", now=T0 + timedelta(days=2))
    services.change_status(holder, fresh(idea), "decided", "Besloten.", outcome="city_does_it",
                           next_step="Bank", next_date=datetime(2026, 6, 1).date(), now=T0 + timedelta(days=3))
    services.change_status(holder, fresh(idea), "done", "Klaar.", now=T0 + timedelta(days=4))
    services.release(holder, fresh(idea), "Ik ga naar een ander team.")
    services.claim(colleague, fresh(idea), "Ik ben nu uw contact.", now=T0 + timedelta(days=5))
    followup = db.session.scalar(select(FollowUp))
    close_unanswered(followup.due_at)
    assert fresh(idea).status == S.CLOSED
    assert jobs.remind_overdue(T0 + timedelta(days=200)) == 0
    assert not notified(colleague, "reminder_update")
