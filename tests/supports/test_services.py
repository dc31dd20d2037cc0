"""Support and join toggles keep exact counters."""

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy import func, select

from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.supports.models import Support, SupportKind
from participatie.supports.services import kinds_given, toggle_support
from tests.factories import make_idea, make_user


def count(idea, kind):
    return db.session.scalar(
        select(func.count()).select_from(Support).where(Support.idea_id == idea.id, Support.kind == kind)
    )


def test_support_then_withdraw(ctx):
    idea, fan = make_idea(), make_user()
    assert toggle_support(fan, idea, SupportKind.STEUN) is True
    assert idea.support_count == 1 and count(idea, SupportKind.STEUN) == 1
    assert kinds_given(fan, idea) == {SupportKind.STEUN}
    assert toggle_support(fan, idea, SupportKind.STEUN) is False
    assert idea.support_count == 0 and count(idea, SupportKind.STEUN) == 0


def test_support_and_join_are_separate(ctx):
    idea, fan = make_idea(), make_user()
    toggle_support(fan, idea, SupportKind.STEUN)
    toggle_support(fan, idea, SupportKind.MEEDOEN, "Ik heb een boor.")
    assert (idea.support_count, idea.join_count) == (1, 1)
    offer = db.session.scalar(select(Support.offer).where(Support.kind == SupportKind.MEEDOEN))
    assert offer == "Ik heb een boor."


def test_counters_match_rows_after_many_people(ctx):
    idea = make_idea()
    fans = [make_user() for _ in range(5)]
    for fan in fans:
        toggle_support(fan, idea, SupportKind.STEUN)
    toggle_support(fans[0], idea, SupportKind.STEUN)
    assert idea.support_count == 4 == count(idea, SupportKind.STEUN)


def test_author_cannot_support_own_idea(ctx):
    author = make_user()
    idea = make_idea(author)
    with pytest.raises(NotAllowed):
        toggle_support(author, idea, SupportKind.STEUN)
    assert idea.support_count == 0


def test_unverified_users_cannot_support(ctx):
    with pytest.raises(NotAllowed):
        toggle_support(make_user(verified=False), make_idea(), SupportKind.STEUN)


def test_a_duplicate_row_from_a_race_does_not_double_count(ctx):
    """A second insert for the same person and kind hits the unique constraint, not the counter."""
    idea, fan = make_idea(), make_user()
    toggle_support(fan, idea, SupportKind.STEUN)
    db.session.add(Support(idea_id=idea.id, user_id=fan.id, kind=SupportKind.STEUN))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    db.session.refresh(idea)
    assert idea.support_count == 1 == count(idea, SupportKind.STEUN)
