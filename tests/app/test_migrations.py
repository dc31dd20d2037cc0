"""Migrations build the whole schema on an empty database, with no drift from the models."""

import os
import uuid
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy import inspect
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
