"""'Was dit een antwoord op de vraag?': one answer per person, changeable, also from e-mail."""

from flask import render_template
from flask_babel import gettext as _
from sqlalchemy import select

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.i18n import writer_language
from participatie.extensions import db
from participatie.ideas.models import EventKind, IdeaEvent
from participatie.ideas.services import is_following
from participatie.responses import links, rules
from participatie.responses.models import AnswerFeedback


def feedback_mail_body(user, event) -> str:
    return render_template(
        "mail/answer.txt", user=user, event=event, idea_title=event_idea_title(event),
        yes_link=links.feedback_link(user.id, event.id, True), no_link=links.feedback_link(user.id, event.id, False),
    )


def event_idea_title(event) -> str:
    from participatie.ideas.models import Idea

    return db.session.get(Idea, event.idea_id).title


def give_feedback(user, event: IdeaEvent, helpful: bool, text: str = "", *, via_link=False,
                  quote_ok: bool | None = None) -> AnswerFeedback:
    """Record or change this person's verdict on an answer. A signed e-mail link counts as following.
    `quote_ok` (when given): may the figures pages quote their words without their name."""
    from participatie.ideas.models import Idea

    if event.kind != EventKind.ANSWER:
        raise DomainValidationError(_("You can only react to an answer of the city."))
    idea = db.session.get(Idea, event.idea_id)
    following = via_link or is_following(user, idea)
    if not rules.can_give_feedback(user, idea, following):
        raise NotAllowed("feedback")
    row = db.session.scalar(select(AnswerFeedback).where(
        AnswerFeedback.event_id == event.id, AnswerFeedback.user_id == user.id))
    row = row or AnswerFeedback(event_id=event.id, user_id=user.id)
    row.helpful = helpful
    if text.strip() or row.text is None:
        row.text, row.lang = text.strip()[:2000], writer_language()
    if quote_ok is not None:
        row.quote_ok = bool(quote_ok)
    db.session.add(row)
    db.session.commit()
    return row


def my_feedback(user, event_ids) -> dict:
    """{event_id: helpful} for the current user's feedback on the answers shown."""
    if not (user and user.is_authenticated and event_ids):
        return {}
    query = select(AnswerFeedback.event_id, AnswerFeedback.helpful).where(
        AnswerFeedback.user_id == user.id, AnswerFeedback.event_id.in_(event_ids))
    return dict(db.session.execute(query).all())


def context_for(events) -> dict:
    """What the answer partials need: counts, the viewer's own verdict, and whether they may give one."""
    from flask_login import current_user

    from participatie.responses.models import feedback_counts

    answers = [e for e in events if e.kind == EventKind.ANSWER]
    ids = [e.id for e in answers]
    may = {}
    if answers and current_user.is_authenticated:
        from participatie.ideas.models import Idea

        idea = db.session.get(Idea, answers[0].idea_id)
        may = {e.id: rules.can_give_feedback(current_user, idea, is_following(current_user, idea)) for e in answers}
    return {"feedback_counts": feedback_counts(ids), "my_feedback": my_feedback(current_user, ids),
            "may_feedback": may}
