"""`flask seed-demo`: demo content through the same services residents use."""

import random
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from participatie.accounts import services as accounts
from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.demo.content import IDEAS
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import services as ideas
from participatie.ideas.models import Idea
from participatie.insights.demo import seed_insights
from participatie.supports import services as supports
from participatie.supports.models import SupportKind

STAFF = [
    ("inwoner@example.org", "Fatima", Role.RESIDENT, None, ()),
    ("makelaar@example.org", "Sanne Jansen", Role.MAKELAAR, None, ("west", "overvecht")),
    ("ambassadeur@example.org", "Ruud de Vries", Role.AMBASSADOR, "Stadsbeheer", ()),
    ("beheer@example.org", "Beheer Participatie", Role.ADMIN, None, ()),
]
NEIGHBOURS = ["Ahmed", "Bram", "Chantal", "Daan", "Esra", "Freek", "Gül", "Hanneke", "Ilias", "Joke",
              "Kees", "Lotte", "Mohamed", "Noor", "Olga", "Pieter", "Rachid", "Saskia", "Tim", "Yasmina"]
OFFERS = ["Ik kan een middag helpen.", "Ik heb een aanhanger.", "Ik kan flyers rondbrengen.", ""]


def _user(email, name, role=Role.RESIDENT, department=None, wijk_slugs=()) -> User:
    user = accounts.find_by_email(email)
    if user is None:
        user = accounts.create_user(email, name, password=current_app.config["DEMO_PASSWORD"], role=role,
                                    verified=True, department=department)
    if wijk_slugs and not user.wijken:
        user.wijken = [geo.wijk_by_slug(s) for s in wijk_slugs]
        db.session.commit()
    return user


def _point_in(wijk, rng: random.Random):
    """A deterministic random point inside the wijk (rejection sampling in its bounding box)."""
    for _ in range(200):
        lat = rng.uniform(wijk.min_lat, wijk.max_lat)
        lng = rng.uniform(wijk.min_lng, wijk.max_lng)
        if wijk.contains(lat, lng):
            return lat, lng
    return wijk.center


# Story ideas sit where their title says, so the walks meet real neighbours on the map
# (the community garden beside the Moskeeplein idea, issue 5).
KNOWN_PLACES = {
    "Een moestuin op het Moskeeplein": (52.0917, 5.1003),
    "Bankjes langs de Kanaalstraat": (52.0905, 5.0985),
}


def _idea(row, author, index: int, rng: random.Random) -> Idea:
    slug, kind, title, body, themes, needs, offer, street = row
    existing = db.session.scalar(select(Idea).where(Idea.title == title))
    if existing:
        return existing
    wijk = geo.wijk_by_slug(slug)
    located = index % 6 != 5  # some residents only pick a wijk, no map
    lat, lng = _point_in(wijk, rng) if located else (None, None)
    lat, lng = KNOWN_PLACES.get(title, (lat, lng))
    data = ideas.IdeaInput(kind=kind, title=title, body=body, themes=themes, needs=needs, offer=offer,
                           lat=lat, lng=lng, wijk_slug=slug, street=street)
    created = utcnow() - timedelta(days=60 - index, hours=rng.randint(0, 12))
    return ideas.create_idea(author, data, created_at=created)


def _support_by(idea: Idea, users: list[User]) -> None:
    if idea.supporter_total or idea.join_count:
        return
    for user in users:
        if user.id != idea.author_id:
            supports.set_support(user, idea, SupportKind.STEUN, True)


def _support(idea: Idea, residents: list[User], rng: random.Random) -> None:
    if idea.supporter_total or idea.join_count:
        return  # already seeded
    for user in rng.sample(residents, rng.randint(0, min(18, len(residents)))):
        if user.id == idea.author_id:
            continue
        kind = SupportKind.MEEDOEN if rng.random() < 0.25 else SupportKind.STEUN
        supports.set_support(user, idea, kind, True, rng.choice(OFFERS) if kind == SupportKind.MEEDOEN else "")


DEMO_THRESHOLD = 10  # lower than the default 25, so a demo walk can pass it with a few clicks
WALK_IDEA = "Bankjes langs de Kanaalstraat"  # one support short of the threshold: the walk's last click


def _set_demo_thresholds() -> None:
    for wijk in geo.all_wijken():
        wijk.support_threshold = DEMO_THRESHOLD
    db.session.commit()


def _walk_supporters(idea: Idea, residents: list[User]) -> list[User]:
    """Neither the demo resident nor the author, so inwoner@example.org makes the threshold pass."""
    others = [u for u in residents if u.email != "inwoner@example.org" and u.id != idea.author_id]
    return others[:DEMO_THRESHOLD - 1]


def seed(only_if_empty: bool = False) -> str:
    geo.ensure_wijken()
    if only_if_empty and db.session.scalar(select(Idea.id).limit(1)) is not None:
        return "Database has ideas already; demo data not loaded."
    _set_demo_thresholds()
    rng = random.Random(2026)
    for email, name, role, department, wijken in STAFF:
        _user(email, name, role, department, wijken)
    residents = [_user("inwoner@example.org", "Fatima")] + [
        _user(f"buur{i:02d}@example.org", name) for i, name in enumerate(NEIGHBOURS, start=1)
    ]
    for index, row in enumerate(IDEAS):
        idea = _idea(row, residents[index % len(residents)], index, rng)
        if idea.title == WALK_IDEA:
            _support_by(idea, _walk_supporters(idea, residents))
        else:
            _support(idea, residents, rng)
    from participatie.demo.stories import tell_stories

    tell_stories()
    from participatie.socialmap.demo import seed_socialmap

    seed_socialmap()  # after the ideas: entries near them, links, paper supports
    from participatie.conversations.demo import seed_conversations

    seed_conversations()  # plans stadsgesprekken for supported ideas, one already held with actions
    from participatie.reactions.demo import seed_reactions

    seed_reactions()  # neighbours talking on the first ideas (a makelaar among them)
    from participatie.departments.demo import seed_departments; seed_departments()  # noqa: E702 (asks, ladder)
    from participatie.regulations.demo import seed_regulations; seed_regulations()  # rules; a wijk followed
    seed_insights()  # figures pages: a solved idea, residents' words with and without consent to quote
    from participatie.buurtnetwerk.demo import seed_buurtnetwerk; seed_buurtnetwerk()  # noqa: E702  (asking the wijk)
    return f"Demo data ready: {len(IDEAS)} ideas, {len(residents)} residents, {len(STAFF)} role accounts."
