"""Tick steps of the responses domain (run by `flask jobs tick`); each is idempotent."""

from datetime import timedelta

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas import workflow
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import WORKING, EventKind, IdeaStatus
from participatie.notifications.services import notify
from participatie.responses.followups import ask_how_it_goes, close_unanswered  # noqa: F401 (tick steps)
from participatie.responses.models import Reminder
from participatie.responses.services import check_threshold


def check_thresholds(now) -> int:
    """Catch ideas whose support passed the threshold (e.g. after an admin lowered it)."""
    query = select(Idea).join(Wijk).where(Idea.status == IdeaStatus.OPEN, Idea.hidden.is_(False),
                                          Idea.supporter_total >= Wijk.required_support)
    count = 0
    for idea in db.session.scalars(query).all():
        if check_threshold(idea, now):
            count += 1
        db.session.commit()
    return count


def archive_unsupported(now) -> int:
    """Open ideas nobody supported (online, on paper or by joining) within the window since they
    were posted or brought back go to the archive, through the workflow; the author gets a kind
    message with the way back. Idempotent: an archived idea is no longer open."""
    cutoff = now - timedelta(days=current_app.config["ARCHIVE_AFTER_DAYS"])
    revived_since = select(IdeaEvent.id).where(IdeaEvent.idea_id == Idea.id, IdeaEvent.kind == EventKind.REVIVED,
                                               IdeaEvent.created_at > cutoff)
    query = select(Idea).where(Idea.status == IdeaStatus.OPEN, Idea.hidden.is_(False), Idea.created_at <= cutoff,
                               Idea.supporter_total == 0, Idea.join_count == 0, ~revived_since.exists())
    count = 0
    for idea in db.session.scalars(query.order_by(Idea.id)).all():
        _archive(idea, now)
        db.session.commit()
        count += 1
    return count


def _archive(idea, now) -> None:
    days = current_app.config["ARCHIVE_AFTER_DAYS"]
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = _("Nobody supported this idea in %(days)d days, so it is in the archive now. "
                 "The initiator can bring it back.", days=days)
    event = workflow.move(idea, IdeaStatus.ARCHIVED, None, text, kind=EventKind.ARCHIVED, now=now)
    notify([idea.author], kind=EventKind.ARCHIVED, idea=idea, event=event,
           link=url_for("ideas.detail", idea_id=idea.id),
           subject=_l("Your idea “%(title)s” is in the archive", title=idea.title),
           body=_l("Thank you for sharing your idea. Nobody supported it in %(days)d days, so we put it in the "
                   "archive. Still a good idea? Open your idea and choose “Bring my idea back”. Then your "
                   "neighbours can support it again.", days=days))


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
                                      Idea.status.in_(WORKING))
    for idea in db.session.scalars(late_updates).all():
        count += _remind([idea.ambassador], idea, "update", idea.update_due_at,
                         _l("An update on “%(title)s” is due", title=idea.title))
    return count


TICK_STEPS = [
    ("thresholds", check_thresholds),
    ("archive", archive_unsupported),
    ("reminders", remind_overdue),
    ("followups_closed", close_unanswered),
    ("followups_how_now", ask_how_it_goes),
]
