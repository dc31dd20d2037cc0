"""Public pages (list + map, entry page, GeoJSON, tips) and the makelaar's entry forms."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web import pagecache, ratelimit, salvage
from participatie.web.input import id_number
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import maps as idea_maps
from participatie.socialmap import geojson, maps, photos, rules, services
from participatie.socialmap.filters import EntryFilters
from participatie.socialmap.forms import EntryForm, SuggestionForm
from participatie.socialmap.models import SocialMapEntry
from participatie.socialmap.panel import entry_links
from participatie.socialmap.views import bp
from participatie.socialmap.views.common import field_error, visible_entry, wijk_choices
from participatie.socialmap.vocab import EntryKind

PER_PAGE = 30


@bp.get("/socialmap")
@pagecache.for_visitors
def index():
    filters = EntryFilters.from_args(request.args)
    page = db.paginate(filters.query(), page=filters.page, per_page=PER_PAGE, error_out=False)
    return render_template("socialmap/index.html", page=page, filters=filters, wijken=geo.all_wijken(), kinds=list(EntryKind),
                           city_map=maps.overview(filters))


def geojson_data():
    """The map's data source, with the same filters as the list."""
    filters = EntryFilters.from_args(request.args)
    response = current_app.response_class(geojson.feature_collection(filters), mimetype="application/geo+json")
    response.cache_control.public = True
    response.cache_control.max_age = 60
    return response


bp.add_url_rule("/api/socialmap.geojson", endpoint="geojson", view_func=geojson_data, methods=["GET"])


@bp.get("/socialmap/<int:entry_id>")
def detail(entry_id: int):
    entry = visible_entry(entry_id)
    edits = services.edits_of(entry)[:10] if rules.can_edit_entry(current_user, entry) else []
    return render_template("socialmap/detail.html", entry=entry, point_map=maps.for_entry(entry),
                           links=entry_links(entry), edits=edits)


def entry_form(entry=None, *, from_request=True) -> EntryForm:
    """The form as posted, or (not posted) with the entry's saved values."""
    if from_request:
        form = EntryForm()
    else:
        form = EntryForm(formdata=None, obj=services.input_of(entry) if entry else None,
                         data={"wijk": entry.wijk.slug, "photo_alt": entry.photo_alt} if entry else None)
    form.wijk.choices = wijk_choices()
    return form


def _input(form: EntryForm) -> services.EntryInput:
    return services.EntryInput(
        kind=form.kind.data, name=form.name.data, description=form.description.data or "",
        themes=form.themes.data or [], wijk_slug=form.wijk.data, lat=form.lat.data, lng=form.lng.data,
        address=form.address.data or "", phone=form.phone.data or "", email=form.email.data or "",
        website=form.website.data or "", times=form.times.data or "", evening=form.evening.data,
        weekend=form.weekend.data, cost=form.cost.data, step_free=form.step_free.data,
        languages=form.languages.data or "", signup_needed=form.signup_needed.data,
        suitable_for=form.suitable_for.data,
    )


def _photo(form: EntryForm) -> services.PhotoInput:
    """The photo part of the form. Reads one byte past the limit: enough to know it is too large."""
    upload = form.photo.data
    data = upload.stream.read(photos.max_bytes() + 1) if upload and getattr(upload, "filename", "") else b""
    return services.PhotoInput(alt=form.photo_alt.data or "", upload=data or None, remove=form.remove_photo.data)


def render_form(form, entry=None, status=200):
    """The entry form; a chosen photo cannot come back in a file field, so say so."""
    photo_sent = bool(getattr(form.photo.data, "filename", ""))
    return render_template("socialmap/form.html", form=form, entry=entry, photo_sent=photo_sent,
                           max_mb=photos.max_megabytes(),
                           picker_map=idea_maps.picker(form.lat.data, form.lng.data)), status


def _save(form, save, entry=None):
    """Validate and save; after a rate limit (web.ratelimit) the form comes back as typed (429)."""
    if ratelimit.allowed(form.name) and form.validate_on_submit():
        try:
            return save(_input(form), _photo(form))
        except DomainValidationError as exc:
            field_error(form, exc, "name")
    return render_form(form, entry, ratelimit.status(form))


