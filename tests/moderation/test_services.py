"""Reports, the automatic hide, the moderator's actions, the audit log and the writer's message."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from participatie.accounts.models import AuditLog
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.moderation import services
from participatie.moderation.targets import load
from participatie.notifications.models import Notification
from participatie.web.errors import DomainValidationError, NotAllowed
from tests.factories import make_idea
from tests.reactions.helpers import fresh, person, react


def _report(target, who=None, reason="rude", **kwargs):
    return services.report(who or person(), target, reason, **kwargs)


def test_hidden_at_three_different_reporters_only(ctx):
    reaction = react(body="Jij bent een sukkel.")
    target = load("reaction", reaction.id)
    first = person()
    assert _report(target, first) is False
    with pytest.raises(DomainValidationError):
        _report(target, first)  # the same person again does not count
    assert _report(target) is False
    assert not fresh(reaction).hidden
    assert _report(load("reaction", reaction.id), reason="personal") is True
    hidden = fresh(reaction)
    assert hidden.hidden and hidden.hidden_reason == "reported" and fresh(hidden.idea).reaction_count == 0


def test_the_threshold_is_a_setting(ctx, app, monkeypatch):
    monkeypatch.setitem(app.config, "MODERATION_AUTO_HIDE_REPORTS", 1)
    reaction = react()
    assert _report(load("reaction", reaction.id)) is True


def test_the_writer_is_told_why_and_how_to_object(ctx):
    writer = person()
    reaction = react(writer)
    for _ in range(3):
        _report(load("reaction", reaction.id))
    notice = db.session.scalar(select(Notification).where(Notification.user_id == writer.id))
    assert notice.kind == "moderation_hidden"
    assert f"/moderatie/bezwaar/reaction/{reaction.id}" in notice.link
    services.object_to(writer, load("reaction", reaction.id), "Ik schreef niets grofs, lees het nog eens.")
    queue = services.queue_for(person(Role.ADMIN))
    assert "objection" in {r.reason for r in queue[0].reports}


def test_nobody_reports_their_own_item_and_reasons_come_from_the_list(ctx):
    writer = person()
    target = load("reaction", react(writer).id)
    with pytest.raises(NotAllowed):
        _report(target, writer)
    with pytest.raises(DomainValidationError):
        _report(target, reason="ik vind het stom")


def test_queue_oldest_first_and_a_makelaar_sees_only_their_wijken(ctx):
    west = react(body="Reactie in West.")
    overvecht = react(idea=make_idea(wijk_slug="overvecht"), body="Reactie in Overvecht.")
    _report(load("reaction", overvecht.id), now=utcnow() - timedelta(hours=2))
    _report(load("reaction", west.id))
    admin_queue = services.queue_for(person(Role.ADMIN))
    assert [item.target.id for item in admin_queue] == [overvecht.id, west.id]
    makelaar_queue = services.queue_for(person(Role.MAKELAAR, wijken=["west"]))
    assert [item.target.id for item in makelaar_queue] == [west.id]
    with pytest.raises(NotAllowed):
        services.queue_for(person())


def test_hide_restore_keep_each_in_the_audit_log(ctx):
    admin = person(Role.ADMIN)
    reaction = react()
    target = load("reaction", reaction.id)
    _report(target)
    services.act(admin, target, "hide", "personal", "Adres van de buurman erin.")
    assert fresh(reaction).hidden_reason == "personal"
    assert services.queue_for(admin) == []  # the reports are dealt with
    services.act(admin, load("reaction", reaction.id), "restore")
    assert fresh(reaction).shown and fresh(reaction.idea).reaction_count == 1
    logged = db.session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
    assert [entry.action for entry in logged] == ["moderation_hide", "moderation_restore"]
    assert logged[0].actor_id == admin.id and "personal" in logged[0].details and "Adres" in logged[0].details


def test_keep_shows_an_automatically_hidden_item_again(ctx, app, monkeypatch):
    monkeypatch.setitem(app.config, "MODERATION_AUTO_HIDE_REPORTS", 1)
    reaction = react()
    _report(load("reaction", reaction.id))
    services.act(person(Role.MAKELAAR, wijken=["west"]), load("reaction", reaction.id), "keep")
    assert fresh(reaction).shown


def test_a_makelaar_outside_the_wijk_is_refused_every_action(ctx):
    target = load("reaction", react().id)
    outsider = person(Role.MAKELAAR, wijken=["overvecht"])
    for action, reason in (("keep", None), ("hide", "rude"), ("restore", None), ("warn", "rude"), ("block", "rude")):
        with pytest.raises(NotAllowed):
            services.act(outsider, target, action, reason)
    assert db.session.scalars(select(AuditLog)).all() == []


def test_hide_needs_a_house_rule(ctx):
    with pytest.raises(DomainValidationError):
        services.act(person(Role.ADMIN), load("reaction", react().id), "hide", None)


def test_warn_and_block_the_writer(ctx):
    writer = person()
    target = load("reaction", react(writer).id)
    admin = person(Role.ADMIN)
    services.act(admin, target, "warn", "rude")
    assert not fresh(writer).is_blocked
    services.act(admin, target, "block", "rude")
    assert fresh(writer).is_blocked
    kinds = db.session.scalars(select(Notification.kind).where(Notification.user_id == writer.id)).all()
    assert kinds.count("moderation_warning") == 2


def test_ideas_and_photos_are_hidden_the_same_way(ctx, app, monkeypatch):
    monkeypatch.setitem(app.config, "MODERATION_AUTO_HIDE_REPORTS", 2)
    idea = make_idea()
    for _ in range(2):
        _report(load("idea", idea.id), reason="spam")
    assert fresh(idea).hidden and fresh(idea).hidden_reason == "reported"
    services.act(person(Role.ADMIN), load("idea", idea.id), "restore")
    assert not fresh(idea).hidden
