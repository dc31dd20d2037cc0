"""Benchmark support: `flask seed-bench --ideas N` and the bare baseline endpoint.

The dataset is the one QUALITY.md describes, built deterministically (seeded
random.Random) with bulk inserts, so N = 10,000 loads in seconds. It bypasses the
services on purpose: the counters (Idea.support_count / join_count) are set to
exactly the number of Support rows inserted, which is what the services maintain.

`register_baseline(app)` adds `/__bench/baseline` (base.html with an empty content
block) only when PARTICIPATIE_BENCH_BASELINE=1: the "bare Flask endpoint" that
`make bench` compares the idea page's throughput with.
"""

import os
import random
from datetime import timedelta

import click
from flask import Blueprint, render_template
from flask.cli import with_appcontext
from sqlalchemy import func, insert, select, text
from werkzeug.security import generate_password_hash

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo import polygons
from participatie.geo import services as geo
from participatie.ideas.models import EventKind, Idea, IdeaEvent, IdeaTheme
from participatie.ideas.status import IdeaKind, IdeaStatus, Outcome
from participatie.ideas.themes import NEEDS, THEMES
from participatie.reactions.models import Reaction
from participatie.supports.models import Support, SupportKind

SEED = 20261122
BENCH_PASSWORD = "bench-wachtwoord-2026"
BENCH_USERS = 200
SUPPORTS_PER_IDEA = 10
EVENTS_PER_IDEA = 2
JOIN_SHARE = 0.2  # share of supports that are "meedoen"
CHUNK = 5000

# (status, weight): most ideas still collect support, as on a live site.
STATUSES = [(IdeaStatus.OPEN, 70), (IdeaStatus.AWAITING_RESPONSE, 8), (IdeaStatus.IN_PROGRESS, 10),
            (IdeaStatus.DECIDED, 5), (IdeaStatus.DONE, 4), (IdeaStatus.ARCHIVED, 3)]
WHAT = ["Een moestuin", "Meer bankjes", "Een speeltuin", "Een buurtfeest", "Geveltuinen",
        "Een fietsenstalling", "Een ruilkast", "Een picknicktafel", "Bloemen in bakken", "Een jeu-de-boulesbaan",
        "Een buurtbibliotheek", "Een drinkwaterpunt", "Een pannakooi", "Minder verkeer", "Een zebrapad"]
WHERE = ["op het plein", "in het park", "bij de school", "langs de singel", "in onze straat",
         "bij het buurthuis", "op de hoek", "bij de speeltuin", "achter de flat", "bij de winkels"]
STREETS = ["Kanaalstraat", "Amsterdamsestraatweg", "Biltstraat", "Vleutenseweg", "Oudegracht",
           "Twijnstraat", "Croeselaan", "Burgemeester Reigerstraat", "Kardinaal de Jongweg", "Marnixlaan"]
SENTENCES = [
    "Ik woon hier al twaalf jaar en zie veel kinderen spelen op straat.",
    "Veel buren willen graag helpen.",
    "Er is nu weinig groen en in de zomer is het heel warm.",
    "Ouderen zoeken een plek om even te zitten.",
    "Wij kunnen zelf het onderhoud doen.",
    "Het kost niet veel geld en het maakt de buurt mooier.",
    "Op zaterdag kunnen we samen beginnen.",
    "De gemeente kan helpen met een vergunning.",
]
UPDATES = ["We hebben al twintig handtekeningen.", "Vandaag hebben we met de wijkagent gepraat.",
           "Wie helpt zaterdag mee?", "De eerste plantenbakken staan er.", "Er komt een gesprek met de gemeente.",
           "Dank voor alle steun!"]
OFFERS = ["Ik kan een middag helpen.", "Ik heb een aanhanger.", "Ik kan flyers rondbrengen.", "Gereedschap."]


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


# --- the dataset -------------------------------------------------------------------------

def bench_email(number: int) -> str:
    return f"bench{number:04d}@example.org"


def _next_id(model) -> int:
    return (db.session.scalar(select(func.max(model.id))) or 0) + 1


def _insert(model, rows: list[dict]) -> None:
    """Core executemany in chunks: no ORM unit of work, no RETURNING."""
    for start in range(0, len(rows), CHUNK):
        db.session.execute(insert(model.__table__), rows[start:start + CHUNK])


def _insert_with_ids(model, rows: list[dict]) -> list[int]:
    """Give rows explicit ids (after the current maximum) and keep PostgreSQL's sequence in step."""
    first = _next_id(model)
    for offset, row in enumerate(rows):
        row["id"] = first + offset
    _insert(model, rows)
    if db.session.get_bind().dialect.name == "postgresql":
        table = model.__tablename__
        db.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"(SELECT max(id) FROM {table}))"))
    return [row["id"] for row in rows]


