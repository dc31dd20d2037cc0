"""After 'done': "Is dit voor je opgelost?" and, three weeks after closing, "Hoe gaat het nu?"."""

from datetime import timedelta

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from participatie.clock import add_working_days, utcnow
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.web.i18n import writer_language
from participatie.extensions import db
from participatie.ideas import workflow
from participatie.ideas.models import IdeaEvent
from participatie.ideas.status import EventKind, IdeaStatus
from participatie.notifications.services import notify
from participatie.responses import links
from participatie.responses.models import FollowUp, FollowUpKind

QUESTIONS = {
    FollowUpKind.SOLVED: _l("Is this solved for you?"),
    FollowUpKind.HOW_NOW: _l("How is it going now?"),
}


def _ask(idea, kind: FollowUpKind, now, due_at=None) -> FollowUp | None:
    if idea.author is None:
        return None
    followup = FollowUp(idea_id=idea.id, user_id=idea.author.id, kind=kind, asked_at=now, due_at=due_at)
    db.session.add(followup)
    db.session.flush()
    link = url_for("responses.followup_page", followup_id=followup.id)
    notify([idea.author], kind=f"followup_{kind}", idea=idea, link=link,
           subject=_l("“%(title)s”: %(question)s", title=idea.title, question=QUESTIONS[kind]),
           body=lambda user: _("About your idea “%(title)s”: %(question)s", title=idea.title,
                               question=QUESTIONS[kind]),
           mail_body=lambda user: followup_mail_body(user, followup, idea))
    return followup


def followup_mail_body(user, followup, idea) -> str:
    """The e-mail, with signed links (never shown in the app): yes and no, or for the open
    "how is it going now?" one link to a few words."""
    if followup.kind == FollowUpKind.HOW_NOW:
        return render_template("mail/how_now.txt", user=user, idea_title=idea.title,
                               question=QUESTIONS[followup.kind], answer_link=links.followup_link(followup.id, None))
    return render_template("mail/followup.txt", user=user, idea_title=idea.title, question=QUESTIONS[followup.kind],
                           yes_link=links.followup_link(followup.id, True),
                           no_link=links.followup_link(followup.id, False))


@workflow.idea_moved.connect
def ask_when_done(idea, *, new, event, **_extra) -> None:
    """Whichever way an idea becomes 'done', the initiator is asked whether it is solved."""
    if new == IdeaStatus.DONE:
        ask_if_solved(idea, event.created_at)


def ask_if_solved(idea, now) -> FollowUp | None:
    due = add_working_days(now, current_app.config["FOLLOWUP_REPLY_WORKING_DAYS"])
    return _ask(idea, FollowUpKind.SOLVED, now, due)


def answer_followup(user, followup: FollowUp, yes: bool | None, text: str = "", now=None, *,
                    quote_ok: bool | None = None) -> FollowUp:
    """Yes closes the idea, no reopens it with the resident's words; how-now answers (a few words,
    yes/no optional) go on the timeline."""
    if user is None or followup.user_id != user.id:
        raise NotAllowed("followup")
    if yes is None and (followup.kind != FollowUpKind.HOW_NOW or not (text or "").strip()):
        raise DomainValidationError(_("Write a few words."), field="text")
    now = now or utcnow()
    first_answer = followup.answered_at is None
    followup.answered_at, followup.answer_yes, followup.text = now, yes, (text or "").strip()[:2000]
    followup.lang = writer_language() if followup.text else None
    if quote_ok is not None:
        followup.quote_ok = bool(quote_ok)
    idea, lang = followup.idea, _line_lang(followup)
    if followup.kind == FollowUpKind.SOLVED and first_answer and followup.expired_at is None:
        _settle(idea, user, yes, followup.text, now, lang)
    elif followup.kind == FollowUpKind.SOLVED and first_answer and not yes:
        _late_no(idea, user, followup.text, lang)
    elif followup.kind == FollowUpKind.HOW_NOW and first_answer:
        _timeline(idea, user, _how_now_text(yes, followup.text), lang)
        _tell_ambassador(idea, _l("The initiator says how it is going with “%(title)s”", title=idea.title))
    db.session.commit()
    return followup


def _line_lang(followup: FollowUp) -> str:
    """The timeline line is a short Dutch lead plus the resident's own words: it carries the
    language of those words when there are any, else Dutch."""
    return followup.lang or current_app.config["BABEL_DEFAULT_LOCALE"]


