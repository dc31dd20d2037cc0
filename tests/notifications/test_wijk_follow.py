"""Following a wijk: new ideas, public answers and done ideas there, with the same consent and digest choice."""

from datetime import timedelta

from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas import services as ideas
from participatie.notifications import services, wijken
from participatie.ops.mail.models import OutboxMessage
from participatie.responses import services as responses
from tests.factories import make_idea, make_user
from tests.notifications.conftest import consenting
from tests.responses.helpers import notified, page, person, sign_in


def mails_to(user) -> list[OutboxMessage]:
    return db.session.scalars(select(OutboxMessage).where(OutboxMessage.to == user.email)).all()


def test_the_follow_button_on_the_wijk_page(client, ctx):
    resident = person(Role.RESIDENT)
    assert "Log in om deze wijk te volgen" in page(client.get("/wijken/west"))
    anonymous = client.post("/wijken/west/volgen")
    assert anonymous.status_code == 302 and "/account/login" in anonymous.headers["Location"]
    sign_in(client, resident)
    assert "Volg deze wijk" in page(client.get("/wijken/west"))
    assert client.post("/wijken/west/volgen").status_code == 303
    assert wijken.is_following_wijk(resident, wijk_by_slug("west"))
    assert "Je volgt deze wijk" in page(client.get("/wijken/west"))
    partial = client.post("/wijken/west/volgen", headers={"HX-Request": "true"})
    assert partial.status_code == 200 and 'id="follow-wijk-' in page(partial) and "Volg deze wijk" in page(partial)
    assert not wijken.is_following_wijk(resident, wijk_by_slug("west"))
    assert client.post("/wijken/nergens/volgen").status_code == 404


def test_new_ideas_answers_and_done_ideas_reach_wijk_followers(ctx):
    follower = make_user()
    wijken.follow_wijk(follower, wijk_by_slug("west"))
    idea = make_idea(title="Bloembakken op de brug", wijk_slug="west")
    make_idea(title="Een bank in Zuid", wijk_slug="zuid")
    [new] = notified(follower, "wijk_new_idea")
    assert new.idea_id == idea.id and "Bloembakken op de brug" in new.subject and "West" in new.subject
    ruud = person(Role.AMBASSADOR)
    responses.claim(ruud, idea, "Hallo, ik ben Ruud.")
    responses.post_answer(ruud, idea, "Dat kan. We helpen met de bakken.", confirm_difficult=True)
    [answer] = notified(follower, "wijk_answer")
    assert answer.body == "Dat kan. We helpen met de bakken."
    responses.record_voorgesprek(ruud, idea, department="Groen", held_on=idea.created_at.date())
    responses.change_status(ruud, idea, "decided", "Goed nieuws.", outcome="city_does_it", next_step="Bakken neerzetten",
                            next_date=idea.created_at.date() + timedelta(days=20))
    responses.change_status(ruud, idea, "done", "De bakken staan er.")
    assert notified(follower, "wijk_done")
    assert len(notified(follower)) == 3, "nothing about the idea in Zuid, nothing about claims or talks"


def test_who_follows_the_idea_too_hears_the_answer_once(ctx):
    follower = make_user()
    wijken.follow_wijk(follower, wijk_by_slug("west"))
    idea = make_idea(wijk_slug="west")
    ideas.follow(follower, idea)
    ruud = person(Role.AMBASSADOR)
    responses.claim(ruud, idea, "Hallo, ik ben Ruud.")
    responses.post_answer(ruud, idea, "Dat kan.", confirm_difficult=True)
    answers = [n for n in notified(follower) if n.kind in ("answer", "wijk_answer")]
    assert len(answers) == 1


def test_no_mail_without_consent(ctx):
    silent = make_user()
    wijken.follow_wijk(silent, wijk_by_slug("west"))
    make_idea(wijk_slug="west")
    assert notified(silent, "wijk_new_idea") and mails_to(silent) == []


def test_mail_right_away_with_consent(ctx):
    reader = consenting()
    wijken.follow_wijk(reader, wijk_by_slug("west"))
    make_idea(title="Bloembakken op de brug", wijk_slug="west")
    [mail] = mails_to(reader)
    assert "Bloembakken op de brug" in mail.subject
    assert "omdat je deze wijk volgt" in mail.body and "List-Unsubscribe" in mail.headers


def test_daily_digest_collects_wijk_news(ctx):
    reader = consenting(frequency="daily")
    reader.consent_notifications_at = utcnow() - timedelta(days=3)
    db.session.commit()
    wijken.follow_wijk(reader, wijk_by_slug("west"))
    idea = make_idea(title="Bloembakken op de brug", wijk_slug="west")
    assert mails_to(reader) == [], "daily: nothing right away"
    for note in notified(reader):
        note.created_at = utcnow() - timedelta(days=1)
    db.session.commit()
    assert services.send_digests(utcnow()) == 1
    [digest] = mails_to(reader)
    assert idea.title in digest.body


def test_unfollowing_stops_the_news_and_account_deletion_forgets_follows(ctx):
    reader = make_user()
    west = wijk_by_slug("west")
    wijken.follow_wijk(reader, west)
    wijken.follow_wijk(reader, west)  # twice is harmless
    wijken.unfollow_wijk(reader, west)
    make_idea(wijk_slug="west")
    assert notified(reader) == []
    wijken.follow_wijk(reader, west)
    services.forget_deleted_account(reader)
    db.session.commit()
    assert not wijken.is_following_wijk(reader, west)


def test_an_idea_posted_without_a_request_still_reaches_wijk_followers(app, database):
    """Jobs, imports and the CLI post ideas with only an app context (failed before: url_for needed a request)."""
    follower = make_user()
    wijken.follow_wijk(follower, wijk_by_slug("west"))
    idea = make_idea(title="Posted by a job", wijk_slug="west")
    [note] = notified(follower, "wijk_new_idea")
    assert note.link == f"/ideas/{idea.id}#tijdlijn"
