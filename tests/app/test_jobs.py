"""`flask jobs tick` and `flask jobs loop`: idempotent, and safe when two ticks overlap."""

from datetime import timedelta

import pytest
from sqlalchemy import text

from participatie.ops import jobs
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.notifications.models import Notification
from tests.notifications.conftest import consenting, notify_one


@pytest.fixture
def runner(app, database):
    return app.test_cli_runner()


@pytest.fixture
def digest_due(ctx):
    """A "daily" user with a message from yesterday: the next tick mails a digest."""
    user = consenting(frequency="daily")
    notify_one(user, subject="Er is nieuws over je idee")
    db.session.execute(Notification.__table__.update().values(created_at=utcnow() - timedelta(days=1)))
    user.consent_notifications_at = utcnow() - timedelta(days=2)
    db.session.commit()
    return user


def test_tick_runs_every_step_and_reports_counts(runner, digest_due, outbox):
    result = runner.invoke(args=["jobs", "tick"])
    assert result.exit_code == 0, result.output
    assert "digests: 1" in result.output.splitlines()
    [mail] = outbox.messages()
    assert mail["To"] == digest_due.email and "Er is nieuws over je idee" in outbox.last_body()


def test_second_tick_sends_no_duplicate_digest(runner, digest_due, outbox):
    assert "digests: 1" in runner.invoke(args=["jobs", "tick"]).output
    second = runner.invoke(args=["jobs", "tick"])
    assert second.exit_code == 0 and "digests: 0" in second.output
    assert len(outbox.messages()) == 1


@pytest.fixture
def lock_held_elsewhere(database):
    """Another tick holds the lock: an advisory lock on another connection (PostgreSQL),
    or the lock row (SQLite)."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as other:
            other.execute(text("SELECT pg_advisory_lock(:k)"), {"k": jobs.ADVISORY_KEY})
            other.commit()
            yield
            other.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": jobs.ADVISORY_KEY})
            other.commit()
    else:
        db.session.add(jobs.JobLock(name=jobs.TICK_LOCK, owner="other-host:1", acquired_at=utcnow()))
        db.session.commit()
        yield
        db.session.execute(jobs.JobLock.__table__.delete())
        db.session.commit()


def test_tick_skips_while_another_tick_runs(runner, digest_due, lock_held_elsewhere, outbox):
    result = runner.invoke(args=["jobs", "tick"])
    assert result.exit_code == 0
    assert "another tick is running" in result.output and "digests" not in result.output
    assert outbox.messages() == []


def test_tick_releases_its_lock(runner, digest_due, outbox):
    runner.invoke(args=["jobs", "tick"])
    with jobs.job_lock() as held:
        assert held
    assert db.session.query(jobs.JobLock).count() == 0


def test_a_stale_lock_row_is_taken_over(ctx):
    """A tick that crashed without cleaning up blocks others for ten minutes at most."""
    now = utcnow()
    db.session.add(jobs.JobLock(name="test", owner="crashed:1", acquired_at=now - timedelta(minutes=9)))
    db.session.commit()
    with jobs._row_lock("test", now) as held:
        assert not held
    with jobs._row_lock("test", now + timedelta(minutes=2)) as held:
        assert held
        assert db.session.scalar(text("SELECT owner FROM job_locks")) != "crashed:1"
    assert db.session.query(jobs.JobLock).count() == 0


def test_a_failing_step_does_not_stop_the_others(runner, digest_due, outbox, monkeypatch):
    def broken(now):
        raise RuntimeError("kapot")

    monkeypatch.setattr(jobs, "TICK_STEPS", [("broken", broken), *jobs.TICK_STEPS])
    result = runner.invoke(args=["jobs", "tick"])
    assert result.exit_code == 1
    assert "broken: failed" in result.output and "digests: 1" in result.output
    assert len(outbox.messages()) == 1


def test_steps_can_build_links(runner, database, monkeypatch):
    from flask import url_for

    seen = []
    monkeypatch.setattr(jobs, "TICK_STEPS", [("links", lambda now: seen.append(url_for("ideas.index")) or 1)])
    assert "links: 1" in runner.invoke(args=["jobs", "tick"]).output
    assert seen == ["/ideas"]


def test_loop_survives_a_failing_tick(runner, database, monkeypatch):
    calls = []

    def flaky(now=None, echo=None):
        calls.append(now)
        if len(calls) == 1:
            raise RuntimeError("database weg")
        return {}

    monkeypatch.setattr(jobs, "run_tick", flaky)
    result = runner.invoke(args=["jobs", "loop", "--every", "0", "--times", "3"])
    assert result.exit_code == 0, result.output
    assert len(calls) == 3
