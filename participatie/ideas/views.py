"""Idea pages: list, map, detail, post, edit, update; and the map's GeoJSON data."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.web import ratelimit
from participatie.web.htmx import is_htmx
from participatie.geo import services as geo
from participatie.ideas import geojson, maps, photos, rules, services
from participatie.ideas.forms import IdeaForm, IdeaWithPhotoForm, PhotoForm, SummaryForm, UpdateForm, photo_input
from participatie.ideas.listing import ListFilters
from participatie.ideas.models import Idea, IdeaPhoto, timeline

bp = Blueprint("ideas", __name__)
api_bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/ideas")
def index():
    filters = ListFilters.from_args(request.args)
    page = db.paginate(filters.query(), page=filters.page,
                       per_page=current_app.config["IDEAS_PER_PAGE"], error_out=False)
    return render_template("ideas/index.html", page=page, filters=filters, wijken=geo.all_wijken())


@bp.get("/map")
def map_page():
    filters = ListFilters.from_args(request.args)
    page = db.paginate(filters.query(), page=filters.page,
                       per_page=current_app.config["IDEAS_PER_PAGE"], error_out=False)
    city_map = maps.overview(filters)
    return render_template("ideas/map.html", page=page, filters=filters, city_map=city_map,
                           wijken=geo.all_wijken())


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
def detail(idea_id: int):
    idea = db.get_or_404(Idea, idea_id)
    if idea.hidden and not rules.can_view(current_user, idea):
        return render_template("ideas/hidden.html", idea=idea), 410
    return detail_page(idea)


def _idea_form(form_class=IdeaForm, **kwargs) -> IdeaForm:
    form = form_class(**kwargs)
    form.wijk.choices = [("", _("Choose a wijk"))] + [(w.slug, w.name) for w in geo.all_wijken()]
    return form


def _save(form: IdeaForm, save, template: str, **context):
    """Validate, call the service, or re-render with the errors next to the fields."""
    if ratelimit.allowed(form.title) and form.validate_on_submit():
        try:
            return save(services.IdeaInput(
                kind=form.kind.data, title=form.title.data, body=form.body.data,
                themes=form.themes.data or [], needs=form.needs.data or [], offer=form.offer.data or "",
                lat=form.lat.data, lng=form.lng.data, wijk_slug=form.wijk.data, street=form.street.data or "",
            ))
        except DomainValidationError as exc:
            target = form.wijk if exc.field in ("wijk", "location") else getattr(form, exc.field or "title", form.title)
            target.errors = [*target.errors, exc.message]
    status = ratelimit.status(form)
    picker = maps.picker(form.lat.data, form.lng.data)
    return render_template(template, form=form, picker_map=picker, **context), status


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
        flash(_("Thank you! Your idea is on the map. Share it with your neighbours."), "ok")
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


@api_bp.get("/ideas.geojson")
def ideas_geojson():
    filters = ListFilters.from_args(request.args)
    response = current_app.response_class(geojson.feature_collection(filters), mimetype="application/geo+json")
    response.cache_control.public = True
    response.cache_control.max_age = 60
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
            flash(_("The summary is saved. Reading level B1: %(verdict)s.", verdict=report.verdict_label()), "ok")
            return redirect(url_for("ideas.detail", idea_id=idea.id, _anchor="samenvatting"), 303)
    return render_template("ideas/summary.html", idea=idea, form=form,
                           max_words=services.SUMMARY_MAX_WORDS), 422 if form.errors else 200
