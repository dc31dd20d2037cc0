"""Loading wijk boundaries and finding the wijk of a point."""

import json
from pathlib import Path

from sqlalchemy import select

from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.geo.wijken import NAMES_BY_CODE

DEFAULT_BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "utrecht_wijken_2025.geojson"


class BoundaryFileError(ValueError):
    """The GeoJSON file cannot be used as wijk boundaries."""


def read_boundaries(path: Path) -> list[dict]:
    """Features with a known CBS wijk code and a (Multi)Polygon geometry."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BoundaryFileError(f"cannot read {path}: {exc}") from exc
    features = [f for f in data.get("features", []) if _feature_code(f) in NAMES_BY_CODE]
    if not features:
        raise BoundaryFileError(f"{path} has no features with a known wijk code")
    for feature in features:
        if feature.get("geometry", {}).get("type") not in ("Polygon", "MultiPolygon"):
            raise BoundaryFileError(f"{_feature_code(feature)} has no polygon geometry")
    return features


def _feature_code(feature: dict) -> str | None:
    props = feature.get("properties") or {}
    return feature.get("id") or props.get("statcode") or props.get("code")


def import_boundaries(path: Path = DEFAULT_BOUNDARIES) -> int:
    """Create or update wijken from a GeoJSON file; keeps thresholds and ids. Returns count."""
    features = read_boundaries(path)
    existing = {w.code: w for w in db.session.scalars(select(Wijk))}
    for feature in features:
        code = _feature_code(feature)
        names = NAMES_BY_CODE[code]
        wijk = existing.get(code) or Wijk(code=code)
        wijk.name, wijk.slug = names.name, names.slug
        wijk.set_geometry(feature["geometry"])
        db.session.add(wijk)
    db.session.commit()
    return len(features)


def ensure_wijken() -> bool:
    """Load the shipped boundaries when the table is empty. True when it loaded them."""
    if db.session.scalar(select(Wijk.id).limit(1)) is not None:
        return False
    import_boundaries(DEFAULT_BOUNDARIES)
    return True


def all_wijken() -> list[Wijk]:
    return list(db.session.scalars(Wijk.ordered()))


def wijk_for_point(lat: float, lng: float) -> Wijk | None:
    """The wijk whose boundary contains the point, or None outside the city."""
    return next((w for w in all_wijken() if w.contains(lat, lng)), None)


def wijk_by_slug(slug: str) -> Wijk | None:
    return db.session.scalar(select(Wijk).where(Wijk.slug == slug))
