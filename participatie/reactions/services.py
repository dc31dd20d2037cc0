"""Use cases for reactions: write, reply, edit, delete, and what moderation changes.

Each public function checks its rule, writes, keeps Idea.reaction_count in step, notifies, and
commits once (set_hidden leaves the commit to moderation, its caller).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import photos
from participatie.notifications.mailqueue import external_url
from participatie.notifications.services import notify, notify_followers
from participatie.reactions import rules, text
from participatie.reactions.models import Reaction, replies_to, shown_count, top_level, written_since
from participatie.reactions.signals import reaction_held
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.i18n import writer_language

MAX_LENGTH = 1000
REVIEW = "review"  # the moderation reason code for "held for review"
NOTICE_KINDS = ("reaction", "reaction_reply")


def _setting(name: str, default):
    return current_app.config.get(name, default)


def _is_new(user, now) -> bool:
    return now - user.created_at < timedelta(hours=_setting("NEW_ACCOUNT_HOURS", 24))


def _check_text(body: str, author, now) -> str:
    body = (body or "").strip()
    if not body:
        raise DomainValidationError(_("Write a reaction first."), field="body")
    if len(body) > MAX_LENGTH:
        raise DomainValidationError(_("Use at most %(limit)d characters.", limit=MAX_LENGTH), field="body")
    max_links = _setting("NEW_ACCOUNT_MAX_LINKS", 2)
    if _is_new(author, now) and text.links_in(body) > max_links:
        raise DomainValidationError(
            _("New accounts can place at most %(num)d links in a reaction.", num=max_links), field="body")
    return body


def _check_pace(author, now) -> None:
    limit = _setting("REACTIONS_PER_HOUR", 20)
    if db.session.scalar(written_since(author.id, now - timedelta(hours=1))) >= limit:
        raise DomainValidationError(
            _("You wrote many reactions in the last hour. Wait a while and try again."), field="body")


def recount(idea) -> None:
    idea.reaction_count = db.session.scalar(shown_count(idea.id)) or 0


def link(reaction: Reaction, **values) -> str:
    """The reaction on its idea page, as a full address (for messages and e-mail)."""
    return external_url("ideas.detail", idea_id=reaction.idea_id, _anchor=f"reactie-{reaction.id}", **values)


def post(author, idea, body: str, *, parent: Reaction | None = None, photo: photos.PhotoInput | None = None,
         now=None) -> Reaction:
    """A reaction on the idea, or a reply to `parent` (one level), with at most one photo."""
    now = now or utcnow()
    allowed = rules.can_reply(author, parent) if parent is not None else rules.can_react(author, idea)
    if not allowed or (parent is not None and parent.idea_id != idea.id):
        raise NotAllowed("react")
    body = _check_text(body, author, now)
    _check_pace(author, now)
    reaction = Reaction(idea=idea, author=author, parent_id=parent.id if parent else None, body=body,
                        lang=writer_language(), role_mark=rules.role_mark(author, idea), created_at=now)
    if photo is not None:
        cleaned, _thumb, alt = photos.clean(photo)  # the same checks and cleaning as photos on ideas
        reaction.photo_name, reaction.photo_alt = photos.keep(cleaned), alt
        reaction.photo_width, reaction.photo_height = cleaned.width, cleaned.height
    db.session.add(reaction)
    db.session.flush()
    if _setting("REACTIONS_PREMODERATE_NEW", False) and _is_new(author, now):
        reaction.hidden_at, reaction.hidden_reason = now, REVIEW
        reaction_held.send(reaction)
    else:
        _notify(reaction, parent)
    recount(idea)
    db.session.commit()
    return reaction


def _excerpt(reaction: Reaction) -> str:
    return reaction.body if len(reaction.body) <= 200 else reaction.body[:200] + " …"


def _notify(reaction: Reaction, parent: Reaction | None) -> None:
    """The writer of the parent hears of a reply; followers hear of new reactions, once per idea
    until they read it (so at most one mail per idea, also in a digest)."""
    idea, author = reaction.idea, reaction.author
    body = _l("%(name)s wrote: %(text)s", name=author.display_name, text=_excerpt(reaction))
    parent_writer = parent.author if parent is not None and parent.author_id != author.id else None
    if parent_writer is not None:
        notify([parent_writer], kind="reaction_reply", idea=idea, link=link(reaction), exclude=author,
               subject=_l("New reply to your reaction on “%(title)s”", title=idea.title), body=body,
               once_per_idea=NOTICE_KINDS)
    notify_followers(idea, kind="reaction", link=link(reaction), exclude=author,
                     subject=_l("New reactions on “%(title)s”", title=idea.title), body=body,
                     once_per_idea=NOTICE_KINDS)


def edit(actor, reaction: Reaction, body: str, *, now=None) -> Reaction:
    now = now or utcnow()
    if not rules.can_edit_reaction(actor, reaction, now):
        raise NotAllowed("edit reaction")
    reaction.body = _check_text(body, actor, now)
    reaction.lang, reaction.edited_at = writer_language(), now
    db.session.commit()
    return reaction


def delete(actor, reaction: Reaction, *, now=None) -> None:
    """The writer deletes: the text goes, the place stays ("Verwijderd door de schrijver")."""
    if not rules.can_delete_reaction(actor, reaction):
        raise NotAllowed("delete reaction")
    reaction.deleted_at, reaction.body = now or utcnow(), ""
    photos.forget(reaction.photo_name)
    reaction.photo_name = reaction.photo_alt = reaction.photo_width = reaction.photo_height = None
    recount(reaction.idea)
    db.session.commit()


def set_hidden(reaction: Reaction, reason: str | None, *, now=None) -> None:
    """Moderation hides (with a public reason code) or shows again (None). No commit.
    A reaction held for review is news only once a moderator lets it through."""
    released = reason is None and reaction.hidden_reason == REVIEW
    reaction.hidden_at = (now or utcnow()) if reason else None
    reaction.hidden_reason = reason
    recount(reaction.idea)
    if released:
        _notify(reaction, db.session.get(Reaction, reaction.parent_id) if reaction.parent_id else None)


@dataclass
class Thread:
    """One page of an idea's reactions with their replies."""

    reactions: list[Reaction]
    replies: dict[int, list[Reaction]] = field(default_factory=dict)
    page: int = 1
    pages: int = 1
    total: int = 0


