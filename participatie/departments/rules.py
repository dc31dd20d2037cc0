"""Who may keep the department list and the ladder, ask departments and escalate. Pure predicates."""

from participatie.accounts.predicates import is_admin, is_ambassador_of


def can_manage_departments(user) -> bool:
    """The list of departments, the escalation ladder and the overview per department."""
    return is_admin(user)


def can_ask(user, idea) -> bool:
    """Only the idea's own ambassador (or an admin) asks departments and escalates."""
    if idea.hidden or idea.ambassador_id is None:
        return False
    return is_ambassador_of(user, idea) or is_admin(user)


can_escalate = can_ask
