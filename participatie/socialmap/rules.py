"""Who may do what on the social map. Pure predicates: no writes, no request globals."""

from participatie.accounts.roles import Role


def _is(user, *roles) -> bool:
    return bool(user and user.is_authenticated and user.role in roles)


def _in_own_wijk(user, wijk_id) -> bool:
    return _is(user, Role.MAKELAAR) and any(w.id == wijk_id for w in user.wijken)


def is_curator(user) -> bool:
    """Makelaars (with at least one wijk) and admins look after the map."""
    return _is(user, Role.ADMIN) or (_is(user, Role.MAKELAAR) and bool(user.wijken))


def can_curate_wijk(user, wijk_id) -> bool:
    """A makelaar only in their own wijken; an admin everywhere."""
    return _is(user, Role.ADMIN) or _in_own_wijk(user, wijk_id)


def can_edit_entry(user, entry) -> bool:
    return can_curate_wijk(user, entry.wijk_id)


def can_view_entry(user, entry) -> bool:
    return not entry.archived or can_edit_entry(user, entry)


def can_see_worklist(user) -> bool:
    return is_curator(user)


def can_suggest(user) -> bool:
    """Anyone with a confirmed account can suggest an entry or a correction."""
    return bool(user and user.is_authenticated and user.email_verified)


def can_handle_suggestion(user, suggestion) -> bool:
    return suggestion.handled_at is None and can_curate_wijk(user, suggestion.wijk_id)


def can_link(user, idea) -> bool:
    """Makelaars of the idea's wijk, ambassadors and admins connect ideas to what exists."""
    if idea.hidden:
        return False
    return _is(user, Role.AMBASSADOR, Role.ADMIN) or _in_own_wijk(user, idea.wijk_id)


def can_collect(user, wijk_id) -> bool:
    """Enter an idea on behalf of a resident met in the wijk."""
    return _is(user, Role.MAKELAAR) and _in_own_wijk(user, wijk_id) and user.email_verified


def can_add_paper_support(user, idea) -> bool:
    return idea.accepts_support and can_curate_wijk(user, idea.wijk_id)


def can_see_contact(user, idea, collected) -> bool:
    """The resident's details: only the makelaar who wrote them down and the claiming ambassador."""
    if collected is None or not (user and user.is_authenticated):
        return False
    if collected.collected_by_id == user.id:
        return True
    return _is(user, Role.AMBASSADOR) and idea.ambassador_id == user.id
