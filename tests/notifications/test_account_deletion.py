"""A deleted account: its follows and messages are gone, and nothing reaches it any more."""

from datetime import date, datetime

from sqlalchemy import select

from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.ideas.models import Follow
from participatie.ideas.status import IdeaStatus
from participatie.notifications import services
from participatie.notifications.models import Notification
from participatie.responses import services as responses
from participatie.responses.followups import close_unanswered
from participatie.responses.models import FollowUp
from tests.notifications.conftest import consenting, notify_one
from tests.responses.helpers import claimed_idea, fresh, person


def _rows(model, user):
    return db.session.scalars(select(model).where(model.user_id == user.id)).all()


def _delete(user):
    accounts.delete_account(user, user)
    return fresh(user)


def test_follows_and_notifications_go_and_others_keep_theirs(idea_with_followers):
    idea, author, (leaver, stayer) = idea_with_followers
    notify_one(leaver)
    notify_one(stayer)
    assert _rows(Follow, leaver) and _rows(Notification, leaver)

    _delete(leaver)

    assert _rows(Follow, leaver) == [] and _rows(Notification, leaver) == []
    assert len(_rows(Notification, stayer)) == 1
    assert {u.id for u in ideas.followers(idea)} == {author.id, stayer.id}


def test_nothing_is_sent_to_a_deleted_account(ctx, smtp):
    leaver = consenting(email="weg@example.org")
    gone = _delete(leaver)

    assert services.notify([gone], kind="test", subject="s", body="b", link="/") == []
    db.session.commit()

    assert _rows(Notification, gone) == []
    assert smtp.messages == []


def test_a_deleted_initiator_is_not_asked_if_it_is_solved(ctx, smtp):
    holder, author = person(Role.AMBASSADOR), consenting(email="initiatief@example.org")
    idea = claimed_idea(holder, author=author)
    gone = _delete(author)
    smtp.messages.clear()

    responses.change_status(holder, idea, "decided", "Besloten.", outcome="together",
                            next_step="Samen planten", next_date=date(2026, 5, 1))
    responses.change_status(holder, idea, "done", "De plantenbakken staan er.", now=datetime(2026, 4, 23, 11))

    assert _rows(Notification, gone) == []
    assert all(not r.endswith(".invalid") for rcpts, _message in smtp.messages for r in rcpts)
    assert smtp.to("initiatief@example.org") == []
    # Nobody can answer, so the idea closes by itself after the usual term.
    assert db.session.scalars(select(FollowUp).where(FollowUp.idea_id == idea.id)).all()
    close_unanswered(datetime(2026, 6, 1))
    assert fresh(idea).status == IdeaStatus.CLOSED
