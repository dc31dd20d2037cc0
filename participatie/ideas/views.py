"""Idea pages: list, map, detail, post, edit, update; and the map's data."""

from dataclasses import replace

from flask import (Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request,
                   stream_with_context, url_for)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.web import pagecache, ratelimit
from participatie.web.htmx import is_htmx
from participatie.geo import services as geo
from participatie.ideas import counting, geojson, maps, mapview, paging, photos, rules, services
from participatie.ideas.forms import IdeaForm, IdeaWithPhotoForm, PhotoForm, SummaryForm, UpdateForm, photo_input
from participatie.ideas.listing import ListFilters
from participatie.ideas.models import Idea, IdeaPhoto, timeline
from participatie.maps.grid import BadView, View

bp = Blueprint("ideas", __name__)
api_bp = Blueprint("api", __name__, url_prefix="/api")
MAP_MAX_AGE = 15  # seconds a browser may reuse a map answer without asking (then ETag: 304)


@bp.get("/ideas")
@pagecache.for_visitors
def index():
    filters = ListFilters.from_args(request.args)
    page = paging.paginate(filters, current_app.config["IDEAS_PER_PAGE"])
    return render_template("ideas/index.html", page=page, filters=filters, wijken=geo.all_wijken())


@bp.get("/map")
@pagecache.for_visitors
def map_page():
    """The map and, beside it, the list of the same ideas; with bbox the list holds the ideas in view
    (map.js asks for that list as a partial whenever the view changes)."""
    filters = ListFilters.from_args(request.args)
    page = paging.paginate(filters, current_app.config["IDEAS_PER_PAGE"])
    if is_htmx():
        return render_template("ideas/_map_list.html", page=page, filters=filters)
    everywhere = replace(filters, bbox=None)
    city_map = maps.overview(filters, home=maps.home_wijk(current_user, filters),
                             list_url=url_for("ideas.map_page", **filters.as_args()))
    return render_template("ideas/map.html", page=page, filters=filters, city_map=city_map,
                           wijken=geo.all_wijken(), on_map=counting.on_map(everywhere),
                           without_place=counting.without_place(everywhere))


def _get_visible(idea_id: int) -> Idea:
    idea = db.get_or_404(Idea, idea_id)
    if not rules.can_view(current_user, idea):
        abort(404)
    return idea


def detail_page(idea: Idea, status: int = 200, **forms):
    """The idea page; other domains' forms (reactions, photos) pass their invalid form to show its errors."""
    events = db.session.scalars(timeline(idea.id)).all()
    forms.setdefault("update_form", UpdateForm())
    forms.setdefault("photo_form", PhotoForm())
    return render_template("ideas/detail.html", idea=idea, events=events,
                           point_map=maps.for_idea(idea), **forms), status


@bp.get("/ideas/<int:idea_id>")
@pagecache.for_visitors
def detail(idea_id: int):
    idea = db.get_or_404(Idea, idea_id)
    if idea.hidden and not rules.can_view(current_user, idea):
        return render_template("ideas/hidden.html", idea=idea), 410
    return detail_page(idea)


def _idea_form(form_class=IdeaForm, **kwargs) -> IdeaForm:
    form = form_class(**kwargs)
    form.wijk.choices = [("", _("Choose a wijk"))] + [(w.slug, w.name) for w in geo.all_wijken()]
    return form


def _input(form: IdeaForm) -> services.IdeaInput:
    return services.IdeaInput(
        kind=form.kind.data, title=form.title.data or "", body=form.body.data or "",
        themes=form.themes.data or [], needs=form.needs.data or [], offer=form.offer.data or "",
        lat=form.lat.data, lng=form.lng.data, wijk_slug=form.wijk.data, street=form.street.data or "",
    )


def _show_error(form: IdeaForm, exc: DomainValidationError) -> None:
    target = form.wijk if exc.field in ("wijk", "location") else getattr(form, exc.field or "title", form.title)
    target.errors = [*target.errors, exc.message]


