"""Conversation times: entered and shown in Europe/Amsterdam, stored as naive UTC."""

from datetime import UTC, date, datetime, time

from flask_babel import format_date, format_time, get_locale
from flask_babel import gettext as _

from participatie.clock import AMSTERDAM, today_local, utcnow  # noqa: F401 (today_local: read from here too)


def to_utc(day: date, moment: time) -> datetime:
    """A local day and clock time -> naive UTC (summer and winter time handled by zoneinfo)."""
    local = datetime.combine(day, moment).replace(tzinfo=AMSTERDAM)
    return local.astimezone(UTC).replace(tzinfo=None)


def local(moment: datetime) -> datetime:
    """Naive UTC -> aware Europe/Amsterdam."""
    return moment.replace(tzinfo=UTC).astimezone(AMSTERDAM)




def _clock(moment: datetime) -> str:
    pattern = "HH.mm" if str(get_locale() or "nl").startswith("nl") else "HH:mm"
    return format_time(local(moment), pattern)


def when_in_words(starts_at: datetime, ends_at: datetime) -> str:
    """'dinsdag 9 december, 19.30 – 21.00 uur' in the active locale."""
    start, end = local(starts_at), local(ends_at)
    day = format_date(start, "EEEE d MMMM")
    if start.year != local(utcnow()).year:
        day = format_date(start, "EEEE d MMMM y")
    if start.date() != end.date():
        end_text = format_date(end, "EEEE d MMMM") + " " + _clock(ends_at)
        return _("%(day)s, %(start)s until %(end)s", day=day, start=_clock(starts_at), end=end_text)
    return _("%(day)s, %(start)s – %(end)s", day=day, start=_clock(starts_at), end=_clock(ends_at))
