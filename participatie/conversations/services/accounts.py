"""When someone deletes their account (signals from participatie.accounts.signals).

Connected at import time: participatie/conversations/services/__init__.py imports this module.
"""

from sqlalchemy import func, select

from participatie.accounts.services import claims_blocker
from participatie.accounts.signals import account_deleted, deletion_blockers
from participatie.conversations.models import Conversation, Rsvp
from participatie.conversations.services.rsvp import withdraw
from participatie.conversations.status import ConversationStatus
from participatie.extensions import db
from participatie.ideas.models import Idea
from participatie.ideas.status import IdeaStatus

STILL_GOING = (ConversationStatus.PROPOSED, ConversationStatus.PLANNED)
FINISHED_IDEAS = (IdeaStatus.CLOSED, IdeaStatus.ARCHIVED)


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


@deletion_blockers.connect
def refuse_while_contact(user, **_extra) -> str | None:
    """An ambassador hands over the ideas they are the contact for before leaving.

    Claims live on the idea (Idea.ambassador_id); this check sits here because accounts may not
    import ideas and conversations already reacts to deletions. Its natural home is next to
    responses.services.open_claims."""
    query = select(func.count(Idea.id)).where(Idea.ambassador_id == user.id, Idea.status.not_in(FINISHED_IDEAS))
    return claims_blocker(db.session.scalar(query) or 0)
