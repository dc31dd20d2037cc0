"""Connecting ideas to what exists: the 'Bestaat dit al?' step, links, ideas collected offline, paper supports."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import maps as idea_maps
from participatie.ideas import rules as idea_rules
from participatie.ideas import services as ideas
from participatie.ideas.forms import IdeaForm
from participatie.ideas.models import Idea
from participatie.socialmap import links, offline, rules
from participatie.socialmap.forms import CollectForm, LinkEntryForm, LinkIdeaForm, PaperSupportForm
from participatie.socialmap.models import IdeaLink, SocialMapEntry
from participatie.socialmap.panel import idea_panel
from participatie.socialmap.similarity import similar_nearby
from participatie.socialmap.views import bp
from participatie.socialmap.views.common import field_error, wijk_choices


def _float(value):
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _matches(values):
    """Suggestions for the typed title/body at the chosen point (or wijk)."""
    title = (values.get("title") or "").strip()[:140]
    lat, lng = _float(values.get("lat")), _float(values.get("lng"))
    wijk = geo.wijk_for_point(lat, lng) if lat is not None and lng is not None else None
    wijk = wijk or geo.wijk_by_slug(values.get("wijk") or "")
    if len(title) < 3 or (wijk is None and lat is None):
        return [], False
    return similar_nearby(title, (values.get("body") or "")[:5000], lat, lng, wijk), True


@bp.get("/socialmap/similar")
def similar():
    """The htmx partial of the idea form (also readable on its own)."""
    matches, checked = _matches(request.args)
    return render_template("socialmap/_similar.html", similar=matches, similar_checked=checked)


@bp.post("/socialmap/similar")
def similar_step():
    """Without JavaScript: the idea form's 'check' button posts here and gets the same form back,
    everything typed kept, with the suggestions in it. The form still posts to ideas.new."""
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=url_for("ideas.new")), 303)
    if not idea_rules.can_post(current_user):
        return render_template("ideas/confirm_first.html"), 403
    form = IdeaForm()
    form.wijk.choices = wijk_choices()
    matches, checked = _matches(request.form)
    return render_template("ideas/form.html", form=form, idea=None, similar=matches, similar_checked=checked,
                           picker_map=idea_maps.picker(form.lat.data, form.lng.data))


# --- links ---------------------------------------------------------------------------------------

def _idea(idea_id: int) -> Idea:
    idea = db.get_or_404(Idea, idea_id)
    if not idea_rules.can_view(current_user, idea):
        abort(404)
    return idea


def _back(idea, anchor="sociale-kaart"):
    return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor=anchor), 303)


def _form_problem(form) -> None:
    flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")


@bp.post("/ideas/<int:idea_id>/links/entry")
@login_required
def link_entry(idea_id: int):
    idea = _idea(idea_id)
    if not rules.can_link(current_user, idea):
        raise NotAllowed("link")
    form = LinkEntryForm()
    form.entry.choices = [(e.id, e.name) for e in idea_panel(idea, current_user).entry_choices]
    if not form.validate_on_submit():
        _form_problem(form)
        return _back(idea)
    entry = db.get_or_404(SocialMapEntry, form.entry.data)
    try:
        links.link_entry(current_user, idea, entry, form.kind.data)
    except DomainValidationError as exc:
        flash(exc.message, "error")
    else:
        flash(_("The link is saved. It shows on both pages."), "ok")
    return _back(idea)


@bp.post("/ideas/<int:idea_id>/links/idea")
@login_required
def link_idea(idea_id: int):
    idea = _idea(idea_id)
    if not rules.can_link(current_user, idea):
        raise NotAllowed("link")
    form = LinkIdeaForm()
    if not form.validate_on_submit():
        _form_problem(form)
        return _back(idea)
    other = db.session.get(Idea, form.other.data)
    if other is None or other.hidden:
        flash(_("There is no idea with this number."), "error")
        return _back(idea)
    try:
        links.link_ideas(current_user, idea, other)
    except DomainValidationError as exc:
        flash(exc.message, "error")
    else:
        flash(_("The link is saved. It shows on both pages."), "ok")
    return _back(idea)


@bp.post("/socialmap/links/<int:link_id>/delete")
@login_required
def unlink(link_id: int):
    link = db.get_or_404(IdeaLink, link_id)
    idea = link.idea
    links.remove_link(current_user, link)
    flash(_("The link is removed."), "ok")
    return _back(idea)


# --- collected offline ---------------------------------------------------------------------------

@bp.route("/makelaar/collect", methods=["GET", "POST"])
@login_required
def collect():
    own = list(current_user.wijken) if rules.is_curator(current_user) else []
    if not any(rules.can_collect(current_user, w.id) for w in own):
        raise NotAllowed("collect")
    form = CollectForm()
    form.wijk.choices = [("", _("Choose a wijk"))] + [(w.slug, w.name) for w in own]
    if form.validate_on_submit():
        data = ideas.IdeaInput(
            kind=form.kind.data, title=form.title.data, body=form.body.data, themes=form.themes.data or [],
            needs=form.needs.data or [], offer=form.offer.data or "", lat=form.lat.data, lng=form.lng.data,
            wijk_slug=form.wijk.data, street=form.street.data or "")
        try:
            idea = offline.collect_idea(current_user, data, occasion=form.occasion.data,
                                        contact_name=form.contact_name.data or "",
                                        contact_phone=form.contact_phone.data or "",
                                        contact_email=form.contact_email.data or "", consent=form.consent.data)
        except DomainValidationError as exc:
            field_error(form, exc, "title")
        except NotAllowed:
            form.wijk.errors = [*form.wijk.errors, _("Choose a place in one of your wijken.")]
        else:
            flash(_("The idea is on the map. You get the messages about it."), "ok")
            return redirect(url_for("ideas.detail", idea_id=idea.id), 303)
    return render_template("socialmap/collect.html", form=form,
                           picker_map=idea_maps.picker(form.lat.data, form.lng.data)), 422 if form.errors else 200


@bp.post("/ideas/<int:idea_id>/paper-supports")
@login_required
def paper_support(idea_id: int):
    idea = _idea(idea_id)
    if not rules.can_add_paper_support(current_user, idea):
        raise NotAllowed("paper support")
    form = PaperSupportForm()
    if not form.validate_on_submit():
        _form_problem(form)
        return _back(idea)
    try:
        offline.add_paper_support(current_user, idea, count=form.count.data,
                                  collected_where=form.collected_where.data, collected_on=form.collected_on.data,
                                  note=form.note.data or "")
    except DomainValidationError as exc:
        flash(exc.message, "error")
    else:
        flash(_("The paper supports are added."), "ok")
    return _back(idea)
