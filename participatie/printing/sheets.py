"""What the printed pages say. The generated sentences are short and plain (B1) by construction;
their Dutch translations are checked by the B1 checker (tests/printing/test_conversation.py reads a
whole generated sheet; tests/plainlanguage_views/test_site_strings.py every Dutch string).

The summary is an input, not read from the idea here, so other pages (a stadsgesprek) can
pass their own summary text to the same builders.
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _, lazy_gettext as _l, ngettext
from sqlalchemy import and_, or_, select

from participatie.clock import utcnow
from participatie.conversations.models import Conversation, ConversationIdea
from participatie.conversations.status import ConversationStatus
from participatie.conversations.timefmt import when_in_words
from participatie.extensions import db
from participatie.web.i18n import human_date
from participatie.ideas.models import EventKind, Idea, IdeaEvent
from participatie.ideas.status import IdeaStatus, Outcome
from participatie.reactions.models import recent_shown
from participatie.regulations import services as regulation_services
from participatie.responses.deadlines import deadline_of

BODY_WORDS = 120  # without a summary, the idea's own text is cut off after this many words


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()  # columns aligned right (counts)


@dataclass
class Section:
    """A part of a sheet. ``paragraphs`` and ``bullets`` are generated (B1 by construction);
    ``lines`` and ``quote`` are people's own words, printed as they wrote them."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    quote: str = ""  # the city's own words, printed as a quote
    lines: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    table: Table | None = None
    items: list[tuple[str, str]] = field(default_factory=list)  # (own words, generated line below them)
    name: str = ""  # a CSS modifier: sheet__section--<name>


class Written(str):
    """People's own words on a sheet, with the language they wrote them in (None: unknown), so the
    sheet marks them with lang="xx" (web.i18n.lang_attrs) when that is not the sheet's language."""

    lang: str | None = None


def written(text: str, lang: str | None) -> Written:
    own = Written(text)
    own.lang = lang
    return own


def excerpt(text: str, words: int = BODY_WORDS) -> tuple[str, bool]:
    parts = (text or "").split()
    if len(parts) <= words:
        return " ".join(parts), False
    return " ".join(parts[:words]) + " …", True


def idea_sections(idea: Idea, summary: str | None, now: datetime | None = None) -> list[Section]:
    now = now or utcnow()
    sections = [_what(idea, summary), _where(idea), _support(idea), _reactions(idea), _city(idea), _rules(idea),
                _next(idea, now), _contact(idea)]
    return [s for s in sections if s is not None]


def _rules(idea: Idea) -> Section | None:
    """The rules in the way of this idea (participatie.regulations), only when there are any."""
    blocks = regulation_services.of_idea(idea)
    if not blocks:
        return None
    section = Section(_("Which rule is in the way?"), name="rules")
    for block in blocks:
        section.items.append((block.how, _("%(rule)s. Made by: %(level)s.", rule=block.regulation.name,
                                            level=block.regulation.level.label)))
    return section


def _what(idea: Idea, summary: str | None) -> Section:
    kind = _("This is a dream of a resident.") if idea.kind == "droom" else _("This is an idea of a resident.")
    if summary and summary.strip():
        return Section(_("What is it?"), [kind, *[p for p in summary.splitlines() if p.strip()]])
    text, cut = excerpt(idea.body)
    paragraphs = [kind, written(text, idea.lang)]
    if cut:
        paragraphs.append(_("Read the whole text on the website."))
    return Section(_("What is it?"), paragraphs)


def _where(idea: Idea) -> Section:
    if idea.street:
        return Section(_("Where?"), [_("In wijk %(wijk)s, near %(street)s.", wijk=idea.wijk.name, street=idea.street)])
    return Section(_("Where?"), [_("In wijk %(wijk)s.", wijk=idea.wijk.name)])


def _support(idea: Idea) -> Section:
    lines = [ngettext("%(num)d person supports this idea.", "%(num)d people support this idea.", idea.supporter_total)]
    if idea.join_count:
        lines.append(ngettext("%(num)d person wants to help.", "%(num)d people want to help.", idea.join_count))
    return Section(_("How many people support it?"), lines)


def _reactions(idea: Idea) -> Section:
    """The number of reactions and the three most recent ones, in the neighbours' own words."""
    section = Section(_("What do neighbours say?"), name="reactions")
    if not idea.reaction_count:
        section.paragraphs.append(_("There are no reactions on the website yet."))
        return section
    section.paragraphs.append(ngettext("There is %(num)d reaction on the website.",
                                       "There are %(num)d reactions on the website.", idea.reaction_count))
    for reaction in db.session.scalars(recent_shown(idea.id, 3)):
        name = reaction.author.display_name if reaction.author else _("Former participant")
        text, _cut = excerpt(reaction.body, 40)
        section.items.append((written(text, reaction.lang), _("%(name)s on %(date)s", name=name, date=human_date(reaction.created_at))))
    return section


