"""`flask backup` and `flask restore` on a fresh database of the kind the suite runs on."""

import os
import re
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import make_url

from participatie import create_app
from participatie.extensions import db
from tests.app.test_migrations import empty_database, revisions
from tests.conftest import TEST_CONFIG
from tests.factories import make_idea

ON_POSTGRES = bool(os.environ.get("DATABASE_URL"))
SUFFIX = ".dump" if ON_POSTGRES else ".sqlite"
MIGRATIONS = Path(__file__).resolve().parents[2] / "participatie" / "migrations"


class Site:
    """An app on its own migrated database, driven through its command line."""

    def __init__(self, url: str, **config):
        self.app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url, **config})
        self.runner = self.app.test_cli_runner()

    def run(self, *args: str):
        return self.runner.invoke(args=list(args))

    def post_idea(self, title: str) -> None:
        with self.app.test_request_context():
            make_idea(title=title)

    def delete_idea(self, title: str) -> None:
        with self.app.app_context():
            idea_id = db.session.scalar(text("SELECT id FROM ideas WHERE title = :title"),
                                        {"title": title})
            for table, column in (("follows", "idea_id"), ("idea_events", "idea_id"),
                                  ("ideas", "id")):
                db.session.execute(text(f"DELETE FROM {table} WHERE {column} = :id"),
                                   {"id": idea_id})
            db.session.commit()

    def titles(self) -> list[str]:
        with self.app.app_context():
            titles = db.session.scalars(text("SELECT title FROM ideas ORDER BY id")).all()
            db.session.remove()
            return titles

    def close(self) -> None:
        with self.app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def site(tmp_path, instance_dir):
    """A migrated database with the wijken; the instance folder (default backups) is the suite's."""
    with empty_database(tmp_path) as url:
        site = Site(url)
        assert site.run("db", "upgrade").exit_code == 0
        assert site.run("geo", "ensure").exit_code == 0
        yield site
        site.close()


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def written(result) -> Path:
    assert result.exit_code == 0, result.output
    match = re.search(r"Backup written: (.+) \((\d+(\.\d)? (bytes|kB|MB))\)", result.output)
    assert match, result.output
    return Path(match.group(1))


def test_restore_brings_back_the_data_of_the_backup(site, instance_dir):
    site.post_idea("Bankje bij de speeltuin")
    backup = written(site.run("backup"))
    assert backup.parent == instance_dir / "backups" and backup.suffix == SUFFIX
    assert backup.stat().st_size > 0

    site.delete_idea("Bankje bij de speeltuin")
    site.post_idea("Pas na de backup geplaatst")
    assert site.titles() == ["Pas na de backup geplaatst"]

    result = site.run("restore", str(backup), "--yes")

    assert result.exit_code == 0, result.output
    assert site.titles() == ["Bankje bij de speeltuin"]
    assert f"revision {head_revision()}" in result.output and "Warning" not in result.output


def test_restore_without_yes_says_what_it_would_replace_and_changes_nothing(site, tmp_path):
    site.post_idea("Bankje bij de speeltuin")
    backup = written(site.run("backup", str(tmp_path / "voor-de-wijziging")))
    site.post_idea("Pas na de backup geplaatst")

    result = site.run("restore", str(backup))

    assert result.exit_code != 0
    assert "would replace all data in the" in result.output and "--yes" in result.output
    assert str(backup) in result.output
    assert site.titles() == ["Bankje bij de speeltuin", "Pas na de backup geplaatst"]


def test_a_backup_taken_during_a_write_holds_only_committed_data(site, tmp_path):
    """The site keeps running during a backup: a transaction still open is not in it."""
    site.post_idea("Bankje bij de speeltuin")
    with site.app.app_context(), db.engine.connect() as writer:
        writer.execute(text("UPDATE ideas SET title = 'Half af'"))
        result = site.run("backup", str(tmp_path / ("tijdens-het-schrijven" + SUFFIX)))
        writer.commit()
    backup = written(result)
    assert site.titles() == ["Half af"]

    assert site.run("restore", str(backup), "--yes").exit_code == 0
    assert site.titles() == ["Bankje bij de speeltuin"]


