"""GeoJSON of ideas for the map: plain columns, no ORM objects, HTML-safe JSON."""

import json

from sqlalchemy import select

from participatie.extensions import db
from participatie.ideas.models import Idea

MAX_TITLE = 80


def _rows(filters):
    """Only located ideas, only the columns a marker needs."""
    ids = filters.query().with_only_columns(Idea.id).order_by(None)
    query = select(Idea.id, Idea.lat, Idea.lng, Idea.title, Idea.kind, Idea.support_count).where(
        Idea.id.in_(ids), Idea.lat.is_not(None)
    )
    return db.session.execute(query)


def _feature(row) -> dict:
    return {
        "type": "Feature",
        "id": row.id,
        "geometry": {"type": "Point", "coordinates": [round(row.lng, 5), round(row.lat, 5)]},
        "properties": {"t": row.title[:MAX_TITLE], "k": str(row.kind), "s": row.support_count},
    }


def feature_collection(filters) -> str:
    """A FeatureCollection string in which <, > and & never appear raw."""
    data = {"type": "FeatureCollection", "features": [_feature(r) for r in _rows(filters)]}
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
