"""Who may do what on the social map. Pure predicates: no writes, no request globals."""

from participatie.accounts.predicates import (
    is_admin,
    is_ambassador_of,
    is_confirmed,
    is_makelaar,
    is_makelaar_of,
    is_signed_in,
    is_staff,
)


def is_curator(user) -> bool:
    """Makelaars (with at least one wijk) and admins look after the map."""
    return is_admin(user) or is_makelaar(user)


def can_curate_wijk(user, wijk_id) -> bool:
    """A makelaar only in their own wijken; an admin everywhere."""
    return is_admin(user) or is_makelaar_of(user, wijk_id)


def can_edit_entry(user, entry) -> bool:
    return can_curate_wijk(user, entry.wijk_id)


def can_view_entry(user, entry) -> bool:
    return not entry.archived or can_edit_entry(user, entry)


def can_see_worklist(user) -> bool:
    return is_curator(user)


def can_suggest(user) -> bool:
    """Anyone with a confirmed account can suggest an entry or a correction."""
    return is_confirmed(user)


def can_handle_suggestion(user, suggestion) -> bool:
    return suggestion.handled_at is None and can_curate_wijk(user, suggestion.wijk_id)


def can_link(user, idea) -> bool:
    """Makelaars of the idea's wijk, ambassadors and admins connect ideas to what exists."""
    if idea.hidden:
        return False
    return is_staff(user) or is_makelaar_of(user, idea.wijk_id)


def can_collect(user, wijk_id) -> bool:
    """Enter an idea on behalf of a resident met in the wijk."""
    return is_makelaar_of(user, wijk_id) and is_confirmed(user)


def can_add_paper_support(user, idea) -> bool:
    return idea.accepts_support and can_curate_wijk(user, idea.wijk_id)


def can_see_contact(user, idea, collected) -> bool:
    """The resident's details: only the makelaar who wrote them down and the claiming ambassador."""
    if collected is None or not is_signed_in(user):
        return False
    return collected.collected_by_id == user.id or is_ambassador_of(user, idea)
