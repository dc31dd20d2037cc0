"""Following a wijk: new ideas, public answers and what changed (done) in that wijk.

The same Notification rows, consent and e-mail choice (right away or a daily digest) as following
an idea. Someone who follows the idea itself hears it once, through the idea (services.tell_followers).
"""

from flask import current_app, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from participatie.extensions import db
from participatie.ideas import workflow
from participatie.ideas.models import Follow
from participatie.ideas.status import EventKind, IdeaStatus
from participatie.notifications import rules
from participatie.notifications.models import WijkFollow
from participatie.notifications.services import notify
from participatie.web.errors import NotAllowed


def is_following_wijk(user, wijk) -> bool:
    if not (user and user.is_authenticated):
        return False
    query = select(WijkFollow.id).where(WijkFollow.wijk_id == wijk.id, WijkFollow.user_id == user.id)
    return db.session.scalar(query) is not None


def follow_wijk(user, wijk) -> None:
    """Start following; harmless when already following (also under a race)."""
    if not rules.can_follow_wijk(user):
        raise NotAllowed("follow wijk")
    if is_following_wijk(user, wijk):
        return
    try:
        with db.session.begin_nested():
            db.session.add(WijkFollow(wijk_id=wijk.id, user_id=user.id))
    except IntegrityError:
        pass
    db.session.commit()


def unfollow_wijk(user, wijk) -> None:
    db.session.execute(delete(WijkFollow).where(WijkFollow.wijk_id == wijk.id, WijkFollow.user_id == user.id))
    db.session.commit()


def toggle(user, wijk) -> bool:
    """Follow or stop following; returns whether the user follows the wijk now."""
    if is_following_wijk(user, wijk):
        unfollow_wijk(user, wijk)
        return False
    follow_wijk(user, wijk)
    return True


def wijk_followers(idea) -> list:
    """Followers of the idea's wijk who do not follow the idea itself (they hear it through the idea)."""
    idea_followers = select(Follow.user_id).where(Follow.idea_id == idea.id)
    query = (select(WijkFollow).where(WijkFollow.wijk_id == idea.wijk_id, WijkFollow.user_id.not_in(idea_followers))
             .order_by(WijkFollow.id))
    return [f.user for f in db.session.scalars(query)]


def site_path(endpoint: str, **values) -> str:
    """A path on the site, also without a request (ideas are posted by jobs, imports and the CLI too)."""
    if has_request_context():
        return url_for(endpoint, **values)
    with current_app.test_request_context():
        return url_for(endpoint, **values)


def _tell(idea, event, actor, kind: str, subject, body) -> None:
    if idea.hidden:
        return
    followers = wijk_followers(idea)
    if followers:
        notify(followers, kind=kind, idea=idea, event=event, subject=subject, body=body, exclude=actor,
               link=site_path("ideas.detail", idea_id=idea.id, _anchor="tijdlijn"))


@workflow.event_recorded.connect
def new_idea_or_answer(idea, *, event, actor, **_extra) -> None:
    names = {"wijk": idea.wijk.name, "title": idea.title}
    if event.kind == EventKind.CREATED:
        _tell(idea, event, actor, "wijk_new_idea", _l("New idea in %(wijk)s: “%(title)s”", **names),
              _l("A neighbour shared a new idea in %(wijk)s. Take a look and support it.", **names))
    elif event.kind == EventKind.ANSWER:
        _tell(idea, event, actor, "wijk_answer", _l("The city answered on “%(title)s” in %(wijk)s", **names),
              event.public_text)


@workflow.idea_moved.connect
def what_changed(idea, *, event, new, actor, **_extra) -> None:
    if new == IdeaStatus.DONE:
        names = {"wijk": idea.wijk.name, "title": idea.title}
        _tell(idea, event, actor, "wijk_done", _l("Changed in %(wijk)s: “%(title)s” is done", **names),
              event.public_text)
