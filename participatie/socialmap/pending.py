"""An import file waits here between the preview and "Importeren".

Files are kept in participatie.storage (the database by default, so the confirm may reach another
web host than the preview) as socialmap/imports/<user id>-<token>.<csv|geojson>. The token is
random and is looked up only under the user's own id, so one user cannot import another's file.
Taking a file removes it first, so a double click imports once. Files left behind are removed a
day later, at the next upload.
"""

import re
import secrets
from datetime import UTC, datetime, timedelta

from participatie import storage
from participatie.extensions import db
from participatie.socialmap import transfer

TOKEN = re.compile(r"[0-9a-f]{32}")
KEEP_SECONDS = 24 * 3600
EXTENSIONS = ("csv", "geojson")
PREFIX = "socialmap/imports"
CONTENT_TYPES = {"csv": "text/csv", "geojson": "application/geo+json"}


def _key(actor, token: str, extension: str) -> str:
    return f"{PREFIX}/{int(actor.id)}-{token}.{extension}"


def _cutoff() -> datetime:
    return datetime.now(UTC) - timedelta(seconds=KEEP_SECONDS)


def keep(actor, filename: str, content: bytes) -> str:
    """Store the upload; returns the token for the confirm form."""
    storage.delete_older_than(PREFIX, _cutoff())
    token = secrets.token_hex(16)
    text = content[:200].decode("utf-8", errors="replace")
    extension = "geojson" if transfer.is_geojson(filename, text) else "csv"
    storage.put(_key(actor, token, extension), content, CONTENT_TYPES[extension])
    db.session.commit()
    return token


def take(actor, token: str) -> tuple[str, bytes] | None:
    """(file name, content) of the actor's own upload, removed from the store; None when unknown,
    someone else's, already taken or expired."""
    if not TOKEN.fullmatch(token or ""):
        return None
    for extension in EXTENSIONS:
        blob = storage.take(_key(actor, token, extension))
        if blob is not None:
            return (f"upload.{extension}", blob.data) if blob.created_at >= _cutoff() else None
    return None


def preview(actor, filename: str, content: bytes) -> tuple[transfer.ImportReport, str | None]:
    """Step 1: what the import would do, and the token of the stored file when it can go ahead.
    Raises transfer.ImportFileError when the file cannot be read at all."""
    report = transfer.preview_file(actor, filename, content)
    return report, keep(actor, filename, content) if report.ok else None


def import_upload(actor, token: str) -> transfer.ImportReport | None:
    """Step 2: import the actor's stored file (all or nothing); None when there is no such file."""
    upload = take(actor, token)
    return transfer.import_file(actor, *upload) if upload is not None else None
