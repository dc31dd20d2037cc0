"""Read-only figures for the home and wijk pages (one grouped query each)."""

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.ideas.models import Idea, visible_ideas


def idea_counts_by_wijk() -> dict[int, int]:
    query = select(Idea.wijk_id, func.count()).where(Idea.hidden.is_(False)).group_by(Idea.wijk_id)
    return dict(db.session.execute(query).all())


def totals(wijk_id: int | None = None) -> dict[str, int]:
    """Number of ideas and of supporters (online and on paper), city-wide or for one wijk."""
    query = select(func.count(), func.coalesce(func.sum(Idea.supporter_total), 0)).where(
        Idea.hidden.is_(False)
    )
    if wijk_id is not None:
        query = query.where(Idea.wijk_id == wijk_id)
    ideas, supports = db.session.execute(query).one()
    return {"ideas": ideas, "supports": int(supports)}


def latest_ideas(limit: int = 6, wijk_id: int | None = None):
    query = visible_ideas()
    if wijk_id is not None:
        query = query.where(Idea.wijk_id == wijk_id)
    return db.session.scalars(query.order_by(Idea.created_at.desc(), Idea.id.desc()).limit(limit)).all()
