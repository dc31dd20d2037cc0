"""What people write stays in their language and is marked with it (lang, and dir when the direction
differs) where it is shown in a page of another language, so screen readers pronounce it right."""

import re

from flask_babel import force_locale

from participatie.accounts import services as accounts
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.ideas.models import Idea
from participatie.reactions import services as reactions
from tests.factories import idea_input, make_idea, make_user
from tests.responses.helpers import sign_in

NEW_IDEA = {"kind": "idee", "title": "Mahalle için bir bank", "body": "Çocuklar oynarken anneler oturmak istiyor.",
            "themes": ["spelen"], "needs": ["money"], "offer": "", "wijk": "oost"}


def page(client, path, locale):
    with client.session_transaction() as session:
        session["locale"] = locale
    return client.get(path).get_data(as_text=True)


def element_with(text: str, html: str) -> str:
    """The opening tags of the elements around `text` (those opened since the last closing tag),
    at the first place it is element content."""
    before = html[: html.index(">" + text) + 1]
    return before[before.rindex("</"):]


def test_an_idea_posted_in_turkish_is_marked_tr_on_the_dutch_page(client):
    writer = make_user()
    accounts.set_locale(writer, "tr")
    sign_in(client, writer)
    assert client.post("/ideas/new", data=NEW_IDEA).status_code == 303
    idea = db.session.scalar(db.select(Idea).where(Idea.title == NEW_IDEA["title"]))
    assert idea.lang == "tr"

    sign_in(client, None)
    html = page(client, f"/ideas/{idea.id}", "nl")
    heading = element_with(NEW_IDEA["title"] + "</h1>", html)
    assert 'lang="tr"' in heading and "dir=" not in heading  # both left to right
    assert re.search(r'<div class="idea__body" lang="tr">\s*<p[^>]*>' + re.escape(NEW_IDEA["body"]), html)
    assert 'lang="tr"' in element_with(NEW_IDEA["title"], page(client, "/ideas", "nl"))  # the card


def test_on_a_page_in_the_same_language_there_is_no_mark(client):
    with force_locale("tr"):
        idea = make_idea(title="Parkta bir sebze bahçesi", body="Komşularla birlikte sebze yetiştirmek istiyoruz.")
    html = page(client, f"/ideas/{idea.id}", "tr")
    assert "lang=" not in element_with("Parkta bir sebze bahçesi</h1>", html)


def test_an_arabic_reaction_reads_right_to_left_on_a_dutch_page(client):
    idea = make_idea()
    with force_locale("ar"):
        reaction = reactions.post(make_user(), idea, "فكرة جميلة، سأساعد في الحديقة.")
    assert reaction.lang == "ar"
    tag = element_with("فكرة جميلة", page(client, f"/ideas/{idea.id}", "nl"))
    assert 'lang="ar"' in tag and 'dir="rtl"' in tag


def test_a_dutch_idea_in_an_arabic_page_reads_left_to_right(client):
    with force_locale("nl"):
        idea = make_idea(title="Een moestuin op het plein")
    html = page(client, f"/ideas/{idea.id}", "ar")
    assert re.search(r'<html[^>]*dir="rtl"', html)
    heading = element_with("Een moestuin op het plein</h1>", html)
    assert 'lang="nl"' in heading and 'dir="ltr"' in heading


def test_unknown_language_gets_no_mark(client):
    idea = make_idea(title="Een oude droom van voor de talen")
    idea.lang = None  # rows from before the column: unknown
    db.session.commit()
    for locale in ("nl", "ar"):
        assert "lang=" not in element_with("Een oude droom van voor de talen</h1>", page(client, f"/ideas/{idea.id}",
                                                                                          locale))


def test_an_update_and_an_answer_carry_the_language_of_who_wrote_them(client):
    author = make_user()
    with force_locale("tr"):
        idea = make_idea(author)
        event = ideas.add_update(author, idea, "Belediye ile konuştuk, haber bekliyoruz.")
    assert event.lang == "tr"
    tag = element_with("Belediye ile konuştuk", page(client, f"/ideas/{idea.id}", "nl"))
    assert 'lang="tr"' in tag


def test_editing_only_the_place_keeps_the_language(ctx):
    author = make_user()
    with force_locale("ar"):
        idea = make_idea(author)
    with force_locale("nl"):
        ideas.edit_idea(author, idea, idea_input(wijk_slug="oost"))
    assert idea.lang == "ar"
    with force_locale("nl"):
        ideas.edit_idea(author, idea, idea_input(wijk_slug="oost", body="Nu in het Nederlands geschreven, met buren."))
    assert idea.lang == "nl"
