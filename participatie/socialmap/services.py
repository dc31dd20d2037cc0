"""Use cases for social-map entries: create, edit, verify ("klopt nog"), archive; residents' suggestions.

Each checks its rule, writes, appends to the edit log and commits once.
"""

from dataclasses import dataclass, field, fields
from datetime import datetime

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie.accounts.models import User, makelaar_wijken
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas.themes import THEMES
from participatie.notifications.services import notify
from participatie.socialmap import photos, rules
from participatie.socialmap.models import EntryEdit, SocialMapEntry, Suggestion
from participatie.socialmap.vocab import Audience, Cost, EntryKind


@dataclass
class EntryInput:
    """The fields of an entry; the same for the form, the import and the demo data."""

    kind: str
    name: str
    description: str = ""
    themes: list[str] = field(default_factory=list)
    wijk_slug: str | None = None
    address: str = ""
    lat: float | None = None
    lng: float | None = None
    phone: str = ""
    email: str = ""
    website: str = ""
    times: str = ""
    evening: bool = False
    weekend: bool = False
    cost: str = Cost.FREE.value
    step_free: bool = False
    languages: str = ""
    signup_needed: bool = False
    suitable_for: str = Audience.EVERYONE.value


@dataclass
class PhotoInput:
    """What the entry form says about the photo. Without an upload the current photo stays."""

    alt: str = ""
    upload: bytes | None = None  # the file as sent; checked and cleaned by photos.prepare
    remove: bool = False


TEXT_FIELDS = ("name", "description", "address", "phone", "email", "website", "times", "languages")
LOGGED = ("kind", "name", "description", "themes", "wijk", "address", "lat", "lng", "phone", "email", "website",
          "times", "evening", "weekend", "cost", "step_free", "languages", "signup_needed", "suitable_for",
          "photo_filename", "photo_alt")


def place_of(data: EntryInput):
    """(wijk, lat, lng): the location decides the wijk; without one, the chosen wijk."""
    if data.lat is not None and data.lng is not None:
        wijk = geo.wijk_for_point(data.lat, data.lng)
        if wijk is None:
            raise DomainValidationError(_("This place is outside the city of Utrecht. Choose a place in Utrecht."),
                                        field="wijk")
        return wijk, data.lat, data.lng
    wijk = geo.wijk_by_slug(data.wijk_slug or "")
    if wijk is None:
        raise DomainValidationError(_("Choose a place on the map or pick a wijk."), field="wijk")
    return wijk, None, None


def validate(data: EntryInput) -> None:
    """Checks the form validators also make, for callers without a form (import, demo)."""
    try:
        EntryKind(data.kind)
    except ValueError:
        raise DomainValidationError(_("Choose what kind of place or activity this is."), field="kind") from None
    if not data.name.strip():
        raise DomainValidationError(_("Fill in a name."), field="name")
    if data.cost not in {c.value for c in Cost}:
        raise DomainValidationError(_("Choose what it costs."), field="cost")
    if data.suitable_for not in {a.value for a in Audience}:
        raise DomainValidationError(_("Choose who it is for."), field="suitable_for")
    unknown = [t for t in data.themes if t not in THEMES]
    if unknown:
        raise DomainValidationError(_("Unknown theme: %(theme)s", theme=", ".join(unknown)), field="themes")


def _snapshot(entry: SocialMapEntry) -> dict:
    values = {name: getattr(entry, name, None) for name in LOGGED if name != "wijk"}
    values["wijk"] = entry.wijk.slug if entry.wijk is not None else None
    return values


def _apply(entry: SocialMapEntry, data: EntryInput, wijk) -> None:
    validate(data)
    _, lat, lng = place_of(data)
    entry.kind, entry.wijk, entry.lat, entry.lng = EntryKind(data.kind), wijk, lat, lng
    for name in TEXT_FIELDS:
        setattr(entry, name, (getattr(data, name) or "").strip())
    entry.themes = data.themes
    entry.evening, entry.weekend = bool(data.evening), bool(data.weekend)
    entry.step_free, entry.signup_needed = bool(data.step_free), bool(data.signup_needed)
    entry.cost, entry.suitable_for = Cost(data.cost), Audience(data.suitable_for)


def _changes(before: dict, after: dict) -> str:
    return "\n".join(f"{k}: {before.get(k)!s} -> {after[k]!s}" for k in LOGGED if before.get(k) != after[k])


def _log(entry, actor, action: str, changes: str = "", now=None) -> None:
    db.session.add(EntryEdit(entry_id=entry.id, actor=actor, action=action, changes=changes,
                             created_at=now or utcnow()))


def _verify(entry, actor, now) -> None:
    entry.verified_at, entry.verified_by = now, actor


def _check_photo(entry: SocialMapEntry, photo: PhotoInput | None) -> photos.Photo | None:
    """Check the photo before anything is written: the cleaned new photo, if one was sent."""
    if photo is None:
        return None
    cleaned = photos.prepare(photo.upload) if photo.upload else None
    keeps_one = cleaned is not None or (entry.photo_filename is not None and not photo.remove)
    if keeps_one and not photo.alt.strip():
        raise DomainValidationError(_("Describe the photo in a few words."), field="photo_alt")
    return cleaned


def _apply_photo(entry: SocialMapEntry, photo: PhotoInput | None, cleaned: photos.Photo | None):
    """Store the new photo or drop the old one. Returns (file to delete after the commit,
    file to delete when the commit fails); (None, None) when the photo stays as it was."""
    if photo is None:
        return None, None
    old = entry.photo_filename
    if cleaned is not None:
        entry.photo_filename = photos.store(cleaned)
        entry.photo_width, entry.photo_height = cleaned.width, cleaned.height
    elif photo.remove:
        entry.photo_filename, entry.photo_width, entry.photo_height = None, None, None
    entry.photo_alt = photo.alt.strip()[:200] if entry.photo_filename else ""
    if old == entry.photo_filename:
        return None, None
    return old, entry.photo_filename