def _save(form: IdeaForm, save, template: str, **context):
    """Validate, call the service, or re-render with every error next to its field at once."""
    if ratelimit.allowed(form.title) and form.is_submitted():
        valid = form.validate()
        try:
            if valid:
                return save(_input(form))
            services.place_of(_input(form))  # a missing place is told together with the other errors
        except DomainValidationError as exc:
            _show_error(form, exc)
    status = ratelimit.status(form)
    picker = maps.picker(form.lat.data, form.lng.data)
    return render_template(template, form=form, picker_map=picker, **context), status


def _posted_message(idea: Idea) -> str:
    if idea.has_location:
        return _("Thank you! Your idea is on the map. Share it with your neighbours.")
    return _("Thank you! Your idea is in the list of %(wijk)s. Share it with your neighbours.", wijk=idea.wijk.name)


@bp.route("/ideas/new", methods=["GET", "POST"])
@ratelimit.form_limit(("RATELIMIT_POST", ratelimit.person))
def new():
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=request.full_path))
    if not rules.can_post(current_user):
        return render_template("ideas/confirm_first.html"), 403

    form = _idea_form(IdeaWithPhotoForm)

    def save(data):
        idea = services.create_idea(current_user, data, photo=photo_input(form))
        flash(_posted_message(idea), "ok")
        return redirect(url_for("ideas.detail", idea_id=idea.id), 303)

    return _save(form, save, "ideas/form.html", idea=None)


@bp.post("/ideas/<int:idea_id>/photos")
@login_required
def add_photo(idea_id: int):
    idea = _get_visible(idea_id)
    if not rules.can_add_photo(current_user, idea):
        raise NotAllowed("add photo")
    form = PhotoForm()
    if form.validate_on_submit():
        photo = photo_input(form)
        try:
            if photo is None:
                raise DomainValidationError(_("Choose a photo first."), field="photo")
            photos.add(current_user, idea, photo)
        except DomainValidationError as exc:
            target = form.alt if exc.field == "alt" else form.photo
            target.errors = [*target.errors, exc.message]
        else:
            flash(_("Your photo is added."), "ok")
            return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="fotos"), 303)
    return detail_page(idea, 422, photo_form=form)


@bp.post("/ideas/<int:idea_id>/photos/<int:photo_id>/delete")
@login_required
def remove_photo(idea_id: int, photo_id: int):
    photo = db.get_or_404(IdeaPhoto, photo_id)
    if photo.idea_id != idea_id or not rules.can_add_photo(current_user, photo.idea):
        raise NotAllowed("remove photo")
    photos.remove(current_user, photo)
    flash(_("The photo is removed."), "ok")
    return redirect(url_for("ideas.detail", idea_id=idea_id, _anchor="fotos"), 303)


@bp.get("/ideas/<int:idea_id>/photos/<int:photo_id>.jpg")
@bp.get("/ideas/<int:idea_id>/photos/<int:photo_id>-<any(small):size>.jpg")
def photo_file(idea_id: int, photo_id: int, size: str = "large"):
    photo = db.get_or_404(IdeaPhoto, photo_id)
    if photo.idea_id != idea_id or (
            (photo.hidden or photo.idea.hidden) and not rules.can_see_hidden(current_user, photo.idea)):
        abort(404)
    data = photos.load(photo.name, size)
    if data is None:
        abort(404)
    response = current_app.response_class(data, mimetype="image/jpeg")
    response.cache_control.max_age = 3600
    response.cache_control.private = photo.hidden or photo.idea.hidden
    response.cache_control.public = not response.cache_control.private
    return response


@bp.route("/ideas/<int:idea_id>/edit", methods=["GET", "POST"])
@login_required
def edit(idea_id: int):
    idea = _get_visible(idea_id)
    if not rules.can_edit(current_user, idea):
        raise NotAllowed("edit")
    form = _idea_form(obj=idea, data=None if request.method == "POST" else {"wijk": idea.wijk.slug})

    def save(data):
        services.edit_idea(current_user, idea, data)
        flash(_("Your changes are saved."), "ok")
        return redirect(url_for("ideas.detail", idea_id=idea.id), 303)

    return _save(form, save, "ideas/form.html", idea=idea)


