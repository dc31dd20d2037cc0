"""Photos of social-map entries: checked and cleaned by storage.images, kept in participatie.storage."""

import re
import secrets
from pathlib import Path

from flask import current_app

from participatie import storage
from participatie.storage import images
from participatie.storage.images import Photo  # noqa: F401  (the type callers name)

MAX_BYTES = images.MAX_BYTES  # config SOCIALMAP_PHOTO_MAX_BYTES
MAX_PIXELS = images.MAX_PIXELS  # config SOCIALMAP_PHOTO_MAX_PIXELS
FILENAME = re.compile(r"[0-9a-f]{32}\.jpg")


def max_bytes() -> int:
    return current_app.config.get("SOCIALMAP_PHOTO_MAX_BYTES", MAX_BYTES)


def max_megabytes() -> int:
    return images.megabytes(max_bytes())


KEY_PREFIX = "socialmap/photos/"


def key(name: str) -> str:
    return KEY_PREFIX + name


def legacy_photo_dir() -> Path:
    """Where photos lived on the web host's disk before participatie.storage (migrate_from_disk)."""
    configured = current_app.config.get("SOCIALMAP_PHOTO_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads" / "socialmap"


def too_large_message() -> str:
    return images.too_large_message(max_bytes())


def prepare(upload: bytes) -> Photo:
    """The upload as a clean JPEG (storage.images); DomainValidationError (field "photo") when we cannot use it."""
    return images.prepare(upload, max_bytes=max_bytes(),
                          max_pixels=current_app.config.get("SOCIALMAP_PHOTO_MAX_PIXELS", MAX_PIXELS))


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