def _commit(files: tuple[str | None, str | None]) -> None:
    """Commit. An old photo file goes only once the database no longer points to it; a new one
    goes again when the commit fails."""
    old, new = files
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        photos.delete(new)  # stored outside the transaction (a directory backend)
        raise
    if old:
        photos.delete(old)
        db.session.commit()


def create_entry(actor, data: EntryInput, *, photo: PhotoInput | None = None, now: datetime | None = None,
                 commit: bool = True, action: str = "created") -> SocialMapEntry:
    wijk = place_of(data)[0]
    if not rules.can_curate_wijk(actor, wijk.id):
        raise NotAllowed("create entry")
    now = now or utcnow()
    entry = SocialMapEntry(curated_by=actor, created_at=now)
    cleaned = _check_photo(entry, photo)
    _apply(entry, data, wijk)
    _verify(entry, actor, now)  # whoever enters it has just checked it
    files = _apply_photo(entry, photo, cleaned)
    db.session.add(entry)
    db.session.flush()
    _log(entry, actor, action, _changes({}, _snapshot(entry)), now)
    if commit:
        _commit(files)
    return entry


def edit_entry(actor, entry: SocialMapEntry, data: EntryInput, *, photo: PhotoInput | None = None, now=None,
               commit: bool = True, action: str = "edited") -> SocialMapEntry:
    """Both the old and the new wijk must be the actor's: a makelaar cannot move an entry away."""
    wijk = place_of(data)[0]
    if not (rules.can_edit_entry(actor, entry) and rules.can_curate_wijk(actor, wijk.id)):
        raise NotAllowed("edit entry")
    now = now or utcnow()
    before = _snapshot(entry)
    cleaned = _check_photo(entry, photo)
    _apply(entry, data, wijk)
    _verify(entry, actor, now)  # editing is checking
    files = _apply_photo(entry, photo, cleaned)
    _log(entry, actor, action, _changes(before, _snapshot(entry)), now)
    if commit:
        _commit(files)
    return entry


def verify_entry(actor, entry: SocialMapEntry, *, now=None) -> SocialMapEntry:
    """'Klopt nog': one click, logged."""
    if not rules.can_edit_entry(actor, entry) or entry.archived:
        raise NotAllowed("verify entry")
    now = now or utcnow()
    _verify(entry, actor, now)
    _log(entry, actor, "verified", now=now)
    db.session.commit()
    return entry


def set_archived(actor, entry: SocialMapEntry, archived: bool) -> SocialMapEntry:
    """Archive instead of delete; an archived entry can come back."""
    if not rules.can_edit_entry(actor, entry):
        raise NotAllowed("archive entry")
    if entry.archived != archived:
        entry.archived = archived
        _log(entry, actor, "archived" if archived else "restored")
        db.session.commit()
    return entry


def input_of(entry: SocialMapEntry) -> EntryInput:
    """The entry's current values as input (the edit form and the export start here)."""
    values = {f.name: getattr(entry, f.name) for f in fields(EntryInput) if f.name != "wijk_slug"}
    values.update(kind=entry.kind.value, cost=entry.cost.value, suitable_for=entry.suitable_for.value,
                  wijk_slug=entry.wijk.slug)
    return EntryInput(**values)


def edits_of(entry: SocialMapEntry) -> list[EntryEdit]:
    query = select(EntryEdit).where(EntryEdit.entry_id == entry.id).order_by(EntryEdit.created_at.desc(),
                                                                           EntryEdit.id.desc())
    return list(db.session.scalars(query))


# --- suggestions by residents --------------------------------------------------------------------

def makelaars_of(wijk_id: int) -> list[User]:
    query = (select(User).join(makelaar_wijken, makelaar_wijken.c.user_id == User.id)
             .where(makelaar_wijken.c.wijk_id == wijk_id, User.role == Role.MAKELAAR).order_by(User.id))
    return list(db.session.scalars(query))


def suggest(author, *, message: str, entry: SocialMapEntry | None = None, wijk_slug: str | None = None,
            name: str = "", address: str = "") -> Suggestion:
    """A new entry (name, wijk) or a correction of an entry. The wijk's makelaars get a notification."""
    if not rules.can_suggest(author):
        raise NotAllowed("suggest")
    if not (message or "").strip():
        raise DomainValidationError(_("Tell us what is new or what is not right."), field="message")
    wijk = entry.wijk if entry is not None else geo.wijk_by_slug(wijk_slug or "")
    if wijk is None:
        raise DomainValidationError(_("Choose the wijk."), field="wijk")
    if entry is None and not name.strip():
        raise DomainValidationError(_("Fill in a name."), field="name")
    suggestion = Suggestion(author=author, entry=entry, wijk=wijk, name=name.strip()[:140],
                            address=address.strip()[:200], message=message.strip())
    db.session.add(suggestion)
    db.session.flush()
    title = entry.name if entry is not None else suggestion.name
    notify(makelaars_of(wijk.id), kind="socialmap_suggestion", exclude=author, body=suggestion.message,
           link=url_for("socialmap.worklist", _anchor=f"tip-{suggestion.id}"),
           subject=_l("A tip for the social map: %(name)s", name=title))
    db.session.commit()
    return suggestion


def handle_suggestion(actor, suggestion: Suggestion, *, now=None) -> Suggestion:
    if not rules.can_handle_suggestion(actor, suggestion):
        raise NotAllowed("handle suggestion")
    suggestion.handled_at, suggestion.handled_by_id = now or utcnow(), actor.id
    db.session.commit()
    return suggestion
