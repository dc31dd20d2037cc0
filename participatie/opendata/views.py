"""/open-data (the page and its downloads) and the Atom feeds (/feed.atom, /wijken/<slug>/feed.atom)."""

from flask import Blueprint, abort, current_app, render_template, request, stream_with_context, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from participatie.clock import utcnow
from participatie.geo import services as geo
from participatie.ideas import geojson
from participatie.ideas.listing import ListFilters
from participatie.insights import services as insights
from participatie.opendata import exports, feeds

bp = Blueprint("opendata", __name__)
MAX_AGE = 300  # open data may be a few minutes old


@bp.get("/open-data")
def index():
    return render_template("opendata/index.html")


def _download(chunks, filename: str, mimetype: str):
    response = current_app.response_class(stream_with_context(chunks), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    return response


def _absolute(endpoint: str, **values) -> str:
    return request.url_root.rstrip("/") + url_for(endpoint, **values)


@bp.get("/open-data/ideeen.csv")
def ideas_csv():
    link = _absolute("ideas.detail", idea_id=0)[:-1] + "%d"
    return _download(exports.csv_stream(exports.IDEA_COLUMNS, exports.ideas_rows(link)), "ideeen.csv", "text/csv")


@bp.get("/open-data/ideeen.geojson")
def ideas_geojson():
    return _download(geojson.stream(ListFilters.from_args(MultiDict())), "ideeen.geojson", "application/geo+json")


@bp.get("/open-data/tijdlijn.csv")
def events_csv():
    return _download(exports.csv_stream(exports.EVENT_COLUMNS, exports.events_rows()), "tijdlijn.csv", "text/csv")


@bp.get("/open-data/acties.csv")
def actions_csv():
    return _download(exports.csv_stream(exports.ACTION_COLUMNS, exports.actions_rows()), "acties.csv", "text/csv")


@bp.get("/open-data/cijfers.csv")
def figures_csv():
    rows = insights.figure_rows(geo.all_wijken())
    return _download(exports.csv_stream(insights.FIGURE_COLUMNS, rows), "cijfers.csv", "text/csv")


def _feed(title: str, self_url: str, page_url: str, wijk_id: int | None):
    body = feeds.atom(title=title, self_url=self_url, page_url=page_url, rows=feeds.entries(wijk_id),
                      idea_url=lambda idea_id: _absolute("ideas.detail", idea_id=idea_id), updated=utcnow())
    response = current_app.response_class(body, mimetype="application/atom+xml")
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    return response


@bp.get("/feed.atom")
def city_feed():
    return _feed(_("Participatie Utrecht: news from the whole city"), _absolute("opendata.city_feed"),
                 _absolute("dashboard.home"), None)


@bp.get("/wijken/<slug>/feed.atom")
def wijk_feed(slug: str):
    wijk = geo.wijk_by_slug(slug) or abort(404)
    return _feed(_("Participatie Utrecht: news from wijk %(name)s", name=wijk.name),
                 _absolute("opendata.wijk_feed", slug=wijk.slug), _absolute("dashboard.wijk", slug=wijk.slug), wijk.id)
