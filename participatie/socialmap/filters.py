"""The filters of the social-map list, map and GeoJSON, parsed once from query arguments."""

from dataclasses import dataclass

from participatie.ideas.listing import parse_bbox

from participatie.geo import services as geo
from participatie.ideas.themes import THEMES
from participatie.socialmap.models import filtered_entries
from participatie.socialmap.vocab import Audience, EntryKind
from participatie.web.input import page_number

FLAGS = ("free", "step_free", "evening", "weekend", "no_signup")


def _choice(value, allowed):
    return value if value in allowed else None


def _flag(args, name) -> bool:
    return (args.get(name) or "") in ("1", "on", "true", "ja")


@dataclass
class EntryFilters:
    wijk: str | None = None
    kind: str | None = None
    theme: str | None = None
    audience: str | None = None
    q: str | None = None
    free: bool = False
    step_free: bool = False
    evening: bool = False
    weekend: bool = False
    no_signup: bool = False
    page: int = 1
    bbox: tuple | None = None

    @classmethod
    def from_args(cls, args) -> "EntryFilters":
        """Unknown values are ignored rather than refused: a stale link still shows a list."""
        page = args.get("page", type=page_number) or 1
        return cls(
            wijk=args.get("wijk") or None,
            kind=_choice(args.get("kind"), {k.value for k in EntryKind}),
            theme=_choice(args.get("theme"), THEMES),
            audience=_choice(args.get("for"), {a.value for a in Audience} - {Audience.EVERYONE.value}),
            q=(args.get("q") or "").strip()[:100] or None,
            page=max(page, 1), bbox=parse_bbox(args.get("bbox")),
            **{name: _flag(args, name) for name in FLAGS},
        )

    def query(self):
        wijk = geo.wijk_by_slug(self.wijk) if self.wijk else None
        return filtered_entries(
            wijk_id=wijk.id if wijk else (-1 if self.wijk else None), kind=self.kind, theme=self.theme,
            audience=self.audience, q=self.q, bbox=self.bbox, **{name: getattr(self, name) for name in FLAGS},
        )

    def as_args(self) -> dict:
        """The active filters as query arguments (for links and the GeoJSON URL)."""
        values = {"wijk": self.wijk, "kind": self.kind, "theme": self.theme, "for": self.audience, "q": self.q}
        values.update({name: "1" for name in FLAGS if getattr(self, name)})
        return {k: v for k, v in values.items() if v}

    @property
    def active(self) -> bool:
        return bool(self.as_args())
