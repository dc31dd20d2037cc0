"""Benchmark support: `flask seed-bench --ideas N` and the bare baseline endpoint.

The data set is the one QUALITY.md describes (N ideas over the wijken, 10·N supports, paper
supports on some ideas, 2·N events, N/10 social-map entries, 50 stadsgesprekken with RSVPs and
action items), deterministic and bulk-inserted (ideas.py, domains.py). Afterwards the database
gets `ANALYZE`, so the planner has statistics as on a server where autovacuum runs.

`register_baseline(app)` adds `/__bench/baseline` (base.html with an empty content block) only
when PARTICIPATIE_BENCH_BASELINE=1: the "bare Flask endpoint" that `make bench` compares the
idea page's throughput with.
"""

import os
import random
import time

import click
from flask import Blueprint, render_template
from flask.cli import with_appcontext
from sqlalchemy import select, text

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import counters
from participatie.geo import services as geo
from participatie.ideas.models import Idea
from participatie.ops.bench.domains import build_conversations, build_socialmap
from participatie.ops.bench.ideas import (  # noqa: F401 (used by tests and scripts)
    BENCH_PASSWORD,
    BENCH_USERS,
    EVENTS_PER_IDEA,
    SEED,
    bench_email,
    build_ideas,
    makelaar_email,
)

# --- the baseline endpoint -------------------------------------------------------------

baseline_bp = Blueprint("bench", __name__, url_prefix="/__bench")


@baseline_bp.get("/baseline")
def baseline():
    """base.html with an empty content block: the floor for a page of this site."""
    return render_template("base.html")


def baseline_enabled() -> bool:
    return os.environ.get("PARTICIPATIE_BENCH_BASELINE") == "1"


def register_baseline(app) -> None:
    """Called from create_app; a no-op unless PARTICIPATIE_BENCH_BASELINE=1."""
    if baseline_enabled() and "bench" not in app.blueprints:
        app.register_blueprint(baseline_bp)


def app_with_baseline():
    """gunicorn factory ('participatie.ops.bench:app_with_baseline()') for when create_app
    does not call register_baseline yet."""
    from participatie import create_app

    app = create_app()
    register_baseline(app)
    return app


# --- the data set ------------------------------------------------------------------------

def build(n_ideas: int, n_users: int = BENCH_USERS, seed: int = SEED) -> dict[str, int]:
    """Insert the data set of every domain and commit once. Returns the row counts."""
    rng, now = random.Random(seed), utcnow().replace(microsecond=0)
    ideas = build_ideas(n_ideas, n_users, rng, now)
    counts = dict(ideas.counts)
    counts.update(build_socialmap(ideas))
    counts.update(build_conversations(ideas))
    db.session.commit()
    counters.rebuild()  # bulk inserts bypass the counter listener: count once, as the services would
    return counts


def analyze() -> float:
    """Planner statistics for every table (PostgreSQL and SQLite), as autovacuum keeps them on a
    server; without them PostgreSQL guesses row counts after a bulk load. On PostgreSQL also
    VACUUM, as autovacuum would soon after a load: it marks the pages all-visible, so counts can
    be answered from an index alone (100,000 ideas, wijk + theme counted: 110-180 ms -> 18-29 ms).
    Returns seconds."""
    started = time.perf_counter()
    db.session.commit()
    if db.session.get_bind().dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    return time.perf_counter() - started


@click.command("seed-bench")
@click.option("--ideas", "n_ideas", type=click.IntRange(10, 1_000_000), default=1000, show_default=True)
@click.option("--users", "n_users", type=click.IntRange(20, 100_000), default=BENCH_USERS, show_default=True)
@click.option("--force", is_flag=True, help="Also when the database has ideas already.")
@with_appcontext
def seed_bench_command(n_ideas, n_users, force):
    """Load the deterministic benchmark data set of QUALITY.md (N ideas, 10·N supports, ...)."""
    geo.ensure_wijken()
    if not force and db.session.scalar(select(Idea.id).limit(1)) is not None:
        raise click.ClickException("The database has ideas already; use --force to add the bench set anyway.")
    started = time.perf_counter()
    counts = build(n_ideas, n_users)
    seeded = time.perf_counter() - started
    analyzed = analyze()
    click.echo(f"Bench data ({counts['users']} users, password {BENCH_PASSWORD!r}; "
               f"{EVENTS_PER_IDEA}·N update events plus one 'created' event per idea):")
    click.echo("  " + ", ".join(f"{value:,} {key}" for key, value in counts.items()))
    analysis = "VACUUM ANALYZE" if db.session.get_bind().dialect.name == "postgresql" else "ANALYZE"
    click.echo(f"Seeded in {seeded:.1f} s; {analysis} ({db.session.get_bind().dialect.name}) in {analyzed:.1f} s; "
               f"total {seeded + analyzed:.1f} s.")
