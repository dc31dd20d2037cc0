"""Home page, wijk pages and the language switch."""

from flask import Blueprint, abort, current_app, redirect, render_template, request, session
from flask_login import current_user

from participatie.accounts.services import set_locale
from participatie.dashboard import services
from participatie.geo import services as geo
from participatie.ideas import maps, paging
from participatie.ideas.listing import ListFilters
from participatie.insights import changes
from participatie.web import pagecache
from participatie.web.urls import safe_next

bp = Blueprint("dashboard", __name__)


@bp.get("/")
@pagecache.for_visitors
def home():
    return render_template(
        "dashboard/home.html", wijken=geo.all_wijken(), counts=services.idea_counts_by_wijk(),
        totals=services.totals(), latest=services.latest_ideas(), changes=changes.recent(limit=3),
    )


@bp.get("/wijken")
@pagecache.for_visitors
def wijken():
    return render_template("dashboard/wijken.html", wijken=geo.all_wijken(),
                           counts=services.idea_counts_by_wijk())


@bp.get("/wijken/<slug>")
@pagecache.for_visitors
def wijk(slug: str):
    wijk = geo.wijk_by_slug(slug) or abort(404)
    filters = ListFilters.from_args(request.args, wijk=slug)
    page = paging.paginate(filters, current_app.config["IDEAS_PER_PAGE"])
    return render_template("dashboard/wijk.html", wijk=wijk, page=page, filters=filters,
                           totals=services.totals(wijk.id), city_map=maps.overview(filters, wijk),
                           changes=changes.recent(limit=3, wijk_id=wijk.id))


@bp.get("/taal/<code>")
def switch_language(code: str):
    if code not in current_app.config["LANGUAGES"]:
        abort(404)
    session["locale"] = code
    if current_user.is_authenticated:
        set_locale(current_user, code)
    return redirect(safe_next(request.args.get("next")), 303)
