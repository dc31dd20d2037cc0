"""The calendar file (summer and winter time), times in words, and the tick steps."""

from datetime import date, datetime, time, timedelta

import pytest
from flask_babel import force_locale

from participatie.conversations import ics, links, services
from participatie.conversations.jobs import ask_for_feedback, remind_day_before
from participatie.conversations.timefmt import to_utc, when_in_words
from participatie.ideas import services as idea_services
from participatie.ops.jobs import TICK_STEPS
from tests.conversations.helpers import ambassador, conversation_input, plannable, planned
from tests.responses.helpers import fresh, notified, person


def _ics_for(web, day: date) -> str:
    """A conversation on `day`, 19.30-21.00 Amsterdam time, planned long before (time travel)."""
    amb = ambassador()
    conversation = services.create_conversation(amb, conversation_input([plannable(amb)], day=day),
                                                now=datetime(2026, 1, 1))
    response = web.get(f"/conversations/{conversation.id}.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    return conversation, response.get_data(as_text=True)


@pytest.mark.parametrize("day,utc_hour", [(date(2027, 3, 23), 18), (date(2027, 4, 6), 17)])
def test_ics_is_right_before_and_after_the_clock_change(web, day, utc_hour):
    conversation, text = _ics_for(web, day)
    assert conversation.starts_at == datetime(day.year, day.month, day.day, utc_hour, 30)  # stored as UTC
    stamp = day.strftime("%Y%m%d")
    assert f"DTSTART;TZID=Europe/Amsterdam:{stamp}T193000\r\n" in text
    assert f"DTEND;TZID=Europe/Amsterdam:{stamp}T210000\r\n" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam" in text and "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" in text
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert f"UID:conversation-{conversation.id}@localhost" in text


def test_ics_escapes_user_text_and_folds_long_lines():
    assert ics.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    line = "SUMMARY:" + "é" * 80
    folded = ics.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_ics_cannot_inject_properties(web):
    amb = ambassador()
    conversation = services.create_conversation(
        amb, conversation_input([plannable(amb)], title="Gesprek\r\nATTENDEE:mailto:x@example.org;x,y",
                                venue="Zaal\nEND:VEVENT"), now=datetime(2026, 1, 1))
    text = web.get(f"/conversations/{conversation.id}.ics").get_data(as_text=True)
    assert "\r\nATTENDEE" not in text and "\nEND:VEVENT\nEND:VEVENT" not in text
    assert "SUMMARY:Gesprek\\nATTENDEE:mailto:x@example.org\\;x\\,y" in text.replace("\r\n ", "")
    assert text.count("\r\nEND:VEVENT\r\n") == 1 and "LOCATION:Zaal\\nEND:VEVENT\r\n" in text


def test_times_in_words(ctx):
    start, end = to_utc(date(2026, 12, 8), time(19, 30)), to_utc(date(2026, 12, 8), time(21, 0))
    with force_locale("nl"):
        words = when_in_words(start, end)
    assert words.startswith("dinsdag 8 december") and "19.30 – 21.00" in words
    with force_locale("en"):
        assert "Tuesday" in when_in_words(start, end)


def test_reminder_the_day_before_once_and_with_consent(ctx, outbox):
    conversation = planned()
    consenting = person()
    consenting.consent_notifications_at = datetime(2026, 1, 1)
    silent = person()
    waiting_guest = services.rsvp_guest(conversation, "Gast", "gast@example.org")
    services.confirm_guest(links.confirm_link(waiting_guest).rsplit("/", 1)[1])
    services.rsvp_member(consenting, conversation)
    services.rsvp_member(silent, conversation)
    assert remind_day_before(conversation.starts_at - timedelta(days=2)) == 0
    before = len(outbox.messages())
    moment = conversation.starts_at - timedelta(hours=20)
    assert remind_day_before(moment) == 3
    assert remind_day_before(moment + timedelta(minutes=1)) == 0  # idempotent
    assert notified(consenting, "conversation_reminder") and notified(silent, "conversation_reminder")
    recipients = sorted(m["To"] for m in outbox.messages()[before:])
    assert recipients == sorted(["gast@example.org", consenting.email])  # no mail without consent


def test_feedback_is_asked_once_after_the_report(ctx, outbox):
    organiser = ambassador()
    idea = plannable(organiser)
    follower = person()
    idea_services.follow(follower, idea)
    conversation = planned(organiser, [idea])
    guest = services.rsvp_guest(conversation, "Gast", "gast@example.org")
    services.confirm_guest(links.confirm_link(guest).rsplit("/", 1)[1])
    now = conversation.starts_at + timedelta(hours=3)
    assert ask_for_feedback(now) == 0
    services.write_report(organiser, conversation, "Verslag.", now=now)
    assert ask_for_feedback(now) == 1
    assert ask_for_feedback(now) == 0
    assert notified(follower, "conversation_feedback") and notified(idea.author, "conversation_feedback")
    assert any(m["To"] == "gast@example.org" for m in outbox.messages())
    assert fresh(conversation).feedback_asked_at is not None


def test_steps_are_in_the_tick():
    names = [name for name, _ in TICK_STEPS]
    assert "conversation_reminders" in names and "conversation_feedback" in names


def test_the_downloaded_ics_speaks_the_interface_language(web):
    """Downloaded, the calendar file follows the reader's interface language and says which it is."""
    with web.session_transaction() as session:
        session["locale"] = "tr"
    _conversation, text = _ics_for(web, date(2027, 3, 23))
    unfolded = text.replace("\r\n ", "")
    assert "DESCRIPTION;LANGUAGE=tr:" in unfolded and "Salı" in unfolded and "Mart" in unfolded
    with web.session_transaction() as session:
        session["locale"] = "nl"
    _conversation, text = _ics_for(web, date(2027, 3, 23))
    assert "DESCRIPTION;LANGUAGE=nl:dinsdag 23 maart" in text.replace("\r\n ", "")
