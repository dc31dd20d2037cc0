"""Issue 12, items 3, 9 and 15: the app's own today, "Hoe gaat het nu?" in words, and the archive step."""

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from participatie import clock
from participatie.responses.followups import followup_mail_body
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.ideas.status import EventKind, IdeaStatus
from participatie.responses.followups import answer_followup, ask_how_it_goes
from participatie.responses.jobs import archive_unsupported
from participatie.responses.models import FollowUp, FollowUpKind
from participatie.socialmap import offline
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from participatie.web.errors import DomainValidationError, InvalidTransition
from tests.factories import make_idea, make_user
from tests.responses.helpers import events, fresh, notified, page, person, sign_in, tr
from tests.responses.test_followups import DONE_AT, closed_idea

S = IdeaStatus


@pytest.fixture
def web(app, database, client):
    with app.test_request_context():
        yield client


# --- item 3: every "today" is the app clock's day in Europe/Amsterdam --------------------------

def test_today_is_the_amsterdam_day_of_the_app_clock():
    assert clock.today_local(datetime(2026, 3, 1, 23, 30)) == datetime(2026, 3, 2).date()  # UTC+1
    assert clock.today_local(datetime(2026, 7, 1, 22, 30)) == datetime(2026, 7, 2).date()  # UTC+2
    assert clock.today_local(datetime(2026, 7, 1, 21, 30)) == datetime(2026, 7, 1).date()


def test_paper_supports_of_the_apps_today_are_not_in_the_future(web, monkeypatch):
    """With the clock moved (time travel, or just after midnight in Amsterdam on a UTC server),
    the app's own today is accepted."""
    monkeypatch.setenv(clock.TIME_TRAVEL_ENV, "2")
    makelaar = person(Role.MAKELAAR, wijken=("west",))
    idea = make_idea()
    offline.add_paper_support(makelaar, idea, count=4, collected_where="Markt", collected_on=clock.today_local())
    assert fresh(idea).paper_support_count == 4
    with pytest.raises(DomainValidationError):
        offline.add_paper_support(makelaar, idea, count=4, collected_where="Markt",
                                  collected_on=clock.today_local() + timedelta(days=1))


def test_no_machine_date_is_read_for_today():
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "participatie"
    machine = re.compile(r"\bdate\.today\(\)|\bdatetime\.now\(\)|\bdatetime\.today\(\)|\.utcnow\(\)")
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py")
                 if "migrations" not in p.parts and machine.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


# --- item 9: "Hoe gaat het nu?" gets words -----------------------------------------------------

def _how_now(author):
    holder = person(Role.AMBASSADOR)
    closed_at = DONE_AT + timedelta(days=3)
    idea = closed_idea(holder, author, closed_at)
    ask_how_it_goes(closed_at + timedelta(days=21))
    [followup] = db.session.scalars(select(FollowUp).where(
        FollowUp.idea_id == idea.id, FollowUp.kind == FollowUpKind.HOW_NOW)).all()
    return idea, followup


def test_how_now_takes_a_few_words_without_yes_or_no(web):
    author = person()
    idea, followup = _how_now(author)
    sign_in(web, author)
    form = page(web.get(f"/followups/{followup.id}"))
    assert tr("A few words about how it is going") in form
    response = web.post(f"/followups/{followup.id}", data={"text": "De buren gieten om de beurt."})
    assert response.status_code == 303
    last = events(idea, EventKind.FOLLOWUP_ANSWER)[-1]
    assert last.public_text == tr("Three weeks later, the initiator says:") + "\nDe buren gieten om de beurt."
    assert "De buren gieten om de beurt." in page(web.get(f"/ideas/{idea.id}"))


def test_how_now_words_with_an_optional_yes(web):
    author = person()
    idea, followup = _how_now(author)
    sign_in(web, author)
    web.post(f"/followups/{followup.id}", data={"text": "Het gaat goed.", "answer": "yes"})
    assert events(idea, EventKind.FOLLOWUP_ANSWER)[-1].public_text.startswith(
        tr("Three weeks later, the initiator says: it is going well."))


