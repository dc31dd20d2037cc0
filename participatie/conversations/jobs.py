"""Tick steps of stadsgesprekken (run by `flask jobs tick`); each is idempotent."""

from datetime import datetime, timedelta

from flask import render_template
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie.conversations import links
from participatie.conversations.models import Conversation, Rsvp
from participatie.conversations.services import notices
from participatie.conversations.services.after import feedback_recipients
from participatie.conversations.services.common import link
from participatie.conversations.services.rsvp import shared_contacts
from participatie.conversations.status import ConversationStatus, Rating
from participatie.extensions import db
from participatie.notifications.services import notify

REMIND_BEFORE = timedelta(days=1)


def remind_day_before(now: datetime) -> int:
    """One reminder per sign-up, from a day before the start. Members get it in-app (and by
    e-mail with consent); guests by e-mail, which they asked for when they signed up, with the
    contact details of the others who share them when the guest shares theirs too."""
    query = (select(Rsvp).join(Conversation)
             .where(Conversation.status == ConversationStatus.PLANNED, Conversation.starts_at > now,
                    Conversation.starts_at <= now + REMIND_BEFORE, Rsvp.cancelled_at.is_(None),
                    Rsvp.confirmed_at.is_not(None), Rsvp.waitlisted.is_(False), Rsvp.reminded_at.is_(None))
             .order_by(Rsvp.id))
    count = 0
    for rsvp in db.session.scalars(query).all():
        rsvp.reminded_at = now
        # Guests have no page to see the shared contacts on, so the mail carries them.
        contacts = shared_contacts(rsvp) if rsvp.user is None else []
        notices.tell(rsvp, kind="conversation_reminder", body_template="conversations/mail/reminder.txt",
                     subject=_l("Tomorrow: “%(title)s”", title=rsvp.conversation.title), contacts=contacts)
        db.session.commit()
        count += 1
    return count


def _rating_links(conversation_id: int, **who) -> dict:
    return {r.value: links.feedback_link(conversation_id, rating=r.value, **who) for r in Rating}


def ask_for_feedback(now: datetime) -> int:
    """Once the report is online: ask who came and who follows the ideas how it was."""
    query = select(Conversation).where(Conversation.status == ConversationStatus.HELD,
                                       Conversation.report_posted_at.is_not(None),
                                       Conversation.feedback_asked_at.is_(None))
    count = 0
    for conversation in db.session.scalars(query).all():
        conversation.feedback_asked_at = now
        users, guests = feedback_recipients(conversation)
        subject = _l("How was the city conversation “%(title)s”?", title=conversation.title)
        for user in users:
            # In the app: the question and a button to the page; the signed links only by e-mail.
            mail = render_template("conversations/mail/feedback.txt", conversation=conversation,
                                   page=links.absolute(link(conversation)),
                                   rating_links=_rating_links(conversation.id, user_id=user.id))
            notify([user], kind="conversation_feedback", subject=subject, mail_body=mail,
                   body=render_template("conversations/mail/feedback.txt", conversation=conversation),
                   link=link(conversation, _anchor="terugblik"))
        for rsvp in guests:
            notices.tell(rsvp, kind="conversation_feedback", subject=subject,
                         body_template="conversations/mail/feedback.txt",
                         rating_links=_rating_links(conversation.id, rsvp_id=rsvp.id))
        db.session.commit()
        count += 1
    return count


TICK_STEPS = [
    ("conversation_reminders", remind_day_before),
    ("conversation_feedback", ask_for_feedback),
]
