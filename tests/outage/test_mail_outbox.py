"""Mail with SMTP or Redis gone: forms still work, nothing is lost, the outbox sends it later."""

import logging
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from tests.conftest import login
from tests.factories import PASSWORD, make_user
from tests.notifications.conftest import SUBJECT_NL, consenting, notify_one

TRY_AGAIN = "We konden de mail nu niet versturen; we proberen het opnieuw."


def _register(client, email="fatima@example.org"):
    return client.post("/account/register", data={
        "display_name": "Fatima", "email": email, "password": "een lang wachtwoord",
        "password_again": "een lang wachtwoord"})


def _tick(minutes=0):
    from participatie.ops.jobs import run_tick

    return run_tick(now=utcnow() + timedelta(minutes=minutes), echo=lambda _line: None)


def _outbox_rows():
    from participatie.ops.mail.models import OutboxMessage

    return db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def test_registration_with_smtp_down_succeeds_and_the_mail_follows(client, smtp_server):
    response = _register(client)
    assert response.status_code == 303 and response.headers["Location"].endswith("/account/check-mail")
    page = client.get("/account/check-mail").get_data(as_text=True)
    assert TRY_AGAIN in page
    assert db.session.scalar(select(func.count(User.id))) == 1
    [row] = _outbox_rows()
    assert (row.status, row.attempts, row.to) == ("pending", 1, "fatima@example.org")

    smtp_server.up()
    assert _tick(minutes=1)["mail"] == 1
    [message] = smtp_server.to("fatima@example.org")
    assert "/account/confirm/" in message.get_body(("plain",)).get_content()
    db.session.expire_all()
    assert [r.status for r in _outbox_rows()] == ["sent"]


def test_the_person_can_ask_again_for_the_confirmation_mail(client, smtp_server):
    """Registration does not log in; "ask again" is the login link, which also confirms."""
    _register(client)
    assert TRY_AGAIN in client.get("/account/check-mail").get_data(as_text=True)
    smtp_server.up()
    response = client.post("/account/login-link", data={"email": "fatima@example.org"})
    assert response.status_code == 200 and TRY_AGAIN not in response.get_data(as_text=True)
    assert len(smtp_server.to("fatima@example.org")) == 1


def test_registering_a_known_address_with_smtp_down_answers_the_same(client, smtp_server):
    make_user(email="fatima@example.org")
    response = _register(client)
    assert response.status_code == 303 and response.headers["Location"].endswith("/account/check-mail")
    assert TRY_AGAIN in client.get("/account/check-mail").get_data(as_text=True)
    smtp_server.up()
    _tick(minutes=1)
    [message] = smtp_server.to("fatima@example.org")
    assert "/account/login" in message.get_body(("plain",)).get_content()


def test_login_link_with_smtp_down_says_so_and_is_sent_later(client, smtp_server):
    user = make_user()
    response = client.post("/account/login-link", data={"email": user.email})
    assert response.status_code == 200
    assert TRY_AGAIN in response.get_data(as_text=True)
    smtp_server.up()
    _tick(minutes=1)
    [message] = smtp_server.to(user.email)
    assert "/account/login/" in message.get_body(("plain",)).get_content()


def test_notification_with_smtp_down_and_no_redis_is_not_lost(ctx, smtp_server):
    user = consenting()
    notify_one(user)
    assert smtp_server.to(user.email) == []
    smtp_server.up()
    assert _tick(minutes=1)["mail"] == 1
    [message] = smtp_server.to(user.email)
    assert message["Subject"] == SUBJECT_NL


def test_mail_is_stored_in_the_transaction_of_its_cause(ctx, outbox):
    user = consenting()
    notify_one(user, commit=False)
    db.session.rollback()
    db.session.commit()
    assert _outbox_rows() == [] and outbox.messages() == []


def test_gives_up_after_max_attempts_and_an_admin_can_retry(app, client, smtp_server, outbox):
    app.config["MAIL_MAX_ATTEMPTS"] = 2
    try:
        user = make_user()
        client.post("/account/login-link", data={"email": user.email})  # attempt 1
        _tick(minutes=60)  # attempt 2: gives up
        db.session.expire_all()
        [row] = _outbox_rows()
        assert (row.status, row.attempts) == ("failed", 2)
        assert "ConnectionRefusedError" in row.last_error
        assert _tick(minutes=600)["mail"] == 0  # failed mail waits for a person

        admin = make_user(Role.ADMIN)
        login(client, admin)
        page = client.get("/admin/mail")
        assert page.status_code == 200 and "no-store" in page.headers["Cache-Control"]
        assert user.email in page.get_data(as_text=True)
        smtp_server.up()
        response = client.post(f"/admin/mail/{row.id}/retry")
        assert response.status_code == 303
        assert len(smtp_server.to(user.email)) == 1
        db.session.expire_all()
        assert [r.status for r in _outbox_rows()] == ["sent"]
    finally:
        app.config["MAIL_MAX_ATTEMPTS"] = 6


def test_mail_admin_page_is_for_admins_only(client):
    resident = make_user()
    login(client, resident)
    assert client.get("/admin/mail").status_code == 403
    assert client.post("/admin/mail/1/retry").status_code == 403


def test_redis_gone_mail_still_goes_out_and_the_failure_is_logged_once(app, ctx, redis_process, outbox, caplog,
                                                                        monkeypatch):
    from participatie.ops.mail import outbox as sender

    monkeypatch.setattr(sender.log, "disabled", False)  # alembic's fileConfig (migration tests) disables loggers
    monkeypatch.setattr(sender, "_redis_down", False)
    app.config["REDIS_URL"] = redis_process.url
    try:
        redis_process.down()
        user = consenting()
        with caplog.at_level(logging.WARNING, logger="participatie.ops.mail.outbox"):
            notify_one(user)
            notify_one(user)
        assert [m["To"] for m in outbox.messages()] == [user.email, user.email]
        assert len([r for r in caplog.records if "Redis" in r.getMessage()]) == 1
        assert [r.status for r in _outbox_rows()] == ["sent", "sent"]
    finally:
        app.config["REDIS_URL"] = None


def test_with_redis_up_the_worker_delivers_from_the_outbox(app, ctx, redis_process, smtp_server, monkeypatch):
    from redis import Redis
    from rq import Queue

    monkeypatch.setenv("MAIL_SERVER", "127.0.0.1")  # the job builds its own app, as a worker does
    monkeypatch.setenv("MAIL_PORT", str(smtp_server.port))
    monkeypatch.setenv("DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("FLASK_RATELIMIT_ENABLED", "false")  # the limiter is one object: the job's app must not switch it on
    app.config["REDIS_URL"] = redis_process.url
    try:
        smtp_server.up()
        user = consenting()
        notify_one(user)
        queue = Queue("mail", connection=Redis.from_url(redis_process.url))
        assert queue.count == 1 and smtp_server.to(user.email) == []
        [job] = queue.get_jobs()
        assert job.func_name == "participatie.ops.mail.outbox.deliver_job"
        assert job.perform() is True  # what the worker runs (a worker's pub/sub teardown is slow)
        assert len(smtp_server.to(user.email)) == 1
        assert [r.status for r in _outbox_rows()] == ["sent"]
    finally:
        app.config["REDIS_URL"] = None
