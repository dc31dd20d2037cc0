"""Sheets for meetings stay Dutch whatever the reader's language; the flyer and the idea card, which
are handed to residents, come in the language of whoever downloads them."""

import re

from tests.factories import make_idea


def fetch(client, path, locale):
    with client.session_transaction() as session:
        session["locale"] = locale
    return client.get(path).get_data(as_text=True)


def notes(html):
    return re.findall(r'<li lang="(\w+)" dir="(\w+)"', html)


def test_meeting_sheets_stay_dutch_for_a_turkish_reader(client):
    idea = make_idea(title="Een bankje bij de speeltuin")
    for path in (f"/print/ideas/{idea.id}", f"/print/ideas/{idea.id}/steunlijst", "/print/wijken/west"):
        html = fetch(client, path, "tr")
        assert re.search(r'<html lang="nl"', html), path
        assert "Geprint op" in html, path
        if "steunlijst" not in path:  # the support list is a form to fill in, without the lines
            assert [code for code, _dir in notes(html)] == ["en", "tr", "ar"], path


def test_the_flyer_follows_the_readers_language(client):
    html = fetch(client, "/print/flyer", "tr")
    assert '<html lang="tr"' in html and "Mahalleniz için hayalinizi paylaşın" in html
    assert [code for code, _dir in notes(html)] == ["nl", "en", "ar"]  # not its own language, Dutch added
    arabic = fetch(client, "/print/flyer", "ar")
    assert '<html lang="ar" dir="rtl"' in arabic and ("ar", "rtl") not in notes(arabic) and ("nl", "ltr") in notes(arabic)


def test_the_idea_card_follows_the_readers_language(client):
    assert '<html lang="tr"' in fetch(client, "/print/ideenkaart", "tr")
