"""The ambassador's queue: ideas waiting for the city, and one's own claims."""

from dataclasses import dataclass

from sqlalchemy import func, nulls_last, select

from participatie.accounts.models import User
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaTheme
from participatie.ideas.status import IdeaStatus
from participatie.ideas.themes import THEMES
from participatie.responses.models import Voorgesprek

ACTIVE = (IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS, IdeaStatus.CONVERSATION_PLANNED,
          IdeaStatus.DECIDED, IdeaStatus.DONE)


@dataclass
class QueueFilters:
    wijk: str | None = None
    theme: str | None = None
    department: str | None = None

    @classmethod
    def from_args(cls, args) -> "QueueFilters":
        theme = args.get("theme")
        return cls(wijk=args.get("wijk") or None, theme=theme if theme in THEMES else None,
                   department=(args.get("department") or "").strip() or None)


def waiting(filters: QueueFilters, limit: int = 100) -> list[Idea]:
    """Unclaimed ideas that passed the threshold or were put forward: earliest due first (overdue on top)."""
    from participatie.geo.services import wijk_by_slug

    query = select(Idea).where(Idea.hidden.is_(False), Idea.ambassador_id.is_(None),
                               Idea.status.in_(ACTIVE))
    if filters.wijk and (wijk := wijk_by_slug(filters.wijk)):
        query = query.where(Idea.wijk_id == wijk.id)
    if filters.theme:
        query = query.where(Idea.id.in_(select(IdeaTheme.idea_id).where(IdeaTheme.theme == filters.theme)))
    if filters.department:
        asked = select(Voorgesprek.idea_id).where(func.lower(Voorgesprek.department) == filters.department.lower())
        query = query.where(Idea.id.in_(asked))
    return db.session.scalars(query.order_by(nulls_last(Idea.response_due_at.asc()), Idea.id).limit(limit)).all()


def my_claims(user) -> list[Idea]:
    """The ambassador's open claims, what is due first on top."""
    due = func.coalesce(Idea.response_due_at, Idea.update_due_at)
    query = select(Idea).where(Idea.ambassador_id == user.id, Idea.status.in_(ACTIVE))
    return db.session.scalars(query.order_by(nulls_last(Idea.update_due_at.asc()), nulls_last(due.asc()))).all()


def departments() -> list[str]:
    query = select(Voorgesprek.department).distinct().order_by(Voorgesprek.department)
    return list(db.session.scalars(query))


def handover_counts() -> list[tuple[User, int, int]]:
    """(ambassador, open claims, hand-overs of their ideas) for the admins' overview."""
    rows = db.session.execute(
        select(User, func.count(Idea.id), func.coalesce(func.sum(Idea.handover_count), 0))
        .join(Idea, Idea.ambassador_id == User.id).group_by(User.id).order_by(User.display_name)
    ).all()
    return [(user, claims, int(handovers)) for user, claims, handovers in rows]
