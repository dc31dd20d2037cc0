"""Feed the folium builders with social-map entries (clustered markers from the GeoJSON endpoint)."""

from functools import lru_cache

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from participatie.ideas import maps as idea_maps
from participatie.maps import builder
from participatie.socialmap.vocab import KIND_LABELS


@lru_cache(maxsize=128)
def _overview(markers_url: str, kinds: tuple, tiles: tuple, boundaries: tuple) -> builder.MapParts:
    config = current_app.config
    bounds = idea_maps._city_bounds()
    return builder.city_map(
        center=config["MAP_CENTER"], zoom=config["MAP_ZOOM"], wijken_geojson=idea_maps.wijken_geojson(),
        markers_url=markers_url, fit_bounds=bounds, tile_url=tiles[0], attribution=tiles[1],
        marker_options={"link": "/socialmap/{id}", "kinds": dict(kinds)},
    )


def overview(filters) -> builder.MapParts:
    kinds = tuple((k.value, str(label)) for k, label in KIND_LABELS.items())
    return _overview(url_for("socialmap.geojson", **filters.as_args()), kinds, idea_maps._tiles(),
                     idea_maps._boundaries_key())


@lru_cache(maxsize=1024)
def _point(lat: float, lng: float, label: str, tiles: tuple) -> builder.MapParts:
    return builder.point_map(marker=builder.Marker(lat, lng, label), tile_url=tiles[0], attribution=tiles[1])


def for_entry(entry) -> builder.MapParts | None:
    if not entry.has_location:
        return None
    return _point(entry.lat, entry.lng, str(_l("Place on the social map")), idea_maps._tiles())