def _how_now_text(yes: bool | None, text: str) -> str:
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return _how_now_parts(yes, text)


def _how_now_parts(yes: bool | None, text: str) -> str:
    if yes is None:
        head = _("Three weeks later, the initiator says:")
    elif yes:
        head = _("Three weeks later, the initiator says: it is going well.")
    else:
        head = _("Three weeks later, the initiator says: it is not going well.")
    return f"{head}\n{text}".strip()


def _settle(idea, user, yes: bool, text: str, now, lang: str) -> None:
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        _settle_in_default_language(idea, user, yes, text, now, lang)


def _settle_in_default_language(idea, user, yes: bool, text: str, now, lang: str) -> None:
    if idea.status != IdeaStatus.DONE:
        return
    if yes:
        head = _("The initiator says: this is solved.")
        workflow.move(idea, IdeaStatus.CLOSED, user, f"{head}\n{text}".strip(), kind=EventKind.FOLLOWUP_ANSWER,
                      now=now, lang=lang)
        return
    head = _("The initiator says: this is not solved yet.")
    workflow.move(idea, IdeaStatus.IN_PROGRESS, user, f"{head}\n{text}".strip(), kind=EventKind.FOLLOWUP_ANSWER,
                  now=now, lang=lang)
    _tell_ambassador(idea, _l("“%(title)s” is not solved: the initiator reopened it", title=idea.title))


def _late_no(idea, user, text: str, lang: str) -> None:
    """A 'no' after the idea closed by itself: put it on the record and tell the ambassador."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        head = _("After closing, the initiator says: this is not solved.")
    _timeline(idea, user, f"{head}\n{text}".strip(), lang)
    _tell_ambassador(idea, _l("“%(title)s” is not solved, says the initiator", title=idea.title))


def add_words(followup: FollowUp, text: str, *, quote_ok: bool | None = None) -> None:
    """Words added after a one-click answer: on the timeline, and the ambassador is told."""
    text = (text or "").strip()[:2000]
    if not text or followup.answered_at is None:
        return
    followup.text, followup.lang = text, writer_language()
    if quote_ok is not None:
        followup.quote_ok = bool(quote_ok)
    _timeline(followup.idea, followup.user, text, followup.lang)
    _tell_ambassador(followup.idea, _l("The initiator added a note to “%(title)s”", title=followup.idea.title))
    db.session.commit()


def _timeline(idea, actor, text, lang: str | None = None) -> IdeaEvent:
    return workflow.record(idea, EventKind.FOLLOWUP_ANSWER, actor, text, lang=lang)


def _tell_ambassador(idea, subject) -> None:
    if idea.ambassador:
        notify([idea.ambassador], kind=EventKind.FOLLOWUP_ANSWER, idea=idea, subject=subject, body=subject,
               link=url_for("ideas.detail", idea_id=idea.id, _anchor="tijdlijn"))


# --- tick steps ---------------------------------------------------------------------------

def close_unanswered(now) -> int:
    """No reply to "opgelost?" in time: close with a note that says so."""
    due = db.select(FollowUp).where(FollowUp.kind == FollowUpKind.SOLVED, FollowUp.answered_at.is_(None),
                                    FollowUp.expired_at.is_(None), FollowUp.due_at <= now)
    count = 0
    for followup in db.session.scalars(due).all():
        followup.expired_at = now
        idea = followup.idea
        if idea.status == IdeaStatus.DONE:
            with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
                text = _("We did not hear back from the initiator, so we close this idea. "
                         "Not solved after all? Let us know and we will look again.")
            workflow.move(idea, IdeaStatus.CLOSED, None, text, kind=EventKind.CLOSED_NO_REPLY, now=now)
            count += 1
        db.session.commit()
    return count


def ask_how_it_goes(now) -> int:
    """Three weeks after closing, ask the initiator how it is going now (once)."""
    from participatie.ideas.models import Idea

    cutoff = now - timedelta(days=current_app.config["HOW_NOW_AFTER_DAYS"])
    asked = db.select(FollowUp.idea_id).where(FollowUp.kind == FollowUpKind.HOW_NOW)
    query = db.select(Idea).where(Idea.status == IdeaStatus.CLOSED, Idea.closed_at <= cutoff,
                                  Idea.id.not_in(asked), Idea.author_id.is_not(None))
    count = 0
    for idea in db.session.scalars(query).all():
        if _ask(idea, FollowUpKind.HOW_NOW, now):
            count += 1
        db.session.commit()
    return count
