"""Build test data through the same services the app uses."""

import itertools

from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas import services as ideas

PASSWORD = "correct horse battery"
_counter = itertools.count(1)

# Known places (lat, lng) well inside their wijk.
PLACES = {
    "lombok": (52.0905, 5.0985),      # West
    "domtoren": (52.0907, 5.1214),    # Binnenstad
    "overvecht": (52.117, 5.110),     # Overvecht
    "amsterdam": (52.3731, 4.8922),   # outside Utrecht
}


def make_user(role=Role.RESIDENT, *, verified=True, name=None, email=None, wijken=(), department=None):
    n = next(_counter)
    user = accounts.create_user(
        email or f"user{n}@example.org", name or f"Buur {n}", password=PASSWORD, role=role,
        verified=verified, department=department or ("Stadsbeheer" if role == Role.AMBASSADOR else None),
    )
    if wijken:
        user.wijken = [wijk_by_slug(slug) for slug in wijken]
        db.session.commit()
    return user


def idea_input(**overrides) -> ideas.IdeaInput:
    values = dict(kind="droom", title="Een moestuin op het plein",
                  body="Ik zou graag samen met buren groente kweken op het plein.",
                  themes=["groen"], needs=["space"], offer="", wijk_slug="west")
    values.update(overrides)
    return ideas.IdeaInput(**values)


def make_idea(author=None, **overrides):
    author = author or make_user()
    return ideas.create_idea(author, idea_input(**overrides))
