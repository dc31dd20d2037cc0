"""Entries, the edit log, verification and the stale worklist, suggestions, links."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.socialmap import links, services
from participatie.socialmap.filters import EntryFilters
from participatie.socialmap.models import EntryEdit, stale_entries
from tests.factories import make_idea
from tests.responses.helpers import events, fresh, notified, person
from tests.socialmap.conftest import LOMBOK, OVERVECHT, ZUID, entry_input, make_entry, makelaar


def test_the_wijk_comes_from_the_location(ctx_db):
    entry = make_entry(lat=OVERVECHT[0], lng=OVERVECHT[1], wijk_slug="zuid")
    assert entry.wijk.slug == "overvecht"
    without_point = make_entry(lat=None, lng=None, wijk_slug="zuid", name="Ergens in Zuid")
    assert without_point.wijk.slug == "zuid" and not without_point.has_location


def test_makelaar_creates_and_edits_only_in_own_wijken(ctx_db):
    broker = makelaar("west")
    entry = services.create_entry(broker, entry_input())
    assert entry.curated_by_id == broker.id and entry.verified_by_id == broker.id
    with pytest.raises(NotAllowed):
        services.create_entry(broker, entry_input(lat=ZUID[0], lng=ZUID[1]))
    with pytest.raises(NotAllowed):  # moving an entry out of your wijken is not allowed either
        services.edit_entry(broker, entry, entry_input(lat=ZUID[0], lng=ZUID[1]))
    with pytest.raises(NotAllowed):
        services.edit_entry(makelaar("zuid"), entry, entry_input(name="Anders"))
    services.edit_entry(person(Role.ADMIN), entry, entry_input(lat=ZUID[0], lng=ZUID[1]))
    assert fresh(entry).wijk.slug == "zuid"
    for role in (Role.RESIDENT, Role.AMBASSADOR):
        with pytest.raises(NotAllowed):
            services.create_entry(person(role), entry_input())


def test_every_change_is_logged_with_who_and_what(ctx_db):
    broker = makelaar("west")
    entry = services.create_entry(broker, entry_input(name="Taalcafé"))
    services.edit_entry(broker, entry, entry_input(name="Taalcafé Lombok", step_free=True))
    services.verify_entry(broker, entry)
    services.set_archived(broker, entry, True)
    rows = db.session.scalars(select(EntryEdit).where(EntryEdit.entry_id == entry.id).order_by(EntryEdit.id)).all()
    assert [r.action for r in rows] == ["created", "edited", "verified", "archived"]
    assert all(r.actor_id == broker.id for r in rows)
    assert "name: Taalcafé -> Taalcafé Lombok" in rows[1].changes and "step_free: False -> True" in rows[1].changes


def test_invalid_values_are_refused(ctx_db):
    admin = person(Role.ADMIN)
    for bad in ({"kind": "kroeg"}, {"name": "  "}, {"cost": "duur"}, {"suitable_for": "honden"},
                {"themes": ["onbekend"]}, {"lat": 52.37, "lng": 4.89}):
        with pytest.raises(DomainValidationError):
            services.create_entry(admin, entry_input(**bad))


def test_verification_dates_and_the_stale_worklist(ctx_db):
    broker = makelaar("west", "overvecht")
    now = utcnow()
    old = services.create_entry(broker, entry_input(name="Oud"), now=now - timedelta(days=200))
    fresh_one = services.create_entry(broker, entry_input(name="Vers"), now=now - timedelta(days=20))
    elsewhere = make_entry(name="Zuid oud", lat=ZUID[0], lng=ZUID[1])
    elsewhere.verified_at = now - timedelta(days=400)
    db.session.commit()
    mine = [w.id for w in broker.wijken]
    assert db.session.scalars(stale_entries(mine, now)).all() == [old]
    assert set(db.session.scalars(stale_entries(None, now))) == {old, elsewhere}  # an admin sees all
    services.verify_entry(broker, old, now=now)
    assert fresh(old).verified_at == now and fresh(old).verified_by_id == broker.id
    assert db.session.scalars(stale_entries(mine, now)).all() == []
    assert not fresh(fresh_one).is_stale(now)


def test_archived_entries_leave_the_map_but_can_come_back(ctx_db):
    broker = makelaar("west")
    entry = services.create_entry(broker, entry_input())
    services.set_archived(broker, entry, True)
    assert db.session.scalars(EntryFilters().query()).all() == []
    with pytest.raises(NotAllowed):
        services.verify_entry(broker, entry)
    services.set_archived(broker, entry, False)
    assert db.session.scalars(EntryFilters().query()).all() == [entry]


def test_threshold_attribute_filters(ctx_db):
    admin = person(Role.ADMIN)
    a = services.create_entry(admin, entry_input(name="Gratis rolstoel avond", cost="free", step_free=True,
                                                 evening=True, themes=["ontmoeten"]))
    b = services.create_entry(admin, entry_input(name="Betaald weekend", cost="paid", weekend=True,
                                                 signup_needed=True, suitable_for="children", kind="activity"))
    c = services.create_entry(admin, entry_input(name="Kleine bijdrage ouderen", cost="small",
                                                 suitable_for="elderly", lat=OVERVECHT[0], lng=OVERVECHT[1]))
    cases = {
        "free": [a], "step_free": [a], "evening": [a], "weekend": [b], "no_signup": [a, c],
        "for=children": [b, a], "for=elderly": [a, c], "kind=activity": [b], "theme=ontmoeten": [a],
        "wijk=overvecht": [c], "q=bijdrage": [c], "free&step_free&evening": [a], "free&weekend": [],
    }
    from werkzeug.datastructures import MultiDict

    for query, expected in cases.items():
        args = MultiDict([(p.split("=")[0], p.split("=")[1] if "=" in p else "1") for p in query.split("&")])
        found = db.session.scalars(EntryFilters.from_args(args).query()).all()
        assert sorted(e.id for e in found) == sorted(e.id for e in expected), query


def test_a_suggestion_reaches_the_makelaars_of_that_wijk(ctx_db):
    west_broker, zuid_broker, resident = makelaar("west"), makelaar("zuid"), person()
    suggestion = services.suggest(resident, wijk_slug="west", name="Breiclub", message="Elke maandag breien.")
    assert [n.kind for n in notified(west_broker)] == ["socialmap_suggestion"]
    assert notified(zuid_broker) == []
    with pytest.raises(NotAllowed):
        services.handle_suggestion(zuid_broker, suggestion)
    services.handle_suggestion(west_broker, suggestion)
    assert fresh(suggestion).handled_at is not None
    entry = make_entry(lat=ZUID[0], lng=ZUID[1])
    services.suggest(resident, entry=entry, message="Het adres klopt niet meer.")
    assert len(notified(zuid_broker)) == 1
    with pytest.raises(DomainValidationError):
        services.suggest(resident, wijk_slug="west", name="Iets", message=" ")


def test_links_show_on_the_timeline_and_are_not_doubled(ctx_db):
    broker = makelaar("west")
    idea = make_idea(title="Een moestuin op het plein", lat=LOMBOK[0], lng=LOMBOK[1])
    other = make_idea(title="Samen tuinieren", wijk_slug="west")
    entry = make_entry()
    link = links.link_entry(broker, idea, entry, "related")
    assert links.link_entry(broker, idea, entry, "related").id == link.id
    links.link_ideas(person(Role.AMBASSADOR), idea, other)
    assert [e.kind for e in events(idea, "link")] == ["link", "link"]
    assert events(other, "link")[0].public_text.endswith(idea.title)
    with pytest.raises(NotAllowed):
        links.link_entry(makelaar("zuid"), idea, entry, "can_go_to")
    with pytest.raises(NotAllowed):
        links.link_ideas(person(), idea, other)
    with pytest.raises(DomainValidationError):
        links.link_entry(broker, idea, entry, "merge")
    with pytest.raises(DomainValidationError):
        links.link_ideas(broker, idea, idea)
    assert wijk_by_slug("west").id == idea.wijk_id
