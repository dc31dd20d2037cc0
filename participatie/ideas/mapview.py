"""The idea map per viewport: clusters computed in SQL, never more than MAX_ITEMS items.

A city view (wider than CITY_SPAN, whatever the zoom: a phone sees the city at a lower zoom than
a wide screen): one bubble per wijk with its count (from the counters when the filters allow). Between: a grid of cells grouped in SQL (count, bounds, mean point); a cell
holding one idea is that idea; from STREET_ZOOM the cells are half as wide. From IDEAS_ZOOM: the
ideas themselves, unless there are too many, then the grid again.
"""

import hashlib
import json
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import lazyload, load_only

from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import counters, counting
from participatie.ideas.geojson import html_safe
from participatie.ideas.models import Idea
from participatie.maps.grid import CELL_PX, Grid, View

MAX_ITEMS = 500
CITY_SPAN = 0.15  # degrees of longitude (~10 km): a view this wide shows wijken, not streets
STREET_ZOOM = 17  # smaller grid cells from here on
IDEAS_ZOOM = 19  # every idea its own marker (when there are at most MAX_ITEMS in view)
MAX_TITLE = 80


def version() -> tuple:
    """Changes whenever what any map shows can change: the latest edit and the counted figures."""
    latest = db.session.scalar(select(func.max(Idea.updated_at)))
    figures = counters.figures()
    return latest, tuple(figures.values())


def _located(filters, view: View):
    """select(Idea) of the filtered ideas with a place inside the view, unordered.

    The wijk is filtered on the place index (which holds wijk_id) rather than through the wijk
    index: `wijk_id + 0` keeps SQLite from reading thousands of table rows for a wijk's view."""
    wijk = filters.wijk_obj if filters.wijk else None
    query = replace(filters, bbox=view.bbox, sort="newest", wijk=None).query().order_by(None)
    if filters.wijk:
        query = query.where((Idea.wijk_id + 0) == (wijk.id if wijk else -1))
    return query


def _cluster(n, lat, lng, south, west, north, east, name=None) -> dict:
    south, west, north, east = (round(float(v), 5) for v in (south, west, north, east))
    item = {"type": "cluster", "n": int(n), "lat": round(float(lat), 5), "lng": round(float(lng), 5),
            "bounds": [[south, west], [north, east]]}
    if name:
        item["name"] = name
    return item


def _idea_items(ids=None, query=None) -> list[dict]:
    columns = (Idea.id, Idea.lat, Idea.lng, Idea.title, Idea.kind, Idea.support_count, Idea.join_count,
               Idea.paper_support_count, Idea.lang)
    query = query if query is not None else select(Idea).where(Idea.id.in_(ids))
    query = query.options(load_only(*columns), lazyload("*")).order_by(Idea.id)
    return [_idea_item(i) for i in db.session.scalars(query)]


def _idea_item(idea) -> dict:
    item = {"type": "idea", "id": idea.id, "lat": round(idea.lat, 5), "lng": round(idea.lng, 5),
            "t": idea.title[:MAX_TITLE], "k": idea.kind.value, "s": idea.supporter_total}
    if idea.lang:  # the popup marks the title with it when it is not the page's language
        item["l"] = idea.lang
    return item


def _wijk_bubbles_from_counters(filters, view: View) -> list[dict]:
    figures = counters.by_wijk(status=filters.status, kind=filters.kind)
    only = filters.wijk_obj.id if filters.wijk and filters.wijk_obj else (-1 if filters.wijk else None)
    bubbles = []
    for wijk in geo.all_wijken():
        located = figures.get(wijk.id, {}).get("located", 0)
        if not located or (only is not None and wijk.id != only):
            continue
        if view.intersects(wijk.min_lat, wijk.min_lng, wijk.max_lat, wijk.max_lng):
            lat, lng = wijk.center
            bubbles.append(_cluster(located, lat, lng, wijk.min_lat, wijk.min_lng, wijk.max_lat,
                                    wijk.max_lng, wijk.name))
    return bubbles


