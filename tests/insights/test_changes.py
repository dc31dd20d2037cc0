""""Wat is er veranderd": after "ja, opgelost" or a done action, on the home page and the wijk page,
with one line in someone's words, and a printable A5 with a QR code."""

from datetime import timedelta

from participatie.conversations import services as talks
from participatie.conversations.timefmt import today_local
from participatie.extensions import db
from participatie.ideas import services as ideas
from participatie.insights import changes
from tests.conversations.helpers import held
from tests.insights.helpers import ambassador, answered, owed_idea, solved
from tests.responses.helpers import page


def _section(html: str) -> str:
    return html.split('id="veranderd-title"', 1)[1].split("</section>", 1)[0] if 'id="veranderd-title"' in html else ""


def test_a_solved_idea_shows_under_what_changed_with_the_initiators_words(web):
    amb = ambassador()
    idea = owed_idea(title="Bankjes bij de speeltuin")
    answered(amb, idea)
    assert _section(page(web.get("/"))) == ""  # nothing changed yet: no empty heading either
    solved(amb, idea, yes=True, text="Opa's zitten er elke middag.\nEn de kinderen spelen.")
    for url in ("/", "/wijken/west"):
        section = _section(page(web.get(url)))
        assert "Bankjes bij de speeltuin" in section
        assert "De initiatiefnemer:" in section and "“Opa's zitten er elke middag.”" in section
        assert f"/ideas/{idea.id}#tijdlijn" in section and f"/print/veranderd/{idea.id}" in section
    assert "Bankjes bij de speeltuin" not in _section(page(web.get("/wijken/oost")))


def test_a_plain_yes_takes_the_line_from_the_city(web):
    amb = ambassador()
    idea = owed_idea()
    answered(amb, idea)
    solved(amb, idea, yes=True)
    [change] = changes.recent(limit=5)
    assert change.who == "ambassador" and change.line == "De bankjes staan er. Is het zo goed?"


def test_not_solved_and_hidden_ideas_do_not_show(web):
    amb = ambassador()
    no = owed_idea(title="Nog niet opgelost")
    answered(amb, no)
    solved(amb, no, yes=False, text="Het is nog niet goed.")
    hidden = owed_idea(title="Verborgen")
    answered(amb, hidden)
    solved(amb, hidden, yes=True)
    ideas.set_hidden(hidden, "spam")
    db.session.commit()
    assert changes.recent(limit=5) == []
    assert web.get(f"/print/veranderd/{no.id}").status_code == 404
    assert web.get(f"/print/veranderd/{hidden.id}").status_code == 404


def test_a_done_action_of_a_stadsgesprek_shows_in_its_words(web):
    amb = ambassador()
    conversation = held(amb)
    idea = conversation.ideas[0]
    action = talks.add_action(amb, conversation, idea_id=idea.id, what="Vier bankjes plaatsen op het plein",
                              owner_kind="department", owner="Stadsbeheer", due_on=today_local() + timedelta(days=3))
    talks.set_action_status(amb, action, "klaar")
    [change] = changes.recent(limit=5, wijk_id=idea.wijk_id)
    assert (change.who, change.line) == ("action", "Vier bankjes plaatsen op het plein")
    assert "Afgesproken in een stadsgesprek" in _section(page(web.get("/")))


def test_the_a5_notice_has_the_words_and_a_qr_code_to_the_story(web):
    amb = ambassador()
    idea = owed_idea(title="Een bankje bij de bushalte")
    answered(amb, idea)
    solved(amb, idea, yes=True, text="Eindelijk kan ik zitten als ik wacht.")
    html = page(web.get(f"/print/veranderd/{idea.id}"))
    assert "sheet--a5" in html and "<svg" in html and f"/ideas/{idea.id}" in html
    assert "Een bankje bij de bushalte" in html and "“Eindelijk kan ik zitten als ik wacht.”" in html
    assert "Wat is er veranderd in West" in html


def test_the_lists_are_limited(web):
    amb = ambassador()
    for n in range(5):
        idea = owed_idea(title=f"Idee nummer {n}")
        answered(amb, idea)
        solved(amb, idea, yes=True)
    assert len(changes.recent(limit=3)) == 3
    assert page(web.get("/")).count('class="change"') == 3
