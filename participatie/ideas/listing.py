"""The filters of the idea list, map and GeoJSON, parsed once from query arguments."""

from dataclasses import dataclass

from participatie.geo import services as geo
from participatie.ideas.models import filtered_ideas
from participatie.ideas.status import IdeaKind, IdeaStatus
from participatie.ideas.themes import THEMES
from participatie.web.input import page_number

SORTS = ("newest", "support")


def _choice(value, allowed):
    return value if value in allowed else None


def parse_bbox(value: str | None):
    """'south,west,north,east' -> floats, or None when malformed."""
    try:
        parts = [float(p) for p in (value or "").split(",")]
    except ValueError:
        return None
    return tuple(parts) if len(parts) == 4 else None


@dataclass
class ListFilters:
    wijk: str | None = None
    kind: str | None = None
    theme: str | None = None
    status: str | None = None
    q: str | None = None
    sort: str = "newest"
    page: int = 1
    bbox: tuple | None = None

    @classmethod
    def from_args(cls, args, *, wijk: str | None = None) -> "ListFilters":
        """Unknown values are ignored rather than refused: a stale link still shows a list."""
        page = args.get("page", type=page_number) or 1
        return cls(
            wijk=wijk or args.get("wijk") or None,
            kind=_choice(args.get("kind"), {k.value for k in IdeaKind}),
            theme=_choice(args.get("theme"), THEMES),
            status=_choice(args.get("status"), {s.value for s in IdeaStatus}),
            q=(args.get("q") or "").strip()[:100] or None,
            sort=_choice(args.get("sort"), SORTS) or "newest",
            page=max(page, 1),
            bbox=parse_bbox(args.get("bbox")),
        )

    @property
    def wijk_obj(self):
        return geo.wijk_by_slug(self.wijk) if self.wijk else None

    def query(self):
        wijk = self.wijk_obj
        return filtered_ideas(
            wijk_id=wijk.id if wijk else (-1 if self.wijk else None),
            kind=self.kind, theme=self.theme, status=self.status, q=self.q,
            sort=self.sort, bbox=self.bbox,
        )

    def as_args(self) -> dict:
        """The active filters as query arguments (for links and the GeoJSON URL)."""
        values = {"wijk": self.wijk, "kind": self.kind, "theme": self.theme,
                  "status": self.status, "q": self.q}
        return {k: v for k, v in values.items() if v}

    @property
    def active(self) -> bool:
        return bool(self.as_args())