def _wijk_bubbles_in_sql(filters, view: View) -> list[dict]:
    names = {w.id: w.name for w in geo.all_wijken()}
    query = _located(filters, view).with_only_columns(
        Idea.wijk_id, func.count(), func.avg(Idea.lat), func.avg(Idea.lng), func.min(Idea.lat),
        func.min(Idea.lng), func.max(Idea.lat), func.max(Idea.lng)).group_by(Idea.wijk_id)
    return [_cluster(*row[1:], name=names.get(row[0])) for row in db.session.execute(query)]


def _grid_rows(filters, view: View, grid: Grid) -> list:
    # Only aggregates are selected, so GROUP BY may hold bound parameters (PostgreSQL compares them).
    cells = grid.cells(Idea.lat, Idea.lng, db.session.get_bind().dialect.name)
    query = (_located(filters, view)
             .with_only_columns(func.count(), func.min(Idea.id), func.avg(Idea.lat), func.avg(Idea.lng),
                                func.min(Idea.lat), func.min(Idea.lng), func.max(Idea.lat), func.max(Idea.lng))
             .group_by(*cells).limit(MAX_ITEMS + 1))
    return db.session.execute(query).all()


def _grid_items(filters, view: View) -> list[dict]:
    # Close to the street, smaller cells: ideas a pin apart stay apart, a pile still clusters.
    grid = Grid.for_view(view, MAX_ITEMS, CELL_PX // 2 if view.zoom >= STREET_ZOOM else CELL_PX)
    rows = _grid_rows(filters, view, grid)
    while len(rows) > MAX_ITEMS:  # more occupied cells than the cap: coarser cells, every idea still counted
        grid = grid.coarser(1.5)
        rows = _grid_rows(filters, view, grid)
    singles = [row[1] for row in rows if row[0] == 1]
    clusters = [_cluster(row[0], *row[2:]) for row in rows if row[0] > 1]
    return clusters + _idea_items(ids=singles)  # also when empty: the same statements for every view


def items(filters, view: View) -> tuple[str, list[dict]]:
    """(mode, items) for the view: "wijken", "grid" or "ideas"."""
    if view.east - view.west >= CITY_SPAN:
        if filters.q or filters.theme:
            return "wijken", _wijk_bubbles_in_sql(filters, view)
        return "wijken", _wijk_bubbles_from_counters(filters, view)
    if view.zoom >= IDEAS_ZOOM:
        ideas = _idea_items(query=_located(filters, view).limit(MAX_ITEMS + 1))
        if len(ideas) <= MAX_ITEMS:
            return "ideas", ideas
    return "grid", _grid_items(filters, view)


def in_view(found: list[dict]) -> int:
    return sum(item["n"] if item["type"] == "cluster" else 1 for item in found)


def _inside(view: View, bounds) -> bool:
    (south, west), (north, east) = bounds
    return view.south <= south and north <= view.north and view.west <= west and east <= view.east


def _shown(filters, view: View, mode: str, found: list[dict]) -> counting.Count:
    """The ideas inside the view: the same number the list beside the map counts. A wijk bubble
    counts its whole wijk, so when a wijk sticks out of the view the ideas in view are counted."""
    if mode != "wijken" or all(_inside(view, c["bounds"]) for c in found):
        return counting.Count(in_view(found))
    return counting.on_map(replace(filters, bbox=view.bbox))


def etag(filters, view: View) -> tuple[str, object]:
    """(ETag, Last-Modified) of one map answer: the data's version plus what was asked."""
    latest, figures = version()
    asked = (sorted(filters.as_args().items()), view.bbox, view.zoom, figures, str(latest))
    return hashlib.sha1(repr(asked).encode()).hexdigest()[:20], latest


def answer(filters, view: View) -> str:
    """The JSON body: mode, the count in view, the count without a place, and the items.

    <, > and & never appear raw, so the text is safe even if it ends up in HTML."""
    mode, found = items(filters, view)
    unplaced = counting.without_place(replace(filters, bbox=None))  # in the list, wherever the map is
    shown = _shown(filters, view, mode, found)
    payload = {"mode": mode, "zoom": view.zoom, "total": shown.n, "totalMore": shown.more,
               "unlocated": unplaced.n, "unlocatedMore": unplaced.more, "items": found}
    return html_safe(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
