"""'Bestaat dit al in de buurt?': a Dutch test set. Same subject nearby matches; far or unrelated does not."""

import pytest

from participatie.accounts.roles import Role
from participatie.geo.services import wijk_by_slug, wijk_for_point
from participatie.socialmap.similarity import features, similar_nearby
from tests.factories import make_idea
from tests.responses.helpers import person
from tests.socialmap.conftest import LOMBOK, LOMBOK_NEAR, OVERVECHT, make_entry


@pytest.mark.parametrize("a, b", [
    ("moestuin", "moestuinen"),
    ("Een moestuin op het plein", "Buurttuin Lombok"),
    ("Moestuinen voor de buurt", "Samen groente kweken"),
    ("Taalcafé voor nieuwe buren", "Nederlands oefenen in de bibliotheek"),
    ("Koffieochtend voor ouderen", "Elke week koffie drinken"),
])
def test_words_that_mean_the_same_share_features(a, b):
    assert features(a) & features(b)


@pytest.mark.parametrize("a, b", [
    ("Een moestuin op het plein", "Een speeltuin op het plein"),
    ("Moestuin", "Betere verlichting in het park"),
    ("Bankjes langs de Kanaalstraat", "Taalcafé voor nieuwe buren"),
])
def test_unrelated_subjects_share_nothing(a, b):
    assert not features(a) & features(b)


def _titles(matches):
    return [m.item.title if m.is_idea else m.item.name for m in matches]


def test_garden_ideas_and_entries_nearby_are_found(ctx_db):
    make_entry(name="Buurttuin Lombok", description="Buren kweken samen groente.", lat=LOMBOK_NEAR[0],
               lng=LOMBOK_NEAR[1])
    make_idea(title="Moestuinen bij de moskee", body="Samen groente kweken met de buren uit de straat.",
              lat=LOMBOK_NEAR[0], lng=LOMBOK_NEAR[1])
    make_entry(name="Buurttuin Overvecht", lat=OVERVECHT[0], lng=OVERVECHT[1])  # far away
    make_entry(name="Speeltuin Lombok", description="Klimrek en zandbak.", kind="meeting_place")  # unrelated
    make_idea(title="Betere verlichting in het park", lat=LOMBOK[0], lng=LOMBOK[1])  # unrelated
    matches = similar_nearby("Een moestuin op het plein", "", *LOMBOK, wijk_for_point(*LOMBOK))
    assert sorted(_titles(matches)) == ["Buurttuin Lombok", "Moestuinen bij de moskee"]
    assert all(m.distance < 250 for m in matches)


def test_without_a_point_the_wijk_is_the_neighbourhood(ctx_db):
    make_entry(name="Buurttuin Lombok", lat=LOMBOK_NEAR[0], lng=LOMBOK_NEAR[1])
    make_idea(title="Een moestuin zonder plek", wijk_slug="west")
    make_idea(title="Een moestuin in Zuid", wijk_slug="zuid")
    matches = similar_nearby("Buurttuin", "", None, None, wijk_by_slug("west"))
    assert sorted(_titles(matches)) == ["Buurttuin Lombok", "Een moestuin zonder plek"]  # not the one in Zuid
    assert all(m.distance is None for m in matches)


def test_hidden_closed_and_archived_are_left_out(ctx_db):
    from participatie.extensions import db
    from participatie.socialmap import services

    hidden = make_idea(title="Moestuin verborgen", lat=LOMBOK[0], lng=LOMBOK[1])
    hidden.hidden = True
    db.session.commit()
    entry = make_entry(name="Buurttuin gesloten")
    services.set_archived(person(Role.ADMIN), entry, True)
    assert similar_nearby("Moestuin", "", *LOMBOK, wijk_for_point(*LOMBOK)) == []


def test_an_empty_or_meaningless_title_finds_nothing(ctx_db):
    make_entry(name="Buurttuin Lombok")
    assert similar_nearby("Een idee voor de buurt", "", *LOMBOK, wijk_for_point(*LOMBOK)) == []