# A thread shows only the writer's name: loading the whole account row for each reaction was a
# third of the idea page's time (make bench, a long conversation of fifty a page).
_AUTHOR_NAME = joinedload(Reaction.author).load_only(User.id, User._display_name, User.deleted_at)


def _per_page() -> int:
    return _setting("REACTIONS_PER_PAGE", 30)


def thread(idea, page: int | None = None) -> Thread:
    """A page of top-level reactions (newest last) and all their replies, in two queries; a third
    counts the reactions only when there is more than one page (most ideas fit on the first)."""
    per_page = _per_page()
    page = max(1, page or 1)
    reactions = list(db.session.scalars(top_level(idea.id).options(_AUTHOR_NAME)
                                        .limit(per_page).offset((page - 1) * per_page)))
    if page == 1 and len(reactions) < per_page:
        total = len(reactions)
    else:
        total = _top_level_count(idea)
    replies: dict[int, list[Reaction]] = {}
    if reactions:
        for reply in db.session.scalars(replies_to([r.id for r in reactions]).options(_AUTHOR_NAME)):
            replies.setdefault(reply.parent_id, []).append(reply)
    return Thread(reactions, replies, page, max(1, -(-total // per_page)), total)


def _top_level_count(idea) -> int:
    return db.session.scalar(select(db.func.count()).select_from(top_level(idea.id).subquery())) or 0


def last_page(idea) -> int:
    return max(1, -(-_top_level_count(idea) // _per_page()))
