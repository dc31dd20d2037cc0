"""Who may plan, confirm, sign up, see attendees, report and track actions. Pure predicates."""

from datetime import datetime

from participatie.accounts.predicates import (
    is_admin,
    is_ambassador,
    is_makelaar,
    is_makelaar_of,
    is_signed_in,
    is_staff,
)
from participatie.clock import utcnow
from participatie.conversations.status import ConversationStatus
from participatie.ideas.status import IdeaStatus

C = ConversationStatus
PLANNABLE = frozenset({IdeaStatus.AWAITING_RESPONSE, IdeaStatus.IN_PROGRESS})


def can_plan(user) -> bool:
    """Ambassadors and admins plan a conversation at once."""
    return is_staff(user)


def can_propose(user) -> bool:
    """Community brokers propose one (for their own wijken); an ambassador confirms it."""
    return is_makelaar(user)


def can_start(user) -> bool:
    return can_plan(user) or can_propose(user)


def in_scope(user, wijk_id: int) -> bool:
    """Ambassadors and admins: every wijk. Brokers: their own wijken."""
    if can_plan(user):
        return True
    return is_makelaar_of(user, wijk_id)


def can_link_idea(user, idea) -> bool:
    return idea.status in PLANNABLE and not idea.hidden and in_scope(user, idea.wijk_id)


def is_organiser(user, conversation) -> bool:
    """Who planned or confirmed it, and admins. Only they see the attendee list."""
    if is_admin(user):
        return True
    return is_signed_in(user) and user.id in (conversation.created_by_id, conversation.confirmed_by_id)


def can_confirm(user, conversation) -> bool:
    return can_plan(user) and conversation.status == C.PROPOSED


def can_cancel(user, conversation) -> bool:
    return is_organiser(user, conversation) and conversation.status in (C.PROPOSED, C.PLANNED)


def can_edit(user, conversation) -> bool:
    """Whoever may plan it changes the details: its creator, ambassadors and admins.
    Not once it was held or cancelled: then the page is the public record."""
    if conversation.status not in (C.PROPOSED, C.PLANNED):
        return False
    if can_plan(user):
        return True
    return can_start(user) and user.id == conversation.created_by_id


def can_edit_summary(user, conversation) -> bool:
    """The short B1 summary: the organisers, ambassadors, admins and the makelaars of the wijk."""
    if conversation.status == C.CANCELLED:
        return False
    if is_organiser(user, conversation) or can_plan(user):
        return True
    return is_makelaar_of(user, conversation.wijk_id)


def can_view(user, conversation) -> bool:
    """Proposals are seen by the organisers and the ambassadors who may confirm them."""
    if conversation.status != C.PROPOSED:
        return True
    return is_organiser(user, conversation) or can_plan(user)


def is_open_for_signup(conversation, now: datetime | None = None) -> bool:
    return conversation.status == C.PLANNED and conversation.starts_at > (now or utcnow())


def can_see_attendees(user, conversation) -> bool:
    return is_organiser(user, conversation)


def can_write_report(user, conversation, now: datetime | None = None) -> bool:
    """After it started (or again, to correct the report)."""
    started = conversation.starts_at <= (now or utcnow())
    return is_organiser(user, conversation) and (
        conversation.status == C.HELD or (conversation.status == C.PLANNED and started))


def can_add_action(user, conversation) -> bool:
    return is_organiser(user, conversation) and conversation.status == C.HELD


def can_update_action(user, item) -> bool:
    """The organisers, the named owner, and the idea's ambassador keep the status up to date."""
    if is_organiser(user, item.conversation):
        return True
    return is_ambassador(user) and user.id in (item.owner_user_id, item.idea.ambassador_id)


def can_see_overdue_queue(user) -> bool:
    return is_staff(user)
