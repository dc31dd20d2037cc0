"""The bench data set's users, ideas, supports (online and on paper), events and themes.

Built deterministically (seeded random.Random) with bulk inserts. It bypasses the services on
purpose: the counters (Idea.support_count / join_count / paper_support_count) are set to exactly
the rows inserted, which is what the services maintain.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import func, insert, select, text
from werkzeug.security import generate_password_hash

from participatie.accounts.models import User, makelaar_wijken
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo import polygons
from participatie.geo import services as geo
from participatie.ideas.models import EventKind, Idea, IdeaEvent, IdeaTheme
from participatie.ideas.status import IdeaKind, IdeaStatus, Outcome
from participatie.ideas.themes import NEEDS, THEMES
from participatie.reactions.models import Reaction
from participatie.socialmap.models import PaperSupport
from participatie.supports.models import Support, SupportKind

SEED = 20261122
BENCH_PASSWORD = "bench-wachtwoord-2026"
BENCH_USERS = 200
SUPPORTS_PER_IDEA = 10
EVENTS_PER_IDEA = 2
JOIN_SHARE = 0.2  # share of supports that are "meedoen"
PAPER_SHARE = 0.05  # share of ideas with supports a makelaar collected on paper
CHUNK = 5000
COPY_FROM = 2000  # rows; below this a plain executemany is as quick

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
PAPER_PLACES = ["Markt op zaterdag", "Buurthuis", "Langs de deuren", "Bij de school", "Koffieochtend"]
OFFERS = ["Ik kan een middag helpen.", "Ik heb een aanhanger.", "Ik kan flyers rondbrengen.", "Gereedschap."]


# --- the dataset -------------------------------------------------------------------------

def bench_email(number: int) -> str:
    return f"bench{number:04d}@example.org"


def _next_id(model) -> int:
    return (db.session.scalar(select(func.max(model.id))) or 0) + 1


def _insert(model, rows: list[dict]) -> None:
    """Bulk insert: COPY on PostgreSQL for large sets, else Core executemany in chunks."""
    if db.session.get_bind().dialect.name == "postgresql" and len(rows) >= COPY_FROM:
        _copy(model.__table__, rows)
        return
    for start in range(0, len(rows), CHUNK):
        db.session.execute(insert(model.__table__), rows[start:start + CHUNK])


def _copy(table, rows: list[dict]) -> None:
    """PostgreSQL `COPY ... FROM STDIN` (psycopg): one stream instead of a statement per row.
    Columns the rows leave out get their scalar Python default, or NULL / the server default."""
    keys = list(rows[0])
    defaults = {c.name: c.default.arg for c in table.columns if c.name not in keys and c.default is not None
                and c.default.is_scalar}
    names = keys + list(defaults)
    columns = ", ".join(f'"{name}"' for name in names)
    cursor = db.session.connection().connection.dbapi_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([_plain(row[k]) for k in keys] + [_plain(v) for v in defaults.values()])
    cursor.close()


def _plain(value):
    return value.value if isinstance(value, Enum) else value


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


def makelaar_email(number: int) -> str:
    return f"bench-makelaar{number:02d}@example.org"


def _users(count: int, now, role: Role = Role.RESIDENT, email=bench_email, name: str = "Buur") -> list[int]:
    password_hash = generate_password_hash(BENCH_PASSWORD)  # once: hashing is slow on purpose
    first = _next_id(User)
    rows = [dict(email=email(first + i), display_name=f"{name} {first + i}", password_hash=password_hash,
                 email_verified_at=now, locale="nl", role=role, department=None,
                 consent_notifications_at=None, consent_buurtnetwerk_at=None, login_nonce=f"bench{first + i}",
                 created_at=now - timedelta(days=400), last_login_at=None)
            for i in range(count)]
    return _insert_with_ids(User, rows)


def _makelaars(wijken, now) -> dict[int, int]:
    """One sociaal makelaar per wijk: {wijk_id: user_id}."""
    ids = _users(len(wijken), now, role=Role.MAKELAAR, email=makelaar_email, name="Makelaar")
    db.session.execute(insert(makelaar_wijken), [{"user_id": u, "wijk_id": w.id} for u, (w, _) in zip(ids, wijken)])
    return {w.id: u for u, (w, _) in zip(ids, wijken)}


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
        support_count=0, join_count=0, paper_support_count=0, reaction_count=0, hidden=rng.random() < 0.01, created_at=created, updated_at=created,
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


def _paper_rows(idea_ids, idea_rows, makelaars: dict[int, int], rng) -> list[dict]:
    """PAPER_SHARE of the ideas get one to three paper lists; their counter follows."""
    rows = []
    for idea_id, idea in zip(idea_ids, idea_rows):
        if rng.random() >= PAPER_SHARE:
            continue
        for _ in range(rng.randint(1, 3)):
            count = rng.randint(2, 30)
            collected = idea["created_at"] + timedelta(days=rng.randint(1, 60))
            rows.append(dict(idea_id=idea_id, count=count, collected_where=rng.choice(PAPER_PLACES),
                             collected_on=collected.date(), note="", added_by_id=makelaars[idea["wijk_id"]],
                             created_at=collected))
            idea["paper_support_count"] += count
    return rows


@dataclass
class Ideas:
    """What the other domains of the data set build on."""

    rng: random.Random
    now: datetime
    places: _Places
    user_ids: list[int]
    makelaars: dict[int, int]
    idea_ids: list[int]
    idea_rows: list[dict]
    counts: dict[str, int]


def build_ideas(n_ideas: int, n_users: int, rng: random.Random, now) -> Ideas:
    """Users, makelaars, ideas with their supports (online and paper), events and themes."""
    user_ids = _users(n_users, now)
    places = _Places(rng)
    makelaars = _makelaars(places.wijken, now)
    idea_rows = [_idea_row(i, n_ideas, rng, places, user_ids, now) for i in range(n_ideas)]
    counts = _support_counts(n_ideas, n_users - 1, rng)
    first = _next_id(Idea)
    idea_ids = list(range(first, first + n_ideas))
    # Supports are drawn first: they fill in the idea rows' counters before those are inserted.
    support_rows = _support_rows(idea_ids, idea_rows, counts, user_ids, rng)
    paper_rows = _paper_rows(idea_ids, idea_rows, makelaars, rng)
    event_rows = _event_rows(idea_ids, idea_rows, rng)
    bench_idea = _bench_idea(idea_rows, [dict(r, idea_id=r["idea_id"] - first) for r in event_rows], user_ids[0])
    if bench_idea is not None:
        idea_rows[bench_idea]["reaction_count"] = REACTIONS_ON_BENCH_IDEA
    _insert_with_ids(Idea, idea_rows)
    _insert(Support, support_rows)
    _insert(PaperSupport, paper_rows)
    _insert(IdeaEvent, event_rows)
    _insert(IdeaTheme, _theme_rows(idea_ids, rng))
    reactions = 0
    if bench_idea is not None:
        reactions = _insert_reactions(idea_ids[bench_idea], idea_rows[bench_idea]["created_at"], user_ids, rng)
    return Ideas(rng, now, places, user_ids, makelaars, idea_ids, idea_rows,
                 {"users": len(user_ids), "makelaars": len(makelaars), "ideas": len(idea_ids),
                  "supports": len(support_rows), "paper lists": len(paper_rows),
                  "ideas with paper supports": len({r["idea_id"] for r in paper_rows}), "events": len(event_rows),
                  "reactions": reactions})
