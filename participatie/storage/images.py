"""Photo processing shared by every domain that takes photos (social map, ideas).

An upload is opened with Pillow, never trusted by its name: only JPEG, PNG and WebP, not too many
bytes and not too many pixels (decompression bombs). What comes out is a new JPEG made from the
pixels alone, so no EXIF (GPS position!), comments or other metadata travel along. The image is
turned the way the camera held it and made smaller.
"""

import io
from dataclasses import dataclass

from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from participatie.web.errors import DomainValidationError

FORMATS = ("JPEG", "PNG", "WEBP")
LONG_SIDE = 1200
THUMB_SIDE = 320
QUALITY = 82
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 48 MP phone photo still fits
UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)


@dataclass(frozen=True)
class Photo:
    """A cleaned photo, ready to store."""

    data: bytes
    width: int
    height: int


class _TooManyPixels(Exception):
    pass


def megabytes(limit: int) -> int:
    return max(1, round(limit / (1024 * 1024)))


def too_large_message(limit: int = MAX_BYTES) -> str:
    return _("The photo is too large (more than %(mb)s MB). Choose a smaller photo.", mb=megabytes(limit))


def _refuse(message: str, field: str) -> DomainValidationError:
    return DomainValidationError(message, field=field)


def prepare(upload: bytes, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS,
            long_side: int = LONG_SIDE, field: str = "photo") -> Photo:
    """The upload as a clean JPEG; DomainValidationError (on `field`) when we cannot use it."""
    if len(upload) > max_bytes:
        raise _refuse(too_large_message(max_bytes), field)
    try:
        return _clean(_open(upload, max_pixels, long_side), long_side)
    except (_TooManyPixels, Image.DecompressionBombError):
        raise _refuse(_("This photo has too many pixels. Make it smaller and try again."), field) from None
    except UNREADABLE:
        raise _refuse(_("This file is not a photo we can use. Choose a JPEG, PNG or WebP photo."), field) from None


def thumbnail(photo: Photo, side: int = THUMB_SIDE) -> Photo:
    """A smaller copy of an already cleaned photo (for cards and lists)."""
    with Image.open(io.BytesIO(photo.data), formats=("JPEG",)) as image:
        image.load()
        return _clean(image, side)


def _open(upload: bytes, limit: int, long_side: int) -> Image.Image:
    """Check the header and the structure first, then decode (verify() leaves the image unusable).
    Our pixel limit is below Pillow's own bomb limits; Image.open refuses far larger ones itself."""
    with Image.open(io.BytesIO(upload), formats=FORMATS) as probe:
        if probe.width * probe.height > limit:
            raise _TooManyPixels
        probe.verify()
    image = Image.open(io.BytesIO(upload), formats=FORMATS)
    if image.format == "JPEG":
        image.draft("RGB", (long_side, long_side))  # decode at a smaller scale: less memory
    image.load()
    return image


def _clean(image: Image.Image, long_side: int) -> Photo:
    image = ImageOps.exif_transpose(image)  # turn it the way the camera held it
    image = _on_white(image) if _has_alpha(image) else image.convert("RGB")
    image.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
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
