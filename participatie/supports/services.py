"""Support and join: "set my support to on/off", keeping the idea's counters exact under concurrency.

The action says which state the person wants, not "flip it": sending the same request twice (a double
click, or nginx retrying it on the other web host when the first host died mid-request) leaves the same
result, never a second row and never a withdrawal the person did not ask for. The unique constraint on
(idea, user, kind) settles two requests that arrive at the same moment."""

from sqlalchemy import delete, select, update
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


def _commit() -> None:
    """Commit without expiring what is loaded. The idea's counters were just read back from the
    database (RETURNING) and the rest of the idea and the person did not change here, so the button
    drawn after a press needs no second load of them: four statements fewer per press."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def set_support(user, idea: Idea, kind: SupportKind, on: bool, offer: str = "") -> bool:
    """Give (on) or withdraw (off) the user's support of this kind. Idempotent: the same call twice
    leaves the same rows and counters. True when something changed."""
    if not rules.can_support(user, idea):
        raise NotAllowed("support")
    kind = SupportKind(kind)
    if on:
        return _add(user, idea, kind, offer)
    removed = db.session.execute(
        delete(Support).where(Support.idea_id == idea.id, Support.user_id == user.id, Support.kind == kind)
    ).rowcount
    if removed:
        _bump(idea, kind, -removed)
    _commit()
    return bool(removed)


def _add(user, idea: Idea, kind: SupportKind, offer: str) -> bool:
    given = db.session.scalar(
        select(Support.id).where(Support.idea_id == idea.id, Support.user_id == user.id, Support.kind == kind))
    if given is not None:  # asked again: it is given already, nothing changes (the first offer stays)
        db.session.commit()
        return False
    db.session.add(Support(idea_id=idea.id, user_id=user.id, kind=kind, offer=offer.strip()[:200]))
    try:
        db.session.flush()
    except IntegrityError:  # the same request on another worker or host won the race: it is given
        db.session.rollback()
        return False
    _bump(idea, kind, +1)
    ideas.follow(user, idea, commit=False)  # supporters hear what happens (they can unfollow)
    if kind == SupportKind.STEUN:
        check_threshold(idea)
    _commit()
    return True


def kinds_given(user, idea: Idea) -> set[SupportKind]:
    """Which kinds of support this user gave this idea (empty for anonymous)."""
    if not (user and user.is_authenticated):
        return set()
    rows = db.session.scalars(
        db.select(Support.kind).where(Support.idea_id == idea.id, Support.user_id == user.id)
    )
    return set(rows)
