"""Photos of social-map entries: checked by content, cleaned, resized, kept in participatie.storage.

An upload is opened with Pillow, never trusted by its name: only JPEG, PNG and WebP, not too many
bytes and not too many pixels (decompression bombs). What we store is a new JPEG made from the
pixels alone, so no EXIF (GPS position!), comments or other metadata travel along.
"""

import io
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from participatie import storage
from participatie.web.errors import DomainValidationError

FORMATS = ("JPEG", "PNG", "WEBP")
LONG_SIDE = 1200
QUALITY = 82
MAX_BYTES = 5 * 1024 * 1024  # config SOCIALMAP_PHOTO_MAX_BYTES
MAX_PIXELS = 50_000_000  # config SOCIALMAP_PHOTO_MAX_PIXELS; a 48 MP phone photo still fits
FILENAME = re.compile(r"[0-9a-f]{32}\.jpg")
UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)


@dataclass(frozen=True)
class Photo:
    """A cleaned photo, ready to store."""

    data: bytes
    width: int
    height: int


class _TooManyPixels(Exception):
    pass


def max_bytes() -> int:
    return current_app.config.get("SOCIALMAP_PHOTO_MAX_BYTES", MAX_BYTES)


def max_megabytes() -> int:
    return max(1, round(max_bytes() / (1024 * 1024)))


KEY_PREFIX = "socialmap/photos/"


def key(name: str) -> str:
    return KEY_PREFIX + name


def legacy_photo_dir() -> Path:
    """Where photos lived on the web host's disk before participatie.storage (migrate_from_disk)."""
    configured = current_app.config.get("SOCIALMAP_PHOTO_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads" / "socialmap"


def too_large_message() -> str:
    return _("The photo is too large (more than %(mb)s MB). Choose a smaller photo.", mb=max_megabytes())


def _refuse(message: str) -> DomainValidationError:
    return DomainValidationError(message, field="photo")


def prepare(upload: bytes) -> Photo:
    """The upload as a clean JPEG; DomainValidationError (field "photo") when we cannot use it."""
    if len(upload) > max_bytes():
        raise _refuse(too_large_message())
    try:
        return _clean(_open(upload))
    except (_TooManyPixels, Image.DecompressionBombError):
        raise _refuse(_("This photo has too many pixels. Make it smaller and try again.")) from None
    except UNREADABLE:
        raise _refuse(_("This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.")) from None


def _open(upload: bytes) -> Image.Image:
    """Check the header and the structure first, then decode (verify() leaves the image unusable).
    Our pixel limit is below Pillow's own bomb limits; Image.open refuses far larger ones itself."""
    limit = current_app.config.get("SOCIALMAP_PHOTO_MAX_PIXELS", MAX_PIXELS)
    with Image.open(io.BytesIO(upload), formats=FORMATS) as probe:
        if probe.width * probe.height > limit:
            raise _TooManyPixels
        probe.verify()
    image = Image.open(io.BytesIO(upload), formats=FORMATS)
    if image.format == "JPEG":
        image.draft("RGB", (LONG_SIDE, LONG_SIDE))  # decode at a smaller scale: less memory
    image.load()
    return image


def _clean(image: Image.Image) -> Photo:
    image = ImageOps.exif_transpose(image)  # turn it the way the camera held it
    image = _on_white(image) if _has_alpha(image) else image.convert("RGB")
    image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    pixels = Image.new("RGB", image.size)  # a fresh image: none of the upload's metadata
    pixels.paste(image)
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return Photo(out.getvalue(), *pixels.size)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _on_white(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: put transparent parts on white, not black."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def store(photo: Photo) -> str:
    """Keep the photo under a random name (in the caller's transaction); returns the name."""
    name = f"{secrets.token_hex(16)}.jpg"
    storage.put(key(name), photo.data, "image/jpeg")
    return name


def load(name: str) -> bytes | None:
    blob = storage.get(key(name)) if FILENAME.fullmatch(name or "") else None
    return blob.data if blob else None


def delete(name: str | None) -> None:
    if name and FILENAME.fullmatch(name):
        storage.delete(key(name))


def migrate_from_disk() -> tuple[int, int]:
    """Copy photos from the old folder on this host's disk into storage (once; safe to repeat).
    Returns (copied, already there). The folder is left alone: remove it after checking."""
    copied = present = 0
    folder = legacy_photo_dir()
    for path in sorted(folder.glob("*.jpg")) if folder.is_dir() else []:
        if not FILENAME.fullmatch(path.name):
            continue
        if storage.exists(key(path.name)):
            present += 1
            continue
        storage.put(key(path.name), path.read_bytes(), "image/jpeg")
        copied += 1
    from participatie.extensions import db

    db.session.commit()
    return copied, present
