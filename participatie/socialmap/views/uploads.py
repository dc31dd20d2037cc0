"""Uploaded files: entry photos served from storage, and forms whose upload was too large."""

from flask import abort, current_app, render_template, request
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from participatie.web.errors import ERROR_TEXTS
from participatie.extensions import db
from participatie.socialmap import photos, rules
from participatie.socialmap.models import entry_with_photo
from participatie.socialmap.views import bp, entries, work

FORM_MAX_BYTES = 25 * 1024 * 1024  # config SOCIALMAP_FORM_MAX_BYTES
ONE_YEAR = 365 * 24 * 3600
ENTRY_FORMS = ("socialmap.new", "socialmap.edit")


@bp.url_value_preprocessor
def _room_for_a_large_photo(endpoint, values):
    """Let the entry form receive a photo well over the photo limit, so that the form itself can
    say "too large" with everything typed still in it. URL preprocessors run before the
    before_request hooks, so this is in place before the CSRF check reads the body."""
    app_limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if endpoint in ENTRY_FORMS and app_limit is not None:
        request.max_content_length = max(app_limit, current_app.config.get("SOCIALMAP_FORM_MAX_BYTES",
                                                                            FORM_MAX_BYTES))


@bp.errorhandler(RequestEntityTooLarge)
def too_large(exc):
    """The forms with a file answer in the form itself, not with a bare error page."""
    if request.endpoint in ENTRY_FORMS:
        page = entries.form_too_large()
    elif request.endpoint == "socialmap.import_page":
        page = work.import_too_large()
    else:
        page = None
    if page is not None:
        return page
    title, text = ERROR_TEXTS[413]
    return render_template("errors/error.html", code=413, title=title, text=text), 413


@bp.get("/socialmap/photos/<filename>")
def photo(filename: str):
    """A stored photo. Names are random and never reused, so browsers may keep them for a year."""
    if not photos.FILENAME.fullmatch(filename):
        abort(404)
    entry = db.session.scalar(entry_with_photo(filename))
    if entry is None or not rules.can_view_entry(current_user, entry):
        abort(404)
    data = photos.load(filename)
    if data is None:
        abort(404)
    response = current_app.response_class(data, mimetype="image/jpeg")
    response.set_etag(filename)
    response.make_conditional(request)
    response.cache_control.max_age = ONE_YEAR
    response.cache_control.immutable = True
    if entry.archived:  # only its curators see it: no shared caches
        response.cache_control.public = False
        response.cache_control.private = True
    else:
        response.cache_control.public = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
