"""`flask backup` and `flask restore`: a consistent copy of the whole database, and back again.

SQLite: sqlite3's online backup API, both ways. It reads one consistent snapshot while the site
keeps running (WAL), and a restore writes into the live file in one write transaction, so other
processes see either the old data or the restored data, never a mix.
PostgreSQL: `pg_dump --format=custom`; a restore runs the script of `pg_restore --clean --if-exists
--no-owner` through psql in one transaction, after dropping the current tables. The client tools
(pg_dump, pg_restore, psql) must be of the server's major version or newer; they are found on PATH,
or in the folder set as PG_BIN_DIR (environment: FLASK_PG_BIN_DIR). The password goes to them in
PGPASSWORD, so it never shows in a process list or in our output.

Shared operational code: imports no domain package.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import click
from alembic.config import Config
from alembic.script import ScriptDirectory
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import inspect, text
from sqlalchemy.engine import URL

from participatie.extensions import db

SUFFIX = {"sqlite": "sqlite", "postgresql": "dump"}


@click.command("backup")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@with_appcontext
def backup_command(path: Path | None) -> None:
    """Write a consistent copy of the database to PATH (default: instance/backups/)."""
    url = db.engine.url
    kind = _kind(url)
    target = _target(path, kind)
    partial = target.with_name(target.name + ".partial")  # the real name only once complete
    try:
        if kind == "sqlite":
            _sqlite_backup(_sqlite_file(url), partial)
        else:
            _pg_dump(url, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        raise click.ClickException(f"Cannot write the backup to {target}: {_reason(exc)}") from exc
    finally:
        partial.unlink(missing_ok=True)
    click.echo(f"Backup written: {target} ({_size(target.stat().st_size)})")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Really replace every table with the backup.")
@with_appcontext
def restore_command(path: Path, yes: bool) -> None:
    """Replace all data in the database with the backup in PATH."""
    url = db.engine.url
    kind = _kind(url)
    _check_archive(kind, path)  # a bad file is refused before anything is touched
    if not yes:
        click.echo(f"This would replace all data in {_describe_target(url, kind)}\n"
                   f"with the backup {_describe_backup(kind, path)}.")
        raise click.ClickException("Nothing was restored. Run the command again with --yes "
                                   "to go ahead.")
    db.session.remove()
    db.engine.dispose()  # none of our pooled connections may hold the old data open
    if kind == "sqlite":
        _sqlite_restore(path, _sqlite_file(url))
    else:
        _pg_restore(url, path)
    db.engine.dispose()
    click.echo(f"Restored {path} into {_describe_url(url, kind)}.")
    _report_revision()


# --- where things are ---------------------------------------------------------------------

def _kind(url: URL) -> str:
    kind = url.get_backend_name()
    if kind not in SUFFIX:
        raise click.ClickException(f"Backups work for SQLite and PostgreSQL, not for {kind}.")
    return kind


def _sqlite_file(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise click.ClickException("An in-memory SQLite database cannot be backed up or restored.")
    return Path(url.database)


def _target(path: Path | None, kind: str) -> Path:
    """PATH, a dated name inside PATH when it is a folder, or a dated name in instance/backups/."""
    name = f"participatie-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.{SUFFIX[kind]}"
    if path is None:
        path = Path(current_app.instance_path) / "backups" / name
    elif path.is_dir():
        path = path / name
    if path.exists():
        raise click.ClickException(f"{path} already exists; choose another name.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise click.ClickException(f"Cannot write the backup to {path}: a part of "
                                   f"{path.parent} is a file, not a folder.") from exc
    except OSError as exc:
        raise click.ClickException(f"Cannot write the backup to {path}: {_reason(exc)}") from exc
    return path


def _reason(exc: Exception) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def _size(n: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    raise AssertionError("unreachable")


# --- SQLite -------------------------------------------------------------------------------

def _sqlite_backup(source: Path, target: Path) -> None:
    if not source.exists():
        raise click.ClickException(f"There is no database at {source} yet.")
    target.touch()  # fails with a plain OSError when the place is not writable
    with closing(sqlite3.connect(source, timeout=30)) as src, \
            closing(sqlite3.connect(target)) as dst:
        src.backup(dst)  # one snapshot; writers carry on meanwhile (WAL)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        if dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise click.ClickException("The copy did not pass SQLite's quick_check; try again.")


def _open_backup(path: Path) -> sqlite3.Connection:
    """A read-only connection: checking or restoring never changes the backup file."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_restore(source: Path, live: Path) -> None:
    with closing(_open_backup(source)) as src, closing(sqlite3.connect(live, timeout=30)) as dst:
        try:
            src.backup(dst)  # one write transaction: all of the backup or none of it
        except sqlite3.Error as exc:
            raise click.ClickException(f"Restore failed, nothing was changed: {exc}") from exc


# --- PostgreSQL ---------------------------------------------------------------------------

def _pg_tool(name: str) -> str:
    folder = current_app.config.get("PG_BIN_DIR")
    found = shutil.which(name, path=folder) if folder else shutil.which(name)
    if not found:
        where = f"in {folder} (PG_BIN_DIR)" if folder else "on PATH"
        raise click.ClickException(
            f"{name} was not found {where}. Install the PostgreSQL client tools of the server's "
            "major version (Debian: postgresql-client-NN), or set FLASK_PG_BIN_DIR to their "
            "folder.")
    return found


