"""Public pages: the list, one conversation, its calendar file, and the actieagenda."""

from collections import Counter
from urllib.parse import urlsplit

from flask import Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import get_locale
from flask_login import current_user

from participatie.clock import utcnow
from participatie.conversations import ics, maps
from participatie.conversations.forms import FeedbackForm, GuestRsvpForm, RsvpForm
from participatie.conversations.models import Conversation, actions_query, listing
from participatie.conversations.services import after, rsvp
from participatie.conversations.status import ActionStatus
from participatie.conversations.timefmt import today_local, when_in_words
from participatie.conversations.views import bp
from participatie.conversations.views.common import load
from participatie.extensions import db
from participatie.geo import services as geo


@bp.get("/conversations")
def index():
    wijk = geo.wijk_by_slug(request.args.get("wijk", "")) if request.args.get("wijk") else None
    now = utcnow()
    query = listing(wijk.id if wijk else None)
    upcoming = db.session.scalars(query.where(Conversation.ends_at >= now).order_by(Conversation.starts_at)).all()
    past = db.session.scalars(query.where(Conversation.ends_at < now)
                              .order_by(Conversation.starts_at.desc()).limit(50)).all()
    return render_template("conversations/index.html", upcoming=upcoming, past=past, wijk=wijk,
                           wijken=geo.all_wijken())


@bp.get("/conversations/<int:conversation_id>")
def detail(conversation_id: int):
    conversation = load(conversation_id)
    mine = rsvp.rsvp_of(current_user, conversation)
    feedback = after.feedback_of(conversation)
    return render_template(
        "conversations/detail.html", conversation=conversation, venue_map=maps.for_venue(conversation),
        mine=mine, show_contacts=rsvp.may_see_contacts(mine), contacts=rsvp.shared_contacts(mine), rsvp_form=RsvpForm(formdata=None),
        guest_form=GuestRsvpForm(formdata=None), actions=after.actions_of(conversation), today=today_local(),
        feedback=feedback, ratings=Counter(f.rating for f in feedback),
        my_feedback=after.my_feedback(current_user, conversation), feedback_form=FeedbackForm(formdata=None),
        waiting=len(rsvp.waiting_list(conversation)),
    )


@bp.get("/conversations/<int:conversation_id>.ics")
def calendar(conversation_id: int):
    conversation = load(conversation_id)
    page = current_app.config["SITE_URL"].rstrip("/") + url_for("conversations.detail",
                                                                 conversation_id=conversation.id)
    description = "\n".join(filter(None, [
        when_in_words(conversation.starts_at, conversation.ends_at), conversation.agenda, page]))
    host = urlsplit(current_app.config["SITE_URL"]).hostname or "participatie"
    body = ics.calendar(conversation, url=page, host=host, description=description, now=utcnow(),
                        lang=str(get_locale() or "nl"))  # the time in words: the interface language
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="stadsgesprek-{conversation.id}.ics"'
    return response


def _agenda(wijk=None):
    items = db.session.scalars(actions_query(wijk.id if wijk else None)).all()
    groups = {status: [i for i in items if i.status == status] for status in ActionStatus}
    today = today_local()
    overdue = [i for i in items if i.is_overdue(today)]
    title = _("Action agenda of %(wijk)s", wijk=wijk.name) if wijk else _("Action agenda of Utrecht")
    return render_template("conversations/actions.html", groups=groups, overdue=overdue, wijk=wijk,
                           today=today, title=title, total=len(items))


@bp.get("/acties")
def agenda():
    return _agenda()


@bp.get("/wijken/<slug>/acties")
def wijk_agenda(slug: str):
    wijk = geo.wijk_by_slug(slug) or abort(404)
    return _agenda(wijk)
