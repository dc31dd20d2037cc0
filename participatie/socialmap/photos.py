"""Photos of social-map entries: checked and cleaned by storage.images, stored under instance/."""

import re
import secrets
from pathlib import Path

from flask import current_app

from participatie.storage import images
from participatie.storage.images import Photo  # noqa: F401  (the type callers name)

MAX_BYTES = images.MAX_BYTES  # config SOCIALMAP_PHOTO_MAX_BYTES
MAX_PIXELS = images.MAX_PIXELS  # config SOCIALMAP_PHOTO_MAX_PIXELS
FILENAME = re.compile(r"[0-9a-f]{32}\.jpg")


def max_bytes() -> int:
    return current_app.config.get("SOCIALMAP_PHOTO_MAX_BYTES", MAX_BYTES)


def max_megabytes() -> int:
    return images.megabytes(max_bytes())


def photo_dir() -> Path:
    configured = current_app.config.get("SOCIALMAP_PHOTO_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads" / "socialmap"


def too_large_message() -> str:
    return images.too_large_message(max_bytes())


def prepare(upload: bytes) -> Photo:
    """The upload as a clean JPEG (storage.images); DomainValidationError (field "photo") when we cannot use it."""
    return images.prepare(upload, max_bytes=max_bytes(),
                          max_pixels=current_app.config.get("SOCIALMAP_PHOTO_MAX_PIXELS", MAX_PIXELS))


def store(photo: Photo) -> str:
    """Write the photo under a random name; returns the name."""
    folder = photo_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.jpg"
    partial = folder / f".{name}.part"
    partial.write_bytes(photo.data)
    partial.replace(folder / name)  # readers never see half a file
    return name


def delete(name: str | None) -> None:
    if name and FILENAME.fullmatch(name):
        (photo_dir() / name).unlink(missing_ok=True)
