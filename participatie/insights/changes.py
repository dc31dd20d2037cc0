""""Wat is er veranderd": ideas the initiator called solved ("ja, opgelost") and actions of a
stadsgesprek that are done, newest first. Two small indexed queries (follow_ups by kind/answer/date,
action_items by status/date), each limited, plus one for the ambassador's words when the initiator
wrote none."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participatie.conversations.models import ActionItem
from participatie.conversations.status import ActionStatus
from participatie.extensions import db
from participatie.ideas.models import Idea, IdeaEvent
from participatie.ideas.status import EventKind, IdeaStatus
from participatie.responses.models import FollowUp, FollowUpKind

WHO = {"initiator": _l("The initiator"), "ambassador": _l("The city"), "action": _l("Agreed at a city conversation")}
CITY_WORDS = (EventKind.ANSWER, EventKind.PROGRESS, EventKind.STATUS_CHANGE)
LINE_CHARS = 160


@dataclass(frozen=True)
class Change:
    idea: Idea
    at: datetime
    line: str
    who: str  # initiator | ambassador | action

    @property
    def who_label(self):
        return WHO[self.who]


def one_line(text: str) -> str:
    """The first line, cut at a word near LINE_CHARS characters."""
    line = next((part.strip() for part in (text or "").splitlines() if part.strip()), "")
    if len(line) <= LINE_CHARS:
        return line
    return line[:LINE_CHARS].rsplit(" ", 1)[0] + " …"


def _visible(query, wijk_id, idea_id=None):
    query = query.where(Idea.hidden.is_(False))
    if idea_id is not None:
        query = query.where(Idea.id == idea_id)
    return query.where(Idea.wijk_id == wijk_id) if wijk_id is not None else query


def recent(limit: int = 3, wijk_id: int | None = None, *, idea_id: int | None = None) -> list[Change]:
    solved = _visible(select(Idea, FollowUp.answered_at, FollowUp.text).join(FollowUp, FollowUp.idea_id == Idea.id)
                      .where(FollowUp.kind == FollowUpKind.SOLVED, FollowUp.answer_yes.is_(True),
                             Idea.status == IdeaStatus.CLOSED), wijk_id, idea_id)
    done = _visible(select(Idea, ActionItem.updated_at, ActionItem.what).join(ActionItem, ActionItem.idea_id == Idea.id)
                    .where(ActionItem.status == ActionStatus.KLAAR), wijk_id, idea_id)
    items = [Change(idea, at, one_line(text), "initiator")
             for idea, at, text in db.session.execute(solved.order_by(FollowUp.answered_at.desc()).limit(limit))]
    items += [Change(idea, at, one_line(what), "action")
              for idea, at, what in db.session.execute(done.order_by(ActionItem.updated_at.desc()).limit(limit))]
    items = _one_per_idea(sorted(items, key=lambda c: c.at, reverse=True))[:limit]
    return _city_words_where_silent(items)


def _one_per_idea(items: list[Change]) -> list[Change]:
    seen, kept = set(), []
    for item in items:
        if item.idea.id not in seen:
            seen.add(item.idea.id)
            kept.append(item)
    return kept


def _city_words_where_silent(items: list[Change]) -> list[Change]:
    """An initiator who said only "ja": the line comes from the ambassador's last public words."""
    silent = [c.idea.id for c in items if not c.line]
    if not silent:
        return items
    query = (select(IdeaEvent.idea_id, IdeaEvent.public_text)
             .where(IdeaEvent.idea_id.in_(silent), IdeaEvent.kind.in_(CITY_WORDS), IdeaEvent.public_text != "")
             .order_by(IdeaEvent.created_at.desc(), IdeaEvent.id.desc()))
    words: dict[int, str] = {}
    for idea_id, text in db.session.execute(query):
        words.setdefault(idea_id, one_line(text))
    return [c if c.line else Change(c.idea, c.at, words.get(c.idea.id, ""), "ambassador") for c in items]


def of_idea(idea: Idea) -> Change | None:
    """The item of one idea (for its A5 notice), or None when nothing changed yet."""
    found = recent(limit=1, idea_id=idea.id)
    return found[0] if found else None
