"""The venue on a small map (only when the venue has a point)."""

from functools import lru_cache

from flask import current_app
from flask_babel import lazy_gettext as _l

from participatie.maps import builder


@lru_cache(maxsize=256)
def _point(lat: float, lng: float, label: str, tiles: tuple) -> builder.MapParts:
    return builder.point_map(marker=builder.Marker(lat, lng, label), tile_url=tiles[0], attribution=tiles[1])


def for_venue(conversation) -> builder.MapParts | None:
    if not conversation.has_location:
        return None
    config = current_app.config
    return _point(conversation.venue_lat, conversation.venue_lng, str(_l("Place of the conversation")),
                  (config["TILE_URL"], config["TILE_ATTRIBUTION"]))
