"""Sign up in one tap (account) or with name and e-mail (link); cancel; the links from the mails."""

from flask import current_app, flash, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.accounts.tokens import LinkError
from participatie.conversations import links
from participatie.conversations.forms import GuestRsvpForm, RsvpForm
from participatie.conversations.models import Rsvp
from participatie.conversations.services import (
    cancel_rsvp,
    confirm_guest,
    rsvp_guest,
    rsvp_member,
    rsvp_of,
)
from participatie.conversations.services.rsvp import SignupClosed
from participatie.conversations.views import bp
from participatie.conversations.views.common import load, to_page
from participatie.web.errors import DomainValidationError, link_problem
from participatie.extensions import db
from participatie.web.ratelimit import person_limit


def _signed_up_message(rsvp: Rsvp) -> str:
    if rsvp.waitlisted:
        return _("The conversation is full. You are on the waiting list. We let you know when a place is free.")
    return _("You are signed up. See you there!")


@bp.post("/conversations/<int:conversation_id>/rsvp")
@person_limit("RATELIMIT_POST")
def rsvp(conversation_id: int):
    conversation = load(conversation_id)
    if current_user.is_authenticated:
        form = RsvpForm()
        try:
            mine = rsvp_member(current_user, conversation, share_contact=form.share_contact.data)
        except SignupClosed:
            flash(_("You can no longer sign up for this conversation."), "error")
        else:
            flash(_signed_up_message(mine), "ok")
        return to_page(conversation, "meedoen")
    form = GuestRsvpForm()
    if form.validate_on_submit():
        try:
            rsvp_guest(conversation, form.name.data, form.email.data, share_contact=form.share_contact.data)
        except SignupClosed:
            flash(_("You can no longer sign up for this conversation."), "error")
            return to_page(conversation, "meedoen")
        except DomainValidationError as exc:
            getattr(form, exc.field or "email").errors.append(exc.message)
        else:
            return render_template("conversations/check_mail.html", conversation=conversation)
    return render_template("conversations/guest_form.html", conversation=conversation, guest_form=form), 422


@bp.post("/conversations/<int:conversation_id>/rsvp/cancel")
@login_required
def cancel_mine(conversation_id: int):
    conversation = load(conversation_id)
    mine = rsvp_of(current_user, conversation)
    if mine is not None:
        cancel_rsvp(mine)
        flash(_("You are signed off. Thank you for letting us know."), "ok")
    return to_page(conversation, "meedoen")


@bp.get("/conversations/rsvp/<token>")
def confirm_rsvp(token: str):
    try:
        confirmed = confirm_guest(token)
    except LinkError as exc:
        return link_problem(exc.expired)
    except SignupClosed:
        flash(_("You can no longer sign up for this conversation."), "error")
        return link_problem(True)
    flash(_signed_up_message(confirmed), "ok")
    return to_page(confirmed.conversation, "meedoen")


@bp.route("/conversations/cancel/<token>", methods=["GET", "POST"])
def cancel_by_link(token: str):
    """The link in a guest's mail. GET asks; the button (POST) cancels."""
    from flask import request

    try:
        data = links.read_cancel(token)
    except LinkError as exc:
        return link_problem(exc.expired)
    guest = db.session.get(Rsvp, data.get("r")) if isinstance(data, dict) else None
    if guest is None:
        return link_problem(False)
    if request.method == "POST":
        cancel_rsvp(guest)
        flash(_("You are signed off. Thank you for letting us know."), "ok")
        return to_page(guest.conversation)
    return render_template("conversations/cancel_rsvp.html", rsvp=guest, token=token)
