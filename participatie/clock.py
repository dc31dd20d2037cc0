"""Time in one place: naive UTC in the database, Europe/Amsterdam on screen,
and the working-day clock (weekends and Dutch public holidays skipped)."""

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

import holidays


def utcnow() -> datetime:
    """Now as naive UTC, the form every timestamp column stores."""
    return datetime.now(UTC).replace(tzinfo=None)


@lru_cache(maxsize=16)
def _dutch_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.NL(years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def add_working_days(start: datetime, days: int) -> datetime:
    """The moment `days` working days after `start` (same time of day)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current.date()):
            remaining -= 1
    return current


def working_days_between(start: datetime, end: datetime) -> int:
    """Working days from start (exclusive) up to end (inclusive); 0 when end <= start."""
    if end <= start:
        return 0
    count, day = 0, start.date()
    while day < end.date():
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
