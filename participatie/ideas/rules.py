"""Who may do what with ideas. Pure predicates: no writes, no request globals."""

from participatie.accounts.predicates import is_admin, is_ambassador_of, is_confirmed, is_makelaar_of, may_write
from participatie.accounts.predicates import is_signed_in as _active
from participatie.ideas.status import IdeaStatus


def can_post(user) -> bool:
    """Posting needs an account with a confirmed e-mail address, not blocked by a moderator."""
    return may_write(user)


def is_author(user, idea) -> bool:
    return _active(user) and idea.author_id == user.id


def can_edit(user, idea) -> bool:
    """The author may edit while nobody has supported or joined it yet."""
    untouched = idea.supporter_total == 0 and idea.join_count == 0
    return is_author(user, idea) and untouched and idea.status == IdeaStatus.OPEN


def can_add_update(user, idea) -> bool:
    """The author can always tell supporters what is going on."""
    return is_author(user, idea) and not idea.hidden


def can_revive(user, idea) -> bool:
    """The author may bring an archived idea back for another window of support."""
    return is_author(user, idea) and idea.status == IdeaStatus.ARCHIVED and not idea.hidden


def can_view(user, idea) -> bool:
    return not idea.hidden or is_admin(user)


def can_follow(user, idea) -> bool:
    """Anyone logged in can follow an idea they can see."""
    return _active(user) and can_view(user, idea)


def can_edit_summary(user, idea) -> bool:
    """The short B1 summary: the initiator, a makelaar of the wijk, the claiming ambassador, an admin."""
    if not _active(user) or idea.hidden:
        return False
    return (is_admin(user) or is_author(user, idea) or is_ambassador_of(user, idea)
            or is_makelaar_of(user, idea.wijk_id))


def can_add_photo(user, idea) -> bool:
    """The initiator adds and removes photos of their own idea."""
    return is_author(user, idea) and not idea.hidden and may_write(user)


def can_see_hidden(user, idea) -> bool:
    """Hidden photos (and reactions) stay visible to the people who moderate this wijk."""
    return is_admin(user) or is_makelaar_of(user, idea.wijk_id)
