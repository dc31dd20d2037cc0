"""Feed the folium builders with ideas and wijken (the domain side of participatie.maps)."""

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from participatie.geo import services as geo
from participatie.maps import builder


def wijken_geojson() -> dict:
    features = [
        {"type": "Feature", "properties": {"name": w.name}, "geometry": w.geometry}
        for w in geo.all_wijken()
    ]
    return {"type": "FeatureCollection", "features": features}


def _tiles() -> dict:
    config = current_app.config
    return {"tile_url": config["TILE_URL"], "attribution": config["TILE_ATTRIBUTION"]}


def overview(filters, wijk=None) -> builder.MapParts:
    config = current_app.config
    bounds = [[wijk.min_lat, wijk.min_lng], [wijk.max_lat, wijk.max_lng]] if wijk else None
    return builder.city_map(
        center=config["MAP_CENTER"], zoom=config["MAP_ZOOM"], wijken_geojson=wijken_geojson(),
        markers_url=url_for("api.ideas_geojson", **filters.as_args()), fit_bounds=bounds, **_tiles(),
    )


def for_idea(idea) -> builder.MapParts | None:
    if not idea.has_location:
        return None
    label = str(_l("Place of this idea"))
    return builder.point_map(marker=builder.Marker(idea.lat, idea.lng, label), **_tiles())


def picker(lat=None, lng=None) -> builder.MapParts:
    config = current_app.config
    start = [lat, lng] if lat is not None and lng is not None else None
    return builder.picker_map(
        center=config["MAP_CENTER"], zoom=config["MAP_ZOOM"], wijken_geojson=wijken_geojson(),
        lat_field="lat", lng_field="lng", start=start, **_tiles(),
    )
