"""When someone deletes their account (signals from participatie.accounts.signals).

Connected at import time: participatie/conversations/services/__init__.py imports this module.
"""

from sqlalchemy import select

from participatie.accounts.signals import account_deleted
from participatie.conversations.models import Conversation, Rsvp
from participatie.conversations.services.rsvp import withdraw
from participatie.conversations.status import ConversationStatus
from participatie.extensions import db

STILL_GOING = (ConversationStatus.PROPOSED, ConversationStatus.PLANNED)


@account_deleted.connect
def cancel_signups(user, *, now, **_extra) -> None:
    """Coming sign-ups end the usual way, so the waiting list moves up (with its message).
    Past ones stay for the record; the name shows as "Oud-deelnemer" through User.display_name."""
    query = (select(Rsvp).join(Rsvp.conversation)
             .where(Rsvp.user_id == user.id).order_by(Conversation.starts_at, Rsvp.id))
    for rsvp in db.session.scalars(query).all():
        rsvp.share_contact = False  # a wiped account has no contact details to share
        conversation = rsvp.conversation
        if conversation.status in STILL_GOING and conversation.starts_at > now:
            withdraw(rsvp, now=now)

