"""Idea figures kept in step with the rows, so home, wijk, list and map never count by scanning.

One counter row per (wijk, status, kind) holds the visible ideas, how many of them have a
place on the map, and their supports. Rows change by `col = col + delta` upserts in the same
transaction as the change of the idea (ORM flush listener) or of its support counters
(`adjust_supports`, called where those counters are bumped in SQL), so concurrent supports
never lose an update. `rebuild()` recounts everything (after a bulk import, or to repair);
`differences()` compares counters with the rows (the soak test's check).
"""

from dataclasses import dataclass

from sqlalchemy import Integer, String, and_, case, event, func, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from participatie.extensions import db
from participatie.ideas.models import Idea

FIGURES = ("ideas", "located", "steun", "meedoen", "paper")


class IdeaCounter(db.Model):
    __tablename__ = "idea_counters"

    wijk_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(24), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    ideas: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    located: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    steun: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    meedoen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    paper: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


@dataclass(frozen=True)
class Share:
    """What one idea adds to the counters: its row key and its figures (nothing when hidden)."""

    key: tuple
    figures: tuple

    @classmethod
    def of(cls, values: dict) -> "Share | None":
        if values["hidden"] or values["wijk_id"] is None:
            return None
        located = values["lat"] is not None and values["lng"] is not None
        key = (values["wijk_id"], str(getattr(values["status"], "value", values["status"])),
               str(getattr(values["kind"], "value", values["kind"])))
        return cls(key, (1, int(located), values["support_count"] or 0, values["join_count"] or 0,
                         values["paper_support_count"] or 0))


_TRACKED = ("hidden", "wijk_id", "status", "kind", "lat", "lng", "support_count", "join_count",
            "paper_support_count")


def _values(idea: Idea, old: bool) -> dict:
    state, values = inspect(idea), {}
    for name in _TRACKED:
        history = state.attrs[name].history
        if old and history.deleted:  # the tracked columns have active_history: the old value is known
            values[name] = history.deleted[0]
        else:
            values[name] = getattr(idea, name)
    return values


def _upsert(connection, key: tuple, delta: tuple) -> None:
    if not any(delta):
        return
    wijk_id, status, kind = key
    changes = dict(zip(FIGURES, delta))
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(IdeaCounter.__table__).values(wijk_id=wijk_id, status=status, kind=kind, **changes)
    columns = IdeaCounter.__table__.c
    statement = statement.on_conflict_do_update(
        index_elements=["wijk_id", "status", "kind"],
        set_={name: columns[name] + statement.excluded[name] for name in FIGURES},
    )
    connection.execute(statement)


def _apply(connection, old: Share | None, new: Share | None) -> None:
    if old == new:
        return
    if old and new and old.key == new.key:
        _upsert(connection, new.key, tuple(b - a for a, b in zip(old.figures, new.figures)))
        return
    if old:
        _upsert(connection, old.key, tuple(-a for a in old.figures))
    if new:
        _upsert(connection, new.key, new.figures)


@event.listens_for(Session, "after_flush")
def _keep_in_step(session, _context) -> None:
    """After each flush (history and the new ideas' keys are still known) move the figures."""
    changes = [(None, Share.of(_values(o, old=False))) for o in session.new if isinstance(o, Idea)]
    changes += [(Share.of(_values(o, old=True)), None) for o in session.deleted if isinstance(o, Idea)]
    changes += [(Share.of(_values(o, old=True)), Share.of(_values(o, old=False)))
                for o in session.dirty if isinstance(o, Idea) and session.is_modified(o)]
    changes = [(old, new) for old, new in changes if old != new]
    if changes:
        connection = session.connection()
        for old, new in changes:
            _apply(connection, old, new)


def adjust_supports(idea: Idea, *, steun: int = 0, meedoen: int = 0, paper: int = 0) -> None:
    """For support counters changed in SQL (no ORM history): move the same delta here."""
    share = Share.of({name: getattr(idea, name) for name in _TRACKED})
    if share is not None:
        _upsert(db.session.connection(), share.key, (0, 0, steun, meedoen, paper))


def _grouped_rows():
    located = func.sum(case((and_(Idea.lat.is_not(None), Idea.lng.is_not(None)), 1), else_=0))
    return (select(Idea.wijk_id, Idea.status, Idea.kind, func.count(), located,
                   func.sum(Idea.support_count), func.sum(Idea.join_count),
                   func.sum(Idea.paper_support_count))
            .where(Idea.hidden.is_(False)).group_by(Idea.wijk_id, Idea.status, Idea.kind))


def _recount() -> dict:
    return {(w, str(getattr(s, "value", s)), str(getattr(k, "value", k))): tuple(int(v or 0) for v in figures)
            for w, s, k, *figures in db.session.execute(_grouped_rows())}


def rebuild() -> int:
    """Recount every counter row from the ideas (one grouped scan). Returns the number of rows."""
    db.session.execute(IdeaCounter.__table__.delete())
    rows = _recount()
    if rows:
        db.session.execute(IdeaCounter.__table__.insert(), [
            dict(wijk_id=w, status=s, kind=k, **dict(zip(FIGURES, figures))) for (w, s, k), figures in rows.items()])
    db.session.commit()
    return len(rows)


def differences() -> dict:
    """{key: (counted, kept)} where the counters disagree with the rows; empty when in step."""
    counted = _recount()
    kept = {(c.wijk_id, c.status, c.kind): tuple(getattr(c, f) for f in FIGURES)
            for c in db.session.scalars(select(IdeaCounter))}
    zero = (0,) * len(FIGURES)
    return {key: (counted.get(key, zero), kept.get(key, zero)) for key in counted.keys() | kept.keys()
            if counted.get(key, zero) != kept.get(key, zero)}


def ensure_counted() -> None:
    """Bulk inserts (flask seed-bench) bypass the listener: recount when there are ideas but no counters."""
    if db.session.scalar(select(IdeaCounter.wijk_id).limit(1)) is not None:
        return
    if db.session.scalar(select(Idea.id).limit(1)) is None:
        return
    rebuild()


def supporter_total(figures: dict) -> int:
    """Idea.supporter_total summed over counter rows: online supports plus paper supports."""
    return figures["steun"] + figures["paper"]


def figures(*, wijk_id: int | None = None, status: str | None = None, kind: str | None = None) -> dict:
    """Summed figures over the matching counter rows (a few hundred rows at most)."""
    ensure_counted()
    query = select(*(func.coalesce(func.sum(getattr(IdeaCounter, f)), 0) for f in FIGURES))
    for column, value in ((IdeaCounter.wijk_id, wijk_id), (IdeaCounter.status, status), (IdeaCounter.kind, kind)):
        if value is not None:
            query = query.where(column == value)
    return dict(zip(FIGURES, (int(v) for v in db.session.execute(query).one())))


def by_wijk(*, status: str | None = None, kind: str | None = None) -> dict[int, dict]:
    """{wijk_id: figures} for every wijk with ideas."""
    ensure_counted()
    sums = [func.sum(getattr(IdeaCounter, f)) for f in FIGURES]
    query = select(IdeaCounter.wijk_id, *sums).group_by(IdeaCounter.wijk_id)
    if status is not None:
        query = query.where(IdeaCounter.status == status)
    if kind is not None:
        query = query.where(IdeaCounter.kind == kind)
    return {w: dict(zip(FIGURES, (int(v or 0) for v in values))) for w, *values in db.session.execute(query)}
