"""Residents' words beside the figures: only with the consent ticked where they wrote them, never
with a name; the consent box is off unless ticked, also for rows written before it existed."""

from sqlalchemy import select

from participatie.conversations import links as talk_links
from participatie.conversations.models import ConversationFeedback
from participatie.extensions import db
from participatie.insights.quotes import quotes
from participatie.insights.services import Period
from participatie.responses import links
from participatie.responses.models import AnswerFeedback, FollowUp
from tests.conversations.helpers import held
from tests.insights.helpers import ambassador, answered, owed_idea, person, say, solved
from tests.responses.helpers import page, sign_in

CONSENT = "Je mag mijn woorden zonder mijn naam laten zien"


def _all_quoted(wijk_id=None) -> list[str]:
    return [q.text for items in quotes(Period.last(12), wijk_id).values() for q in items]


def test_nothing_is_quoted_without_consent(web):
    amb = ambassador()
    idea = owed_idea()
    event = answered(amb, idea)
    say(event, False, "Geen toestemming gegeven, dus niet tonen.")  # consent not given
    say(event, False, "Ook dit niet.", quote_ok=False)
    solved(amb, idea, yes=True, text="Stil blijven, dit is van mij.")
    assert _all_quoted() == []
    html = page(web.get("/wijken/west/cijfers"))
    for words in ("Geen toestemming gegeven", "Ook dit niet.", "Stil blijven"):
        assert words not in html


def test_consented_words_are_quoted_without_a_name(web):
    amb = ambassador()
    idea = owed_idea()
    event = answered(amb, idea)
    writer = person(name="Henk Quotemans")
    say(event, False, "Het antwoord zegt niet wanneer het klaar is.", quote_ok=True, user=writer)
    html = page(web.get("/wijken/west/cijfers"))
    assert "Het antwoord zegt niet wanneer het klaar is." in html
    assert "Een bewoner, over een antwoord dat geen antwoord was" in html
    assert "Henk Quotemans" not in html and writer.email not in html
    assert "Het antwoord zegt niet" not in page(web.get("/wijken/oost/cijfers"))  # another wijk's words stay there


def test_existing_rows_and_unticked_boxes_are_no(web):
    idea = owed_idea()
    event = answered(ambassador(), idea)
    row = say(event, True, "Oude woorden")
    assert row.quote_ok is False


def test_the_consent_box_on_the_feedback_page_sets_and_clears_consent(web):
    idea = owed_idea()
    event = answered(ambassador(), idea)
    resident = person()
    url = links.feedback_link(resident.id, event.id, False)
    html = page(web.get(url))
    assert CONSENT in html and 'type="checkbox"' in html and "checked" not in html.split(CONSENT)[0][-400:]
    web.post(url, data={"helpful": "no", "text": "Wanneer dan?", "quote_ok": "y"})
    row = db.session.scalar(select(AnswerFeedback).where(AnswerFeedback.user_id == resident.id))
    assert (row.text, row.quote_ok) == ("Wanneer dan?", True)
    web.post(url, data={"helpful": "no", "text": "Wanneer dan?"})
    db.session.expire_all()
    assert db.session.get(AnswerFeedback, row.id).quote_ok is False


def test_the_consent_box_on_how_is_it_going_and_solved(web):
    amb = ambassador()
    idea = owed_idea()
    answered(amb, idea)
    services_followup = solved_followup(amb, idea)
    sign_in(web, services_followup.user)
    response = web.post(f"/followups/{services_followup.id}", data={"answer": "yes", "text": "Top!", "quote_ok": "y"})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(FollowUp, services_followup.id).quote_ok is True
    assert "Top!" in _all_quoted()


def solved_followup(amb, idea):
    from datetime import timedelta

    from participatie.clock import utcnow
    from participatie.responses import services
    from participatie.responses.models import FollowUpKind

    services.change_status(amb, idea, "decided", "Het kan.", outcome="city_does_it", next_step="Doen",
                           next_date=utcnow().date() + timedelta(days=5))
    services.change_status(amb, idea, "done", "Klaar. Is het goed zo?")
    return db.session.scalar(select(FollowUp).where(FollowUp.idea_id == idea.id, FollowUp.kind == FollowUpKind.SOLVED))


def test_the_consent_box_on_conversation_feedback(web):
    conversation = held(ambassador())
    guest = person()
    url = talk_links.feedback_link(conversation.id, rating="good", user_id=guest.id)
    assert CONSENT in page(web.get(url))
    web.post(url, data={"rating": "good", "text": "Ik werd gehoord.", "quote_ok": "y"})
    row = db.session.scalar(select(ConversationFeedback).where(ConversationFeedback.user_id == guest.id))
    assert (row.text, row.quote_ok) == ("Ik werd gehoord.", True)
    assert "Ik werd gehoord." in page(web.get(f"/wijken/{conversation.wijk.slug}/cijfers"))
