"""Files every web host sees: put, get, take and delete by key. Shared module: no domain imports.

A web host keeps no state on its own disk, so any number of hosts behind a proxy serve the same
site and `flask backup` holds everything. Backends (config STORAGE_BACKEND):

- "database" (default): the `stored_files` table. put/delete/take join the caller's transaction,
  so a photo and the row pointing to it are committed (or rolled back) together. In every backup.
- "directory": files under STORAGE_DIR (a shared mount or a single host; back it up yourself).
  Writes happen at once.

Keys are paths like "socialmap/photos/<name>.jpg": lower-case letters, digits, "-", "_", "." and "/".
"""

import re
from dataclasses import dataclass
from datetime import datetime

from flask import current_app

KEY = re.compile(r"[a-z0-9][a-z0-9_.\-]*(/[a-z0-9][a-z0-9_.\-]*)*")


@dataclass(frozen=True)
class Blob:
    data: bytes
    content_type: str
    created_at: datetime


def valid_key(key: str) -> bool:
    return bool(KEY.fullmatch(key or "")) and ".." not in key and len(key) <= 200


def _checked(key: str) -> str:
    if not valid_key(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key


def _backend():
    from participatie.storage import backends

    kind = current_app.config.get("STORAGE_BACKEND") or "database"
    return backends.DirectoryBackend() if kind == "directory" else backends.DatabaseBackend()


def put(key: str, data: bytes, content_type: str) -> None:
    _backend().put(_checked(key), data, content_type)


def get(key: str) -> Blob | None:
    return _backend().get(key) if valid_key(key) else None


def exists(key: str) -> bool:
    return valid_key(key) and _backend().exists(key)


def take(key: str) -> Blob | None:
    """Get and delete; of two requests taking the same key, only one gets it."""
    return _backend().take(key) if valid_key(key) else None


def delete(key: str) -> None:
    if valid_key(key):
        _backend().delete(key)


def delete_older_than(prefix: str, before: datetime) -> int:
    """Remove the files under prefix created before `before`; returns how many."""
    return _backend().delete_older_than(_checked(prefix.rstrip("/")) + "/", before)
