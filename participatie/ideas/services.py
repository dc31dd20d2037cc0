"""Use cases for ideas: post, edit, add an update. Each checks its rule and commits once."""

import re
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.i18n import writer_language
from participatie.extensions import db
from participatie.geo import services as geo
from participatie.ideas import photos, rules, workflow
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from participatie.ideas.models import EventKind, Follow, Idea, IdeaEvent
from participatie.ideas.status import IdeaKind, IdeaStatus
from participatie.ideas.themes import NEEDS, THEMES
from participatie.plainlanguage import check_text


@dataclass
class IdeaInput:
    """The fields a resident fills in; the same for posting and editing."""

    kind: str
    title: str
    body: str
    themes: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    offer: str = ""
    lat: float | None = None
    lng: float | None = None
    wijk_slug: str | None = None
    street: str = ""


def place_of(data: IdeaInput):
    """The wijk (and point) of an idea: from the point when given, else the chosen wijk."""
    if data.lat is not None and data.lng is not None:
        wijk = geo.wijk_for_point(data.lat, data.lng)
        if wijk is None:
            raise DomainValidationError(
                _("This place is outside the city of Utrecht. Choose a place in Utrecht."),
                field="location",
            )
        return wijk, data.lat, data.lng
    wijk = geo.wijk_by_slug(data.wijk_slug or "")
    if wijk is None:
        raise DomainValidationError(
            _("Choose a place on the map or pick a wijk."), field="wijk"
        )
    return wijk, None, None


LIMITS = {"title": 140, "body": 5000, "offer": 1000, "street": 120}  # as the columns and the form


def _check_lengths(data: IdeaInput) -> None:
    """The form checks these too; the service holds the rule for every caller (CLI, imports, tests)."""
    for name, limit in LIMITS.items():
        if len((getattr(data, name) or "").strip()) > limit:
            raise DomainValidationError(_("Use at most %(limit)d characters.", limit=limit), field=name)


def _apply(idea: Idea, data: IdeaInput) -> None:
    _check_lengths(data)
    wijk, lat, lng = place_of(data)
    idea.kind = IdeaKind(data.kind)
    title, body = data.title.strip(), data.body.strip()
    if idea.lang is None or (title, body) != (idea.title, idea.body):  # a fix of the place keeps the language
        idea.lang = writer_language()
    idea.title, idea.body = title, body
    idea.themes = [t for t in data.themes if t in THEMES]
    idea.needs = [n for n in data.needs if n in NEEDS]
    idea.offer = data.offer.strip()
    idea.wijk, idea.lat, idea.lng = wijk, lat, lng
    idea.street = data.street.strip() or None


def create_idea(author, data: IdeaInput, *, created_at=None, photo: photos.PhotoInput | None = None) -> Idea:
    if not rules.can_post(author):
        raise NotAllowed("post idea")
    cleaned = [photos.clean(photo)] if photo is not None else []  # refused before anything is written
    idea = Idea(author=author)
    _apply(idea, data)
    if created_at is not None:  # demo and benchmark data spread over time
        idea.created_at = created_at
    db.session.add(idea)
    db.session.flush()
    _add_event(idea, author, EventKind.CREATED, created_at=idea.created_at)
    db.session.add(Follow(idea_id=idea.id, user_id=author.id))  # the author hears everything
    if cleaned:
        photos.attach(idea, cleaned)
    db.session.commit()
    return idea


def edit_idea(actor, idea: Idea, data: IdeaInput) -> Idea:
    if not rules.can_edit(actor, idea):
        raise NotAllowed("edit idea")
    _apply(idea, data)
    _add_event(idea, actor, EventKind.EDITED)
    db.session.commit()
    return idea


def add_update(actor, idea: Idea, text: str) -> IdeaEvent:
    if not rules.can_add_update(actor, idea):
        raise NotAllowed("add update")
    if not text.strip():
        raise DomainValidationError(_("Write a short message."), field="text")
    event = _add_event(idea, actor, EventKind.UPDATE, public_text=text.strip())
    db.session.commit()
    return event


def _add_event(idea, actor, kind, *, public_text="", created_at=None) -> IdeaEvent:
    return workflow.record(idea, kind, actor, public_text, created_at=created_at)


def revive(actor, idea: Idea, now=None) -> IdeaEvent:
    """The author brings an archived idea back: open again, with a new window for support."""
    if not rules.can_revive(actor, idea):
        raise NotAllowed("revive idea")
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        text = _("This idea is back. You can support it again.")
    event = workflow.move(idea, IdeaStatus.OPEN, actor, text, kind=EventKind.REVIVED, now=now)
    db.session.commit()
    return event


def is_following(user, idea: Idea) -> bool:
    if not (user and user.is_authenticated):
        return False
    query = select(Follow.id).where(Follow.idea_id == idea.id, Follow.user_id == user.id)
    return db.session.scalar(query) is not None


def follow(user, idea: Idea, *, commit: bool = True) -> None:
    """Start following; harmless when already following (also under a race)."""
    if not rules.can_follow(user, idea) or is_following(user, idea):
        return
    try:
        with db.session.begin_nested():
            db.session.add(Follow(idea_id=idea.id, user_id=user.id))
    except IntegrityError:
        pass
    if commit:
        db.session.commit()


def unfollow(user, idea: Idea) -> None:
    db.session.execute(delete(Follow).where(Follow.idea_id == idea.id, Follow.user_id == user.id))
    db.session.commit()


def followers(idea: Idea) -> list:
    """Users who follow the idea, oldest follow first."""
    query = select(Follow).where(Follow.idea_id == idea.id).order_by(Follow.id)
    return [f.user for f in db.session.scalars(query)]


SUMMARY_MAX_WORDS = 120


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text or ""))


def set_summary(actor, idea: Idea, text: str):
    """Save the short B1 summary (empty removes it) and return the B1 check of it.

    Not timeline news: no IdeaEvent. The checker only advises; it never blocks a summary.
    """
    if not rules.can_edit_summary(actor, idea):
        raise NotAllowed("edit summary")
    idea.summary = clean_summary(text)
    db.session.commit()
    return check_text(idea.summary or "")


def clean_summary(text: str) -> str | None:
    """The summary as stored (None when empty); refused when longer than SUMMARY_MAX_WORDS.
    Shared by every page that carries a B1 summary (ideas, stadsgesprekken)."""
    text = (text or "").strip()
    if word_count(text) > SUMMARY_MAX_WORDS:
        raise DomainValidationError(
            _("Keep the summary short: at most %(max)d words.", max=SUMMARY_MAX_WORDS), field="summary")
    return text or None


def set_hidden(idea: Idea, reason: str | None) -> None:
    """Moderation hides an idea with a public reason code, or shows it again (None). No commit:
    moderation commits together with its report and audit rows."""
    idea.hidden, idea.hidden_reason = reason is not None, reason
