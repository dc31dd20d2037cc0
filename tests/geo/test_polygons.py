"""Point-in-polygon on the shipped Utrecht boundaries, at known places."""

import pytest

from participatie.geo import polygons
from participatie.geo.services import wijk_for_point
from tests.factories import PLACES


@pytest.mark.parametrize(
    "place, slug",
    [("lombok", "west"), ("domtoren", "binnenstad"), ("overvecht", "overvecht")],
)
def test_known_places_fall_in_their_wijk(ctx, place, slug):
    lat, lng = PLACES[place]
    assert wijk_for_point(lat, lng).slug == slug


def test_a_point_outside_utrecht_has_no_wijk(ctx):
    assert wijk_for_point(*PLACES["amsterdam"]) is None


def test_all_ten_wijken_are_loaded_with_site_names(ctx):
    from participatie.geo.services import all_wijken

    slugs = [w.slug for w in all_wijken()]
    assert slugs == ["west", "noordwest", "overvecht", "noordoost", "oost", "binnenstad",
                     "zuid", "zuidwest", "leidsche-rijn", "vleuten-de-meern"]


SQUARE_WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}


def test_holes_are_outside():
    assert polygons.contains(SQUARE_WITH_HOLE, lat=2, lng=2)
    assert not polygons.contains(SQUARE_WITH_HOLE, lat=5, lng=5)
    assert not polygons.contains(SQUARE_WITH_HOLE, lat=11, lng=5)


def test_multipolygon_parts_each_count():
    multi = {"type": "MultiPolygon", "coordinates": [
        [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
        [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]],
    ]}
    assert polygons.contains(multi, lat=0.5, lng=0.5)
    assert polygons.contains(multi, lat=5.5, lng=5.5)
    assert not polygons.contains(multi, lat=3, lng=3)


def test_distance_between_dom_and_central_station_is_about_800_m():
    assert 750 < polygons.distance_m(52.0907, 5.1214, 52.0894, 5.1101) < 820
