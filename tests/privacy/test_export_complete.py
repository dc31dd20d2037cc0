""""Je gegevens" holds everything that is about the person: a wijk they follow, what they said about a
stadsgesprek and the tips they sent for the sociale kaart were missing (found by the table check below)."""

import json
import re

from participatie.conversations.services.after import give_feedback
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.notifications.wijken import follow_wijk
from participatie.privacy.services import NOT_IN_EXPORT, export_for
from participatie.socialmap.services import suggest
from tests.conversations import helpers as talks
from tests.factories import make_user
from tests.responses.helpers import sign_in

# Tables export_for() reads the person's rows from (a new table that points at a person must be
# added to the export or to privacy.services.NOT_IN_EXPORT, with the reason).
EXPORTED = {
    "users", "consent_events", "ideas", "supports", "follows", "conversation_rsvps", "follow_ups", "answer_feedback",
    "reactions", "reports", "notifications", "buurtnetwerk_members", "buurtnetwerk_answers", "wijk_follows",
    "conversation_feedback", "socialmap_suggestions",
}


def test_every_table_that_points_at_a_person_is_exported_or_named_with_a_reason(app):
    pointing = {table.name for table in db.metadata.tables.values()
                if any(fk.column.table.name == "users" for column in table.columns for fk in column.foreign_keys)}
    forgotten = pointing - EXPORTED - set(NOT_IN_EXPORT)
    assert not forgotten, f"personal rows not in 'Je gegevens' and not explained: {sorted(forgotten)}"
    assert all(reason.strip() for reason in NOT_IN_EXPORT.values())


def test_my_data_has_the_wijk_i_follow_my_word_on_a_conversation_and_my_tips(client, ctx):
    me = make_user(name="Ik Zelf")
    follow_wijk(me, wijk_by_slug("west"))
    conversation = talks.held()
    give_feedback(conversation, "good", "yes", "Fijn dat we mochten meepraten.", user=me, via_link=True)
    suggest(me, message="Het buurthuis is nu ook op zondag open.", wijk_slug="west", name="Buurthuis Lombok")
    db.session.commit()

    data = export_for(me)
    assert [row["wijk"] for row in data["wijk_follows"]] == ["West"]
    assert data["conversation_feedback"][0]["text"] == "Fijn dat we mochten meepraten."
    assert data["conversation_feedback"][0]["conversation"] == conversation.title
    assert data["socialmap_suggestions"][0]["message"] == "Het buurthuis is nu ook op zondag open."
    json.dumps(data)

    sign_in(client, me)
    page = client.get("/account/mijn-gegevens").get_data(as_text=True)
    assert "Wijken die je volgt" in page and "Fijn dat we mochten meepraten." in page
    assert "Het buurthuis is nu ook op zondag open." in page
    assert "<bdi>Goed</bdi>" in page and "<bdi>good</bdi>" not in page  # the label, not the code


def test_the_page_shows_times_in_words_and_the_file_keeps_iso(client, ctx):
    me = make_user(name="Ik Zelf")
    follow_wijk(me, wijk_by_slug("west"))
    sign_in(client, me)
    page = client.get("/account/mijn-gegevens").get_data(as_text=True)
    since = export_for(me)["wijk_follows"][0]["since"]
    assert since.endswith("Z") and since not in page  # ISO on the page was hard to read
    assert since in client.get("/account/mijn-gegevens.json").get_data(as_text=True)
    assert re.search(r"<bdi>\d{1,2} [a-z]+ \d{4}, \d{2}\.\d{2}</bdi>", page)  # "6 december 2026, 03.45"