def form_too_large():
    """The request was too large to accept (a huge photo): the form comes back with what was typed
    (read past the photo, web.salvage) and says why; nothing is saved. None: not allowed."""
    entry_id = (request.view_args or {}).get("entry_id")
    entry = db.session.get(SocialMapEntry, entry_id) if entry_id else None
    allowed = rules.can_edit_entry(current_user, entry) if entry else (
        entry_id is None and rules.is_curator(current_user))
    if not allowed:
        return None
    typed = salvage.typed_fields(2 * request.max_content_length)
    form = EntryForm(formdata=typed) if typed else entry_form(entry, from_request=False)
    form.wijk.choices = wijk_choices()
    form.photo.errors = [_("The photo is too large (more than %(mb)s MB), so nothing is saved yet. "
                           "Everything you typed is still here: choose a smaller photo and send the form again.",
                           mb=photos.max_megabytes())]
    return render_form(form, entry, 413)


@bp.route("/socialmap/new", methods=["GET", "POST"])
@ratelimit.form_limit(("RATELIMIT_SOCIALMAP", ratelimit.person))
@login_required
def new():
    if not rules.is_curator(current_user):
        raise NotAllowed("new entry")

    def save(data, photo):
        entry = services.create_entry(current_user, data, photo=photo)
        flash(_("The entry is on the social map."), "ok")
        return redirect(url_for("socialmap.detail", entry_id=entry.id), 303)

    return _save(entry_form(), save)


@bp.route("/socialmap/<int:entry_id>/edit", methods=["GET", "POST"])
@ratelimit.form_limit(("RATELIMIT_SOCIALMAP", ratelimit.person))
@login_required
def edit(entry_id: int):
    entry = visible_entry(entry_id)
    if not rules.can_edit_entry(current_user, entry):
        raise NotAllowed("edit entry")
    form = entry_form(entry, from_request=request.method == "POST")

    def save(data, photo):
        services.edit_entry(current_user, entry, data, photo=photo)
        flash(_("Your changes are saved."), "ok")
        return redirect(url_for("socialmap.detail", entry_id=entry.id), 303)

    return _save(form, save, entry)


@bp.post("/socialmap/<int:entry_id>/verify")
@login_required
def verify(entry_id: int):
    entry = visible_entry(entry_id)
    services.verify_entry(current_user, entry)
    flash(_("Thank you. “%(name)s” is marked as checked today.", name=entry.name), "ok")
    back = request.form.get("next") == "worklist"
    return redirect(url_for("socialmap.worklist") if back else url_for("socialmap.detail", entry_id=entry.id), 303)


@bp.post("/socialmap/<int:entry_id>/archive")
@login_required
def archive(entry_id: int):
    entry = visible_entry(entry_id)
    archived = request.form.get("archived", "1") == "1"
    services.set_archived(current_user, entry, archived)
    flash(_("The entry is archived. Only community brokers can still see it.") if archived
          else _("The entry is back on the social map."), "ok")
    return redirect(url_for("socialmap.detail", entry_id=entry.id), 303)


@bp.route("/socialmap/suggest", methods=["GET", "POST"])
@ratelimit.form_limit(("RATELIMIT_POST", ratelimit.person))
def suggest():
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=request.full_path))
    if not rules.can_suggest(current_user):
        raise NotAllowed("suggest")
    entry_id = request.args.get("entry", type=id_number)
    entry = visible_entry(entry_id) if entry_id else None
    form = SuggestionForm()
    form.wijk.choices = wijk_choices()
    if ratelimit.allowed(form.message) and form.validate_on_submit():
        try:
            services.suggest(current_user, message=form.message.data, entry=entry, wijk_slug=form.wijk.data,
                             name=form.name.data or "", address=form.address.data or "")
        except DomainValidationError as exc:
            field_error(form, exc, "message")
        else:
            flash(_("Thank you for your tip. The community broker of the wijk will look at it."), "ok")
            return redirect(url_for("socialmap.detail", entry_id=entry.id) if entry else url_for("socialmap.index"),
                            303)
    return render_template("socialmap/suggest.html", form=form, entry=entry), ratelimit.status(form)
