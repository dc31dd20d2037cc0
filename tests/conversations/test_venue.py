"""The venue as a meeting place from the sociale kaart: planning, changing, and the page."""

from datetime import timedelta

import pytest

from participatie.conversations import services
from participatie.conversations.timefmt import today_local
from participatie.web.errors import DomainValidationError
from participatie.socialmap import services as socialmap
from tests.conversations.helpers import ambassador, conversation_input, meeting_place, plannable, planned
from tests.responses.helpers import fresh, page, person, sign_in, tr
from tests.socialmap.conftest import OVERVECHT, entry_input, makelaar


def _edit(conversation, actor, **overrides):
    values = {"title": conversation.title, "venue": conversation.venue, "capacity": conversation.capacity,
              "step_free": conversation.step_free, "venue_entry_id": conversation.venue_entry_id,
              "venue_lat": conversation.venue_lat, "venue_lng": conversation.venue_lng}
    values.update(overrides)
    return services.update_conversation(actor, conversation, conversation_input([], **values))


def test_a_chosen_place_fills_text_point_and_access(ctx):
    place = meeting_place(step_free=True)
    conversation = planned(venue="", venue_entry_id=place.id, step_free=False, venue_lat=None, venue_lng=None)
    assert conversation.venue_entry_id == place.id
    assert conversation.venue == "Buurthuis Lombok\nJan Pieterszoon Coenstraat 9"
    assert (conversation.venue_lat, conversation.venue_lng) == (place.lat, place.lng)
    assert conversation.step_free is True


def test_extra_lines_such_as_the_room_are_kept(ctx):
    place = meeting_place()
    conversation = planned(venue="Buurthuis Lombok\nZaal 1", venue_entry_id=place.id)
    assert conversation.venue == "Buurthuis Lombok\nJan Pieterszoon Coenstraat 9\nZaal 1"


def test_free_text_still_works_and_an_empty_place_is_refused(ctx):
    conversation = planned(venue="Bij de bakker op de hoek")
    assert conversation.venue == "Bij de bakker op de hoek" and conversation.venue_entry_id is None
    with pytest.raises(DomainValidationError) as refused:
        planned(venue="  ")
    assert refused.value.field == "venue"


@pytest.mark.parametrize("kind,archived", [("initiative", False), ("meeting_place", True)])
def test_only_meeting_places_in_use_can_be_chosen(ctx, kind, archived):
    admin_made = meeting_place(kind=kind, name="Iets anders")
    if archived:
        socialmap.set_archived(admin_made.curated_by, admin_made, True)
    with pytest.raises(DomainValidationError) as refused:
        planned(venue="", venue_entry_id=admin_made.id)
    assert refused.value.field == "venue_entry"


def test_changing_to_another_place_replaces_the_old_one(ctx):
    organiser = ambassador()
    first = meeting_place()
    second = meeting_place(name="Bibliotheek Lombok", address="Kanaalstraat 2", step_free=False)
    conversation = planned(organiser, venue="", venue_entry_id=first.id)
    _edit(conversation, organiser, venue_entry_id=second.id)
    assert fresh(conversation).venue == "Bibliotheek Lombok\nKanaalstraat 2"
    assert fresh(conversation).step_free is False and fresh(conversation).venue_entry_id == second.id


def test_while_the_place_stays_the_organisers_own_access_counts(ctx):
    organiser = ambassador()
    place = meeting_place(step_free=True)
    conversation = planned(organiser, venue="", venue_entry_id=place.id)
    _edit(conversation, organiser, step_free=False, venue=conversation.venue + "\nZaal 2")
    assert fresh(conversation).step_free is False  # e.g. the room upstairs has no lift
    assert fresh(conversation).venue.endswith("Coenstraat 9\nZaal 2")
    _edit(fresh(conversation), organiser, venue_entry_id=None, venue="Ergens anders")
    assert fresh(conversation).venue_entry_id is None and fresh(conversation).venue == "Ergens anders"


def test_planning_form_lists_meeting_places_by_wijk(web):
    west = meeting_place()
    meeting_place(name="Buurtcentrum De Boog", address="Zambesidreef", lat=OVERVECHT[0], lng=OVERVECHT[1])
    meeting_place(kind="initiative", name="Moestuinclub")
    gone = meeting_place(name="Oud Buurthuis")
    socialmap.set_archived(gone.curated_by, gone, True)
    amb = ambassador()
    sign_in(web, amb)
    text = page(web.get("/conversations/new"))
    assert '<optgroup label="West">' in text and '<optgroup label="Overvecht">' in text
    assert "Buurthuis Lombok, Jan Pieterszoon Coenstraat 9" in text and "Buurtcentrum De Boog" in text
    assert "Moestuinclub" not in text and "Oud Buurthuis" not in text
    assert f'value="{west.id}"' in text
    only_overvecht = page(web.get("/conversations/new?wijk=overvecht"))
    assert "Buurtcentrum De Boog" in only_overvecht and "Buurthuis Lombok" not in only_overvecht


def test_a_broker_sees_the_places_of_their_own_wijken(web):
    meeting_place()
    meeting_place(name="Buurtcentrum De Boog", address="Zambesidreef", lat=OVERVECHT[0], lng=OVERVECHT[1])
    sign_in(web, makelaar("west"))
    text = page(web.get("/conversations/new"))
    assert "Buurthuis Lombok" in text and "Buurtcentrum De Boog" not in text


def test_plan_with_a_place_through_the_form_and_see_it_on_the_page(web):
    place = meeting_place(cost="small", languages="Nederlands, Arabisch")
    amb = ambassador()
    idea = plannable(amb)
    sign_in(web, amb)
    response = web.post("/conversations/new", data={
        "idea_ids": [idea.id], "title": "Praten in het buurthuis", "venue_entry": str(place.id), "venue": "",
        "day": (today_local() + timedelta(days=9)).isoformat(), "start": "19:30", "end": "21:00", "capacity": "30"})
    assert response.status_code == 303, page(response)[:3000]
    conversation_url = response.headers["Location"]
    text = page(web.get(conversation_url))
    assert "Jan Pieterszoon Coenstraat 9" in text
    assert f'href="/socialmap/{place.id}"' in text and tr("More about this place") in text
    assert tr("Small contribution") in text and "Nederlands, Arabisch" in text
    assert tr("Step-free access") in text  # the conversation's own access, filled from the place


def test_the_page_drops_the_link_when_the_place_is_archived(web):
    place = meeting_place()
    conversation = planned(venue="", venue_entry_id=place.id)
    socialmap.set_archived(place.curated_by, place, True)
    text = page(web.get(f"/conversations/{conversation.id}"))
    assert "Jan Pieterszoon Coenstraat 9" in text  # the copy on the conversation stays
    assert f'href="/socialmap/{place.id}"' not in text


def test_a_wrong_choice_is_an_error_next_to_the_field(web):
    amb = ambassador()
    idea = plannable(amb)
    other = socialmap.create_entry(person(role="admin"), entry_input(kind="activity", name="Yoga"))
    sign_in(web, amb)
    response = web.post("/conversations/new", data={
        "idea_ids": [idea.id], "title": "Gesprek", "venue_entry": str(other.id), "venue": "",
        "day": (today_local() + timedelta(days=9)).isoformat(), "start": "19:30", "end": "21:00", "capacity": "30"})
    assert response.status_code == 422
    text = page(response)
    at = text.index('id="venue_entry-err"')
    assert tr("Choose a meeting place from the list, or type the place.") in text[at:at + 300]
