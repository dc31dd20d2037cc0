"""Atom feeds (RFC 4287) without login: new ideas, public answers and done ideas, per wijk or city-wide."""

import re
from datetime import datetime
from xml.etree import ElementTree as ET

from flask_babel import gettext as _
from sqlalchemy import and_, or_, select

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import EventKind, IdeaStatus

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50
EXCERPT = 400
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def entries(wijk_id: int | None = None, limit: int = LIMIT):
    """The newest feed events: (event, idea title, body, wijk name, ambassador name or None). One query."""
    query = (select(IdeaEvent.id, IdeaEvent.idea_id, IdeaEvent.kind, IdeaEvent.public_text, IdeaEvent.created_at,
                    Idea.title, Idea.summary, Idea.body, Wijk.name, User._display_name, User.role, User.deleted_at)
             .join(Idea, Idea.id == IdeaEvent.idea_id).join(Wijk, Wijk.id == Idea.wijk_id)
             .outerjoin(User, User.id == IdeaEvent.actor_id)
             .where(Idea.hidden.is_(False),
                    or_(IdeaEvent.kind.in_([EventKind.CREATED.value, EventKind.ANSWER.value]),
                        and_(IdeaEvent.new_status == IdeaStatus.DONE.value,
                             IdeaEvent.old_status != IdeaStatus.DONE.value)))
             .order_by(IdeaEvent.created_at.desc(), IdeaEvent.id.desc()).limit(limit))
    if wijk_id is not None:
        query = query.where(Idea.wijk_id == wijk_id)
    return db.session.execute(query).all()


def _clean(text: str | None) -> str:
    return NOT_XML.sub("", text or "")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _excerpt(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + " …"


def _entry_text(row) -> tuple[str, str, str | None]:
    """Title, content and (for an answer) the ambassador's name; never a resident's name."""
    _id, _idea, kind, public_text, _at, title, summary, body, wijk, name, role, deleted = row
    if kind == EventKind.CREATED:
        return _("New idea in %(wijk)s: %(title)s", wijk=wijk, title=title), _excerpt(summary or body), None
    if kind == EventKind.ANSWER:
        ambassador = name if role == Role.AMBASSADOR and deleted is None else None
        return _("The city answered in %(wijk)s: %(title)s", wijk=wijk, title=title), _excerpt(public_text), ambassador
    return _("Done in %(wijk)s: %(title)s", wijk=wijk, title=title), _excerpt(public_text), None


def atom(*, title: str, self_url: str, page_url: str, idea_url, rows, updated: datetime) -> bytes:
    """The feed document; `idea_url(idea_id)` makes an absolute link."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _clean(title)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(rows[0][4] if rows else updated)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=self_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=page_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = _("Participatie Utrecht")
    ET.SubElement(feed, f"{{{ATOM}}}rights").text = _("Open data, CC0 1.0")
    for row in rows:
        entry_title, content, ambassador = _entry_text(row)
        link = idea_url(row[1])
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{link}#gebeurtenis-{row[0]}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _clean(entry_title)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(row[4])
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=link)
        if ambassador:
            who = ET.SubElement(entry, f"{{{ATOM}}}author")
            ET.SubElement(who, f"{{{ATOM}}}name").text = _clean(ambassador)
        ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = _clean(content)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