def _libpq(url: URL) -> tuple[str, dict]:
    """A libpq URL without driver or password, and an environment that carries the password."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    conninfo = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return conninfo, env


def _pg_dump(url: URL, target: Path) -> None:
    target.touch()  # a clear error for an unwritable place, before pg_dump runs
    conninfo, env = _libpq(url)
    done = subprocess.run([_pg_tool("pg_dump"), "--no-password", "--format=custom",
                           f"--file={target}", f"--dbname={conninfo}"],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise click.ClickException(f"pg_dump failed: {done.stderr.strip()}")


def _check_pg_archive(path: Path) -> None:
    listing = subprocess.run([_pg_tool("pg_restore"), "--list", str(path)],
                             capture_output=True, text=True, check=False)
    if listing.returncode != 0:
        raise click.ClickException(f"{path} is not a pg_dump archive: {listing.stderr.strip()}")


def _pg_restore(url: URL, path: Path) -> None:
    """pg_restore's script, run by psql in one transaction: all of the backup or nothing.

    The whole script is written first, so a damaged archive stops before the database is touched.
    psql then drops every current table (CASCADE): --clean alone leaves the tables and foreign keys
    a later migration added, and those would block dropping the backup's tables.
    """
    with tempfile.NamedTemporaryFile(prefix="participatie-restore-", suffix=".sql") as script:
        made = subprocess.run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
                               f"--file={script.name}", str(path)],
                              capture_output=True, text=True, check=False)
        if made.returncode != 0:
            raise click.ClickException(
                f"Cannot read {path}, nothing was changed: {made.stderr.strip()}")
        conninfo, env = _libpq(url)
        done = subprocess.run([_pg_tool("psql"), "-X", "-q", "--no-password",
                               "-v", "ON_ERROR_STOP=1", "--single-transaction",
                               f"--dbname={conninfo}", *_drop_tables(), "-f", script.name],
                              env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise click.ClickException(f"Restore failed, nothing was changed: {done.stderr.strip()}")


def _drop_tables() -> list[str]:
    """psql arguments that drop every table in the app's schema (none when there are none)."""
    inspector = inspect(db.engine)
    quote = db.engine.dialect.identifier_preparer.quote
    schema = quote(inspector.default_schema_name)
    tables = [f"{schema}.{quote(name)}" for name in inspector.get_table_names()]
    db.engine.dispose()
    return ["-c", f"DROP TABLE IF EXISTS {', '.join(tables)} CASCADE"] if tables else []


# --- checking and describing --------------------------------------------------------------

def _check_archive(kind: str, path: Path) -> None:
    if kind == "postgresql":
        _check_pg_archive(path)
        return
    try:
        with closing(_open_backup(path)) as conn:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise click.ClickException(f"{path} is damaged (SQLite quick_check failed).")
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(f"{path} is not an SQLite backup: {exc}") from exc


def _describe_url(url: URL, kind: str) -> str:
    if kind == "sqlite":
        return f"the SQLite database {url.database}"
    shown = url.set(drivername="postgresql").render_as_string(hide_password=True)
    return f"the PostgreSQL database {shown}"


def _describe_target(url: URL, kind: str) -> str:
    if kind == "sqlite" and not _sqlite_file(url).exists():
        return f"{_describe_url(url, kind)} (not there yet)"
    with db.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        quote = conn.dialect.identifier_preparer.quote
        rows = sum(conn.scalar(text(f"SELECT count(*) FROM {quote(name)}")) for name in tables)
    revision = _revision()
    return (f"{_describe_url(url, kind)} (revision {revision or 'none'}, "
            f"{rows:,} rows in {len(tables)} tables)")


def _describe_backup(kind: str, path: Path) -> str:
    made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    revision = _backup_revision(kind, path)
    return (f"{path} ({_size(path.stat().st_size)}, written {made:%Y-%m-%d %H:%M} UTC, "
            f"revision {revision or 'none'})")


def _backup_revision(kind: str, path: Path) -> str | None:
    if kind == "sqlite":
        with closing(_open_backup(path)) as conn:
            try:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.OperationalError:
                return None
            return row[0] if row else None
    data = subprocess.run([_pg_tool("pg_restore"), "--data-only", "--table=alembic_version",
                           "--file=-", str(path)], capture_output=True, text=True, check=False)
    lines = data.stdout.splitlines()
    for index, line in enumerate(lines[:-1]):
        if line.startswith("COPY ") and "alembic_version" in line and lines[index + 1] != "\\.":
            return lines[index + 1].strip()
    return None


def _revision() -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.scalar(text("SELECT version_num FROM alembic_version"))


def _migration_scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", current_app.extensions["migrate"].directory)
    return ScriptDirectory.from_config(config)


def _report_revision() -> None:
    """The schema of the restored data, and what to do when the code expects another one."""
    revision = _revision()
    scripts = _migration_scripts()
    heads = set(scripts.get_heads())
    click.echo(f"The restored data is at database revision {revision or 'none'}.")
    if revision in heads:
        return
    if revision is None:
        advice = "it has no alembic_version table. Check that this is a Participatie backup."
    elif revision in {script.revision for script in scripts.walk_revisions()}:
        advice = "run `flask db upgrade` before starting the site."
    else:
        advice = ("this version of Participatie does not know that revision (a backup from a newer "
                  "version?). Deploy the matching version of the code.")
    click.echo(f"Warning: the code expects revision {', '.join(sorted(heads))}; {advice}", err=True)
