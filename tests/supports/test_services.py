"""Support and join: "set my support to on/off" is idempotent and keeps exact counters."""

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy import func, select

from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.supports.models import Support, SupportKind
from participatie.supports.services import kinds_given, set_support
from tests.factories import make_idea, make_user


def count(idea, kind):
    return db.session.scalar(
        select(func.count()).select_from(Support).where(Support.idea_id == idea.id, Support.kind == kind)
    )


def test_support_then_withdraw(ctx):
    idea, fan = make_idea(), make_user()
    assert set_support(fan, idea, SupportKind.STEUN, True) is True
    assert idea.support_count == 1 and count(idea, SupportKind.STEUN) == 1
    assert kinds_given(fan, idea) == {SupportKind.STEUN}
    assert set_support(fan, idea, SupportKind.STEUN, False) is True
    assert idea.support_count == 0 and count(idea, SupportKind.STEUN) == 0
    assert kinds_given(fan, idea) == set()


def test_support_on_twice_gives_one_row(ctx):
    """A repeated request (double click, or the proxy retrying it on the other host) changes nothing."""
    idea, fan = make_idea(), make_user()
    assert set_support(fan, idea, SupportKind.STEUN, True) is True
    assert set_support(fan, idea, SupportKind.STEUN, True) is False
    assert idea.support_count == 1 == count(idea, SupportKind.STEUN)
    assert kinds_given(fan, idea) == {SupportKind.STEUN}


def test_support_off_twice_gives_zero_rows(ctx):
    idea, fan = make_idea(), make_user()
    set_support(fan, idea, SupportKind.STEUN, True)
    assert set_support(fan, idea, SupportKind.STEUN, False) is True
    assert set_support(fan, idea, SupportKind.STEUN, False) is False
    assert idea.support_count == 0 == count(idea, SupportKind.STEUN)


def test_off_without_support_never_goes_below_zero(ctx):
    idea, fan = make_idea(), make_user()
    set_support(make_user(), idea, SupportKind.STEUN, True)
    assert set_support(fan, idea, SupportKind.STEUN, False) is False
    assert idea.support_count == 1 == count(idea, SupportKind.STEUN)


def test_join_on_twice_keeps_one_row_and_the_first_offer(ctx):
    idea, fan = make_idea(), make_user()
    set_support(fan, idea, SupportKind.MEEDOEN, True, "Ik heb een boor.")
    assert set_support(fan, idea, SupportKind.MEEDOEN, True, "Ik heb een boor.") is False
    assert idea.join_count == 1 == count(idea, SupportKind.MEEDOEN)
    set_support(fan, idea, SupportKind.MEEDOEN, False)
    set_support(fan, idea, SupportKind.MEEDOEN, False)
    assert idea.join_count == 0 == count(idea, SupportKind.MEEDOEN)


def test_concurrent_same_requests_give_one_row(app, ctx):
    """The same "on" request arriving at several workers at once (on PostgreSQL: really at once,
    the unique constraint decides): one row, the counter 1, nobody gets an error."""
    import threading

    from participatie.accounts.models import User
    from participatie.ideas.models import Idea

    idea, fan = make_idea(), make_user()
    ids = (fan.id, idea.id)
    db.session.commit()
    start, errors, changed = threading.Barrier(6, timeout=20), [], []

    def same_request():
        with app.app_context():
            try:
                user, target = db.session.get(User, ids[0]), db.session.get(Idea, ids[1])
                db.session.commit()  # no read transaction held while waiting
                start.wait()
                changed.append(set_support(user, target, SupportKind.STEUN, True))
            except Exception as exc:  # noqa: BLE001 (reported below)
                errors.append(exc)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=same_request) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert changed.count(True) == 1 and len(changed) == 6
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).support_count == 1 == count(idea, SupportKind.STEUN)


def test_support_and_join_are_separate(ctx):
    idea, fan = make_idea(), make_user()
    set_support(fan, idea, SupportKind.STEUN, True)
    set_support(fan, idea, SupportKind.MEEDOEN, True, "Ik heb een boor.")
    assert (idea.support_count, idea.join_count) == (1, 1)
    offer = db.session.scalar(select(Support.offer).where(Support.kind == SupportKind.MEEDOEN))
    assert offer == "Ik heb een boor."


def test_counters_match_rows_after_many_people(ctx):
    idea = make_idea()
    fans = [make_user() for _ in range(5)]
    for fan in fans:
        set_support(fan, idea, SupportKind.STEUN, True)
    set_support(fans[0], idea, SupportKind.STEUN, False)
    assert idea.support_count == 4 == count(idea, SupportKind.STEUN)


def test_author_cannot_support_own_idea(ctx):
    author = make_user()
    idea = make_idea(author)
    with pytest.raises(NotAllowed):
        set_support(author, idea, SupportKind.STEUN, True)
    assert idea.support_count == 0


def test_unverified_users_cannot_support(ctx):
    with pytest.raises(NotAllowed):
        set_support(make_user(verified=False), make_idea(), SupportKind.STEUN, True)


def test_a_duplicate_row_from_a_race_does_not_double_count(ctx):
    """A second insert for the same person and kind hits the unique constraint, not the counter."""
    idea, fan = make_idea(), make_user()
    set_support(fan, idea, SupportKind.STEUN, True)
    db.session.add(Support(idea_id=idea.id, user_id=fan.id, kind=SupportKind.STEUN))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    db.session.refresh(idea)
    assert idea.support_count == 1 == count(idea, SupportKind.STEUN)
