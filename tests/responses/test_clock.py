"""The working-day clock: weekends and Dutch public holidays do not count."""

from datetime import UTC, datetime

import pytest

from participatie.clock import add_working_days, is_working_day, working_days_between
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaStatus
from participatie.responses.deadlines import deadline_of


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour)


@pytest.mark.parametrize(("start", "days", "expected"), [
    ("2026-03-04", 0, "2026-03-04"),  # nothing to add
    ("2026-03-04", 2, "2026-03-06"),  # Wednesday + 2 = Friday
    ("2026-03-06", 1, "2026-03-09"),  # Friday + 1 skips the weekend
    ("2026-03-07", 1, "2026-03-09"),  # from a Saturday: Monday
    ("2026-03-02", 10, "2026-03-16"),  # two full weeks
    ("2026-04-24", 1, "2026-04-28"),  # Friday before King's Day (Monday 27 April 2026): Tuesday
    ("2026-04-23", 3, "2026-04-29"),  # Thu -> Fri, (weekend, King's Day) Tue, Wed
    ("2026-12-24", 1, "2026-12-28"),  # Christmas Eve (Thu) -> Christmas (Fri) and the weekend skipped
    ("2026-12-23", 2, "2026-12-28"),
    ("2026-12-31", 1, "2027-01-04"),  # New Year's Day (Friday) and the weekend skipped
])
def test_add_working_days(start, days, expected):
    assert add_working_days(at(start), days) == at(expected)


def test_add_working_days_keeps_the_time_of_day():
    assert add_working_days(datetime(2026, 4, 24, 16, 45), 1) == datetime(2026, 4, 28, 16, 45)


def test_holidays_and_weekends_are_not_working_days():
    assert not is_working_day(at("2026-04-27").date())  # Koningsdag
    assert not is_working_day(at("2026-12-25").date())  # Eerste Kerstdag
    assert not is_working_day(at("2026-03-07").date())  # a Saturday
    assert is_working_day(at("2026-04-28").date())


@pytest.mark.parametrize(("start", "end", "expected"), [
    (at("2026-03-02"), at("2026-03-09"), 5),  # Monday to Monday
    (at("2026-03-06"), at("2026-03-09"), 1),  # Friday to Monday: only Monday counts
    (at("2026-03-06"), at("2026-03-08"), 0),  # into the weekend
    (at("2026-04-24"), at("2026-04-28"), 1),  # over King's Day
    (at("2026-12-24"), at("2026-12-29"), 2),  # over Christmas: Monday 28 and Tuesday 29
    (at("2026-03-04"), at("2026-03-04", 18), 0),  # the same day
    (at("2026-03-09"), at("2026-03-02"), 0),  # the end before the start
])
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


def test_adding_and_counting_agree():
    start = at("2026-12-17")
    for days in range(0, 25):
        assert working_days_between(start, add_working_days(start, days)) == days


def awaiting(due, **values) -> Idea:
    return Idea(status=IdeaStatus.AWAITING_RESPONSE, response_due_at=due, first_answer_at=None,
                update_due_at=None, **values)


def test_an_answer_not_yet_due_is_not_late():
    deadline = deadline_of(awaiting(at("2026-04-28")), now=at("2026-04-24", 15))
    assert (deadline.kind, deadline.due, deadline.late_days, deadline.late) == (
        "response", at("2026-04-28"), 0, False)


def test_king_s_day_does_not_make_an_answer_late():
    deadline = deadline_of(awaiting(at("2026-04-24")), now=at("2026-04-27", 12))
    assert deadline.late_days == 0 and not deadline.late


def test_a_late_answer_counts_working_days():
    deadline = deadline_of(awaiting(at("2026-04-24")), now=at("2026-05-01", 9))
    # Tuesday 28, Wednesday 29, Thursday 30 April and Friday 1 May (King's Day does not count)
    assert deadline.kind == "response" and deadline.late_days == 4 and deadline.late


def test_after_the_first_answer_the_update_is_what_is_owed():
    idea = Idea(status=IdeaStatus.IN_PROGRESS, response_due_at=at("2026-03-02"), first_answer_at=at("2026-03-01"),
                update_due_at=at("2026-03-20"))
    deadline = deadline_of(idea, now=at("2026-03-25"))
    assert (deadline.kind, deadline.due, deadline.late_days) == ("update", at("2026-03-20"), 3)
    assert deadline_of(idea, now=at("2026-03-19")).late is False


def test_an_update_due_while_in_progress_before_the_first_answer_is_the_answer():
    idea = Idea(status=IdeaStatus.IN_PROGRESS, response_due_at=at("2026-03-02"), first_answer_at=None,
                update_due_at=at("2026-03-20"))
    assert deadline_of(idea, now=at("2026-03-03")).kind == "response"


@pytest.mark.parametrize("status", [IdeaStatus.OPEN, IdeaStatus.CLOSED, IdeaStatus.ARCHIVED])
def test_nothing_is_owed_outside_the_work(status):
    idea = Idea(status=status, response_due_at=None, first_answer_at=None, update_due_at=None)
    assert deadline_of(idea, now=at("2026-03-03")) is None


def test_a_closed_idea_no_longer_owes_its_first_answer():
    idea = Idea(status=IdeaStatus.CLOSED, response_due_at=at("2026-03-02"), first_answer_at=None,
                update_due_at=None)
    assert deadline_of(idea, now=at("2026-04-01")) is None


def test_a_deadline_never_falls_on_a_local_weekend_day_or_holiday():
    """Timestamps are naive UTC, but residents read the date in Europe/Amsterdam."""
    from zoneinfo import ZoneInfo

    amsterdam = ZoneInfo("Europe/Amsterdam")
    # Thursday 23 April 2026, 22:30 UTC is already Friday 00:30 in Utrecht.
    for start in (datetime(2026, 4, 23, 22, 30), datetime(2026, 4, 24, 22, 30), datetime(2026, 12, 23, 23, 15)):
        for days in (1, 2, 10):
            due = add_working_days(start, days).replace(tzinfo=UTC).astimezone(amsterdam)
            assert is_working_day(due.date()), (start, days, due)


def test_the_dutch_holidays_are_those_of_the_reference_calendar():
    """The clock computes the holidays itself (the `holidays` package costs every worker 10 MB);
    the package, a test dependency now, says which days they are, year by year."""
    import holidays

    from participatie.clock import _dutch_holidays

    for year in range(2014, 2076):
        assert _dutch_holidays(year) == frozenset(holidays.NL(years=year)), year
