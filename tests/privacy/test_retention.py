"""Retention steps of `flask jobs tick`: warn, anonymise after the warning, forget guests; idempotent."""

from datetime import timedelta

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.privacy import retention
from tests.conversations.helpers import confirmed_guest, planned
from tests.factories import make_idea, make_user

YEAR = timedelta(days=365)


def quiet_since(user, when):
    user.created_at = when
    user.last_login_at = when
    db.session.commit()


def test_an_unused_account_is_warned_once_then_anonymised_after_30_days(ctx, outbox):
    now = utcnow()
    sleeper, active = make_user(name="Slaper"), make_user(name="Actief")
    idea = make_idea(author=sleeper, title="Bankje bij de vijver")
    quiet_since(sleeper, now - 3 * YEAR + timedelta(days=29))
    quiet_since(active, now - YEAR)
    assert retention.warn_inactive_accounts(now) == 1
    assert retention.warn_inactive_accounts(now) == 0  # once
    assert "Over 30 dagen halen we je naam en e-mailadres weg" in outbox.last_body()
    assert retention.anonymise_inactive_accounts(now + timedelta(days=29)) == 0  # not yet
    assert retention.anonymise_inactive_accounts(now + timedelta(days=30)) == 1
    assert retention.anonymise_inactive_accounts(now + timedelta(days=31)) == 0  # idempotent
    gone = db.session.get(User, sleeper.id)
    assert gone.is_deleted and "Slaper" not in gone.display_name
    assert db.session.get(type(idea), idea.id).title == "Bankje bij de vijver"  # the idea stays
    assert not db.session.get(User, active.id).is_deleted


def test_logging_in_after_the_warning_keeps_the_account(ctx):
    now = utcnow()
    sleeper = make_user()
    quiet_since(sleeper, now - 3 * YEAR)
    assert retention.warn_inactive_accounts(now) == 1
    sleeper.last_login_at = now + timedelta(days=5)
    db.session.commit()
    assert retention.anonymise_inactive_accounts(now + timedelta(days=40)) == 0
    assert not db.session.get(User, sleeper.id).is_deleted


def test_guest_contact_data_goes_90_days_after_the_meeting(ctx):
    conversation = planned()
    guest = confirmed_guest(conversation, "Gast Gerda", "gerda@example.org")
    ends = conversation.ends_at
    assert retention.forget_guest_sign_ups(ends + timedelta(days=89)) == 0
    assert retention.forget_guest_sign_ups(ends + timedelta(days=90)) == 1
    assert retention.forget_guest_sign_ups(ends + timedelta(days=91)) == 0
    db.session.refresh(guest)
    assert guest.email is None and guest.name == ""


def test_sent_mail_leaves_the_outbox_after_90_days_failed_mail_stays(ctx):
    from participatie.ops.mail.models import OutboxMessage, OutboxStatus

    now = utcnow()
    old_sent = OutboxMessage(to="a@example.org", subject="s", body="b", status=OutboxStatus.SENT,
                             sent_at=now - timedelta(days=90))
    new_sent = OutboxMessage(to="b@example.org", subject="s", body="b", status=OutboxStatus.SENT,
                             sent_at=now - timedelta(days=89))
    failed = OutboxMessage(to="c@example.org", subject="s", body="b", status=OutboxStatus.FAILED,
                           created_at=now - timedelta(days=200))
    db.session.add_all([old_sent, new_sent, failed])
    db.session.commit()
    assert retention.remove_sent_mail(now) == 1
    assert retention.remove_sent_mail(now) == 0
    assert sorted(m.to for m in db.session.scalars(db.select(OutboxMessage))) == ["b@example.org", "c@example.org"]
