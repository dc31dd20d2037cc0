"""Sign up (one tap with an account, name and e-mail with a confirmation link), cancel, waiting list."""

from datetime import datetime

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from participatie.accounts.tokens import LinkError
from participatie.clock import utcnow
from participatie.conversations import links, rules
from participatie.conversations.models import Conversation, Rsvp
from participatie.conversations.services import notices
from participatie.conversations.services.common import locked, require
from participatie.conversations.status import ConversationStatus
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db


class SignupClosed(Exception):
    """The conversation is cancelled, held or has started: no new sign-ups."""


def attending_count(conversation_id: int) -> int:
    query = select(func.count(Rsvp.id)).where(
        Rsvp.conversation_id == conversation_id, Rsvp.cancelled_at.is_(None),
        Rsvp.confirmed_at.is_not(None), Rsvp.waitlisted.is_(False))
    return db.session.scalar(query) or 0


def attending_counts(conversation_ids: list[int]) -> dict[int, int]:
    """Places taken per conversation, in one query (for lists of conversations)."""
    if not conversation_ids:
        return {}
    query = (select(Rsvp.conversation_id, func.count(Rsvp.id))
             .where(Rsvp.conversation_id.in_(conversation_ids), Rsvp.cancelled_at.is_(None),
                    Rsvp.confirmed_at.is_not(None), Rsvp.waitlisted.is_(False))
             .group_by(Rsvp.conversation_id))
    return dict(db.session.execute(query).all())


def places_left(conversation: Conversation) -> int:
    return max(0, conversation.capacity - attending_count(conversation.id))


def _active(conversation_id: int, waitlisted: bool) -> list[Rsvp]:
    query = select(Rsvp).where(Rsvp.conversation_id == conversation_id, Rsvp.cancelled_at.is_(None),
                               Rsvp.confirmed_at.is_not(None), Rsvp.waitlisted.is_(waitlisted))
    return db.session.scalars(query.order_by(Rsvp.confirmed_at, Rsvp.id)).all()


def attendees(conversation: Conversation) -> list[Rsvp]:
    return _active(conversation.id, False)


def waiting_list(conversation: Conversation) -> list[Rsvp]:
    """Oldest confirmation first: that is the order in which people move up."""
    return _active(conversation.id, True)


def rsvp_of(user, conversation: Conversation) -> Rsvp | None:
    if not (user and user.is_authenticated):
        return None
    return db.session.scalar(select(Rsvp).where(Rsvp.conversation_id == conversation.id, Rsvp.user_id == user.id))


def _take_place(conversation: Conversation, rsvp: Rsvp, now: datetime) -> None:
    """Confirm the sign-up: a place when one is left, else the waiting list. Counted under a row lock."""
    locked(conversation)
    rsvp.confirmed_at, rsvp.cancelled_at, rsvp.waitlisted = now, None, True  # not counted while counting
    db.session.flush()
    rsvp.waitlisted = attending_count(conversation.id) >= conversation.capacity


def _open(conversation: Conversation, now: datetime) -> None:
    if not rules.is_open_for_signup(conversation, now):
        raise SignupClosed()


def rsvp_member(user, conversation: Conversation, *, share_contact: bool = False, now=None) -> Rsvp:
    """One tap. Signing up again while signed up changes nothing."""
    if not (user and user.is_authenticated):
        raise NotAllowed("rsvp")
    now = now or utcnow()
    _open(conversation, now)
    rsvp = rsvp_of(user, conversation)
    if rsvp is not None and rsvp.active:
        rsvp.share_contact = share_contact or rsvp.share_contact
        db.session.commit()
        return rsvp
    if rsvp is None:
        rsvp = Rsvp(conversation_id=conversation.id, user_id=user.id, created_at=now)
        db.session.add(rsvp)
    rsvp.share_contact = share_contact
    _take_place(conversation, rsvp, now)
    db.session.commit()
    return rsvp


def _clean_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise DomainValidationError(_("Fill in a valid e-mail address."), field="email") from exc


