"""An iCalendar (RFC 5545) file for one stadsgesprek: local times with TZID Europe/Amsterdam
and a VTIMEZONE that carries the EU summer-time rules, so calendars get DST right."""

from datetime import UTC, datetime

from participatie.conversations.timefmt import local

VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma, newline."""
    text = (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after CRLF and a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _local_stamp(moment: datetime) -> str:
    return local(moment).strftime("%Y%m%dT%H%M%S")


def _utc_stamp(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).strftime("%Y%m%dT%H%M%SZ") if moment.tzinfo is None else \
        moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(conversation, *, url: str, host: str, description: str, now: datetime, lang: str | None = None) -> str:
    """`lang`: the language of `description` (the downloader's interface language), told to the calendar."""
    status = "CANCELLED" if conversation.status == "cancelled" else "CONFIRMED"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Participatie Utrecht//Stadsgesprekken//NL",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", *VTIMEZONE, "BEGIN:VEVENT",
        f"UID:conversation-{conversation.id}@{host}",
        f"DTSTAMP:{_utc_stamp(now)}",
        f"SEQUENCE:{conversation.calendar_sequence or 0}",
        f"DTSTART;TZID=Europe/Amsterdam:{_local_stamp(conversation.starts_at)}",
        f"DTEND;TZID=Europe/Amsterdam:{_local_stamp(conversation.ends_at)}",
        f"SUMMARY:{escape(conversation.title)}",
        f"LOCATION:{escape(conversation.venue)}",
        f"DESCRIPTION{f';LANGUAGE={lang}' if lang else ''}:{escape(description)}",
        f"URL:{url}",
        f"STATUS:{status}",
    ]
    if conversation.has_location:
        lines.append(f"GEO:{conversation.venue_lat:.6f};{conversation.venue_lng:.6f}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