def _users(count: int, now) -> list[int]:
    password_hash = generate_password_hash(BENCH_PASSWORD)  # once: hashing is slow on purpose
    first = _next_id(User)
    rows = [dict(email=bench_email(first + i), display_name=f"Buur {first + i}", password_hash=password_hash,
                 email_verified_at=now, locale="nl", role=Role.RESIDENT, department=None,
                 consent_notifications_at=None, consent_buurtnetwerk_at=None, login_nonce=f"bench{first + i}",
                 created_at=now - timedelta(days=400), last_login_at=None)
            for i in range(count)]
    return _insert_with_ids(User, rows)


class _Places:
    """Random points inside each wijk; geometry parsed once (Wijk.contains re-parses)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.wijken = [(w, w.geometry) for w in geo.all_wijken()]

    def point(self, wijk, geometry) -> tuple[float, float]:
        for _ in range(500):
            lat = self.rng.uniform(wijk.min_lat, wijk.max_lat)
            lng = self.rng.uniform(wijk.min_lng, wijk.max_lng)
            if polygons.contains(geometry, lat, lng):
                return lat, lng
        return wijk.center


def _weighted_status(rng: random.Random) -> IdeaStatus:
    return rng.choices([s for s, _ in STATUSES], weights=[w for _, w in STATUSES])[0]


def _idea_row(i: int, n: int, rng: random.Random, places: _Places, user_ids: list[int], now) -> dict:
    wijk, geometry = places.wijken[i % len(places.wijken)]
    located = rng.random() < 5 / 6  # some residents only pick a wijk, no map
    lat, lng = places.point(wijk, geometry) if located else (None, None)
    status = _weighted_status(rng)
    created = now - timedelta(days=365) + timedelta(days=365 * i / n, seconds=rng.randint(0, 600))
    return dict(
        kind=rng.choice(list(IdeaKind)), title=f"{rng.choice(WHAT)} {rng.choice(WHERE)}",
        body=" ".join(rng.sample(SENTENCES, rng.randint(2, 5))), lat=lat, lng=lng,
        street=rng.choice(STREETS) if rng.random() < 0.5 else None, wijk_id=wijk.id,
        needs_csv=",".join(sorted(rng.sample(list(NEEDS), rng.randint(0, 3)))),
        offer=rng.choice(OFFERS) if rng.random() < 0.3 else "", author_id=rng.choice(user_ids),
        status=status, outcome=Outcome.TOGETHER if status in (IdeaStatus.DECIDED, IdeaStatus.DONE) else None,
        response_due_at=created + timedelta(days=14) if status != IdeaStatus.OPEN else None,
        support_count=0, join_count=0, reaction_count=0, hidden=rng.random() < 0.01, created_at=created,
        updated_at=created,
    )


def _support_counts(n: int, max_per_idea: int, rng: random.Random) -> list[int]:
    """SUPPORTS_PER_IDEA * n in total, skewed (a few popular ideas), capped per idea."""
    weights = [rng.paretovariate(1.6) for _ in range(n)]
    total, scale = SUPPORTS_PER_IDEA * n, SUPPORTS_PER_IDEA * n / sum(weights)
    counts = [min(int(w * scale), max_per_idea) for w in weights]
    missing, i = total - sum(counts), 0
    while missing > 0:  # hand out the remainder round-robin
        if counts[i % n] < max_per_idea:
            counts[i % n] += 1
            missing -= 1
        i += 1
    return counts


def _support_rows(idea_ids, idea_rows, counts, user_ids, rng) -> list[dict]:
    rows = []
    for idea_id, idea, count in zip(idea_ids, idea_rows, counts):
        others = [u for u in rng.sample(user_ids, count + 1) if u != idea["author_id"]][:count]
        for user_id in others:  # distinct users: unique per (idea, user, kind)
            join = rng.random() < JOIN_SHARE
            rows.append(dict(idea_id=idea_id, user_id=user_id,
                             kind=SupportKind.MEEDOEN if join else SupportKind.STEUN,
                             offer=rng.choice(OFFERS) if join else "",
                             created_at=idea["created_at"] + timedelta(hours=rng.randint(1, 2000))))
            idea["join_count" if join else "support_count"] += 1
    return rows


def _event_rows(idea_ids, idea_rows, rng) -> list[dict]:
    """The 'created' event every idea has, plus EVENTS_PER_IDEA * n public updates."""
    rows = [dict(idea_id=i, actor_id=idea["author_id"], kind=EventKind.CREATED, old_status=None,
                 new_status=None, public_text="", internal_note="", created_at=idea["created_at"])
            for i, idea in zip(idea_ids, idea_rows)]
    for _ in range(EVENTS_PER_IDEA * len(idea_ids)):
        k = rng.randrange(len(idea_ids))
        idea = idea_rows[k]
        rows.append(dict(idea_id=idea_ids[k], actor_id=idea["author_id"], kind=EventKind.UPDATE,
                         old_status=None, new_status=None, public_text=rng.choice(UPDATES), internal_note="",
                         created_at=idea["created_at"] + timedelta(hours=rng.randint(1, 4000))))
    return rows


REACTIONS_ON_BENCH_IDEA = 200  # the idea page `make bench` measures carries a long conversation
REACTIONS = ["Ik heb hetzelfde probleem.", "Goed plan, ik help graag mee!", "Kan dit ook bij ons in de straat?",
             "Ik heb een aanhanger voor het buurtfeest.", "Wanneer beginnen we?", "Zie https://www.utrecht.nl"]


def _bench_idea(idea_rows, event_rows, bench_user_id) -> int | None:
    """The index of the idea scripts/bench.py measures (same rule: open, located, 5-15 supports, 3+ events)."""
    events: dict[int, int] = {}
    for row in event_rows:
        events[row["idea_id"]] = events.get(row["idea_id"], 0) + 1
    for k, idea in enumerate(idea_rows):
        if (idea["status"] == IdeaStatus.OPEN and not idea["hidden"] and idea["lat"] is not None
                and idea["author_id"] != bench_user_id and 5 <= idea["support_count"] <= 15
                and events.get(k, 0) >= 3):
            return k
    return None


def _insert_reactions(idea_id: int, created, user_ids, rng) -> int:
    """Three in four reactions start a thread, the rest reply to one; a makelaar-free, plain dataset."""
    def row(i, parent_id=None):
        return dict(idea_id=idea_id, parent_id=parent_id, author_id=rng.choice(user_ids),
                    body=rng.choice(REACTIONS), created_at=created + timedelta(minutes=10 * i))
    tops = REACTIONS_ON_BENCH_IDEA * 3 // 4
    top_ids = _insert_with_ids(Reaction, [row(i) for i in range(tops)])
    _insert(Reaction, [row(tops + i, rng.choice(top_ids)) for i in range(REACTIONS_ON_BENCH_IDEA - tops)])
    return REACTIONS_ON_BENCH_IDEA


def _theme_rows(idea_ids, rng) -> list[dict]:
    return [dict(idea_id=i, theme=t) for i in idea_ids for t in rng.sample(list(THEMES), rng.randint(1, 2))]


def build(n_ideas: int, n_users: int = BENCH_USERS, seed: int = SEED) -> dict[str, int]:
    """Insert the dataset and commit once. Returns the row counts."""
    rng, now = random.Random(seed), utcnow().replace(microsecond=0)
    user_ids = _users(n_users, now)
    places = _Places(rng)
    idea_rows = [_idea_row(i, n_ideas, rng, places, user_ids, now) for i in range(n_ideas)]
    counts = _support_counts(n_ideas, n_users - 1, rng)
    first = _next_id(Idea)
    idea_ids = list(range(first, first + n_ideas))
    # Supports are drawn first: they fill in the idea rows' counters before those are inserted.
    support_rows = _support_rows(idea_ids, idea_rows, counts, user_ids, rng)
    event_rows = _event_rows(idea_ids, idea_rows, rng)
    bench_idea = _bench_idea(idea_rows, [dict(r, idea_id=r["idea_id"] - first) for r in event_rows], user_ids[0])
    if bench_idea is not None:
        idea_rows[bench_idea]["reaction_count"] = REACTIONS_ON_BENCH_IDEA
    _insert_with_ids(Idea, idea_rows)
    _insert(Support, support_rows)
    _insert(IdeaEvent, event_rows)
    _insert(IdeaTheme, _theme_rows(idea_ids, rng))
    reactions = 0
    if bench_idea is not None:
        reactions = _insert_reactions(idea_ids[bench_idea], idea_rows[bench_idea]["created_at"], user_ids, rng)
    db.session.commit()
    return {"users": len(user_ids), "ideas": len(idea_ids), "supports": len(support_rows),
            "events": len(event_rows), "reactions": reactions}


@click.command("seed-bench")
@click.option("--ideas", "n_ideas", type=click.IntRange(10, 1_000_000), default=1000, show_default=True)
@click.option("--users", "n_users", type=click.IntRange(20, 100_000), default=BENCH_USERS, show_default=True)
@click.option("--force", is_flag=True, help="Also when the database has ideas already.")
@with_appcontext
def seed_bench_command(n_ideas, n_users, force):
    """Load the deterministic benchmark dataset of QUALITY.md (N ideas, 10·N supports, ...)."""
    geo.ensure_wijken()
    if not force and db.session.scalar(select(Idea.id).limit(1)) is not None:
        raise click.ClickException("The database has ideas already; use --force to add the bench set anyway.")
    started = utcnow()
    counts = build(n_ideas, n_users)
    seconds = (utcnow() - started).total_seconds()
    click.echo(f"Bench data: {counts['ideas']} ideas, {counts['supports']} supports, {counts['events']} events "
               f"({counts['ideas']} 'created' + {EVENTS_PER_IDEA}·N updates), {counts['users']} users "
               f"(password {BENCH_PASSWORD!r}), {counts['reactions']} reactions on the measured idea page "
               f"in {seconds:.1f} s.")
    # TODO(socialmap): add N/10 SocialMapEntry rows once participatie/socialmap/ exists.
    click.echo(f"Skipped: {n_ideas // 10} social-map entries (the socialmap domain does not exist yet).")
    # TODO(conversations): add 50 Conversation rows once participatie/conversations/ exists.
    click.echo("Skipped: 50 conversations (the conversations domain does not exist yet).")
