"""Delivery through a real SMTP server (aiosmtpd) and through RQ on this machine's Redis."""

import uuid

import pytest
from redis import Redis
from rq import Queue, SimpleWorker

from participatie.extensions import db
from participatie.ops.mail import send_mail
from tests.notifications.conftest import SUBJECT_NL, consenting, notify_one

REDIS_URL = "redis://127.0.0.1:6379/0"


def test_notification_mail_arrives_over_smtp(ctx, smtp, outbox):
    user = consenting()
    notify_one(user, link="/ideas/7#tijdlijn")
    [message] = smtp.to(user.email)
    assert message["Subject"] == SUBJECT_NL
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("http://localhost/account/notifications/unsubscribe/")
    body = message.get_body(("plain",)).get_content()
    assert unsubscribe in body and "http://localhost/ideas/7#tijdlijn" in body
    assert outbox.messages() == []  # SMTP, not the development outbox


def test_transactional_mail_is_still_sent_at_once(ctx, smtp):
    send_mail("iemand@example.org", "Bevestig je adres", "Klik hier")
    assert [m["Subject"] for m in smtp.to("iemand@example.org")] == ["Bevestig je adres"]


@pytest.fixture
def rq_queue(app):
    """A queue of its own on the local Redis; REDIS_URL set on the app while the test runs."""
    connection = Redis.from_url(REDIS_URL)
    name = f"mail-test-{uuid.uuid4().hex[:8]}"
    queue = Queue(name, connection=connection)
    old = {key: app.config.get(key) for key in ("REDIS_URL", "MAIL_QUEUE")}
    app.config.update(REDIS_URL=REDIS_URL, MAIL_QUEUE=name)
    try:
        yield queue
    finally:
        app.config.update(old)
        _forget(queue)
        connection.close()


def _forget(queue) -> None:
    """Remove only this test's keys: the queue, its registries, its jobs and their results."""
    connection = queue.connection
    job_ids = set(queue.job_ids) | set(queue.finished_job_registry.get_job_ids())
    queue.delete(delete_jobs=True)
    for job_id in job_ids:
        connection.delete(f"rq:job:{job_id}", f"rq:results:{job_id}")
    for key in connection.scan_iter(f"*{queue.name}*"):
        connection.delete(key)


def test_with_redis_mail_goes_through_the_rq_queue(app, ctx, rq_queue, smtp, monkeypatch):
    # The job builds its own app (as a worker does): point that app at the test SMTP server
    # and at the test database, where the outbox row waits.
    monkeypatch.setenv("DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("FLASK_RATELIMIT_ENABLED", "false")  # the limiter is one object: the job's app must not switch it on
    monkeypatch.setenv("MAIL_SERVER", "127.0.0.1")
    monkeypatch.setenv("MAIL_PORT", str(smtp.port))
    user = consenting()
    notify_one(user, commit=False)
    assert rq_queue.count == 0  # not before the commit
    db.session.commit()
    assert rq_queue.count == 1 and smtp.messages == []
    [job] = rq_queue.get_jobs()
    assert job.func_name == "participatie.ops.mail.outbox.deliver_job"  # retries: the outbox's own

    SimpleWorker([rq_queue], connection=rq_queue.connection).work(burst=True)

    [message] = smtp.to(user.email)
    assert message["Subject"] == SUBJECT_NL
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert rq_queue.count == 0


def test_with_redis_a_rollback_enqueues_nothing(ctx, rq_queue):
    notify_one(consenting(), commit=False)
    db.session.rollback()
    db.session.commit()
    assert rq_queue.count == 0


def test_the_mail_says_why_it_came_with_or_without_an_idea(ctx, smtp):
    """"Because you follow this idea" only when there is an idea; a makelaar's tip is no idea."""
    from tests.factories import make_idea

    follower, makelaar = consenting(), consenting()
    notify_one(follower, idea=make_idea())
    notify_one(makelaar, link="/makelaar")
    [about_idea] = smtp.to(follower.email)
    [not_about_idea] = smtp.to(makelaar.email)
    assert "omdat je dit idee volgt" in about_idea.get_body(("plain",)).get_content()
    other = not_about_idea.get_body(("plain",)).get_content()
    assert "omdat je dit idee volgt" not in other and "omdat je je berichten ook per e-mail wilt krijgen" in other
