"""The "Stadsgesprek" box on the idea page."""

from datetime import time, timedelta

from flask_babel import force_locale

from participatie.conversations import services
from participatie.conversations.idea_box import conversations_for_idea
from participatie.conversations.timefmt import today_local, when_in_words
from participatie.extensions import db
from tests.app.test_query_counts import StatementCounter
from tests.conversations.helpers import (
    ambassador,
    conversation_input,
    held,
    plannable,
    planned,
    sign_up_members,
)
from participatie.responses import services as responses
from tests.responses.helpers import page, person, sign_in, tr, trn


def _again(amb, idea):
    """Back to 'the city works on it', so the idea can be planned for one more conversation."""
    responses.change_status(amb, idea, "in_progress", "We praten er nog een keer over.")


def _box(web, idea) -> str:
    text = page(web.get(f"/ideas/{idea.id}"))
    heading = 'id="idea-conversations-title"'
    if heading not in text:
        return ""
    start = text.index(heading)
    return text[start:text.index("</section>", start)]


def test_no_box_without_a_public_conversation(web):
    amb = ambassador()
    idea = plannable(amb)
    assert _box(web, idea) == ""
    broker_proposal = services.create_conversation(person("makelaar", wijken=("west",)),
                                                   conversation_input([idea], title="Nog maar een voorstel"))
    assert _box(web, idea) == "" and broker_proposal.status == "proposed"
    cancelled = planned(amb, [idea], title="Gaat niet door")
    services.cancel(amb, cancelled, "De zaal is dicht.")
    assert _box(web, idea) == ""


def test_upcoming_conversation_with_time_in_words_place_and_places_left(web):
    amb = ambassador()
    idea = plannable(amb)
    conversation = planned(amb, [idea], title="Groen in West", capacity=5, start=time(19, 30), end=time(21, 0))
    sign_up_members(conversation, 2)
    box = _box(web, idea)
    assert "Groen in West" in box and f'href="/conversations/{conversation.id}"' in box
    with force_locale("nl"):
        words = when_in_words(conversation.starts_at, conversation.ends_at)
    assert words in box and "Buurthuis De Pijler" in box
    assert trn("%(num)d place left", "%(num)d places left", 3) in box


def test_a_full_conversation_shows_the_waiting_list(web):
    amb = ambassador()
    idea = plannable(amb)
    conversation = planned(amb, [idea], capacity=1)
    sign_up_members(conversation, 1)
    box = _box(web, idea)
    assert tr("Full — waiting list") in box
    assert trn("%(num)d place left", "%(num)d places left", 0) not in box


def test_past_conversations_link_to_the_report_and_come_after_the_upcoming(web):
    amb = ambassador()
    idea = plannable(amb)
    past = held(amb, [idea], title="Eerder gesprek")  # held: the idea is back to "the city works on it"
    coming = planned(amb, [idea], title="Volgend gesprek")
    box = _box(web, idea)
    assert box.index("Volgend gesprek") < box.index("Eerder gesprek")
    assert f'href="/conversations/{past.id}#verslag"' in box and tr("Read the report") in box
    assert f'href="/conversations/{coming.id}#verslag"' not in box


def test_a_passed_conversation_without_report_says_it_follows(ctx):
    amb = ambassador()
    idea = plannable(amb)
    conversation = planned(amb, [idea])
    items = conversations_for_idea(idea, now=conversation.ends_at + timedelta(hours=1))
    assert len(items) == 1 and items[0].past and not items[0].has_report and items[0].places_left is None


def test_box_costs_the_same_queries_for_two_or_six_conversations(web):
    amb = ambassador()
    idea = plannable(amb)
    sign_in(web, person())

    def statements() -> int:
        web.get(f"/ideas/{idea.id}")
        with StatementCounter(db.engine) as counter:
            response = web.get(f"/ideas/{idea.id}")
        assert response.status_code == 200
        return len(counter.statements)

    held(amb, [idea], title="Gesprek voorbij")  # held: the idea is back to "the city works on it"
    planned(amb, [idea], title="Gesprek 0")
    one = statements()
    for n in range(1, 5):
        _again(amb, idea)
        conversation = planned(amb, [idea], title=f"Gesprek {n}", day=today_local() + timedelta(days=10 + n))
        sign_up_members(conversation, 1)
    assert len(conversations_for_idea(idea)) == 6
    assert statements() == one
