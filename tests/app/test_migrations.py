"""Migrations build the whole schema on an empty database, with no drift from the models."""

import os
import uuid
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from participatie import create_app
from participatie.extensions import db
from tests.conftest import TEST_CONFIG


@contextmanager
def empty_database(tmp_path):
    """A brand-new database of the same kind the suite runs on."""
    base = os.environ.get("DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    url = make_url(base)
    name = f"participatie_mig_{uuid.uuid4().hex[:8]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_upgrade_on_an_empty_database_then_check_finds_no_drift(tmp_path):
    with empty_database(tmp_path) as url:
        app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
        runner = app.test_cli_runner()
        upgrade = runner.invoke(args=["db", "upgrade"])
        assert upgrade.exit_code == 0, upgrade.output
        with app.app_context():
            tables = set(inspect(db.engine).get_table_names())
            assert {"users", "wijken", "ideas", "idea_events", "supports", "audit_log"} <= tables
        check = runner.invoke(args=["db", "check"])
        assert check.exit_code == 0, check.output
        downgrade = runner.invoke(args=["db", "downgrade", "base"])
        assert downgrade.exit_code == 0, downgrade.output
        with app.app_context():
            db.engine.dispose()


@pytest.mark.parametrize("command", [["geo", "ensure"], ["seed-demo", "--if-empty"]])
def test_make_run_steps_work_on_a_migrated_database(tmp_path, command):
    with empty_database(tmp_path) as url:
        app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
        runner = app.test_cli_runner()
        assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output
        with app.app_context():
            db.engine.dispose()



def revisions() -> list[str]:
    """Every revision except the newest, oldest first."""
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).resolve().parents[2] / "participatie" / "migrations"))
    return [rev.revision for rev in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))][:-1]


OLD_ROWS = [
    "INSERT INTO socialmap_entries (id, kind, name, description, themes_csv, wijk_id, address, phone, email,"
    " website, times, evening, weekend, cost, step_free, languages, signup_needed, suitable_for, archived,"
    " created_at, updated_at) VALUES (1, 'meeting_place', 'Buurthuis De Pijler', '', '', :wijk, 'Pijlerlaan 1',"
    " '', '', '', '', false, false, 'free', true, '', false, 'everyone', false, :now, :now)",
    "INSERT INTO conversations (id, title, wijk_id, starts_at, ends_at, venue, venue_entry_id, step_free,"
    " hearing_loop, childcare, language_support, capacity, invited, agenda, status, cancel_reason, report,"
    " created_at) VALUES (1, 'Groen op het plein', :wijk, :now, :now, 'De Pijler', :venue, true, false, false, '',"
    " 40, '', '', 'planned', '', '', :now)",
]


@pytest.mark.parametrize("revision", revisions())
def test_a_database_with_rows_upgrades_from_every_earlier_revision(tmp_path, revision):
    """An operator's database at an older revision, with rows in it, reaches head with the rows intact."""
    with empty_database(tmp_path) as url:
        app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
        runner = app.test_cli_runner()
        assert runner.invoke(args=["db", "upgrade", revision]).exit_code == 0
        assert runner.invoke(args=["geo", "ensure"]).exit_code == 0
        with app.app_context():
            # Before the foreign key existed, a venue id could point nowhere (the upgrade clears it).
            venue = 999 if revision == revisions()[0] else 1
            params = {"wijk": db.session.scalar(text("SELECT min(id) FROM wijken")), "now": datetime(2026, 11, 1),
                      "venue": venue}
            for statement in OLD_ROWS:
                db.session.execute(text(statement), params)
            db.session.commit()
        upgrade = runner.invoke(args=["db", "upgrade"])
        assert upgrade.exit_code == 0, upgrade.output
        with app.app_context():
            assert db.session.execute(text("SELECT title FROM conversations")).scalars().all() == ["Groen op het plein"]
            assert db.session.scalar(text("SELECT name FROM socialmap_entries")) == "Buurthuis De Pijler"
            db.session.remove()
            db.engine.dispose()
