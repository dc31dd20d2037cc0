"""Support and join: toggles that keep the idea's counters exact under concurrency."""

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.ideas import counters
from participatie.ideas import services as ideas
from participatie.ideas.models import Idea
from participatie.responses.services import check_threshold
from participatie.supports import rules
from participatie.supports.models import Support, SupportKind

COUNTERS = {SupportKind.STEUN: Idea.support_count, SupportKind.MEEDOEN: Idea.join_count}


def _bump(idea: Idea, kind: SupportKind, delta: int) -> None:
    """Change a counter in the database (never read-modify-write) and keep the object in step."""
    column = COUNTERS[kind]
    statement = (update(Idea).where(Idea.id == idea.id).values({column: column + delta})
                 .returning(Idea.support_count, Idea.join_count))
    support_count, join_count = db.session.execute(statement).one()
    set_committed_value(idea, "support_count", support_count)
    set_committed_value(idea, "join_count", join_count)
    counters.adjust_supports(idea, **{"steun" if kind == SupportKind.STEUN else "meedoen": delta})


def toggle_support(user, idea: Idea, kind: SupportKind, offer: str = "") -> bool:
    """Add the user's support of this kind, or withdraw it. True when it is now given."""
    if not rules.can_support(user, idea):
        raise NotAllowed("support")
    kind = SupportKind(kind)
    removed = db.session.execute(
        delete(Support).where(Support.idea_id == idea.id, Support.user_id == user.id, Support.kind == kind)
    ).rowcount
    if removed:
        _bump(idea, kind, -removed)
        db.session.commit()
        return False
    return _add(user, idea, kind, offer)


def _add(user, idea: Idea, kind: SupportKind, offer: str) -> bool:
    db.session.add(Support(idea_id=idea.id, user_id=user.id, kind=kind, offer=offer.strip()[:200]))
    try:
        db.session.flush()
    except IntegrityError:  # a double submit won the race: it is given already
        db.session.rollback()
        return True
    _bump(idea, kind, +1)
    ideas.follow(user, idea, commit=False)  # supporters hear what happens (they can unfollow)
    if kind == SupportKind.STEUN:
        check_threshold(idea)
    db.session.commit()
    return True


def kinds_given(user, idea: Idea) -> set[SupportKind]:
    """Which kinds of support this user gave this idea (empty for anonymous)."""
    if not (user and user.is_authenticated):
        return set()
    rows = db.session.scalars(
        db.select(Support.kind).where(Support.idea_id == idea.id, Support.user_id == user.id)
    )
    return set(rows)
