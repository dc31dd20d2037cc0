"""After 'done': "Is dit voor je opgelost?", and three weeks after closing: "Hoe gaat het nu?"."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.clock import add_working_days
from participatie.web.errors import NotAllowed
from participatie.extensions import db
from participatie.ideas.models import EventKind
from participatie.ideas.status import IdeaStatus
from participatie.responses import services
from participatie.responses.followups import answer_followup, ask_how_it_goes, close_unanswered
from participatie.responses.models import FollowUp, FollowUpKind
from tests.responses.helpers import claimed_idea, events, fresh, notified, person, tr

S = IdeaStatus
DONE_AT = datetime(2026, 4, 23, 11, 0)  # a Thursday: the ten working days cross King's Day


def finish(holder, author, now=DONE_AT):
    """Claimed, decided ('samen doen') and done at `now`."""
    idea = claimed_idea(holder, author=author)
    services.change_status(holder, idea, "decided", "Besloten.", outcome="together",
                           next_step="Samen planten", next_date=date(2026, 5, 1))
    services.change_status(holder, idea, "done", "De plantenbakken staan er.", now=now)
    return fresh(idea)


def solved_question(idea) -> FollowUp:
    [followup] = db.session.scalars(select(FollowUp).where(
        FollowUp.idea_id == idea.id, FollowUp.kind == FollowUpKind.SOLVED, FollowUp.answered_at.is_(None),
        FollowUp.expired_at.is_(None))).all()
    return followup


def test_done_asks_the_initiator_if_it_is_solved(ctx, app):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    followup = solved_question(idea)
    assert followup.user_id == author.id and followup.asked_at == DONE_AT
    days = app.config["FOLLOWUP_REPLY_WORKING_DAYS"]
    assert days == 10
    assert followup.due_at == add_working_days(DONE_AT, 10) == datetime(2026, 5, 8, 11, 0)
    [note] = notified(author, "followup_solved")
    assert note.idea_id == idea.id and f"/followups/{followup.id}" in note.link
    assert not notified(holder, "followup_solved")


def test_yes_closes_the_idea(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    moment = DONE_AT + timedelta(days=2)
    answer_followup(author, solved_question(idea), True, "Super, dank jullie wel!", now=moment)
    idea = fresh(idea)
    assert idea.status == S.CLOSED and idea.closed_at == moment and idea.update_due_at is None
    [event] = events(idea, EventKind.FOLLOWUP_ANSWER)
    assert (event.old_status, event.new_status, event.actor_id) == ("done", "closed", author.id)
    assert tr("The initiator says: this is solved.") in event.public_text
    assert "Super, dank jullie wel!" in event.public_text


def test_no_reopens_the_idea_with_the_resident_s_words(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    answer_followup(author, solved_question(idea), False, "Er staat maar één bak, de rest ontbreekt.")
    idea = fresh(idea)
    assert idea.status == S.IN_PROGRESS and idea.closed_at is None
    assert idea.update_due_at is not None and idea.ambassador_id == holder.id
    [event] = events(idea, EventKind.FOLLOWUP_ANSWER)
    assert (event.old_status, event.new_status) == ("done", "in_progress")
    assert tr("The initiator says: this is not solved yet.") in event.public_text
    assert "Er staat maar één bak, de rest ontbreekt." in event.public_text
    assert len(notified(holder, "followup_answer")) == 1


@pytest.mark.parametrize(("first", "second", "status"), [
    (False, True, S.IN_PROGRESS), (True, False, S.CLOSED), (False, False, S.IN_PROGRESS)])
def test_answering_twice_does_not_flip_it_again(ctx, first, second, status):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    followup = solved_question(idea)
    answer_followup(author, followup, first)
    answer_followup(author, db.session.get(FollowUp, followup.id), second)
    assert fresh(idea).status == status
    assert len(events(idea, EventKind.FOLLOWUP_ANSWER)) == 1
    assert len(notified(holder, "followup_answer")) == (0 if first else 1)


def test_only_the_initiator_answers(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    for stranger in (person(), holder, None):
        with pytest.raises(NotAllowed):
            answer_followup(stranger, solved_question(idea), True)
    assert fresh(idea).status == S.DONE


def test_no_reply_in_time_closes_with_a_note(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    due = solved_question(idea).due_at
    assert close_unanswered(due - timedelta(minutes=1)) == 0
    assert fresh(idea).status == S.DONE
    assert close_unanswered(due) == 1
    idea = fresh(idea)
    assert idea.status == S.CLOSED and idea.closed_at == due
    [event] = events(idea, EventKind.CLOSED_NO_REPLY)
    assert (event.old_status, event.new_status, event.actor_id) == ("done", "closed", None)
    assert event.public_text == tr(
        "We did not hear back from the initiator, so we close this idea. "
        "Not solved after all? Let us know and we will look again.")
    assert close_unanswered(due + timedelta(days=5)) == 0
    assert len(events(idea, EventKind.CLOSED_NO_REPLY)) == 1


def test_an_answered_question_is_not_closed_by_the_clock(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    followup = solved_question(idea)
    answer_followup(author, followup, False)
    assert close_unanswered(followup.due_at + timedelta(days=1)) == 0
    assert fresh(idea).status == S.IN_PROGRESS
    assert not events(idea, EventKind.CLOSED_NO_REPLY)


def test_reopened_and_done_again_asks_again(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    answer_followup(author, solved_question(idea), False, "Nog niet klaar.")
    services.change_status(holder, fresh(idea), "decided", "Opnieuw besloten.", outcome="city_does_it",
                           next_step="Tweede bak", next_date=date(2026, 6, 1))
    services.change_status(holder, fresh(idea), "done", "Nu staan alle bakken er.",
                           now=DONE_AT + timedelta(days=30))
    second = solved_question(idea)
    assert second.asked_at == DONE_AT + timedelta(days=30)
    answer_followup(author, second, True)
    assert fresh(idea).status == S.CLOSED


def closed_idea(holder, author, closed_at):
    idea = finish(holder, author)
    answer_followup(author, solved_question(idea), True, now=closed_at)
    return fresh(idea)


def how_now_questions(idea):
    return db.session.scalars(select(FollowUp).where(
        FollowUp.idea_id == idea.id, FollowUp.kind == FollowUpKind.HOW_NOW)).all()


def test_three_weeks_after_closing_we_ask_how_it_goes_once(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    closed_at = DONE_AT + timedelta(days=3)
    idea = closed_idea(holder, author, closed_at)
    assert ask_how_it_goes(closed_at + timedelta(days=20)) == 0
    assert not how_now_questions(idea)
    assert ask_how_it_goes(closed_at + timedelta(days=21)) == 1
    assert ask_how_it_goes(closed_at + timedelta(days=22)) == 0
    assert ask_how_it_goes(closed_at + timedelta(days=60)) == 0
    [followup] = how_now_questions(idea)
    assert followup.user_id == author.id and followup.due_at is None
    assert len(notified(author, "followup_how_now")) == 1


def test_the_answer_to_how_now_goes_on_the_timeline(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    closed_at = DONE_AT + timedelta(days=3)
    idea = closed_idea(holder, author, closed_at)
    ask_how_it_goes(closed_at + timedelta(days=21))
    [followup] = how_now_questions(idea)
    answer_followup(author, followup, True, "De buren gieten om de beurt.")
    idea = fresh(idea)
    assert idea.status == S.CLOSED
    last = events(idea, EventKind.FOLLOWUP_ANSWER)[-1]
    assert tr("Three weeks later, the initiator says: it is going well.") in last.public_text
    assert "De buren gieten om de beurt." in last.public_text
    assert len(notified(holder, "followup_answer")) == 1
    answer_followup(author, db.session.get(FollowUp, followup.id), False, "Toch niet.")
    assert len(events(idea, EventKind.FOLLOWUP_ANSWER)) == 2  # the 'yes' of 'opgelost?' and this one


def test_ideas_closed_by_the_clock_are_asked_too(ctx):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    due = solved_question(idea).due_at
    close_unanswered(due)
    assert ask_how_it_goes(due + timedelta(days=21)) == 1
    assert len(how_now_questions(idea)) == 1


def test_a_late_no_after_the_automatic_close_still_reaches_the_ambassador(ctx):
    """The closing note says "Not solved after all? Let us know": a 'no' after it must not vanish."""
    holder, author = person(Role.AMBASSADOR), person()
    idea = finish(holder, author)
    followup = solved_question(idea)
    close_unanswered(followup.due_at)
    answer_followup(author, db.session.get(FollowUp, followup.id), False, "Het is helemaal niet opgelost!",
                    now=followup.due_at + timedelta(days=1))
    assert len(notified(holder, "followup_answer")) == 1
    assert "Het is helemaal niet opgelost!" in events(idea)[-1].public_text
