"""Residents' own words beside the figures: ONLY from people who ticked "Je mag mijn woorden zonder
mijn naam laten zien" (quote_ok) where they wrote them, and shown without any name."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie.conversations.models import Conversation, ConversationFeedback
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaEvent
from participatie.responses.models import AnswerFeedback, FollowUp, FollowUpKind

SOURCES = {
    "how_now": _l("A resident, three weeks after the end: “How is it going now?”"),
    "solved": _l("An initiator, about “Is this solved for you?”"),
    "not_an_answer": _l("A resident, about an answer of the city that was not an answer"),
    "answer": _l("A resident, about an answer of the city"),
    "conversation": _l("A resident, after a city conversation"),
}
MAX_WORDS = 60


@dataclass(frozen=True)
class Quote:
    text: str
    source: str

    @property
    def source_label(self):
        return SOURCES[self.source]


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:MAX_WORDS]) + (" …" if len(words) > MAX_WORDS else "")


def _ideas(query, wijk_id):
    query = query.where(Idea.hidden.is_(False))
    return query.where(Idea.wijk_id == wijk_id) if wijk_id is not None else query


def quotes(period, wijk_id: int | None = None, per_source: int = 2) -> dict[str, list[Quote]]:
    """{source: newest consented quotes of the period}; five small queries, each limited."""
    followups = _ideas(select(FollowUp.text).join(Idea, Idea.id == FollowUp.idea_id)
                       .where(FollowUp.quote_ok.is_(True), FollowUp.text != "", FollowUp.answered_at >= period.since),
                       wijk_id).order_by(FollowUp.answered_at.desc())
    how_now = followups.where(FollowUp.kind == FollowUpKind.HOW_NOW)
    solved = followups.where(FollowUp.kind == FollowUpKind.SOLVED)
    feedback = _ideas(select(AnswerFeedback.text).join(IdeaEvent, IdeaEvent.id == AnswerFeedback.event_id)
                      .join(Idea, Idea.id == IdeaEvent.idea_id)
                      .where(AnswerFeedback.quote_ok.is_(True), AnswerFeedback.text != "",
                             AnswerFeedback.updated_at >= period.since), wijk_id)
    talk = (select(ConversationFeedback.text).join(Conversation, Conversation.id == ConversationFeedback.conversation_id)
            .where(ConversationFeedback.quote_ok.is_(True), ConversationFeedback.text != "",
                   ConversationFeedback.created_at >= period.since))
    if wijk_id is not None:
        talk = talk.where(Conversation.wijk_id == wijk_id)
    queries = {
        "how_now": how_now,
        "solved": solved,
        "not_an_answer": feedback.where(AnswerFeedback.helpful.is_(False)).order_by(AnswerFeedback.updated_at.desc()),
        "answer": feedback.where(AnswerFeedback.helpful.is_(True)).order_by(AnswerFeedback.updated_at.desc()),
        "conversation": talk.order_by(ConversationFeedback.created_at.desc()),
    }
    return {source: [Quote(_short(text), source) for text in db.session.scalars(query.limit(per_source))]
            for source, query in queries.items()}
