"""`flask jobs tick`: the periodic work (digests, and the responses domain's reminders).

Run it every minute from cron or systemd, or let `make run` do it (`flask jobs loop`).
A tick is safe to start twice at once: it takes a lock for the whole run (a PostgreSQL
advisory lock, or a row in `job_locks` on SQLite) and a second tick exits quietly. Every
step is itself idempotent, so a tick that runs again after a crash does no double work.

Adding a step: append one line to TICK_STEPS below, e.g.
    ("thresholds", responses.check_thresholds),
A step is `func(now: datetime) -> int` (how many things it did); it commits its own work.
"""

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import DateTime, String, delete, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from participatie.clock import utcnow
from participatie.conversations import jobs as conversations_jobs
from participatie.departments import jobs as departments_jobs
from participatie.extensions import db
from participatie.notifications import services as notifications
from participatie.ops.mail import outbox
from participatie.privacy import retention
from participatie.responses import jobs as responses_jobs
from participatie.socialmap import jobs as socialmap_jobs
from participatie.web import metrics

log = logging.getLogger(__name__)

TICK_STEPS: list[tuple[str, Callable[[datetime], int]]] = [
    *responses_jobs.TICK_STEPS,  # thresholds, reminders, follow-ups: before the digest that reports them
    *departments_jobs.TICK_STEPS,  # late department asks, then the escalation ladder
    *conversations_jobs.TICK_STEPS,  # stadsgesprek reminders and feedback questions
    *socialmap_jobs.TICK_STEPS,  # the monthly "check these entries" reminder to makelaars
    ("digests", notifications.send_digests),
    *retention.TICK_STEPS,  # warn, then anonymise unused accounts; forget guests' sign-up data
    ("mail", outbox.deliver_due),  # last: whatever the steps above queued and is still unsent
]

TICK_LOCK = "tick"
ADVISORY_KEY = 7_210_613_001  # pg_advisory_lock key for the tick (any constant, fixed forever)
STALE_AFTER = timedelta(minutes=10)


class JobLock(db.Model):
    """A running job on SQLite (PostgreSQL uses an advisory lock instead)."""

    __tablename__ = "job_locks"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    owner: Mapped[str] = mapped_column(String(120))
    acquired_at: Mapped[datetime] = mapped_column(DateTime)


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _is_postgresql() -> bool:
    return db.engine.dialect.name == "postgresql"


@contextmanager
def job_lock(name: str = TICK_LOCK, now: datetime | None = None):
    """Yield True when this process holds the lock, False when another one does."""
    if _is_postgresql():
        with _advisory_lock() as held:
            yield held
    else:
        with _row_lock(name, now or utcnow()) as held:
            yield held


@contextmanager
def _advisory_lock():
    """Session-level advisory lock on a connection of its own, freed even if we crash."""
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        held = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}).scalar()
        try:
            yield bool(held)
        finally:
            if held:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})


@contextmanager
def _row_lock(name: str, now: datetime):
    """Insert a row in its own transaction; a duplicate key means someone else runs."""
    owner = _owner()
    try:
        with db.engine.begin() as conn:
            conn.execute(delete(JobLock).where(JobLock.name == name,
                                               JobLock.acquired_at < now - STALE_AFTER))
            conn.execute(JobLock.__table__.insert().values(name=name, owner=owner, acquired_at=now))
    except IntegrityError:
        yield False
        return
    try:
        yield True
    finally:
        with db.engine.begin() as conn:
            conn.execute(delete(JobLock).where(JobLock.name == name, JobLock.owner == owner))


def run_tick(now: datetime | None = None, echo: Callable[[str], None] = click.echo) -> dict | None:
    """Run every step once, in order. None when another tick holds the lock."""
    now = now or utcnow()
    db.session.commit()  # the lock lives on other connections: no open write may block them
    with job_lock(TICK_LOCK, now) as held:
        if not held:
            echo("another tick is running")
            return None
        # Steps build links with url_for and render mail: give them a request on SITE_URL.
        started = time.perf_counter()
        with current_app.test_request_context(base_url=current_app.config["SITE_URL"]):
            done = {name: _run_step(name, func, now, echo) for name, func in TICK_STEPS}
        metrics.observe_tick(time.perf_counter() - started)
        log.info("tick done in %.2f s", time.perf_counter() - started, extra={"steps": done})
        return done


def _run_step(name: str, func, now: datetime, echo) -> int | None:
    """One step; a failing step is logged and rolled back, the next steps still run."""
    try:
        count = func(now)
    except Exception:
        db.session.rollback()
        log.exception("jobs tick: step %s failed", name)
        echo(f"{name}: failed")
        return None
    echo(f"{name}: {count}")
    return count


jobs_cli = AppGroup("jobs", help="Periodic work: digests, reminders, follow-ups.")


@jobs_cli.command("tick")
def tick_command():
    """Run every periodic step once (safe to run twice at once)."""
    results = run_tick()
    if results and any(count is None for count in results.values()):
        raise SystemExit(1)


@jobs_cli.command("loop")
@click.option("--every", default=60, show_default=True, help="Seconds between ticks.")
@click.option("--times", default=0, help="Stop after this many ticks (0: never).")
def loop_command(every: int, times: int):
    """Run a tick every N seconds until stopped (for `make run`)."""
    done = 0
    while True:
        try:
            run_tick()
        except Exception:  # the loop never dies: log and try again next time
            log.exception("jobs loop: tick failed")
            click.echo("tick failed; trying again later", err=True)
        finally:
            db.session.remove()
        done += 1
        if times and done >= times:
            return
        time.sleep(every)
