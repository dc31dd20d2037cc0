"""Who may do what with ideas. Pure predicates: no writes, no request globals."""

from participatie.accounts.roles import Role
from participatie.ideas.status import IdeaStatus


def _active(user) -> bool:
    return bool(user and user.is_authenticated)


def can_post(user) -> bool:
    """Posting needs an account with a confirmed e-mail address, not blocked by a moderator."""
    return _active(user) and user.email_verified and not user.is_blocked


def is_author(user, idea) -> bool:
    return _active(user) and idea.author_id == user.id


def can_edit(user, idea) -> bool:
    """The author may edit while nobody has supported or joined it yet."""
    return is_author(user, idea) and idea.supporter_total == 0 and idea.status == IdeaStatus.OPEN


def can_add_update(user, idea) -> bool:
    """The author can always tell supporters what is going on."""
    return is_author(user, idea) and not idea.hidden


def can_view(user, idea) -> bool:
    return not idea.hidden or (_active(user) and user.role == Role.ADMIN)


def can_follow(user, idea) -> bool:
    """Anyone logged in can follow an idea they can see."""
    return _active(user) and can_view(user, idea)


def can_edit_summary(user, idea) -> bool:
    """The short B1 summary: the initiator, a makelaar of the wijk, the claiming ambassador, an admin."""
    if not _active(user) or idea.hidden:
        return False
    if user.role == Role.ADMIN or is_author(user, idea):
        return True
    if user.role == Role.AMBASSADOR:
        return idea.ambassador_id == user.id
    return user.role == Role.MAKELAAR and any(w.id == idea.wijk_id for w in user.wijken)


def can_add_photo(user, idea) -> bool:
    """The initiator adds and removes photos of their own idea."""
    return is_author(user, idea) and not idea.hidden and not user.is_blocked


def can_see_hidden(user, idea) -> bool:
    """Hidden photos (and reactions) stay visible to the people who moderate this wijk."""
    if not _active(user):
        return False
    return user.role == Role.ADMIN or (user.role == Role.MAKELAAR and any(w.id == idea.wijk_id for w in user.wijken))
