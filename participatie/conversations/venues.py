"""Meeting places from the sociale kaart as the venue of a stadsgesprek.

The conversation keeps its own copy of name, address, point and step-free access, so its page
stays right when the entry changes or is archived later; the link adds "more about this place".
"""

from flask_babel import gettext as _
from sqlalchemy import select

from participatie.web.errors import DomainValidationError
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.socialmap.models import SocialMapEntry, active_entries
from participatie.socialmap.vocab import EntryKind

MAX_OPTIONS = 300  # a select longer than this is no longer usable; free text always works


def meeting_places(wijk_ids: list[int] | None = None) -> list[SocialMapEntry]:
    """Meeting places that are not archived, by wijk and name; only these wijken when given."""
    query = (active_entries().join(Wijk, Wijk.id == SocialMapEntry.wijk_id)
             .where(SocialMapEntry.kind == EntryKind.MEETING_PLACE).order_by(Wijk.name, SocialMapEntry.name))
    if wijk_ids is not None:
        query = query.where(SocialMapEntry.wijk_id.in_(wijk_ids))
    return db.session.scalars(query.limit(MAX_OPTIONS)).all()


def usable(entry_id: int) -> SocialMapEntry:
    """The entry to hold the conversation in, or a field error: it must be a meeting place in use."""
    entry = db.session.scalar(select(SocialMapEntry).where(SocialMapEntry.id == entry_id))
    if entry is None or entry.archived or entry.kind != EntryKind.MEETING_PLACE:
        raise DomainValidationError(_("Choose a meeting place from the list, or type the place."),
                                    field="venue_entry")
    return entry


def label(entry: SocialMapEntry) -> str:
    return f"{entry.name}, {entry.address}" if entry.address else entry.name


def venue_text(entry: SocialMapEntry, typed: str, previous: SocialMapEntry | None = None) -> str:
    """Name and address of the entry, then what the organiser typed beyond that (a room, a floor).

    Lines that only repeat the entry (or the entry it replaces) are dropped, so saving the
    form again does not repeat the address."""
    known = {entry.name.strip(), entry.address.strip(), label(entry)}
    if previous is not None:
        known |= {previous.name.strip(), previous.address.strip(), label(previous)}
    extra = [line.strip() for line in (typed or "").splitlines() if line.strip() and line.strip() not in known]
    return "\n".join([line for line in (entry.name, entry.address) if line.strip()] + extra)
