"""Makelaars and ambassadors connect an idea to what exists ("verwant initiatief", "kan terecht bij")
or to another idea ("lijkt op"). Links show on both pages and on the idea's timeline. No merging."""

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.ideas import workflow
from participatie.ideas.models import Idea
from participatie.ideas.status import EventKind
from participatie.socialmap import rules
from participatie.socialmap.models import IdeaLink, SocialMapEntry
from participatie.socialmap.vocab import ENTRY_LINK_KINDS, LinkKind

def _timeline(idea: Idea, actor, label, name: str) -> None:
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = _("%(kind)s: %(name)s", kind=str(label), name=name)
    workflow.record(idea, EventKind.LINK, actor, text)


def link_entry(actor, idea: Idea, entry: SocialMapEntry, kind: str) -> IdeaLink:
    if not rules.can_link(actor, idea):
        raise NotAllowed("link")
    if kind not in {k.value for k in ENTRY_LINK_KINDS}:
        raise DomainValidationError(_("Choose how they are connected."), field="kind")
    if entry.archived:
        raise DomainValidationError(_("This entry is archived."), field="entry")
    existing = db.session.scalar(select(IdeaLink).where(IdeaLink.idea_id == idea.id, IdeaLink.entry_id == entry.id,
                                                        IdeaLink.kind == kind))
    if existing:
        return existing
    link = IdeaLink(idea_id=idea.id, entry_id=entry.id, kind=LinkKind(kind), created_by=actor)
    db.session.add(link)
    _timeline(idea, actor, LinkKind(kind).label, entry.name)
    db.session.commit()
    return link


def link_ideas(actor, idea: Idea, other: Idea) -> IdeaLink:
    """'Lijkt op', in both directions: one link row, a line on both timelines."""
    if not (rules.can_link(actor, idea) and not other.hidden):
        raise NotAllowed("link")
    if other.id == idea.id:
        raise DomainValidationError(_("Choose another idea."), field="other")
    pair = select(IdeaLink).where(IdeaLink.kind == LinkKind.SIMILAR, (
        ((IdeaLink.idea_id == idea.id) & (IdeaLink.other_idea_id == other.id))
        | ((IdeaLink.idea_id == other.id) & (IdeaLink.other_idea_id == idea.id))))
    existing = db.session.scalar(pair)
    if existing:
        return existing
    link = IdeaLink(idea_id=idea.id, other_idea_id=other.id, kind=LinkKind.SIMILAR, created_by=actor)
    db.session.add(link)
    _timeline(idea, actor, LinkKind.SIMILAR.label, other.title)
    _timeline(other, actor, LinkKind.SIMILAR.label, idea.title)
    db.session.commit()
    return link


def remove_link(actor, link: IdeaLink) -> None:
    if not rules.can_link(actor, link.idea):
        raise NotAllowed("unlink")
    db.session.delete(link)
    db.session.commit()
