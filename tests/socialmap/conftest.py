"""Fixtures and helpers of the social-map tests."""

import pytest

from participatie.accounts.roles import Role
from participatie.socialmap import services
from tests.responses.helpers import person

# Known points (lat, lng): two close together in Lombok (West), one in Overvecht, one in Zuid.
LOMBOK = (52.0905, 5.0985)
LOMBOK_NEAR = (52.0912, 5.0999)  # about 120 m away
OVERVECHT = (52.117, 5.110)
ZUID = (52.0745, 5.1290)


@pytest.fixture
def ctx_db(app, database):
    with app.test_request_context():
        yield


def makelaar(*wijken, name=None):
    return person(Role.MAKELAAR, wijken=wijken or ("west",), name=name)


def entry_input(**overrides) -> services.EntryInput:
    values = {"kind": "meeting_place", "name": "Buurttuin Lombok", "description": "Buren kweken samen groente.",
                  "themes": ["groen"], "lat": LOMBOK[0], "lng": LOMBOK[1]}
    values.update(overrides)
    return services.EntryInput(**values)


def make_entry(actor=None, **overrides):
    actor = actor or person(Role.ADMIN)
    return services.create_entry(actor, entry_input(**overrides))