def latest_answer(idea: Idea) -> IdeaEvent | None:
    """The city's latest public word: an answer, or the decision with its reasons (a "kan niet"
    sheet used to say "no answer yet" while the decision and its why were on the website)."""
    said = or_(IdeaEvent.kind == EventKind.ANSWER,
               and_(IdeaEvent.kind == EventKind.STATUS_CHANGE, IdeaEvent.new_status == IdeaStatus.DECIDED))
    query = (select(IdeaEvent).where(IdeaEvent.idea_id == idea.id, said)
             .order_by(IdeaEvent.created_at.desc(), IdeaEvent.id.desc()).limit(1))
    return db.session.scalar(query)


def _city(idea: Idea) -> Section:
    section = Section(_("What did the city do and say?"))
    answer = latest_answer(idea)
    if answer:
        name = answer.actor.display_name if answer.actor else _("The city")
        section.paragraphs.append(_("On %(date)s %(name)s wrote:", date=human_date(answer.created_at), name=name))
        section.quote = written(answer.public_text, answer.lang)
    elif (talk := last_held_conversation(idea)) is not None:
        section.paragraphs.append(_("There was a city conversation about this idea on %(date)s. "
                                    "The report is on the website.", date=human_date(talk.starts_at)))
    elif idea.ambassador:
        section.paragraphs.append(_("%(name)s works on it. There is no answer yet.", name=idea.ambassador.display_name))
    else:
        section.paragraphs.append(_("The city has not answered yet."))
    decision_quoted = answer is not None and answer.kind == EventKind.STATUS_CHANGE
    if idea.status == IdeaStatus.DECIDED and idea.outcome and not decision_quoted:
        section.paragraphs.append(_("The decision: %(outcome)s.", outcome=idea.outcome.label))
    return section


STATUS_NEXT = {
    IdeaStatus.CONVERSATION_PLANNED: _l("There will be a city conversation about this idea. You find the date on the website."),
    IdeaStatus.DONE: _l("The work is done. We ask the initiator and the supporters if it is solved for them."),
    IdeaStatus.CLOSED: _l("This idea is closed."),
    IdeaStatus.ARCHIVED: _l("This idea did not get enough support. It is in the archive now."),
}


# What follows a decision depends on the decision: "kan niet" starts no work.
DECIDED_NEXT = {
    Outcome.CITY_DOES_IT: _l("The decision is made. The city does the work."),
    Outcome.TOGETHER: _l("The decision is made. Residents and the city do the work together."),
    Outcome.NOT_POSSIBLE: _l("It is not possible. Why, and what is possible instead, is above."),
}
STATUS_NEXT_DECIDED = _l("The decision is made.")


def _next(idea: Idea, now: datetime) -> Section:
    section = Section(_("What happens next?"))
    deadline = deadline_of(idea, now)
    if idea.status == IdeaStatus.OPEN:
        missing = idea.support_missing
        section.paragraphs.append(ngettext(
            "It needs %(num)d more supporter. Then the city answers.",
            "It needs %(num)d more supporters. Then the city answers.", missing) if missing
            else _("It has enough supporters. The city answers soon."))
    elif (talk := next_conversation(idea, now)) is not None:
        section.paragraphs.append(_("There will be a city conversation about this idea: %(when)s.",
                                    when=when_in_words(talk.starts_at, talk.ends_at)))
    elif idea.status == IdeaStatus.DECIDED:
        section.paragraphs.append(str(DECIDED_NEXT.get(idea.outcome, STATUS_NEXT_DECIDED)))
    elif idea.status in STATUS_NEXT:
        section.paragraphs.append(str(STATUS_NEXT[idea.status]))
    elif not deadline:
        section.paragraphs.append(_("The city is working on it."))
    if deadline and deadline.kind == "response":
        section.paragraphs.append(_("The city answers by %(date)s at the latest.", date=human_date(deadline.due)))
    elif deadline:
        section.paragraphs.append(_("The next update from the city comes by %(date)s at the latest.",
                                    date=human_date(deadline.due)))
    if deadline and deadline.late:
        section.paragraphs.append(_("The city is late with this."))
    return section


def last_held_conversation(idea: Idea) -> Conversation | None:
    """The latest stadsgesprek about this idea that was held (its report is online)."""
    query = (select(Conversation).join(ConversationIdea)
             .where(ConversationIdea.idea_id == idea.id, Conversation.status == ConversationStatus.HELD)
             .order_by(Conversation.starts_at.desc()).limit(1))
    return db.session.scalar(query)


def next_conversation(idea: Idea, now: datetime) -> Conversation | None:
    """The planned stadsgesprek about this idea that has not started yet, if any: its date goes on paper."""
    if idea.status != IdeaStatus.CONVERSATION_PLANNED:
        return None
    query = (select(Conversation).join(ConversationIdea)
             .where(ConversationIdea.idea_id == idea.id, Conversation.status == ConversationStatus.PLANNED,
                    Conversation.starts_at >= now)
             .order_by(Conversation.starts_at).limit(1))
    return db.session.scalar(query)


def _contact(idea: Idea) -> Section:
    section = Section(_("Who is your contact?"))
    if idea.ambassador:
        section.paragraphs.append(_("%(name)s, %(department)s, is your contact at the city.",
                                    name=idea.ambassador.display_name,
                                    department=idea.ambassador.department or _("municipality of Utrecht")))
    else:
        section.paragraphs.append(_("There is no contact at the city yet."))
    section.paragraphs.append(_("Do you want to react or ask something? Scan the QR code or go to the website."))
    return section
