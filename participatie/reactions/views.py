"""Reactions on an idea page: htmx re-renders only the list, plain forms get a 303."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import rules as idea_rules
from participatie.ideas import photos
from participatie.ideas.forms import photo_input
from participatie.ideas.models import Idea
from participatie.ideas.views import detail_page
from participatie.reactions import rules, services
from participatie.reactions.forms import ReactionForm
from participatie.reactions.models import Reaction
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.htmx import is_htmx

bp = Blueprint("reactions", __name__)


def _idea(idea_id: int) -> Idea:
    idea = db.get_or_404(Idea, idea_id)
    if not idea_rules.can_view(current_user, idea):
        abort(404)
    return idea


def _page_arg() -> int | None:
    return request.values.get("reacties", type=int)


def _list(idea: Idea, page: int | None, **context):
    return render_template("reactions/_list.html", idea=idea, thread=services.thread(idea, page), **context)


@bp.get("/ideas/<int:idea_id>/reacties")
def page(idea_id: int):
    idea = _idea(idea_id)
    if is_htmx():
        return _list(idea, _page_arg())
    return redirect(url_for("ideas.detail", idea_id=idea.id, reacties=_page_arg(), _anchor="reacties"), 303)


def _parent(idea: Idea, value: str | None) -> Reaction | None:
    if not value:
        return None
    parent = db.session.get(Reaction, int(value)) if value.isdigit() else None
    if parent is None or parent.idea_id != idea.id:
        abort(404)
    return parent


@bp.post("/ideas/<int:idea_id>/reacties")
@login_required
def create(idea_id: int):
    idea = _idea(idea_id)
    form = ReactionForm()
    parent = _parent(idea, form.parent.data)
    if not (rules.can_reply(current_user, parent) if parent else rules.can_react(current_user, idea)):
        raise NotAllowed("react")
    if form.validate_on_submit():
        try:
            reaction = services.post(current_user, idea, form.body.data, parent=parent, photo=photo_input(form))
        except DomainValidationError as exc:
            target = getattr(form, exc.field or "body", None) or form.body
            target.errors = [*target.errors, exc.message]
        else:
            return _posted(idea, reaction)
    context = {"reaction_form": form} if parent is None else {"reply_form": form, "reply_to": parent.id}
    if is_htmx():
        return _list(idea, _page_arg(), **context)  # htmx swaps only 2xx: the errors show in place
    return detail_page(idea, 422, **context)


def _posted(idea: Idea, reaction: Reaction):
    page = _page_arg() if reaction.parent_id else services.last_page(idea)
    message = _("Your reaction is placed.") if reaction.shown else \
        _("Thank you. Your reaction is shown after a check by a moderator.")
    if is_htmx():
        return _list(idea, page, status_message=message, reaction_form=ReactionForm(formdata=None))
    flash(message, "ok")
    return redirect(url_for("ideas.detail", idea_id=idea.id, reacties=page, _anchor=f"reactie-{reaction.id}"), 303)


def _at(reaction: Reaction) -> str:
    return url_for("ideas.detail", idea_id=reaction.idea_id, _anchor=f"reactie-{reaction.id}")


def _own(reaction_id: int) -> Reaction:
    reaction = db.get_or_404(Reaction, reaction_id)
    if not idea_rules.can_view(current_user, reaction.idea):
        abort(404)
    return reaction


@bp.route("/reacties/<int:reaction_id>/bewerken", methods=["GET", "POST"])
@login_required
def edit(reaction_id: int):
    reaction = _own(reaction_id)
    if not rules.can_edit_reaction(current_user, reaction, utcnow()):
        raise NotAllowed("edit reaction")
    form = ReactionForm(data=None if request.method == "POST" else {"body": reaction.body})
    if form.validate_on_submit():
        try:
            services.edit(current_user, reaction, form.body.data)
        except (DomainValidationError, NotAllowed) as exc:
            form.body.errors = [*form.body.errors, getattr(exc, "message", _("The time to change it is over."))]
        else:
            flash(_("Your reaction is changed."), "ok")
            return redirect(_at(reaction), 303)
    return render_template("reactions/edit.html", reaction=reaction, form=form), 422 if form.errors else 200


@bp.post("/reacties/<int:reaction_id>/verwijderen")
@login_required
def delete(reaction_id: int):
    reaction = _own(reaction_id)
    if not rules.can_delete_reaction(current_user, reaction):
        raise NotAllowed("delete reaction")
    services.delete(current_user, reaction)
    if is_htmx():
        return _list(reaction.idea, _page_arg(), status_message=_("Your reaction is deleted."))
    flash(_("Your reaction is deleted."), "ok")
    return redirect(_at(reaction), 303)


@bp.get("/reacties/<int:reaction_id>/foto.jpg")
def photo(reaction_id: int):
    reaction = _own(reaction_id)
    if not reaction.has_photo or (not reaction.shown and not idea_rules.can_see_hidden(current_user, reaction.idea)):
        abort(404)
    data = photos.load(reaction.photo_name)
    if data is None:
        abort(404)
    response = current_app.response_class(data, mimetype="image/jpeg")
    response.cache_control.max_age = 3600
    response.cache_control.private = True  # it can still be hidden or deleted
    return response
