"""Demo content for the figures pages and "Wat is er veranderd", through the real services: an
initiator says "ja, opgelost" in their own words, residents answer "Was dit een antwoord?" and give
feedback on a city conversation, some of them ticking "Je mag mijn woorden zonder mijn naam laten
zien" (and one not: those words are never quoted)."""

from sqlalchemy import select

from participatie.accounts.services import find_by_email
from participatie.conversations.models import Conversation
from participatie.conversations.services import after as conversation_after
from participatie.conversations.status import ConversationStatus
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import EventKind, IdeaStatus
from participatie.responses import feedback, followups
from participatie.responses.models import FollowUp, FollowUpKind


def _idea(title: str) -> Idea | None:
    return db.session.scalar(select(Idea).where(Idea.title == title))


def _neighbours(idea: Idea, count: int) -> list:
    from participatie.accounts.models import User

    query = select(User).where(User.email.like("buur%@example.org"), User.id != idea.author_id).order_by(User.id)
    return list(db.session.scalars(query.limit(count)))


def seed_insights() -> str:
    """Idempotent: an answered question is not answered again."""
    told = [_solved_lights(), _answer_feedback(), _conversation_feedback()]
    return "insights: " + ", ".join(t for t in told if t)


def _solved_lights() -> str | None:
    lights = _idea("Betere verlichting in het park")
    if lights is None or lights.status != IdeaStatus.DONE:
        return None
    asked = db.session.scalar(select(FollowUp).where(FollowUp.idea_id == lights.id, FollowUp.kind == FollowUpKind.SOLVED,
                                                     FollowUp.answered_at.is_(None)))
    if asked is None:
        return None
    followups.answer_followup(asked.user, asked, True, "De lampen branden. Ik fiets nu 's avonds weer met een gerust "
                              "gevoel door het park.", quote_ok=True)
    return "a solved idea"


def _answer_feedback() -> str | None:
    speelstraat = _idea("Speelstraat op woensdagmiddag")
    if speelstraat is None:
        return None
    answer = db.session.scalar(select(IdeaEvent).where(IdeaEvent.idea_id == speelstraat.id,
                                                       IdeaEvent.kind == EventKind.ANSWER).limit(1))
    people = _neighbours(speelstraat, 4)
    if answer is None or len(people) < 4:
        return None
    words = [(True, "Fijn, nu weten we wat we moeten doen.", True),
             (False, "Het formulier is lastig. Wie helpt ons echt, en wanneer?", True),
             (True, "", False),
             (False, "Dit mag niemand lezen behalve de gemeente.", False)]  # no consent: never quoted
    for person, (helpful, text, quote_ok) in zip(people, words):
        feedback.give_feedback(person, answer, helpful, text, via_link=True, quote_ok=quote_ok)
    return "answer feedback"


def _conversation_feedback() -> str | None:
    held = db.session.scalar(select(Conversation).where(Conversation.status == ConversationStatus.HELD).limit(1))
    fatima = find_by_email("inwoner@example.org")
    if held is None or fatima is None:
        return None
    conversation_after.give_feedback(held, "good", "yes", "Ik werd echt gehoord. De ambtenaar schreef alles op en "
                                     "belde me een week later terug.", user=fatima, via_link=True, quote_ok=True)
    return "conversation feedback"
