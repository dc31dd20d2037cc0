"""The one-click pattern of mails (RFC 8058): a signed link whose GET shows a confirm button and whose
POST acts, without login. Stopping mail and leaving the buurtnetwerk both go through here."""

from flask import render_template, request

from participatie.accounts import tokens


def confirm_then_act(token: str, read_token, act, template: str):
    """`read_token(token)` gives the user id (or raises LinkError); `act(user_id)` returns None when
    there is nobody to act on. The template gets state = confirm / done / invalid."""
    try:
        user_id = read_token(token)
    except tokens.LinkError:
        return render_template(template, state="invalid"), 400
    if request.method != "POST":
        return render_template(template, state="confirm", token=token)
    if act(user_id) is None:
        return render_template(template, state="invalid"), 400
    return render_template(template, state="done")
