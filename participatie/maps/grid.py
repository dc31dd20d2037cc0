"""A viewport (bounding box + zoom) and the grid the map clusters it on, in plain degrees.

No domain imports: the idea map (ideas/mapview.py) feeds it columns. The grid is computed in
SQL as integer cell numbers that SQLite and PostgreSQL both understand (no PostGIS needed).
"""

import math
from dataclasses import dataclass

from sqlalchemy import Integer, cast, func

MAX_ZOOM = 20
TILE_PX = 256
CELL_PX = 72  # one cluster per ~72 screen pixels square


class BadView(ValueError):
    """The bbox or zoom of a request cannot be read."""


@dataclass(frozen=True)
class View:
    south: float
    west: float
    north: float
    east: float
    zoom: int

    @classmethod
    def parse(cls, bbox: str | None, zoom: str | None) -> "View":
        try:
            south, west, north, east = (float(p) for p in (bbox or "").split(","))
            level = int(zoom or "")
        except ValueError as exc:
            raise BadView(str(exc)) from exc
        values = (south, west, north, east)
        if not all(math.isfinite(v) for v in values) or not 0 <= level <= MAX_ZOOM:
            raise BadView("out of range")
        south, north = max(min(south, north), -90.0), min(max(south, north), 90.0)
        west, east = max(min(west, east), -180.0), min(max(west, east), 180.0)
        return cls(south, west, north, east, level)

    @property
    def bbox(self) -> tuple:
        return self.south, self.west, self.north, self.east

    def intersects(self, south, west, north, east) -> bool:
        return not (north < self.south or south > self.north or east < self.west or west > self.east)


@dataclass(frozen=True)
class Grid:
    """Square-looking cells of lat_size x lng_size degrees, never more than about max_cells in view."""

    lat_size: float
    lng_size: float

    @classmethod
    def for_view(cls, view: View, max_cells: int, cell_px: int = CELL_PX) -> "Grid":
        lng_size = 360 / (2 ** view.zoom) * cell_px / TILE_PX
        lat_size = lng_size * math.cos(math.radians((view.south + view.north) / 2))
        cells = (view.north - view.south) / lat_size * (view.east - view.west) / lng_size
        if cells > max_cells:  # a bbox far larger than the screen: coarser cells, same cap
            grow = math.sqrt(cells / max_cells) * 1.1
            lat_size, lng_size = lat_size * grow, lng_size * grow
        return cls(lat_size, lng_size)

    def coarser(self, factor: float) -> "Grid":
        return Grid(self.lat_size * factor, self.lng_size * factor)

    def cells(self, lat, lng, dialect: str) -> tuple:
        """SQL expressions for the row and column of a point (cell numbers counted from -90/-180)."""
        return _cell(lat + 90.0, self.lat_size, dialect), _cell(lng + 180.0, self.lng_size, dialect)


def _cell(offset, size: float, dialect: str):
    scaled = offset / size
    # Offsets are positive, so truncation (SQLite's CAST) is floor; PostgreSQL's CAST rounds instead.
    return func.floor(scaled) if dialect == "postgresql" else cast(scaled, Integer)
