"""How many ideas a list or map shows, without counting every row.

Filters the counters know (wijk, kind, status) are answered from them exactly. Search words,
a theme or a viewport are counted up to a ceiling; above it the page says "more than 10,000".
"""

from dataclasses import dataclass

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.ideas import counters
from participatie.ideas.models import Idea

CEILING = 10_000


@dataclass(frozen=True)
class Count:
    n: int
    more: bool = False  # True: there are more than n (n is the ceiling)


def _from_counters(filters) -> dict | None:
    if filters.q or filters.theme or filters.bbox:
        return None
    if filters.wijk:
        wijk = filters.wijk_obj
        if wijk is None:
            return {name: 0 for name in counters.FIGURES}
        return counters.figures(wijk_id=wijk.id, status=filters.status, kind=filters.kind)
    return counters.figures(status=filters.status, kind=filters.kind)


def _bounded(query) -> Count:
    ids = query.with_only_columns(Idea.id).order_by(None).limit(CEILING + 1).subquery()
    n = db.session.scalar(select(func.count()).select_from(ids))
    return Count(CEILING, more=True) if n > CEILING else Count(n)


def found(filters) -> Count:
    """Ideas matching the list's filters."""
    figures = _from_counters(filters)
    if figures is not None:
        return Count(figures["ideas"])
    return _bounded(filters.query())


def without_place(filters) -> Count:
    """Matching ideas that have no place on the map (only a wijk): they are in the list only."""
    figures = _from_counters(filters)
    if figures is not None:
        return Count(figures["ideas"] - figures["located"])
    return _bounded(filters.query().where(Idea.lat.is_(None)))


def on_map(filters) -> Count:
    """Matching ideas with a place on the map."""
    figures = _from_counters(filters)
    if figures is not None:
        return Count(figures["located"])
    return _bounded(filters.query().where(Idea.lat.is_not(None), Idea.lng.is_not(None)))