@bp.post("/ideas/<int:idea_id>/updates")
@login_required
def add_update(idea_id: int):
    idea = _get_visible(idea_id)
    if not rules.can_add_update(current_user, idea):
        raise NotAllowed("update")
    form = UpdateForm()
    if form.validate_on_submit():
        services.add_update(current_user, idea, form.text.data)
        flash(_("Your update is posted. Supporters can read it now."), "ok")
        return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn"), 303)
    return detail_page(idea, 422, update_form=form)


@bp.post("/ideas/<int:idea_id>/revive")
@login_required
def revive(idea_id: int):
    idea = _get_visible(idea_id)
    if not rules.can_revive(current_user, idea):
        raise NotAllowed("revive")
    services.revive(current_user, idea)
    flash(_("Your idea is back. Ask your neighbours to support it."), "ok")
    return redirect(url_for("ideas.detail", idea_id=idea.id), 303)


@api_bp.get("/ideas.geojson")
def ideas_geojson():
    filters = ListFilters.from_args(request.args)
    # Streamed: open data for anyone who wants every idea; the map asks /api/map per view.
    response = current_app.response_class(stream_with_context(geojson.stream(filters)),
                                          mimetype="application/geo+json")
    response.cache_control.public = True
    response.cache_control.max_age = 60
    return response


def _seen_etag(etag: str) -> str | None:
    """The browser's copy of this ETag, if it has one. Flask-Compress adds ":gzip" to the tag of
    a compressed answer, so that form counts as the same version too."""
    for tag in request.if_none_match.as_set():
        if tag == etag or tag.startswith(etag + ":"):
            return tag
    return None


@api_bp.get("/map")
def map_items():
    """The map's feed for one viewport: ?bbox=south,west,north,east&zoom=z plus the list's filters."""
    filters = ListFilters.from_args(request.args)
    try:
        view = View.parse(request.args.get("bbox"), request.args.get("zoom"))
    except BadView:
        return jsonify(error=_("The map sent an area we cannot read. Reload the page.")), 400
    etag, latest = mapview.etag(filters, view)
    seen = _seen_etag(etag)
    if seen:
        response = current_app.response_class(status=304)
        response.set_etag(seen)
    else:
        response = current_app.response_class(mapview.answer(filters, view), mimetype="application/json")
        response.set_etag(etag)
    response.last_modified = latest
    response.cache_control.public = True
    response.cache_control.max_age = MAP_MAX_AGE
    return response


@bp.post("/ideas/<int:idea_id>/follow")
@login_required
def toggle_follow(idea_id: int):
    idea = _get_visible(idea_id)
    if services.is_following(current_user, idea):
        services.unfollow(current_user, idea)
    else:
        services.follow(current_user, idea)
    if is_htmx():
        return render_template("ideas/_follow.html", idea=idea)
    return redirect(url_for("ideas.detail", idea_id=idea.id), 303)


@bp.route("/ideas/<int:idea_id>/summary", methods=["GET", "POST"])
@login_required
def summary(idea_id: int):
    """The short B1 summary: initiator, makelaar of the wijk or the claiming ambassador."""
    idea = _get_visible(idea_id)
    if not rules.can_edit_summary(current_user, idea):
        raise NotAllowed("edit summary")
    form = SummaryForm(data=None if request.method == "POST" else {"summary": idea.summary or ""})
    if form.validate_on_submit():
        try:
            report = services.set_summary(current_user, idea, form.summary.data or "")
        except DomainValidationError as exc:
            form.summary.errors = [*form.summary.errors, exc.message]
        else:
            flash(_("The summary is saved. Readability: %(verdict)s.", verdict=report.verdict_label()), "ok")
            return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="samenvatting"), 303)
    return render_template("ideas/summary.html", idea=idea, form=form,
                           max_words=services.SUMMARY_MAX_WORDS), 422 if form.errors else 200
