"""Messages to people who signed up: members through notify (consent respected), guests by e-mail.

A guest gave their address for this one conversation and confirmed it, so they get only the
mails about it: the confirmation link, a move up from the waiting list, the reminder, a
cancellation and the question afterwards. Every guest mail has a link to cancel.
"""

from flask import current_app, render_template
from flask_babel import force_locale

from participatie.conversations import links
from participatie.conversations.services.common import link, signed_up
from participatie.conversations.timefmt import when_in_words
from participatie.ops.mail import queue_mail
from participatie.notifications.services import notify


def invitation_body(conversation) -> str:
    return render_template("conversations/mail/invitation.txt", conversation=conversation,
                           when=when_in_words(conversation.starts_at, conversation.ends_at))


def _guest_mail(rsvp, subject, template: str, **context) -> None:
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        conversation = rsvp.conversation
        body = render_template(template, rsvp=rsvp, conversation=conversation,
                               when=when_in_words(conversation.starts_at, conversation.ends_at),
                               page=links.absolute(link(conversation)),
                               cancel_link=links.cancel_link(rsvp), **context)
        queue_mail(rsvp.email, str(subject), body)


def confirmation_mail(rsvp) -> None:
    from flask_babel import lazy_gettext as _l

    _guest_mail(rsvp, _l("Confirm your sign-up for “%(title)s”", title=rsvp.conversation.title),
                "conversations/mail/confirm.txt", confirm_link=links.confirm_link(rsvp))


def tell(rsvp, *, kind: str, subject, body_template: str, **context) -> None:
    """One message to one sign-up: in-app (and mail with consent) for members, a mail for guests."""
    conversation = rsvp.conversation
    if rsvp.user is not None:
        body = render_template(body_template, rsvp=rsvp, conversation=conversation,
                               when=when_in_words(conversation.starts_at, conversation.ends_at),
                               page=links.absolute(link(conversation)), cancel_link=None, **context)
        notify([rsvp.user], kind=kind, subject=subject, body=body, link=link(conversation))
    else:
        _guest_mail(rsvp, subject, body_template, **context)


def tell_signed_up(conversation, subject, reason: str) -> None:
    for rsvp in signed_up(conversation):
        tell(rsvp, kind="conversation_cancelled", subject=subject,
             body_template="conversations/mail/cancelled.txt", reason=reason)
