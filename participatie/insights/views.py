"""/cijfers for the city, /wijken/<slug>/cijfers per wijk, the wijk figures on A4 for the meeting, and
the A5 notice "Wat is er veranderd" for the buurthuis. Read-only and public."""

from flask import Blueprint, abort, render_template, request
from flask_babel import format_decimal
from flask_login import current_user

from participatie.geo import services as geo
from participatie.ideas import photos as idea_photos
from participatie.ideas import rules as idea_rules
from participatie.ideas.models import Idea
from participatie.extensions import db
from participatie.insights import changes, services
from participatie.insights.quotes import quotes
from participatie.insights.story import beside_figures
from participatie.printing.qr import public_url
from participatie.printing.views import render_sheet

bp = Blueprint("insights", __name__)


@bp.app_template_filter("decimal")
def decimal(value) -> str:
    """4.5 -> "4,5" in Dutch; 4.0 -> "4"."""
    return format_decimal(value, format="#,##0.#")


def _period() -> services.Period:
    try:
        months = int(request.args.get("maanden", services.DEFAULT_MONTHS))
    except ValueError:
        months = services.DEFAULT_MONTHS
    return services.Period.last(months)


def _context(period, wijk=None) -> dict:
    wijk_id = wijk.id if wijk else None
    return {"period": period, "periods": services.PERIODS, "wijk": wijk,
            "figures": services.figures(period, wijk_id), "quotes": beside_figures(quotes(period, wijk_id))}


@bp.get("/cijfers")
def city():
    return render_template("insights/figures.html", wijken=geo.all_wijken(), **_context(_period()))


@bp.get("/wijken/<slug>/cijfers")
def wijk(slug: str):
    found = geo.wijk_by_slug(slug) or abort(404)
    return render_template("insights/figures.html", **_context(_period(), found))


def _wijk_sheet(slug: str, as_pdf: bool):
    found = geo.wijk_by_slug(slug) or abort(404)
    period = _period()
    return render_sheet("insights/print_figures.html", as_pdf=as_pdf, filename=f"cijfers-{found.slug}",
                        link=public_url("insights.wijk", slug=found.slug, maanden=period.months),
                        **_context(period, found))


def _change_sheet(idea_id: int, as_pdf: bool):
    idea = db.get_or_404(Idea, idea_id)
    if idea.hidden or not idea_rules.can_view(current_user, idea):
        abort(404)
    change = changes.of_idea(idea) or abort(404)
    photos = idea_photos.printable(idea)
    return render_sheet("insights/print_change.html", as_pdf=as_pdf, filename=f"veranderd-{idea.id}",
                        link=public_url("ideas.detail", idea_id=idea.id), change=change,
                        photo=photos[0] if photos else None)


for rule, endpoint, view in (("/print/wijken/<slug>/cijfers", "wijk_sheet", _wijk_sheet),
                             ("/print/veranderd/<int:idea_id>", "change_sheet", _change_sheet)):
    bp.add_url_rule(rule, endpoint, view, defaults={"as_pdf": False}, methods=["GET"])
    bp.add_url_rule(rule + ".pdf", endpoint + "_pdf", view, defaults={"as_pdf": True}, methods=["GET"])
