"""Time in one place: naive UTC in the database, Europe/Amsterdam on screen."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now as naive UTC, the form every timestamp column stores."""
    return datetime.now(UTC).replace(tzinfo=None)
