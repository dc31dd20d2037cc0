"""Posting, editing and updating ideas through the services."""

import pytest

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.ideas import services
from participatie.ideas.models import IdeaEvent, timeline
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from tests.factories import PLACES, idea_input, make_idea, make_user


def test_a_point_in_lombok_lands_in_west(ctx):
    lat, lng = PLACES["lombok"]
    idea = make_idea(lat=lat, lng=lng, wijk_slug=None)
    assert idea.wijk.slug == "west"
    assert (idea.lat, idea.lng) == (lat, lng)


def test_the_point_wins_over_a_chosen_wijk(ctx):
    idea = make_idea(lat=PLACES["domtoren"][0], lng=PLACES["domtoren"][1], wijk_slug="overvecht")
    assert idea.wijk.slug == "binnenstad"


def test_a_wijk_without_a_point_is_enough(ctx):
    idea = make_idea(wijk_slug="zuid", street="Hoograven")
    assert idea.wijk.slug == "zuid"
    assert idea.lat is None and not idea.has_location
    assert idea.street == "Hoograven"


def test_a_place_outside_the_city_is_refused(ctx):
    lat, lng = PLACES["amsterdam"]
    with pytest.raises(DomainValidationError) as exc:
        make_idea(lat=lat, lng=lng)
    assert exc.value.field == "location"


def test_no_place_and_no_wijk_is_refused(ctx):
    with pytest.raises(DomainValidationError) as exc:
        make_idea(wijk_slug=None)
    assert exc.value.field == "wijk"


def test_unknown_themes_and_needs_are_dropped(ctx):
    idea = make_idea(themes=["groen", "hacking"], needs=["money", "rockets"])
    assert idea.themes == ["groen"]
    assert idea.needs == ["money"]


def test_posting_starts_the_timeline(ctx):
    author = make_user()
    idea = make_idea(author)
    events = db.session.scalars(timeline(idea.id)).all()
    assert [(e.kind, e.actor_id) for e in events] == [("created", author.id)]


def test_unverified_users_cannot_post(ctx):
    with pytest.raises(NotAllowed):
        services.create_idea(make_user(verified=False), idea_input())


def test_author_edits_until_someone_supports(ctx):
    author = make_user()
    idea = make_idea(author)
    services.edit_idea(author, idea, idea_input(title="Een grotere moestuin"))
    assert idea.title == "Een grotere moestuin"

    set_support(make_user(), idea, SupportKind.STEUN, True)
    with pytest.raises(NotAllowed):
        services.edit_idea(author, idea, idea_input(title="Iets heel anders"))
    assert idea.title == "Een grotere moestuin"


def test_others_cannot_edit(ctx):
    idea = make_idea()
    with pytest.raises(NotAllowed):
        services.edit_idea(make_user(), idea, idea_input(title="Overgenomen"))


def test_author_can_always_add_an_update(ctx):
    author = make_user()
    idea = make_idea(author)
    set_support(make_user(), idea, SupportKind.STEUN, True)
    event = services.add_update(author, idea, "  We hebben een plek gevonden.  ")
    assert event.public_text == "We hebben een plek gevonden."
    assert db.session.get(IdeaEvent, event.id).kind == "update"


def test_an_empty_update_is_refused(ctx):
    author = make_user()
    idea = make_idea(author)
    with pytest.raises(DomainValidationError):
        services.add_update(author, idea, "   ")


def test_only_the_author_adds_updates(ctx):
    idea = make_idea()
    with pytest.raises(NotAllowed):
        services.add_update(make_user(), idea, "Ik ben niet de initiatiefnemer")
