"""GeoJSON of social-map entries: the map's data source. HTML-safe JSON (no raw <, > or &)."""

import json

from sqlalchemy import String, select, type_coerce

from participatie.extensions import db
from participatie.socialmap.models import SocialMapEntry

MAX_NAME = 80


def _rows(filters):
    ids = filters.query().with_only_columns(SocialMapEntry.id).order_by(None)
    columns = (SocialMapEntry.id, SocialMapEntry.lat, SocialMapEntry.lng, SocialMapEntry.name,
               type_coerce(SocialMapEntry.kind, String))
    query = select(*columns).where(SocialMapEntry.id.in_(ids), SocialMapEntry.lat.is_not(None))
    return db.session.connection().execute(query.order_by(SocialMapEntry.id)).fetchall()


def safe_json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def feature_collection(filters) -> str:
    features = [
        {"type": "Feature", "id": entry_id,
         "geometry": {"type": "Point", "coordinates": [round(lng, 5), round(lat, 5)]},
         "properties": {"t": name[:MAX_NAME], "k": kind}}
        for entry_id, lat, lng, name, kind in _rows(filters)
    ]
    return safe_json({"type": "FeatureCollection", "features": features})
