"""Time in one place: naive UTC in the database, Europe/Amsterdam on screen,
and the working-day clock (weekends and Dutch public holidays skipped)."""

import os
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


TIME_TRAVEL_ENV = "PARTICIPATIE_TIME_TRAVEL_DAYS"


def time_travel() -> timedelta:
    """A demo-only shift of the whole clock (e.g. "3" = three days ahead), so a walk can let a
    stadsgesprek pass or a term run out. create_app refuses it in production."""
    days = os.environ.get(TIME_TRAVEL_ENV, "").strip()
    return timedelta(days=float(days)) if days else timedelta(0)


def utcnow() -> datetime:
    """Now as naive UTC, the form every timestamp column stores."""
    return datetime.now(UTC).replace(tzinfo=None) + time_travel()


def today_local(now: datetime | None = None) -> date:
    """THE "today" of the app: the app clock's date in Europe/Amsterdam (never the machine's date:
    after midnight in Amsterdam a UTC server is still on yesterday, and time travel moves the clock)."""
    return local_date(now or utcnow())


def local_date(moment: datetime) -> date:
    """The calendar day in Europe/Amsterdam of a stored (naive UTC) moment."""
    return _local(moment).date()


def _easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the "anonymous" algorithm of Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    weekday_shift = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=16)
def _dutch_holidays(year: int) -> frozenset[date]:
    """The Dutch public holidays as the `holidays` package counts them (tests/responses/test_clock.py
    compares them year by year): computed here, because that package imports 300 country modules
    (10 MB in every worker) to tell us these ten or eleven days. Koningsdag as since 2014."""
    easter = _easter(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it is the Saturday before
        kings_day = date(year, 4, 26)
    days = {date(year, 1, 1), easter - timedelta(days=2), easter, easter + timedelta(days=1), kings_day,
            easter + timedelta(days=39), easter + timedelta(days=49), easter + timedelta(days=50),
            date(year, 12, 25), date(year, 12, 26)}
    if year % 5 == 0:  # Bevrijdingsdag, a day off once every five years
        days.add(date(year, 5, 5))
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def _local(moment: datetime) -> datetime:
    """Naive UTC -> aware Europe/Amsterdam (working days are Dutch calendar days)."""
    return moment.replace(tzinfo=UTC).astimezone(AMSTERDAM)


def _utc(local: datetime) -> datetime:
    return local.astimezone(UTC).replace(tzinfo=None)


def add_working_days(start: datetime, days: int) -> datetime:
    """The moment `days` Dutch working days after `start` (same local time of day)."""
    local = _local(start)
    day, remaining = local.date(), days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    naive_local = datetime.combine(day, local.time().replace(tzinfo=None))
    return _utc(naive_local.replace(tzinfo=AMSTERDAM))


def working_days_between(start: datetime, end: datetime) -> int:
    """Dutch working days after start's local date, up to end's local date; 0 when end <= start."""
    if end <= start:
        return 0
    count, day, last = 0, _local(start).date(), _local(end).date()
    while day < last:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
