"""Loading and small view helpers."""

from flask import abort, redirect, url_for
from flask_login import current_user

from participatie.conversations import rules
from participatie.conversations.models import Conversation
from participatie.web.errors import DomainValidationError
from participatie.extensions import db


def load(conversation_id: int) -> Conversation:
    """A conversation the visitor may see, or 404 (a proposal is not public yet)."""
    conversation = db.get_or_404(Conversation, conversation_id)
    if not rules.can_view(current_user, conversation):
        abort(404)
    return conversation


def to_page(conversation, anchor=None):
    return redirect(url_for("conversations.detail", conversation_id=conversation.id, _anchor=anchor), 303)


def field_error(form, exc: DomainValidationError) -> None:
    """Put a service's validation message next to its field (or the first field)."""
    target = getattr(form, exc.field or "", None)
    if target is None:
        target = next(f for f in form if f.type not in ("CSRFTokenField", "HiddenField"))
    target.errors = [*target.errors, exc.message]
