"""Photos on ideas (and on reactions): up to four per idea, each with alt text. Cleaned by storage.images
(as on the social map: content check, EXIF and GPS stripped, turned upright, resized) and kept in
participatie.storage, so every web host sees them and `flask backup` holds them."""

import base64
import re
import secrets
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import rules
from participatie.ideas.models import Idea, IdeaPhoto, photos_of
from participatie import storage
from participatie.storage import images
from participatie.web.errors import DomainValidationError, NotAllowed

MAX_PHOTOS = 4
ALT_MAX = 300
NAME = re.compile(r"[0-9a-f]{32}")
SIZES = {"large": "", "small": "-small"}


def key(name: str, size: str = "large") -> str:
    return f"ideas/photos/{name}{SIZES[size]}.jpg"


def keep(photo: images.Photo, thumb: images.Photo | None = None) -> str:
    """Put a cleaned photo (and its small copy) in storage, in the caller's transaction; returns its name."""
    name = secrets.token_hex(16)
    storage.put(key(name), photo.data, "image/jpeg")
    if thumb is not None:
        storage.put(key(name, "small"), thumb.data, "image/jpeg")
    return name


def load(name: str | None, size: str = "large") -> bytes | None:
    blob = storage.get(key(name, size)) if name and NAME.fullmatch(name) and size in SIZES else None
    return blob.data if blob else None


def forget(name: str | None) -> None:
    if name and NAME.fullmatch(name):
        for size in SIZES:
            storage.delete(key(name, size))


@dataclass
class PhotoInput:
    upload: bytes
    alt: str


def max_bytes() -> int:
    return current_app.config.get("IDEA_PHOTO_MAX_BYTES", images.MAX_BYTES)


def clean(photo: PhotoInput) -> tuple[images.Photo, images.Photo, str]:
    """(photo, thumbnail, alt) or DomainValidationError on "photo" or "alt"; writes nothing."""
    alt = " ".join((photo.alt or "").split())
    if not alt:
        raise DomainValidationError(_("Describe the photo in a few words, for people who cannot see it."),
                                    field="alt")
    if len(alt) > ALT_MAX:
        raise DomainValidationError(_("Use at most %(limit)d characters.", limit=ALT_MAX), field="alt")
    cleaned = images.prepare(photo.upload, max_bytes=max_bytes())
    return cleaned, images.thumbnail(cleaned), alt


def count(idea: Idea) -> int:
    return db.session.scalar(select(func.count(IdeaPhoto.id)).where(IdeaPhoto.idea_id == idea.id)) or 0


def attach(idea: Idea, cleaned: list[tuple[images.Photo, images.Photo, str]]) -> list[IdeaPhoto]:
    """Add cleaned photos (no commit); refuses more than MAX_PHOTOS in all."""
    if count(idea) + len(cleaned) > MAX_PHOTOS:
        raise DomainValidationError(_("An idea can have at most %(num)d photos.", num=MAX_PHOTOS), field="photo")
    rows = [IdeaPhoto(idea=idea, alt=alt, width=photo.width, height=photo.height, name=keep(photo, thumb))
            for photo, thumb, alt in cleaned]
    db.session.add_all(rows)
    db.session.flush()
    refresh_cover(idea)
    return rows


def add(actor, idea: Idea, photo: PhotoInput) -> IdeaPhoto:
    if not rules.can_add_photo(actor, idea):
        raise NotAllowed("add photo")
    row = attach(idea, [clean(photo)])[0]
    db.session.commit()
    return row


def remove(actor, photo: IdeaPhoto) -> None:
    if not rules.can_add_photo(actor, photo.idea):
        raise NotAllowed("remove photo")
    idea = photo.idea
    forget(photo.name)
    db.session.delete(photo)
    db.session.flush()
    refresh_cover(idea)
    db.session.commit()


def set_hidden(photo: IdeaPhoto, reason: str | None, *, now=None) -> None:
    """Moderation hides a photo with a public reason code, or shows it again (None). No commit."""
    photo.hidden_at = (now or utcnow()) if reason else None
    photo.hidden_reason = reason
    db.session.flush()
    refresh_cover(photo.idea)


def refresh_cover(idea: Idea) -> None:
    """The card thumbnail: the first photo anyone may see."""
    idea.cover_photo_id = db.session.scalar(
        select(IdeaPhoto.id).where(IdeaPhoto.idea_id == idea.id, IdeaPhoto.hidden_at.is_(None))
        .order_by(IdeaPhoto.id).limit(1))


def of_idea(idea: Idea) -> list[IdeaPhoto]:
    return list(db.session.scalars(photos_of(idea.id)))


def printable(idea: Idea) -> list[tuple[str, str]]:
    """(data: URL of the small copy, alt text) of the shown photos: a sheet and its PDF fetch nothing."""
    query = (select(IdeaPhoto.name, IdeaPhoto.alt)
             .where(IdeaPhoto.idea_id == idea.id, IdeaPhoto.hidden_at.is_(None)).order_by(IdeaPhoto.id))
    shown = [(load(name, "small"), alt) for name, alt in db.session.execute(query)]
    return [("data:image/jpeg;base64," + base64.b64encode(data).decode("ascii"), alt) for data, alt in shown if data]
