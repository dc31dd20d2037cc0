"""Deleting an account: what is wiped, what stays, and that the account is really gone."""

import pytest
from sqlalchemy import func, select

from participatie.accounts import services, tokens
from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.ideas.models import IdeaEvent
from participatie.ops.mail import send_mail
from participatie.supports.models import Support, SupportKind
from participatie.supports.services import set_support
from tests.accounts.helpers import reload, tr
from tests.factories import PASSWORD, make_idea, make_user
from tests.responses.helpers import person


def _delete(user):
    services.delete_account(user, user)
    return reload(user)


def test_personal_data_is_wiped_and_the_row_stays(ctx):
    person(Role.ADMIN)
    makelaar = make_user(Role.MAKELAAR, name="Marieke", email="marieke@example.org", wijken=("west",))
    services.update_settings(makelaar, display_name="Marieke", locale="nl", consent_notifications=True)
    makelaar.department = "Wijkteam"
    db.session.commit()
    old_nonce = makelaar.login_nonce

    gone = _delete(makelaar)

    assert gone is not None
    assert gone.email.startswith(f"deleted-{gone.id}-") and gone.email.endswith("@deleted.invalid")
    assert gone._display_name == ""
    assert gone.display_name == tr("Former participant")
    assert gone.password_hash is None and not gone.check_password(PASSWORD)
    assert gone.email_verified_at is None
    assert gone.consent_notifications_at is None and gone.consent_buurtnetwerk_at is None
    assert gone.department is None
    assert gone.wijken == []
    assert gone.role == Role.RESIDENT
    assert gone.login_nonce != old_nonce
    assert gone.deleted_at is not None
    assert services.find_by_email("marieke@example.org") is None


def test_placeholders_are_unique_and_free_the_address(ctx):
    first, second = make_user(email="een@example.org"), make_user()
    assert _delete(first).email != _delete(second).email
    # The address is free again: the person may come back with a new account.
    again = services.create_user("een@example.org", "Een", password=PASSWORD)
    assert again.id != first.id


def test_login_with_password_fails_after_deletion(ctx):
    user = make_user(email="weg@example.org")
    _delete(user)
    assert services.authenticate("weg@example.org", PASSWORD) is None


def test_an_old_login_link_dies(ctx):
    user = make_user()
    token = tokens.make("login", {"uid": user.id, "n": user.login_nonce})
    _delete(user)
    with pytest.raises(tokens.LinkError):
        services.use_login_link(token)


def test_no_login_link_and_no_confirmation_mail_for_a_deleted_account(ctx, outbox):
    user = make_user(email="weg@example.org", verified=False)
    gone = _delete(user)
    services.send_login_link("weg@example.org")
    services.send_login_link(gone.email)  # even typing the placeholder sends nothing
    services.send_confirmation(gone)
    assert outbox.messages() == []


def test_a_deleted_account_ends_every_session(ctx):
    user = make_user()
    assert services.load_user(str(user.id)) == user
    gone = _delete(user)
    assert services.load_user(str(gone.id)) is None
    assert not gone.is_active and not gone.is_authenticated


def test_the_mail_layer_never_sends_to_a_placeholder(ctx, outbox):
    gone = _delete(make_user())
    send_mail(gone.email, "Hallo", "Test")
    send_mail("iemand@example.org", "Hallo", "Test")
    assert [m["To"] for m in outbox.messages()] == ["iemand@example.org"]


def test_ideas_and_support_stay_and_keep_counting(ctx):
    author, supporter, other = make_user(name="Auteur"), make_user(name="Steuner"), make_user()
    idea = make_idea(author)
    set_support(supporter, idea, SupportKind.STEUN, True)
    set_support(other, idea, SupportKind.STEUN, True)
    before = (idea.support_count, idea.status)

    _delete(supporter)
    _delete(author)

    idea = db.session.get(type(idea), idea.id)
    assert (idea.support_count, idea.status) == before
    assert db.session.scalar(select(func.count(Support.id)).where(Support.idea_id == idea.id)) == 2
    assert idea.author_id == author.id
    assert idea.author.display_name == tr("Former participant")
    events = db.session.scalars(select(IdeaEvent).where(IdeaEvent.idea_id == idea.id)).all()
    assert [event.actor.display_name for event in events] == [tr("Former participant")]


def test_names_still_sort_in_sql(ctx):
    """display_name reads through the deletion check; in queries it is still the column."""
    make_user(name="Bram")
    make_user(name="Anna")
    names = db.session.scalars(select(User.display_name).order_by(User.display_name)).all()
    assert names == ["Anna", "Bram"]


def test_following_and_names_of_others_are_untouched(ctx):
    author, follower = make_user(name="Auteur"), make_user(name="Volger")
    idea = make_idea(author)
    ideas.follow(follower, idea)
    _delete(author)
    assert reload(follower).display_name == "Volger"
    assert [u.id for u in ideas.followers(idea)] == [follower.id]
