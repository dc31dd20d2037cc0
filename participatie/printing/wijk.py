"""What the wijk overview for the buurthuis reads: a few bounded, read-only queries (no N+1)."""

from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import func, select

from participatie.accounts.models import User
from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.conversations.models import ActionItem, Conversation, actions_query, listing
from participatie.conversations.status import UNFINISHED, ConversationStatus
from participatie.conversations.timefmt import when_in_words
from participatie.extensions import db
from participatie.web.i18n import human_date
from participatie.ideas.models import Idea, visible_ideas
from participatie.ideas.status import IdeaStatus
from participatie.printing.conversation import action_status, own_lines
from participatie.printing.sheets import Section
from participatie.socialmap.models import SocialMapEntry

TOP_IDEAS = 5
CONVERSATIONS = 3
ACTIONS = 4
PLACES = 3


def top_ideas(wijk, limit: int = TOP_IDEAS) -> list[Idea]:
    """Most supported first (online and on paper), as the sheet shows them."""
    query = (visible_ideas().where(Idea.wijk_id == wijk.id, Idea.status != IdeaStatus.ARCHIVED)
             .order_by(Idea.supporter_total.desc(), Idea.id.desc()).limit(limit))
    return list(db.session.scalars(query))


def wijk_totals(wijk) -> dict[str, int]:
    """Ideas (not archived) and supports in the wijk."""
    ideas, supports = db.session.execute(
        select(func.count(), func.coalesce(func.sum(Idea.supporter_total), 0)).where(
            Idea.wijk_id == wijk.id, Idea.hidden.is_(False), Idea.status != IdeaStatus.ARCHIVED)).one()
    return {"ideas": ideas, "supports": int(supports)}


@dataclass(frozen=True)
class Contact:
    name: str
    role: str


def wijk_contacts(wijk) -> list[Contact]:
    """The makelaars of the wijk and the ambassadors who hold its ideas (names, never e-mail)."""
    makelaars = db.session.scalars(
        select(User).where(User.role == Role.MAKELAAR, User.wijken.any(id=wijk.id)).order_by(User.display_name))
    ambassadors = db.session.scalars(
        select(User).where(User.id.in_(select(Idea.ambassador_id).where(
            Idea.wijk_id == wijk.id, Idea.hidden.is_(False), Idea.ambassador_id.is_not(None))))
        .order_by(User.display_name))
    return ([Contact(u.display_name, _("community broker")) for u in makelaars]
            + [Contact(u.display_name, _("ambassador, %(department)s", department=u.department or "-"))
               for u in ambassadors])


def upcoming_conversations(wijk, now: datetime | None = None, limit: int = CONVERSATIONS) -> list[Conversation]:
    """Planned stadsgesprekken in the wijk that have not started yet, soonest first."""
    query = (listing(wijk.id).where(Conversation.status == ConversationStatus.PLANNED,
                                    Conversation.starts_at >= (now or utcnow()))
             .order_by(Conversation.starts_at, Conversation.id).limit(limit))
    return list(db.session.scalars(query))


def open_actions(wijk, limit: int = ACTIONS) -> list[ActionItem]:
    """Unfinished actiepunten of the wijk's stadsgesprekken, soonest due first."""
    query = actions_query(wijk.id).where(ActionItem.status.in_(list(UNFINISHED))).limit(limit)
    return list(db.session.scalars(query))


def social_map_highlights(wijk, limit: int = PLACES) -> list[SocialMapEntry]:
    """A few active social-map entries of the wijk (recently verified first)."""
    query = (select(SocialMapEntry).where(SocialMapEntry.wijk_id == wijk.id, SocialMapEntry.archived.is_(False))
             .order_by(SocialMapEntry.verified_at.desc().nulls_last(), SocialMapEntry.name).limit(limit))
    return list(db.session.scalars(query))


def conversations_section(conversations: list[Conversation]) -> Section:
    section = Section(_("City conversations coming up"), name="items")
    if not conversations:
        section.paragraphs.append(_("No city conversations are planned yet."))
        return section
    section.paragraphs.append(_("Everyone is welcome. Sign up on the website."))
    section.items = [(c.title, ", ".join(filter(None, [when_in_words(c.starts_at, c.ends_at),
                                                       (own_lines(c.venue) or [""])[0]])))
                     for c in conversations]
    return section


def actions_section(actions: list[ActionItem], today: date) -> Section | None:
    """Only when there are open actions: an empty list says nothing on paper."""
    if not actions:
        return None
    return Section(_("Open actions"), name="items",
                   paragraphs=[_("Residents and the city agreed on this in a city conversation.")],
                   items=[(item.what, " · ".join([_("Who: %(who)s", who=item.who),
                                                  _("By: %(date)s", date=human_date(item.due_on)),
                                                  action_status(item, today)]))
                          for item in actions])