def test_an_older_backup_is_restored_with_a_reminder_to_upgrade(tmp_path):
    """After a failed upgrade the operator restores last night's backup; upgrading again works."""
    oldest = revisions()[0]
    with empty_database(tmp_path) as url:
        site = Site(url)
        assert site.run("db", "upgrade", oldest).exit_code == 0
        backup = written(site.run("backup", str(tmp_path / ("oud" + SUFFIX))))
        assert site.run("db", "upgrade").exit_code == 0

        result = site.run("restore", str(backup), "--yes")

        assert result.exit_code == 0, result.output
        assert f"revision {oldest}" in result.output and "flask db upgrade" in result.output
        assert site.run("db", "upgrade").exit_code == 0
        check = site.run("db", "check")
        assert check.exit_code == 0, check.output
        site.close()


def test_a_damaged_backup_is_refused_and_changes_nothing(site, tmp_path):
    site.post_idea("Bankje bij de speeltuin")
    backup = written(site.run("backup", str(tmp_path / ("heel" + SUFFIX))))
    damaged = tmp_path / ("kapot" + SUFFIX)
    damaged.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    site.post_idea("Pas na de backup geplaatst")

    result = site.run("restore", str(damaged), "--yes")

    assert result.exit_code != 0
    assert str(damaged) in result.output and "Traceback" not in result.output
    assert site.titles() == ["Bankje bij de speeltuin", "Pas na de backup geplaatst"]


def test_a_backup_to_an_unwritable_place_fails_with_a_clear_message(site, tmp_path):
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map")

    result = site.run("backup", str(blocker / "backup" / ("participatie" + SUFFIX)))

    assert result.exit_code != 0
    assert "Cannot write the backup" in result.output and "is a file, not a folder" in result.output
    assert blocker.read_text() == "geen map"


def test_a_backup_never_overwrites_an_existing_file(site, tmp_path):
    earlier = tmp_path / ("gisteren" + SUFFIX)
    earlier.write_text("de backup van gisteren")

    result = site.run("backup", str(earlier))

    assert result.exit_code != 0 and "already exists" in result.output
    assert earlier.read_text() == "de backup van gisteren"


@pytest.mark.skipif(not ON_POSTGRES, reason="pg_dump is only used on PostgreSQL")
def test_without_pg_dump_the_backup_says_how_to_fix_it(tmp_path):
    no_tools = tmp_path / "bin"
    no_tools.mkdir()
    site = Site(os.environ["DATABASE_URL"], PG_BIN_DIR=str(no_tools))

    result = site.run("backup", str(tmp_path / ("backup" + SUFFIX)))

    assert result.exit_code != 0 and "pg_dump was not found" in result.output
    assert list(tmp_path.glob("backup*")) == []


@pytest.mark.skipif(not ON_POSTGRES, reason="only PostgreSQL URLs carry a password")
def test_the_database_password_is_never_printed(tmp_path):
    with empty_database(tmp_path) as url:
        with_password = make_url(url).set(password="geheim-wachtwoord")
        site = Site(with_password.render_as_string(hide_password=False))
        assert site.run("db", "upgrade").exit_code == 0
        backup = site.run("backup", str(tmp_path / ("backup" + SUFFIX)))
        refused = site.run("restore", str(tmp_path / ("backup" + SUFFIX)))
        site.close()

    written(backup)
    assert "postgresql://postgres:***@" in refused.output
    assert "geheim-wachtwoord" not in backup.output + refused.output


def test_a_photo_comes_back_with_the_restore(site, tmp_path):
    """Photos live in participatie.storage (the database): the backup holds them (issue 14)."""
    from participatie import storage
    from participatie.socialmap import photos

    photo = bytes(range(256)) * 40
    with site.app.app_context():
        storage.put(photos.key("0123456789abcdef0123456789abcdef.jpg"), photo, "image/jpeg")
        db.session.commit()
    backup = written(site.run("backup", str(tmp_path / f"met-foto{SUFFIX}")))
    with site.app.app_context():
        photos.delete("0123456789abcdef0123456789abcdef.jpg")
        db.session.commit()
        assert photos.load("0123456789abcdef0123456789abcdef.jpg") is None
    assert site.run("restore", str(backup), "--yes").exit_code == 0
    with site.app.app_context():
        assert photos.load("0123456789abcdef0123456789abcdef.jpg") == photo
        db.session.remove()
