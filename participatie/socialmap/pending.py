"""An import file waits here between the preview and "Importeren".

Files live under instance/imports/socialmap/ as <user id>-<token>.<csv|geojson>. The token is
random and is looked up only under the user's own id, so one user cannot import another's file.
Taking a file removes it first (an atomic rename), so a double click imports once. Files left
behind are removed a day later, at the next upload.
"""

import re
import secrets
import time
from pathlib import Path

from flask import current_app

from participatie.socialmap import transfer

TOKEN = re.compile(r"[0-9a-f]{32}")
KEEP_SECONDS = 24 * 3600
EXTENSIONS = ("csv", "geojson")


def folder() -> Path:
    configured = current_app.config.get("SOCIALMAP_IMPORT_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "imports" / "socialmap"


def _path(actor, token: str, extension: str) -> Path:
    return folder() / f"{int(actor.id)}-{token}.{extension}"


def keep(actor, filename: str, content: bytes) -> str:
    """Store the upload; returns the token for the confirm form."""
    _remove_old()
    folder().mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(16)
    text = content[:200].decode("utf-8", errors="replace")
    _path(actor, token, "geojson" if transfer.is_geojson(filename, text) else "csv").write_bytes(content)
    return token


def take(actor, token: str) -> tuple[str, bytes] | None:
    """(file name, content) of the actor's own upload, removed from the store; None when unknown,
    someone else's, already taken or expired."""
    if not TOKEN.fullmatch(token or ""):
        return None
    for extension in EXTENSIONS:
        path = _path(actor, token, extension)
        taken = path.with_name(f".taken-{path.name}")
        try:
            path.rename(taken)
        except FileNotFoundError:
            continue
        try:
            fresh = taken.stat().st_mtime >= time.time() - KEEP_SECONDS
            return (f"upload.{extension}", taken.read_bytes()) if fresh else None
        finally:
            taken.unlink(missing_ok=True)
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


def _remove_old() -> None:
    if not folder().is_dir():
        return
    limit = time.time() - KEEP_SECONDS
    for path in folder().iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
