"""Feed the folium builders with ideas and wijken (the domain side of participatie.maps).

Building a folium map compiles several templates, so finished maps are cached per process,
keyed by everything that changes their output (filters, wijk, tiles, boundaries, language).
"""

import json
from functools import lru_cache

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from sqlalchemy import select

from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas.models import Idea
from participatie.maps import builder


def _boundaries_key() -> tuple:
    """Changes whenever the wijk boundaries change (e.g. after `flask geo import`)."""
    return tuple((w.name, hash(w.geometry_json)) for w in geo.all_wijken())


@lru_cache(maxsize=4)
def _wijken_geojson(key: tuple) -> str:
    features = [{"type": "Feature", "properties": {"name": w.name}, "geometry": w.geometry}
                for w in geo.all_wijken()]
    return json.dumps({"type": "FeatureCollection", "features": features})


def wijken_geojson() -> dict:
    return json.loads(_wijken_geojson(_boundaries_key()))


def _tiles() -> tuple[str, str]:
    config = current_app.config
    return config["TILE_URL"], config["TILE_ATTRIBUTION"]


def _city_bounds() -> list | None:
    wijken = geo.all_wijken()
    if not wijken:
        return None
    return [[min(w.min_lat for w in wijken), min(w.min_lng for w in wijken)],
            [max(w.max_lat for w in wijken), max(w.max_lng for w in wijken)]]


@lru_cache(maxsize=256)
def _overview(markers_url: str, bounds: tuple, tiles: tuple, boundaries: tuple, options: tuple) -> builder.MapParts:
    config = current_app.config
    return builder.city_map(
        center=config["MAP_CENTER"], zoom=config["MAP_ZOOM"], wijken_geojson=wijken_geojson(),
        markers_url=markers_url, fit_bounds=[list(bounds[0]), list(bounds[1])] if bounds else None,
        tile_url=tiles[0], attribution=tiles[1], marker_options=dict(options), per_view=True,
    )


def _box(wijk) -> list | None:
    return [[wijk.min_lat, wijk.min_lng], [wijk.max_lat, wijk.max_lng]] if wijk else None


def _frozen(value):
    return tuple(map(tuple, value)) if value else None


def overview(filters, wijk=None, *, home=None, list_url: str | None = None) -> builder.MapParts:
    """The idea map, fed per viewport. home: the wijk a phone opens on; list_url: the list kept in step."""
    bounds = _box(wijk) or _city_bounds()
    start = ((filters.bbox[0], filters.bbox[1]), (filters.bbox[2], filters.bbox[3])) if filters.bbox else None
    options = {"listUrl": list_url, "phoneBounds": _frozen(_box(home)), "startBounds": start}
    return _overview(url_for("api.map_items", **filters.as_args()), _frozen(bounds), _tiles(), _boundaries_key(),
                     tuple((k, v) for k, v in options.items() if v))


def home_wijk(user, filters):
    """The wijk a resident's map opens on (on a phone): the wijk filter, else their own wijk."""
    if filters.wijk:
        return filters.wijk_obj
    if not (user and user.is_authenticated):
        return None
    if user.wijken:  # a makelaar's wijk
        return user.wijken[0]
    wijk_id = db.session.scalar(select(Idea.wijk_id).where(Idea.author_id == user.id)
                                .order_by(Idea.created_at.desc()).limit(1))
    return next((w for w in geo.all_wijken() if w.id == wijk_id), None)


@lru_cache(maxsize=1024)
def _point(lat: float, lng: float, label: str, tiles: tuple) -> builder.MapParts:
    return builder.point_map(marker=builder.Marker(lat, lng, label), tile_url=tiles[0], attribution=tiles[1])


def for_idea(idea) -> builder.MapParts | None:
    if not idea.has_location:
        return None
    return _point(idea.lat, idea.lng, str(_l("Place of this idea")), _tiles())


@lru_cache(maxsize=64)
def _picker(start: tuple | None, tiles: tuple, boundaries: tuple) -> builder.MapParts:
    config = current_app.config
    return builder.picker_map(
        center=config["MAP_CENTER"], zoom=config["MAP_ZOOM"], wijken_geojson=wijken_geojson(),
        lat_field="lat", lng_field="lng", start=list(start) if start else None,
        tile_url=tiles[0], attribution=tiles[1],
    )


def picker(lat=None, lng=None) -> builder.MapParts:
    start = (lat, lng) if lat is not None and lng is not None else None
    return _picker(start, _tiles(), _boundaries_key())
