"""The monthly worklist reminder: once per makelaar per month, in the site always, by e-mail with consent."""

from datetime import datetime, timedelta

import pytest
from flask_babel import force_locale, ngettext

from participatie.ops import jobs
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.notifications.services import send_digests
from participatie.socialmap import services
from participatie.socialmap.jobs import month_of
from tests.notifications.conftest import smtp  # noqa: F401  (a real SMTP server on 127.0.0.1)
from tests.responses.helpers import notified, person, tr
from tests.socialmap.conftest import ZUID, make_entry, makelaar

STEP = "socialmap_worklist"


def tick(now) -> int:
    return jobs.run_tick(now, echo=lambda line: None)[STEP]


def with_consent(user, frequency="immediate"):
    user.consent_notifications_at = utcnow() - timedelta(days=30)
    user.email_frequency = frequency
    db.session.commit()
    return user


def stale(name, **place):
    entry = make_entry(name=name, **place)
    entry.verified_at = utcnow() - timedelta(days=200)
    db.session.commit()
    return entry


def subject_nl(count: int) -> str:
    with force_locale("nl"):
        return ngettext("%(num)d entry on the social map needs a check",
                        "%(num)d entries on the social map need a check", count)


@pytest.fixture
def now():
    return utcnow()


def test_a_makelaar_with_consent_gets_one_mail_a_month(ctx_db, smtp, now):  # noqa: F811
    broker = with_consent(makelaar("west", name="Sanne"))
    stale("Oude koffieochtend")
    stale("Oude breiclub")
    stale("Oud in Zuid", lat=ZUID[0], lng=ZUID[1])  # not her wijk
    make_entry(name="Net gecontroleerd")

    assert tick(now) == 1
    [mail] = smtp.to(broker.email)
    assert mail["Subject"] == subject_nl(2)
    body = mail.get_body(("plain",)).get_content()
    assert "http://localhost/makelaar#controleren" in body
    assert tr("Is it still right? Then one click on “%(button)s” on your worklist is enough.",
              button=tr("Still correct")) in body
    assert mail["List-Unsubscribe"]  # like every notification e-mail: one click to stop
    [note] = notified(broker, "socialmap_worklist")
    assert note.link == "/makelaar#controleren" and note.subject == subject_nl(2)

    assert tick(now + timedelta(minutes=1)) == 0  # the next tick, same month: nothing
    assert len(smtp.to(broker.email)) == 1 and len(notified(broker, "socialmap_worklist")) == 1
    assert send_digests(now + timedelta(days=1)) == 0

    assert tick(now + timedelta(days=32)) == 1  # next month: again
    assert len(smtp.to(broker.email)) == 2 and len(notified(broker, "socialmap_worklist")) == 2


def test_without_consent_only_the_message_in_the_site(ctx_db, smtp, now):  # noqa: F811
    broker = makelaar("west")
    stale("Oude koffieochtend")
    assert tick(now) == 1
    assert smtp.to(broker.email) == [] and len(notified(broker, "socialmap_worklist")) == 1


def test_a_digest_reader_gets_the_reminder_once(ctx_db, smtp, now):  # noqa: F811
    broker = with_consent(makelaar("west"), frequency="daily")
    stale("Oude koffieochtend")
    assert tick(now) == 1
    assert send_digests(now + timedelta(days=1)) == 0
    assert [m["Subject"] for m in smtp.to(broker.email)] == [subject_nl(1)]


def test_nothing_to_check_means_no_reminder(ctx_db, smtp, now):  # noqa: F811
    broker = with_consent(makelaar("west"))
    other = with_consent(makelaar("zuid"))
    admin = with_consent(person(Role.ADMIN))
    entry = stale("Oude koffieochtend")
    services.verify_entry(broker, entry, now=now)  # "klopt nog": one click
    assert tick(now) == 0
    assert all(notified(user, "socialmap_worklist") == [] for user in (broker, other, admin))
    assert smtp.messages == []


def test_an_entry_that_goes_stale_later_in_the_month_still_gets_its_reminder(ctx_db, smtp, now):  # noqa: F811
    makelaar("west")
    assert tick(now) == 0
    stale("Oude koffieochtend")
    assert tick(now + timedelta(hours=1)) == 1
    assert tick(now + timedelta(hours=2)) == 0


@pytest.mark.parametrize("utc, month", [
    (datetime(2026, 1, 31, 22, 59), "2026-01"),
    (datetime(2026, 1, 31, 23, 0), "2026-02"),  # midnight in Amsterdam (winter, UTC+1)
    (datetime(2026, 6, 30, 22, 0), "2026-07"),  # summer time, UTC+2
])
def test_the_month_is_the_month_in_amsterdam(utc, month):
    assert month_of(utc) == month
