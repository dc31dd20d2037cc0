"""Read-only figures for the home and wijk pages, from the idea counters (no scan of the ideas)."""

from participatie.extensions import db
from participatie.ideas import counters
from participatie.ideas.models import Idea, visible_ideas


def idea_counts_by_wijk() -> dict[int, int]:
    return {wijk_id: figures["ideas"] for wijk_id, figures in counters.by_wijk().items()}


def totals(wijk_id: int | None = None) -> dict[str, int]:
    """Number of ideas and of supporters (online and on paper), city-wide or for one wijk."""
    figures = counters.figures(wijk_id=wijk_id)
    return {"ideas": figures["ideas"], "supports": counters.supporter_total(figures)}


def latest_ideas(limit: int = 6, wijk_id: int | None = None):
    query = visible_ideas()
    if wijk_id is not None:
        query = query.where(Idea.wijk_id == wijk_id)
    return db.session.scalars(query.order_by(Idea.created_at.desc(), Idea.id.desc()).limit(limit)).all()