def test_how_now_without_words_is_refused_next_to_the_field(web):
    author = person()
    idea, followup = _how_now(author)
    sign_in(web, author)
    response = web.post(f"/followups/{followup.id}", data={"answer": "yes"})
    assert response.status_code == 422 and tr("Write a few words.") in page(response)
    assert fresh(followup).answered_at is None
    with pytest.raises(DomainValidationError):
        answer_followup(author, fresh(followup), None, "  ")


def test_the_how_now_mail_links_to_the_words_not_to_yes_or_no(web):
    author = person()
    idea, followup = _how_now(author)
    [message] = notified(author, "followup_how_now")
    assert "/followup/" not in message.body  # the app shows a button; signed links are for e-mail
    mail = followup_mail_body(author, followup, idea)
    links = re.findall(r"http://\S+/followup/\S+", mail)
    assert len(links) == 1 and tr("Yes:") not in mail
    token_page = page(web.get(links[0].replace("http://localhost", "")))
    assert tr("A few words about how it is going") in token_page
    assert fresh(followup).answered_at is None  # opening the link answers nothing yet


# --- item 15: open -> archived through the workflow, in the tick ---------------------------------

def test_unsupported_ideas_are_archived_after_the_window_once_with_a_kind_message(web, app):
    days = app.config["ARCHIVE_AFTER_DAYS"]
    quiet, supported, joined = make_idea(title="Stil"), make_idea(title="Gesteund"), make_idea(title="Meedoen")
    set_support(make_user(), supported, SupportKind.STEUN, True)
    set_support(make_user(), joined, SupportKind.MEEDOEN, True, offer="Ik help.")
    start = fresh(quiet).created_at
    assert archive_unsupported(start + timedelta(days=days - 1)) == 0  # just inside the window
    assert fresh(quiet).status == S.OPEN
    assert archive_unsupported(start + timedelta(days=days, seconds=1)) == 1  # just past it
    assert archive_unsupported(start + timedelta(days=days, seconds=2)) == 0  # idempotent
    assert fresh(quiet).status == S.ARCHIVED
    assert fresh(supported).status == S.OPEN and fresh(joined).status == S.OPEN
    [event] = events(quiet, EventKind.ARCHIVED)
    assert (event.old_status, event.new_status) == (S.OPEN, S.ARCHIVED) and event.public_text
    [message] = notified(quiet.author, EventKind.ARCHIVED)
    assert message.link == f"/ideas/{quiet.id}" and tr("Bring my idea back") in message.body


def test_the_author_brings_an_archived_idea_back_for_a_new_window(web, app):
    days = app.config["ARCHIVE_AFTER_DAYS"]
    idea = make_idea()
    archive_unsupported(fresh(idea).created_at + timedelta(days=days + 1))
    with pytest.raises(Exception):
        ideas.revive(make_user(), fresh(idea))  # only the author
    sign_in(web, idea.author)
    assert tr("Bring my idea back") in page(web.get(f"/ideas/{idea.id}"))
    assert web.post(f"/ideas/{idea.id}/revive").status_code == 303
    idea = fresh(idea)
    assert idea.status == S.OPEN and events(idea, EventKind.REVIVED)
    revived_at = events(idea, EventKind.REVIVED)[-1].created_at
    assert archive_unsupported(revived_at + timedelta(days=days - 1)) == 0  # a new window
    assert archive_unsupported(revived_at + timedelta(days=days, seconds=1)) == 1


def test_the_archive_step_runs_in_the_tick(ctx):
    from participatie.ops.jobs import TICK_STEPS

    assert "archive" in {name for name, _step in TICK_STEPS}


def test_an_archived_idea_cannot_skip_back_to_work(ctx):
    from participatie.ideas import workflow

    idea = make_idea()
    archive_unsupported(fresh(idea).created_at + timedelta(days=400))
    with pytest.raises(InvalidTransition):
        workflow.move(fresh(idea), S.IN_PROGRESS, None, "Toch oppakken.")
