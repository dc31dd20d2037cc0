"""Print pages (A4) and the same page as PDF at the same URL + ``.pdf``. Read-only, public."""

from functools import wraps

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import force_locale
from flask_login import current_user
from markupsafe import Markup

from participatie.clock import utcnow
from participatie.conversations import rules as conversation_rules
from participatie.conversations.models import Conversation
from participatie.conversations.services import after as conversation_after
from participatie.conversations.services import rsvp
from participatie.conversations.timefmt import today_local
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import photos as idea_photos
from participatie.ideas import rules as idea_rules
from participatie.ideas.models import Idea
from participatie.ideas.themes import NEEDS
from participatie.printing import conversation as conversation_text
from participatie.printing import pdf, sheets
from participatie.printing import wijk as wijk_text
from participatie.printing.qr import public_url, qr_svg
from participatie.regulations import services as regulation_services

bp = Blueprint("printing", __name__, url_prefix="/print")

SUPPORT_LIST_ROWS = 12


def sheet_route(rule: str, endpoint: str, *, dutch: bool = True):
    """Register the print page and its PDF twin (``rule.pdf``, endpoint ``<name>_pdf``).

    Sheets for meetings (``dutch``) are Dutch whatever the reader's interface language, with a line
    in each other language (print/base.html); what is handed to a resident (the flyer, the idea
    card) is in the language of whoever downloads it."""
    def decorator(view):
        target = _in_dutch(view) if dutch else view
        bp.add_url_rule(rule, endpoint, target, defaults={"as_pdf": False}, methods=["GET"])
        bp.add_url_rule(rule + ".pdf", endpoint + "_pdf", target, defaults={"as_pdf": True}, methods=["GET"])
        return view
    return decorator


def _in_dutch(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
            return view(*args, **kwargs)
    return wrapped


def render_sheet(template: str, *, as_pdf: bool, link: str, filename: str, **context):
    """The print page, or its PDF; without WeasyPrint the page itself with a clear message."""
    weasyprint = pdf.load_weasyprint() if as_pdf else None
    html = render_template(
        template, qr=qr_svg(link), public_link=link, printed_at=utcnow(),
        pdf_missing=as_pdf and weasyprint is None,
        pdf_url=_pdf_url(as_pdf), inline_css=Markup(pdf.print_css()) if weasyprint else None, **context,
    )
    if weasyprint is None:
        return html
    response = current_app.response_class(pdf.html_to_pdf(weasyprint, html, request.url_root),
                                          mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response


def _pdf_url(as_pdf: bool) -> str:
    query = request.query_string.decode()
    return (request.path if as_pdf else request.path + ".pdf") + (f"?{query}" if query else "")


def _visible_idea(idea_id: int) -> Idea:
    idea = db.get_or_404(Idea, idea_id)
    if not idea_rules.can_view(current_user, idea) or idea.hidden:
        abort(404)
    return idea


@sheet_route("/ideas/<int:idea_id>", "idea")
def idea(idea_id: int, as_pdf: bool):
    idea = _visible_idea(idea_id)
    return idea_sheet(idea, idea.summary, as_pdf=as_pdf)


def idea_sheet(idea: Idea, summary: str | None, *, as_pdf: bool):
    """One idea on one A4. ``summary`` is passed in: the hook for other summaries."""
    return render_sheet("print/idea.html", as_pdf=as_pdf, filename=f"idee-{idea.id}",
                        link=public_url("ideas.detail", idea_id=idea.id),
                        idea=idea, sections=sheets.idea_sections(idea, summary), photos=idea_photos.printable(idea))


@sheet_route("/ideas/<int:idea_id>/steunlijst", "support_list")
def support_list(idea_id: int, as_pdf: bool):
    idea = _visible_idea(idea_id)
    return render_sheet("print/support_list.html", as_pdf=as_pdf, filename=f"steunlijst-{idea.id}",
                        link=public_url("ideas.detail", idea_id=idea.id), idea=idea, rows=SUPPORT_LIST_ROWS)


@sheet_route("/wijken/<slug>", "wijk")
def wijk(slug: str, as_pdf: bool):
    wijk = geo.wijk_by_slug(slug) or abort(404)
    return render_sheet(
        "print/wijk.html", as_pdf=as_pdf, filename=f"wijk-{wijk.slug}",
        link=public_url("dashboard.wijk", slug=wijk.slug), wijk=wijk,
        ideas=wijk_text.top_ideas(wijk), totals=wijk_text.wijk_totals(wijk), contacts=wijk_text.wijk_contacts(wijk),
        conversations=wijk_text.conversations_section(wijk_text.upcoming_conversations(wijk)),
        actions=wijk_text.actions_section(wijk_text.open_actions(wijk), today_local()),
        places=wijk_text.social_map_highlights(wijk),
    )


@sheet_route("/conversations/<int:conversation_id>", "conversation")
def conversation(conversation_id: int, as_pdf: bool):
    found = db.get_or_404(Conversation, conversation_id)
    if not conversation_rules.can_view(current_user, found):
        abort(404)  # a proposal is not public yet
    return conversation_sheet(found, found.summary, as_pdf=as_pdf)


def conversation_sheet(found: Conversation, summary: str | None, *, as_pdf: bool):
    """One stadsgesprek on one A4 (two with a long report). ``summary`` is passed in, as for ideas."""
    now = utcnow()
    signup = conversation_text.Signup(open=conversation_rules.is_open_for_signup(found, now),
                                      places_left=rsvp.places_left(found), waiting=len(rsvp.waiting_list(found)))
    sheet = conversation_text.conversation_sheet(found, summary, signup, conversation_after.actions_of(found),
                                                 today_local(now))
    return render_sheet("print/conversation.html", as_pdf=as_pdf, filename=f"stadsgesprek-{found.id}",
                        link=public_url("conversations.detail", conversation_id=found.id),
                        conversation=found, sheet=sheet)


@sheet_route("/regels", "regulations")
def regulations(as_pdf: bool):
    """Rules in the way, for the council and the talks with the province and the Rijk ("agenderen")."""
    return render_sheet("print/regulations.html", as_pdf=as_pdf, filename="regels-in-de-weg",
                        link=public_url("regulations.index"), summaries=regulation_services.overview())


@sheet_route("/flyer", "flyer", dutch=False)
def flyer(as_pdf: bool):
    wijk = geo.wijk_by_slug(request.args.get("wijk", "")) if request.args.get("wijk") else None
    link = public_url("dashboard.wijk", slug=wijk.slug) if wijk else public_url("ideas.new")
    return render_sheet("print/flyer.html", as_pdf=as_pdf, filename="flyer", link=link, wijk=wijk)


@sheet_route("/ideenkaart", "idea_card", dutch=False)
def idea_card(as_pdf: bool):
    return render_sheet("print/idea_card.html", as_pdf=as_pdf, filename="ideeenkaart",
                        link=public_url("ideas.new"), needs=NEEDS)
