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


# --- the Dutch test set of issue 5: same subject nearby matches, far or unrelated does not -----------
# Places: HERE is the resident's point in Lombok; the others lie at about the distance in the name.
HERE = (52.0905, 5.0985)
M100 = (52.0914, 5.0985)
M450 = (52.0945, 5.0985)
M700 = (52.0968, 5.0985)
M900 = (52.0986, 5.0985)
KM1_3 = (52.0905, 5.1170)  # Binnenstad, past walking distance
KM3 = OVERVECHT

GARDEN_SET = [
    # (typed title, existing name, its description, where, found?)
    ("Moestuin", "Moestuinen aan de Kanaalstraat", "", M100, True),
    ("Moestuinen voor de buurt", "Een moestuin bij de school", "", M450, True),
    ("Een buurttuin", "Moestuin De Bonte Bak", "", M100, True),
    ("Buurttuin", "Moestuinen Lombok", "", M700, True),
    ("Een moestuin op het plein", "Groentetuin Lombok", "", M100, True),
    ("Samen groente kweken", "Buurttuin Lombok", "", M450, True),
    ("Moestuintjes bij de flat", "Buurttuin Lombok", "", M100, True),
    ("Tuinieren met de buren", "Moestuin Griftpark", "", M450, True),
    ("Buurtmoestuin", "Volkstuinen De Pioen", "", M100, True),
    ("Moestuin", "De Klopvaart", "Een moestuin waar buren samen groente kweken.", M100, True),
    ("Moestuin", "Speeltuin Lombok", "Klimrek, schommels en een zandbak.", M100, False),
    ("Moestuin", "Buurttuin Overvecht", "Groente kweken met buren.", KM3, False),
    ("Moestuin", "Moestuin Binnenstad", "", KM1_3, False),
    ("Moestuin", "Taalcafé Lombok", "Nederlands oefenen met vrijwilligers.", M100, False),
    ("Moestuin", "Betere straatverlichting", "Het is te donker op het plein.", M100, False),
    ("Moestuin", "Dierentuin-uitje voor kinderen", "Een dag naar de dieren.", M100, False),
    ("Moestuin", "Bijenlint", "Buren zaaien wilde bloemen in bermen en tuinen.", M100, False),
    ("Buurttuin", "Buurthuis Lombok", "Koffie, cursussen en een zaal.", M100, False),
    ("Moestuin", "Koffieochtend Tuindorp", "Koffie en een praatje.", M100, False),
    ("Sporten in het park", "Transport voor ouderen", "Een busje naar het ziekenhuis.", M100, False),
    # A shared place name is no shared subject.
    ("Moestuin in Lombok", "Buurthuis Lombok", "Koffie, cursussen en een zaal.", M100, False),
    ("Samen groente kweken in West", "Repair Café West", "Kapotte spullen samen maken.", M100, False),
    ("Moestuin in Lombok", "Buurttuin Lombok", "", M100, True),
]


@pytest.mark.parametrize("typed, name, description, where, found", GARDEN_SET,
                         ids=[f"{row[0]}~{row[1]}" for row in GARDEN_SET])
def test_dutch_garden_set(ctx_db, typed, name, description, where, found):
    make_entry(name=name, description=description, kind="initiative", lat=where[0], lng=where[1])
    matches = similar_nearby(typed, "", *HERE, wijk_for_point(*HERE))
    assert (_titles(matches) == [name]) is found


def test_an_idea_of_neighbours_is_found_the_same_way(ctx_db):
    make_idea(title="Moestuinen bij de moskee", body="Samen groente kweken.", lat=M100[0], lng=M100[1])
    make_idea(title="Een speeltuin bij de moskee", lat=M100[0], lng=M100[1])
    make_idea(title="Moestuin in het centrum", lat=KM1_3[0], lng=KM1_3[1])
    assert _titles(similar_nearby("Buurttuin", "", *HERE, wijk_for_point(*HERE))) == ["Moestuinen bij de moskee"]


def test_equally_similar_the_closest_comes_first(ctx_db):
    for name, where in (("Moestuin Ver", M700), ("Moestuin Dichtbij", M100), ("Moestuin Midden", M450)):
        make_entry(name=name, lat=where[0], lng=where[1])
    matches = similar_nearby("Moestuin", "", *HERE, wijk_for_point(*HERE))
    assert _titles(matches) == ["Moestuin Dichtbij", "Moestuin Midden", "Moestuin Ver"]
    assert [round(m.distance, -2) for m in matches] == [100, 400, 700]


def test_equally_close_the_most_similar_comes_first(ctx_db):
    make_entry(name="Buurttuin", lat=M100[0], lng=M100[1])  # one shared concept
    make_entry(name="Moestuin Lombok", lat=M100[0], lng=M100[1])  # the word itself, and the concept
    matches = similar_nearby("Moestuin", "", *HERE, wijk_for_point(*HERE))
    assert _titles(matches) == ["Moestuin Lombok", "Buurttuin"]


def test_distance_and_similarity_together(ctx_db):
    """Not first the best text and then the distance: a good match around the corner comes before
    a slightly better one at the edge of walking distance, but a weak match next door does not
    push away a much better one a little further on."""
    make_entry(name="Moestuin aan de overkant", lat=M900[0], lng=M900[1])  # the word and the concept
    make_entry(name="Buurttuin Lombok", description="Een moestuin voor iedereen.", lat=M100[0], lng=M100[1])
    make_entry(name="Buurttuin", lat=HERE[0], lng=HERE[1])  # only the concept
    make_entry(name="Moestuinen Lombok", lat=M450[0], lng=M450[1])
    matches = similar_nearby("Moestuin", "", *HERE, wijk_for_point(*HERE))
    assert _titles(matches) == ["Buurttuin Lombok", "Moestuinen Lombok", "Moestuin aan de overkant", "Buurttuin"]
