"""Notification e-mails: rendered in the recipient's language, with a one-click unsubscribe.

Messages go through `participatie.ops.mail.queue_mail`, so they leave only after the commit.
"""

from flask import current_app, has_request_context, render_template, url_for
from flask_babel import force_locale
from flask_babel import ngettext

from participatie.accounts import tokens
from participatie.ops.mail import queue_mail

UNSUBSCRIBE = "unsubscribe"


def unsubscribe_token(user) -> str:
    return tokens.make(UNSUBSCRIBE, {"uid": user.id})


def read_unsubscribe_token(token: str) -> int:
    """The user id in an unsubscribe token; raises tokens.LinkError when tampered with."""
    data = tokens.read(UNSUBSCRIBE, token, max_age=None)  # an old e-mail must still work
    if not isinstance(data, dict) or not isinstance(data.get("uid"), int):
        raise tokens.LinkError(expired=False)
    return data["uid"]


def absolute(path: str) -> str:
    """A site path made absolute with SITE_URL (e-mails leave the site)."""
    return current_app.config["SITE_URL"].rstrip("/") + path


def external_url(endpoint: str, **values) -> str:
    if has_request_context():
        return absolute(url_for(endpoint, **values))
    with current_app.test_request_context():  # jobs run without a request
        return absolute(url_for(endpoint, **values))


def mail_links(user) -> dict:
    """Unsubscribe and settings links plus the RFC 8058 headers: every notification e-mail has them."""
    unsubscribe = external_url("notifications.unsubscribe", token=unsubscribe_token(user))
    return {
        "unsubscribe_link": unsubscribe,
        "settings_link": external_url("accounts.settings"),
        "headers": {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }


def queue_notification_mail(user, notification, body: str | None = None) -> None:
    """One e-mail for one notification (users on "immediate"). `body` replaces the in-app text
    (it may carry signed one-click links, which never show in the app)."""
    links = mail_links(user)
    text = notification.body if body is None else body
    with force_locale(user.locale):
        body = render_template("mail/notification.txt", user=user, notification=notification, text=text,
                               link=absolute(notification.link), **links)
    queue_mail(user.email, notification.subject, body, headers=links["headers"])


def queue_digest_mail(user, notifications: list) -> None:
    """One e-mail with everything since the last digest (users on "daily")."""
    links = mail_links(user)
    items = [{"subject": n.subject, "body": n.body, "link": absolute(n.link)} for n in notifications]
    with force_locale(user.locale):
        subject = ngettext("Participatie Utrecht: %(num)d new message",
                           "Participatie Utrecht: %(num)d new messages", len(items))
        body = render_template("mail/digest.txt", user=user, items=items, **links)
    queue_mail(user.email, subject, body, headers=links["headers"])

