"""The Wijk table: boundaries plus the per-wijk settings of the participation loop."""

import json

from sqlalchemy import Float, Integer, String, Text, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from participatie.extensions import db
from participatie.geo import polygons


class Wijk(db.Model):
    __tablename__ = "wijken"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    geometry_json: Mapped[str] = mapped_column(Text)
    min_lat: Mapped[float] = mapped_column(Float)
    min_lng: Mapped[float] = mapped_column(Float)
    max_lat: Mapped[float] = mapped_column(Float)
    max_lng: Mapped[float] = mapped_column(Float)
    support_threshold: Mapped[int] = mapped_column(Integer, default=25)
    response_term_days: Mapped[int] = mapped_column(Integer, default=10)

    @hybrid_property
    def required_support(self) -> int:
        """How many supporters an idea in this wijk needs before the city responds. Every threshold
        reader (Python and SQL) uses this, so a rule such as "per 1,000 residents" changes here only."""
        return self.support_threshold

    @required_support.inplace.expression
    @classmethod
    def _required_support_sql(cls):
        return cls.support_threshold

    @property
    def geometry(self) -> dict:
        return json.loads(self.geometry_json)

    def set_geometry(self, geometry: dict) -> None:
        self.geometry_json = json.dumps(geometry, separators=(",", ":"))
        self.min_lat, self.min_lng, self.max_lat, self.max_lng = polygons.bounding_box(geometry)

    def contains(self, lat: float, lng: float) -> bool:
        if not (self.min_lat <= lat <= self.max_lat and self.min_lng <= lng <= self.max_lng):
            return False
        return polygons.contains(self.geometry, lat, lng)

    @property
    def center(self) -> tuple[float, float]:
        return (self.min_lat + self.max_lat) / 2, (self.min_lng + self.max_lng) / 2

    @staticmethod
    def ordered():
        return select(Wijk).order_by(Wijk.code)

    def __repr__(self) -> str:
        return f"<Wijk {self.slug}>"
