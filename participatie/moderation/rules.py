"""Who may report and who may moderate what. Pure predicates: no writes, no request globals.
Role checks come from accounts/predicates.py."""

from participatie.accounts.predicates import is_admin, is_makelaar, is_makelaar_of, is_signed_in


def can_write(user) -> bool:
    """Logged in and not blocked: the person may report."""
    return is_signed_in(user) and not user.is_blocked


def can_report_by(user, writer_id: int | None) -> bool:
    """Anyone logged in, never their own writing (templates ask this with the writer's id)."""
    return can_write(user) and writer_id != user.id


def can_report(user, target) -> bool:
    """As can_report_by, for a loaded item; once per item (the service checks once)."""
    return target is not None and can_report_by(user, target.writer_id)


def can_see_queue(user) -> bool:
    return is_admin(user) or is_makelaar(user)


def moderates_everywhere(user) -> bool:
    return is_admin(user)


def can_moderate(user, wijk_id: int | None) -> bool:
    """Admins everywhere; makelaars only in their own wijken."""
    return is_admin(user) or is_makelaar_of(user, wijk_id)


def can_warn(user, target) -> bool:
    writer = target.writer if target else None
    return can_moderate(user, target.wijk_id) and writer is not None and not writer.is_deleted \
        and writer.id != user.id


def can_block(user, target) -> bool:
    """Blocking counts for the whole site, so only an admin blocks; never another admin."""
    writer = target.writer if target else None
    return (is_admin(user) and writer is not None and not writer.is_deleted
            and writer.id != user.id and not is_admin(writer))


def can_object(user, target) -> bool:
    """The writer of a hidden item may ask for another look."""
    return is_signed_in(user) and target is not None and target.hidden and target.writer_id == user.id
