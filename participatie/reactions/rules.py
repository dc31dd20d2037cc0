"""Who may react, reply, edit and delete. Pure predicates: no writes, no request globals."""

from datetime import datetime, timedelta

from participatie.accounts.predicates import has_role, is_signed_in, may_write
from participatie.accounts.roles import Role
from participatie.ideas.rules import can_view

EDIT_MINUTES = 15  # the writer may change a reaction this long after writing it


def can_react(user, idea) -> bool:
    return may_write(user) and can_view(user, idea) and not idea.hidden


def can_reply(user, reaction) -> bool:
    """One level of replies: only to a reaction that is itself no reply, and still readable."""
    return reaction.parent_id is None and reaction.shown and can_react(user, reaction.idea)


def is_writer(user, reaction) -> bool:
    return is_signed_in(user) and reaction.author_id == user.id


def can_edit_reaction(user, reaction, now: datetime, minutes: int = EDIT_MINUTES) -> bool:
    """The writer, for a short while after writing, while it is readable."""
    return (is_writer(user, reaction) and may_write(user) and reaction.shown
            and now - reaction.created_at <= timedelta(minutes=minutes))


def can_delete_reaction(user, reaction) -> bool:
    return is_writer(user, reaction) and not reaction.is_deleted


def role_mark(user, idea) -> str | None:
    """Who speaks for whom: the municipality's ambassador, a sociaal makelaar, or a neighbour."""
    if has_role(user, Role.AMBASSADOR) or idea.ambassador_id == user.id:
        return "ambassador"
    if has_role(user, Role.MAKELAAR):
        return "makelaar"
    return None