def rsvp_guest(conversation: Conversation, name: str, email: str, *, share_contact: bool = False, now=None) -> Rsvp:
    """Without an account: the place is taken when the link in the e-mail is opened.

    The page says the same in every case (new, pending, already confirmed), so nobody can find
    out whether an address signed up; the mail tells the owner of the address what is the case."""
    now = now or utcnow()
    _open(conversation, now)
    name = require(name, "name", _("Fill in your name."))[:80]
    email = _clean_email(email)
    rsvp = db.session.scalar(select(Rsvp).where(Rsvp.conversation_id == conversation.id, Rsvp.email == email))
    if rsvp is None:
        rsvp = Rsvp(conversation_id=conversation.id, email=email, created_at=now)
        db.session.add(rsvp)
    elif rsvp.active:
        db.session.commit()
        notices.tell(rsvp, kind="conversation_rsvp", subject=_l("You are already signed up"),
                     body_template="conversations/mail/already.txt")
        return rsvp
    rsvp.name, rsvp.share_contact = name, share_contact
    rsvp.confirmed_at, rsvp.cancelled_at, rsvp.waitlisted = None, None, False
    db.session.flush()
    notices.confirmation_mail(rsvp)
    db.session.commit()
    return rsvp


def confirm_guest(token: str, *, now=None) -> Rsvp:
    """The link from the confirmation mail. Opening it twice is harmless."""
    data = links.read_confirm(token)
    rsvp = db.session.get(Rsvp, data.get("r")) if isinstance(data, dict) else None
    if rsvp is None or rsvp.email != data.get("e") or rsvp.cancelled_at is not None:
        raise LinkError(expired=False)
    if rsvp.confirmed_at is not None:
        return rsvp
    now = now or utcnow()
    _open(rsvp.conversation, now)
    _take_place(rsvp.conversation, rsvp, now)
    db.session.commit()
    return rsvp


def cancel_rsvp(rsvp: Rsvp, *, now=None) -> Rsvp | None:
    """Cancel a sign-up. A freed place goes to the first on the waiting list, who gets a message.
    Returns the rsvp that moved up, if any."""
    moved = withdraw(rsvp, now=now)
    db.session.commit()
    return moved


def withdraw(rsvp: Rsvp, *, now=None) -> Rsvp | None:
    """cancel_rsvp without the commit, for a caller that commits once for more work
    (account deletion: conversations/services/accounts.py)."""
    if rsvp.cancelled_at is not None:
        return None
    now = now or utcnow()
    conversation = rsvp.conversation
    locked(conversation)
    held_place = rsvp.attending
    rsvp.cancelled_at, rsvp.waitlisted = now, False
    db.session.flush()
    # Nobody moves up for a cancelled conversation: "there is a place for you" would be false.
    if held_place and conversation.starts_at > now and conversation.status == ConversationStatus.PLANNED:
        return _move_up(conversation)
    return None


def fill_free_places(conversation: Conversation) -> list[Rsvp]:
    """After more places were added: the waiting list moves up, first come first served.
    The caller holds the row lock and commits."""
    moved = []
    while (first := _move_up(conversation)) is not None:
        db.session.flush()
        moved.append(first)
    return moved


def _move_up(conversation: Conversation) -> Rsvp | None:
    if attending_count(conversation.id) >= conversation.capacity:
        return None
    waiting = waiting_list(conversation)
    if not waiting:
        return None
    first = waiting[0]
    first.waitlisted = False
    notices.tell(first, kind="conversation_place", body_template="conversations/mail/moved_up.txt",
                 subject=_l("There is a place for you at “%(title)s”", title=conversation.title))
    return first


def may_see_contacts(viewer_rsvp: Rsvp | None) -> bool:
    """Only someone who comes (not waiting, not cancelled) and shares their own details."""
    return (viewer_rsvp is not None and viewer_rsvp.attending and viewer_rsvp.share_contact
            and viewer_rsvp.conversation.status in (ConversationStatus.PLANNED, ConversationStatus.HELD))


def shared_contacts(viewer_rsvp: Rsvp | None) -> list[Rsvp]:
    """Other attendees' contact details, only when the viewer and each of them opted in."""
    if not may_see_contacts(viewer_rsvp):
        return []
    return [r for r in attendees(viewer_rsvp.conversation) if r.share_contact and r.id != viewer_rsvp.id]
