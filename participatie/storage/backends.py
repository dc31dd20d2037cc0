"""The two storage backends: the database (default) and a directory."""

import mimetypes
import os
from datetime import UTC, datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, select

from participatie.extensions import db
from participatie.storage import Blob
from participatie.storage.models import StoredFile


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class DatabaseBackend:
    """Rows in stored_files, in the caller's transaction (the caller commits)."""

    def put(self, key: str, data: bytes, content_type: str) -> None:
        db.session.merge(StoredFile(key=key, content_type=content_type, size=len(data), data=data,
                                    created_at=_now()))
        db.session.flush()

    def get(self, key: str) -> Blob | None:
        row = db.session.execute(select(StoredFile).where(StoredFile.key == key)).scalar_one_or_none()
        return Blob(row.data, row.content_type, _aware(row.created_at)) if row else None

    def exists(self, key: str) -> bool:
        return db.session.scalar(select(StoredFile.key).where(StoredFile.key == key)) is not None

    def take(self, key: str) -> Blob | None:
        blob = self.get(key)
        if blob is None:
            return None
        gone = db.session.execute(delete(StoredFile).where(StoredFile.key == key)).rowcount
        db.session.commit()  # the taking is final: a second request finds nothing
        return blob if gone == 1 else None

    def delete(self, key: str) -> None:
        db.session.execute(delete(StoredFile).where(StoredFile.key == key))

    def delete_older_than(self, prefix: str, before: datetime) -> int:
        return db.session.execute(delete(StoredFile).where(StoredFile.key.startswith(prefix, autoescape=True),
                                                           StoredFile.created_at < before)).rowcount


class DirectoryBackend:
    """Files under STORAGE_DIR (default instance/storage). Writes are atomic renames."""

    def _root(self) -> Path:
        configured = current_app.config.get("STORAGE_DIR")
        return Path(configured) if configured else Path(current_app.instance_path) / "storage"

    def _path(self, key: str) -> Path:
        return self._root() / key

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.part")
        partial.write_bytes(data)
        partial.replace(path)  # readers never see half a file

    def get(self, key: str) -> Blob | None:
        path = self._path(key)
        try:
            data, stat = path.read_bytes(), path.stat()
        except FileNotFoundError:
            return None
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return Blob(data, content_type, datetime.fromtimestamp(stat.st_mtime, UTC))

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def take(self, key: str) -> Blob | None:
        path = self._path(key)
        taken = path.with_name(f".taken-{path.name}")
        try:
            path.rename(taken)  # atomic: a second request finds nothing
        except FileNotFoundError:
            return None
        try:
            return self.get(os.path.relpath(taken, self._root()))
        finally:
            taken.unlink(missing_ok=True)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def delete_older_than(self, prefix: str, before: datetime) -> int:
        folder, removed = self._path(prefix), 0
        if not folder.is_dir():
            return 0
        for path in folder.iterdir():
            if path.is_file() and path.stat().st_mtime < before.timestamp():
                path.unlink(missing_ok=True)
                removed += 1
        return removed
