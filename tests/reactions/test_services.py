"""Reactions: writing, replying, editing, deleting; the counter; limits for new accounts; notifications."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from participatie.accounts import services as accounts
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.moderation import services as moderation
from participatie.moderation.models import Report
from participatie.moderation.targets import load
from participatie.notifications import services as notifications
from participatie.notifications.models import Notification
from participatie.reactions import services
from participatie.reactions.models import Reaction
from participatie.responses import services as responses
from participatie.web.errors import DomainValidationError, NotAllowed
from tests.factories import make_idea
from tests.reactions.helpers import fresh, person, react, seasoned, tr


def test_a_reaction_counts_and_replies_go_one_level_deep(ctx):
    idea = make_idea()
    first = react(idea=idea)
    reply = react(parent=first, body="Ik ook, laten we samen bellen.")
    assert fresh(idea).reaction_count == 2
    assert reply.parent_id == first.id
    with pytest.raises(NotAllowed):
        react(parent=reply, body="Een antwoord op een antwoord.")
    thread = services.thread(idea)
    assert [r.id for r in thread.reactions] == [first.id]
    assert [r.id for r in thread.replies[first.id]] == [reply.id]


def test_newest_last_and_paginated_past_thirty(ctx, app, monkeypatch):
    monkeypatch.setitem(app.config, "REACTIONS_PER_HOUR", 1000)
    idea, writer = make_idea(), person()
    made = [react(writer, idea, f"Reactie nummer {i}", now=utcnow() + timedelta(seconds=i)) for i in range(35)]
    first, second = services.thread(idea, 1), services.thread(idea, 2)
    assert [r.id for r in first.reactions] == [r.id for r in made[:30]]
    assert [r.id for r in second.reactions] == [r.id for r in made[30:]]
    assert first.pages == 2 and services.last_page(idea) == 2


@pytest.mark.parametrize("body, message", [
    ("   ", "Write a reaction first."),
    ("x" * 1001, "Use at most %(limit)d characters."),
])
def test_empty_and_too_long_reactions_are_refused(ctx, body, message):
    with pytest.raises(DomainValidationError) as error:
        react(body=body)
    assert error.value.field == "body"


def test_only_confirmed_unblocked_accounts_react_on_visible_ideas(ctx):
    idea = make_idea()
    unconfirmed = accounts.create_user("nog@example.org", "Nog niet", verified=False)
    blocked = person()
    blocked.blocked_at = utcnow()
    db.session.commit()
    for user in (unconfirmed, blocked):
        with pytest.raises(NotAllowed):
            react(user, idea)
    idea.hidden = True
    db.session.commit()
    with pytest.raises(NotAllowed):
        react(person(), idea)


def test_ambassador_of_the_idea_and_makelaars_are_marked(ctx):
    idea = make_idea()
    ambassador = person(Role.AMBASSADOR)
    responses.claim(ambassador, idea, "Ik pak dit op en bel u deze week.")
    makelaar = person(Role.MAKELAAR, wijken=["west"])
    assert react(ambassador, idea).role_mark == "ambassador"
    assert react(makelaar, idea).role_mark == "makelaar"
    assert react(person(), idea).role_mark is None


def test_the_writer_edits_for_fifteen_minutes_only(ctx):
    writer = person()
    reaction = react(writer)
    services.edit(writer, reaction, "Beter gezegd: ik heb hetzelfde.", now=reaction.created_at + timedelta(minutes=14))
    assert fresh(reaction).body == "Beter gezegd: ik heb hetzelfde." and fresh(reaction).edited_at
    with pytest.raises(NotAllowed):
        services.edit(writer, reaction, "Te laat.", now=reaction.created_at + timedelta(minutes=16))
    with pytest.raises(NotAllowed):
        services.edit(person(), reaction, "Niet van mij.", now=reaction.created_at)


def test_deleting_keeps_the_place_and_the_replies(ctx):
    writer = person()
    reaction = react(writer)
    reply = react(parent=reaction)
    with pytest.raises(NotAllowed):
        services.delete(person(), reaction)
    services.delete(writer, reaction)
    gone = fresh(reaction)
    assert gone.is_deleted and gone.body == ""
    assert fresh(gone.idea).reaction_count == 1
    assert services.thread(gone.idea).replies[gone.id][0].id == reply.id


def test_new_accounts_may_place_two_links(ctx):
    body = "Kijk op https://a.example.org en www.b.example.org en https://c.example.org"
    with pytest.raises(DomainValidationError):
        react(person(), body=body)
    assert react(person(), body="Kijk op https://a.example.org en www.b.example.org").id
    assert react(seasoned(person()), body=body).id


def test_reactions_per_hour_are_limited(ctx, app, monkeypatch):
    monkeypatch.setitem(app.config, "REACTIONS_PER_HOUR", 3)
    writer, idea = person(), make_idea()
    for i in range(3):
        react(writer, idea, f"Reactie {i}")
    with pytest.raises(DomainValidationError):
        react(writer, idea, "De vierde binnen het uur.")
    assert react(writer, idea, "Een uur later mag het weer.", now=utcnow() + timedelta(minutes=61)).id


def test_premoderation_of_new_accounts_is_off_by_default_and_holds_when_on(ctx, app, monkeypatch):
    assert react(person()).shown
    monkeypatch.setitem(app.config, "REACTIONS_PREMODERATE_NEW", True)
    held = react(person())
    assert held.hidden and held.hidden_reason == "review" and fresh(held.idea).reaction_count == 0
    assert db.session.scalar(select(Report).where(Report.target_id == held.id)).reason == "review"
    assert react(seasoned(person())).shown
    author = held.idea.author
    assert _notices(author) == []  # held: no news yet
    moderation.act(person(Role.ADMIN), load("reaction", held.id), "keep")
    assert fresh(held).shown and fresh(held.idea).reaction_count == 1
    assert [n.kind for n in _notices(author)] == ["reaction"]


def _notices(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def test_followers_hear_once_per_idea_until_they_read(ctx):
    author = person()
    idea = make_idea(author)
    react(idea=idea)
    react(idea=idea, body="Nog een reactie van een andere buur.")
    assert [n.kind for n in _notices(author)] == ["reaction"]
    notifications.mark_read(author)
    react(idea=idea, body="Een derde buur meldt zich.")
    assert len(_notices(author)) == 2


def test_the_writer_hears_of_a_reply_and_not_of_their_own(ctx):
    writer = person()
    reaction = react(writer)
    react(writer, reaction.idea, "Ik reageer op mezelf.", parent=reaction)
    assert _notices(writer) == []
    react(parent=reaction)
    assert [n.kind for n in _notices(writer)] == ["reaction_reply"]


def test_one_digest_line_per_idea_however_busy(ctx, outbox):
    author = person()
    author.consent_notifications_at, author.email_frequency = utcnow() - timedelta(days=2), "daily"
    db.session.commit()
    idea = make_idea(author)
    for i in range(4):
        react(idea=idea, body=f"Buur {i} zegt iets over het plan.")
    assert outbox.messages() == []  # daily: nothing right away
    assert notifications.send_digests(utcnow() + timedelta(days=1)) == 1
    body = outbox.last_body()
    assert body.count(idea.title) == 1


def test_immediate_mail_once_per_idea(ctx, outbox):
    author = person()
    author.consent_notifications_at = utcnow()
    db.session.commit()
    idea = make_idea(author)
    for i in range(3):
        react(idea=idea, body=f"Buur {i} reageert.")
    assert len([m for m in outbox.messages() if author.email in m["To"]]) == 1


def test_account_deletion_keeps_reactions_as_former_participant(ctx):
    writer = person(name="Karin")
    reaction = react(writer)
    accounts.delete_account(writer, writer)
    kept = fresh(reaction)
    assert kept.body and kept.author.display_name == tr("Former participant") == "Oud-deelnemer"
    assert db.session.get(Reaction, reaction.id) is not None
