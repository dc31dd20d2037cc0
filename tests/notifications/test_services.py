"""notify / notify_followers / unread / mark read / digests, as the other domains use them."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.notifications import services
from participatie.notifications.models import Notification
from tests.factories import make_user
from tests.notifications.conftest import BODY_NL, SUBJECT, SUBJECT_NL, consenting, notify_one


def notifications_of(user):
    return db.session.scalars(select(Notification).where(Notification.user_id == user.id)).all()


def test_followers_are_notified_except_the_actor(idea_with_followers):
    idea, author, (first, second) = idea_with_followers
    created = services.notify_followers(idea, kind="answer", subject="Nieuw antwoord", body="Tekst",
                                        link=f"/ideas/{idea.id}#tijdlijn", exclude=first)
    db.session.commit()
    assert sorted(n.user_id for n in created) == sorted([author.id, second.id])
    assert notifications_of(first) == []
    note = notifications_of(second)[0]
    assert (note.idea_id, note.subject, note.link, note.read_at) == (
        idea.id, "Nieuw antwoord", f"/ideas/{idea.id}#tijdlijn", None)


def test_unfollowing_stops_notifications(idea_with_followers):
    idea, author, (first, second) = idea_with_followers
    ideas.unfollow(first, idea)
    services.notify_followers(idea, kind="update", subject="s", body="b", link="/")
    db.session.commit()
    assert notifications_of(first) == [] and len(notifications_of(second)) == 1


def test_each_user_is_notified_once(ctx):
    user = make_user()
    created = services.notify([user, user, None], kind="x", subject="s", body="b", link="/")
    assert len(created) == 1


def test_notify_does_not_commit(ctx):
    user = make_user()
    services.notify([user], kind="x", subject="s", body="b", link="/")
    db.session.rollback()
    assert notifications_of(user) == []


def test_texts_are_written_in_each_recipients_language(ctx):
    nl, en = make_user(), make_user()
    en.locale = "en"
    db.session.commit()
    calls = []

    def body(user):
        calls.append(user.id)
        return str(_l("Follow this idea to get a message when something happens."))

    services.notify([nl, en], kind="x", subject=SUBJECT, body=body, link="/")
    db.session.commit()
    assert notifications_of(nl)[0].subject == SUBJECT_NL
    assert notifications_of(en)[0].subject == "Your changes are saved."
    assert notifications_of(nl)[0].body == "Volg dit idee. Dan krijg je een bericht als er iets gebeurt."
    assert notifications_of(en)[0].body == "Follow this idea to get a message when something happens."
    assert calls == [nl.id, en.id]


def test_unread_count_and_mark_read(ctx):
    user, other = make_user(), make_user()
    first = notify_one(user)
    notify_one(user)
    notify_one(other)
    assert services.unread_count(user) == 2
    services.mark_read(user, first.id)
    assert services.unread_count(user) == 1
    services.mark_read(user)
    assert services.unread_count(user) == 0
    assert services.unread_count(other) == 1  # someone else's stay unread


def test_marking_someone_elses_notification_does_nothing(ctx):
    user, other = make_user(), make_user()
    theirs = notify_one(other)
    services.mark_read(user, theirs.id)
    assert services.unread_count(other) == 1


# ---- e-mail: consent, immediate, digest -------------------------------------------------

def test_no_mail_without_consent(ctx, outbox):
    user = make_user()
    assert user.consent_notifications_at is None
    notify_one(user)
    assert len(notifications_of(user)) == 1  # still a message on the site
    assert outbox.messages() == []


def test_no_mail_to_an_unconfirmed_address(ctx, outbox):
    user = consenting(verified=False)
    notify_one(user)
    assert outbox.messages() == []


def test_immediate_mail_with_consent_after_commit(ctx, outbox):
    user = consenting()
    note = notify_one(user, commit=False)
    assert outbox.messages() == []  # nothing before the commit
    db.session.commit()
    [mail] = outbox.messages()
    assert mail["To"] == user.email
    assert mail["Subject"] == SUBJECT_NL
    body = mail.get_body(("plain",)).get_content()
    assert BODY_NL in body and "http://localhost/ideas/1#tijdlijn" in body
    assert f"Hallo {user.display_name}," in body
    assert note.emailed_at is not None


def test_rollback_sends_no_mail(ctx, outbox, app):
    assert not app.config.get("REDIS_URL")
    user = consenting()
    notify_one(user, commit=False)
    db.session.rollback()
    db.session.commit()  # a later commit must not send the discarded mail either
    assert outbox.messages() == []
    assert notifications_of(user) == []


def test_mail_goes_out_in_the_recipients_language(ctx, outbox):
    nl = consenting(locale="nl")
    en = consenting(locale="en")
    services.notify([nl, en], kind="x", subject=SUBJECT, body="-", link="/")
    db.session.commit()
    mails = {m["To"]: m for m in outbox.messages()}
    assert mails[nl.email]["Subject"] == SUBJECT_NL
    assert mails[en.email]["Subject"] == "Your changes are saved."
    assert "Hallo " in mails[nl.email].get_body(("plain",)).get_content()
    assert "Hello " in mails[en.email].get_body(("plain",)).get_content()


def test_every_mail_has_unsubscribe_headers(ctx, outbox):
    notify_one(consenting())
    [mail] = outbox.messages()
    assert mail["List-Unsubscribe"].startswith("<http://localhost/account/notifications/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["List-Unsubscribe"].strip("<>") in mail.get_body(("plain",)).get_content()


def test_daily_users_get_one_digest_at_the_digest_hour(ctx, outbox):
    user = consenting(frequency="daily")
    notify_one(user, subject="Eerste bericht")
    notify_one(user, subject="Tweede bericht")
    assert outbox.messages() == []  # nothing right away
    now = utcnow()
    assert services.send_digests(now) == 0  # created after today's digest moment: tomorrow
    assert services.send_digests(now + timedelta(days=1)) == 1
    [mail] = outbox.messages()
    body = mail.get_body(("plain",)).get_content()
    assert mail["To"] == user.email
    assert "Eerste bericht" in body and "Tweede bericht" in body
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_digest_is_idempotent(ctx, outbox):
    user = consenting(frequency="daily")
    notify_one(user)
    later = utcnow() + timedelta(days=1)
    assert services.send_digests(later) == 1
    assert services.send_digests(later) == 0
    assert services.send_digests(later + timedelta(days=1)) == 0
    assert len(outbox.messages()) == 1
    notify_one(user, subject="Nog een")
    assert services.send_digests(later + timedelta(days=2)) == 1
    assert "Nog een" in outbox.last_body()


def test_digest_leaves_out_immediate_users_read_messages_and_users_without_consent(ctx, outbox):
    immediate = consenting()
    no_consent = make_user()
    no_consent.email_frequency = "daily"
    daily = consenting(frequency="daily")
    for user in (immediate, no_consent, daily):
        notify_one(user)
    services.mark_read(daily)
    outbox_before = len(outbox.messages())  # the immediate user's mail
    assert services.send_digests(utcnow() + timedelta(days=1)) == 0
    assert len(outbox.messages()) == outbox_before == 1


def test_digest_only_has_messages_from_after_the_consent(ctx, outbox):
    user = make_user()
    user.email_frequency = "daily"
    db.session.commit()
    notify_one(user, subject="Van voor de toestemming")
    db.session.execute(Notification.__table__.update().values(created_at=utcnow() - timedelta(hours=1)))
    user.consent_notifications_at = utcnow()
    db.session.commit()
    notify_one(user, subject="Van na de toestemming")
    assert services.send_digests(utcnow() + timedelta(days=1)) == 1
    body = outbox.last_body()
    assert "Van na de toestemming" in body and "Van voor de toestemming" not in body


def test_digest_subject_in_the_users_language(ctx, outbox):
    from tests.accounts.helpers import tr

    en = consenting(locale="en", frequency="daily")
    notify_one(en)
    services.send_digests(utcnow() + timedelta(days=1))
    [mail] = outbox.messages()
    assert mail["Subject"] == "Participatie Utrecht: 1 new message"
    assert "Hello " in mail.get_body(("plain",)).get_content()
    assert tr("Participatie Utrecht: %(num)d new message", "en", num=1) == mail["Subject"]


def test_digest_moment_is_eight_in_the_morning_in_amsterdam(app, ctx):
    from datetime import datetime

    # Winter: 08:00 in Amsterdam is 07:00 UTC; summer: 06:00 UTC.
    assert services.digest_moment(datetime(2026, 1, 15, 7, 30)) == datetime(2026, 1, 15, 7, 0)
    assert services.digest_moment(datetime(2026, 1, 15, 6, 59)) == datetime(2026, 1, 14, 7, 0)
    assert services.digest_moment(datetime(2026, 7, 15, 12, 0)) == datetime(2026, 7, 15, 6, 0)


def test_a_mail_failure_does_not_undo_the_work(ctx, app, caplog, monkeypatch):
    from participatie.ops.mail import outbox as mail
    from tests.notifications.conftest import free_port

    monkeypatch.setattr(mail.log, "disabled", False)  # alembic's fileConfig (migration tests) disables loggers

    user = consenting()
    old = app.config["MAIL_SERVER"], app.config["MAIL_PORT"]
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nobody listens there
    try:
        notify_one(user)
    finally:
        app.config["MAIL_SERVER"], app.config["MAIL_PORT"] = old
    assert len(notifications_of(user)) == 1
    assert "not sent (attempt 1), trying again later" in caplog.text
