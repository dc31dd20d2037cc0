"""Tick steps of the responses domain (run by `flask jobs tick`); each is idempotent."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaStatus
from participatie.notifications.services import notify
from participatie.responses.followups import ask_how_it_goes, close_unanswered  # noqa: F401 (tick steps)
from participatie.responses.models import Reminder
from participatie.responses.services import WORKING_STATUSES, check_threshold


def check_thresholds(now) -> int:
    """Catch ideas whose support passed the threshold (e.g. after an admin lowered it)."""
    query = select(Idea).join(Wijk).where(Idea.status == IdeaStatus.OPEN, Idea.hidden.is_(False),
                                          Idea.support_count + Idea.paper_support_count >= Wijk.support_threshold)
    count = 0
    for idea in db.session.scalars(query).all():
        if check_threshold(idea, now):
            count += 1
        db.session.commit()
    return count


def _once(idea, kind: str, due_at) -> bool:
    """Record that this reminder goes out; False when it went out already."""
    try:
        with db.session.begin_nested():
            db.session.add(Reminder(idea_id=idea.id, kind=kind, due_at=due_at))
        return True
    except IntegrityError:
        return False


def _remind(users, idea, kind, due_at, subject) -> bool:
    if not users or not _once(idea, kind, due_at):
        return False
    notify(users, kind=f"reminder_{kind}", idea=idea, subject=subject, body=subject,
           link=url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn"))
    db.session.commit()
    return True


def remind_overdue(now) -> int:
    """Overdue first answers and overdue updates: tell the ambassador (or all, when unclaimed)."""
    count = 0
    late_answers = select(Idea).where(Idea.response_due_at <= now, Idea.first_answer_at.is_(None),
                                      Idea.status.in_([IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS]))
    ambassadors = None
    for idea in db.session.scalars(late_answers).all():
        if idea.ambassador is None and ambassadors is None:
            ambassadors = db.session.scalars(select(User).where(User.role == Role.AMBASSADOR)).all()
        targets = [idea.ambassador] if idea.ambassador else ambassadors
        count += _remind(targets, idea, "response", idea.response_due_at,
                         _l("The answer to “%(title)s” is late", title=idea.title))
    late_updates = select(Idea).where(Idea.update_due_at <= now, Idea.ambassador_id.is_not(None),
                                      Idea.status.in_(WORKING_STATUSES))
    for idea in db.session.scalars(late_updates).all():
        count += _remind([idea.ambassador], idea, "update", idea.update_due_at,
                         _l("An update on “%(title)s” is due", title=idea.title))
    return count


TICK_STEPS = [
    ("thresholds", check_thresholds),
    ("reminders", remind_overdue),
    ("followups_closed", close_unanswered),
    ("followups_how_now", ask_how_it_goes),
]
