"""Plain-geometry helpers on GeoJSON coordinates (lng, lat order, WGS84)."""

import math

Ring = list[list[float]]


def _point_in_ring(lng: float, lat: float, ring: Ring) -> bool:
    """Ray casting: count crossings of a ray going east from the point."""
    inside = False
    j = len(ring) - 1
    for i, (xi, yi) in enumerate(ring):
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            x_cross = (xj - xi) * (lat - yi) / (yj - yi) + xi
            if lng < x_cross:
                inside = not inside
        j = i
    return inside


def _point_in_polygon_rings(lng: float, lat: float, rings: list[Ring]) -> bool:
    """First ring is the outline, the others are holes."""
    if not rings or not _point_in_ring(lng, lat, rings[0]):
        return False
    return not any(_point_in_ring(lng, lat, hole) for hole in rings[1:])


def contains(geometry: dict, lat: float, lng: float) -> bool:
    """True when a GeoJSON Polygon or MultiPolygon contains the point."""
    kind, coords = geometry["type"], geometry["coordinates"]
    if kind == "Polygon":
        return _point_in_polygon_rings(lng, lat, coords)
    if kind == "MultiPolygon":
        return any(_point_in_polygon_rings(lng, lat, poly) for poly in coords)
    raise ValueError(f"unsupported geometry type {kind}")


def bounding_box(geometry: dict) -> tuple[float, float, float, float]:
    """(min_lat, min_lng, max_lat, max_lng) of a Polygon or MultiPolygon."""
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    points = [pt for poly in polys for ring in poly for pt in ring]
    lngs, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lats), min(lngs), max(lats), max(lngs)


def distance_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    r = 6_371_000
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))
