"""Buurtnetwerk use cases: join and leave, ask a wijk, answer, and tell what the city does with it.

Every function checks its rule, writes, and commits once; notifications and mail go in the same
transaction (the outbox sends after the commit).
"""

from datetime import timedelta

from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select, update

from participatie.accounts.models import AuditLog, ConsentKind, User
from participatie.accounts.services import set_consent
from participatie.accounts.signals import account_deleted
from participatie.buurtnetwerk import links, rules
from participatie.buurtnetwerk.models import (MAX_CHOICES, Answer, Choice, Membership, Question, counts_of,
                                              members_of, quotes_of)
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo.models import Wijk
from participatie.notifications import rules as notification_rules
from participatie.notifications.mailqueue import absolute
from participatie.notifications.services import notify
from participatie.ops.mail import queue_mail
from participatie.plainlanguage.gate import NeedsPlainLanguage, overrides_checker  # noqa: F401 (views catch it here)
from participatie.web.errors import DomainValidationError, NotAllowed

WEEK = timedelta(days=7)
MAX_QUESTION = 300
MAX_WORDS = 1000



# --- joining and leaving ------------------------------------------------------------------------

def wijk_ids_of(user) -> set[int]:
    if not rules.can_join(user):
        return set()
    return set(db.session.scalars(select(Membership.wijk_id).where(Membership.user_id == user.id)))


def is_member(user, wijk_id: int) -> bool:
    return (rules.can_join(user) and user.consent_buurtnetwerk_at is not None
            and wijk_id in wijk_ids_of(user))


def member_count(wijk_id: int) -> int:
    """How many people a question to this wijk reaches (counted in SQL, not loaded)."""
    return db.session.scalar(select(func.count()).select_from(members_of(wijk_id).subquery())) or 0


def join(user: User, wijk_ids, *, given: bool) -> None:
    """Settings: the consent and the wijken in one go. Without consent, or without a wijk, the
    person leaves every buurtnetwerk."""
    if not rules.can_join(user):
        raise NotAllowed("buurtnetwerk")
    wanted = set(db.session.scalars(select(Wijk.id).where(Wijk.id.in_(list(wijk_ids))))) if given else set()
    if given and not wanted:
        raise DomainValidationError(_("Choose at least one wijk."), field="wijken")
    _set_memberships(user, wanted)
    set_consent(user, ConsentKind.BUURTNETWERK, bool(wanted))
    db.session.commit()


def _set_memberships(user: User, wanted: set[int]) -> None:
    have = wijk_ids_of(user)
    if have - wanted:
        db.session.execute(delete(Membership).where(Membership.user_id == user.id,
                                                    Membership.wijk_id.in_(list(have - wanted))))
    for wijk_id in sorted(wanted - have):
        db.session.add(Membership(user_id=user.id, wijk_id=wijk_id))


def leave(user_id: int) -> User | None:
    """One click from a mail: the consent is withdrawn (logged) and every membership ends."""
    user = db.session.get(User, user_id)
    if user is None or user.is_deleted:
        return None
    _set_memberships(user, set())
    set_consent(user, ConsentKind.BUURTNETWERK, False)
    db.session.commit()
    return user


@account_deleted.connect
def forget_deleted_account(user, **_extra) -> None:
    """Account deletion: memberships go; answers stay counted, their words go."""
    db.session.execute(delete(Membership).where(Membership.user_id == user.id))
    db.session.execute(update(Answer).where(Answer.user_id == user.id).values(words="", quote_ok=False))


# --- asking -----------------------------------------------------------------------------------

def last_question(wijk_id: int) -> Question | None:
    return db.session.scalar(select(Question).where(Question.wijk_id == wijk_id)
                             .order_by(Question.created_at.desc()).limit(1))


def next_question_at(wijk_id: int, now=None):
    """When this wijk may get its next question (None: now)."""
    last = last_question(wijk_id)
    now = now or utcnow()
    if last is None or last.created_at + WEEK <= now:
        return None
    return last.created_at + WEEK


def ask(actor: User, wijk: Wijk, text: str, choices: list[str], *, confirm_difficult=False, now=None) -> Question:
    """One short question with two to five choices to the members of one wijk, at most once a week."""
    if not rules.can_ask(actor, wijk):
        raise NotAllowed("ask")
    now = now or utcnow()
    text = (text or "").strip()
    choices = [c.strip() for c in choices if c and c.strip()][:MAX_CHOICES]
    _validate(wijk, text, choices, now)
    _check_plain(actor, wijk, text, confirm_difficult)
    question = Question(wijk=wijk, asker=actor, text=text, created_at=now,
                        choices=[Choice(position=i, label=label) for i, label in enumerate(choices)])
    db.session.add(question)
    db.session.flush()
    members = db.session.scalars(members_of(wijk.id)).all()
    question.sent_to = len(members)
    notify(members, kind="buurtnetwerk_question", subject=_l("A question about wijk %(name)s", name=wijk.name),
           body=text, link=url_for("buurtnetwerk.question", question_id=question.id), exclude=actor,
           mailer=lambda user, notification: _question_mail(user, notification, question))
    db.session.commit()
    return question


def _validate(wijk, text: str, choices: list[str], now) -> None:
    if not text:
        raise DomainValidationError(_("Write your question."), field="text")
    if len(text) > MAX_QUESTION:
        raise DomainValidationError(_("Keep the question short: at most 300 characters."), field="text")
    if len(choices) < 2:
        raise DomainValidationError(_("Give at least two answers to choose from."), field="choice_1")
    if (since := next_question_at(wijk.id, now)) is not None:
        from participatie.web.i18n import human_date

        raise DomainValidationError(_("This wijk got a question less than a week ago. You can ask again from "
                                      "%(date)s.", date=human_date(since)), field="text")


def _check_plain(actor, wijk, text: str, confirmed: bool) -> None:
    if overrides_checker(text, confirmed):
        db.session.add(AuditLog(actor=actor, action="b1_override",
                            details=f"buurtnetwerk {wijk.slug}: sent a question the checker found too difficult"))


def _headers(user) -> dict:
    leave = links.leave_link(user.id)
    return {"List-Unsubscribe": f"<{leave}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _question_mail(user, notification, question: Question) -> None:
    """Only with mail consent: the question with one link per choice and the one-click way out."""
    if not notification_rules.wants_email(user):
        return
    notification.emailed_at = utcnow()
    choices = [(c.label, links.answer_link(user.id, question.id, c.position)) for c in question.choices]
    with force_locale(user.locale or "nl"):
        body = render_template("buurtnetwerk/mail_question.txt", user=user, question=question, choices=choices,
                               results=absolute(notification.link), leave=links.leave_link(user.id))
    queue_mail(user.email, notification.subject, body, headers=_headers(user))


# --- answering --------------------------------------------------------------------------------

def answer(user: User, question: Question, position: int, *, words: str = "", quote_ok: bool = False,
           now=None) -> Answer:
    """One answer per person; a second one changes the first."""
    if not rules.can_answer(user, question, is_member(user, question.wijk_id)):
        raise NotAllowed("answer")
    choice = next((c for c in question.choices if c.position == position), None)
    if choice is None:
        raise DomainValidationError(_("Choose one of the answers."), field="choice")
    now = now or utcnow()
    words = (words or "").strip()[:MAX_WORDS]
    given = db.session.scalar(select(Answer).where(Answer.question_id == question.id, Answer.user_id == user.id))
    if given is None:
        given = Answer(question_id=question.id, user_id=user.id, created_at=now)
        db.session.add(given)
    given.choice, given.words, given.quote_ok, given.updated_at = choice, words, bool(quote_ok and words), now
    db.session.commit()
    return given


def answer_of(user, question_id: int) -> Answer | None:
    if not rules.can_join(user):
        return None
    return db.session.scalar(select(Answer).where(Answer.question_id == question_id, Answer.user_id == user.id))


# --- results and "Dit doen we ermee" -----------------------------------------------------------

def results(question: Question) -> dict:
    counts = dict(db.session.execute(counts_of(question.id)).all())
    rows = [(choice, counts.get(choice.id, 0)) for choice in question.choices]
    total = sum(n for _choice, n in rows)
    return {"rows": [(c, n, round(100 * n / total) if total else 0) for c, n in rows], "total": total,
            "quotes": [a.words for a in db.session.scalars(quotes_of(question.id))]}


def post_outcome(actor: User, question: Question, text: str, now=None) -> None:
    """What the city does with the answers; everyone who answered is told."""
    if not rules.can_post_outcome(actor, question):
        raise NotAllowed("outcome")
    text = (text or "").strip()
    if not text:
        raise DomainValidationError(_("Write what you will do with the answers."), field="text")
    question.outcome, question.outcome_at = text[:3000], now or utcnow()
    answered = db.session.scalars(select(User).join(Answer, Answer.user_id == User.id)
                                  .where(Answer.question_id == question.id).order_by(User.id)).all()
    notify(answered, kind="buurtnetwerk_outcome", subject=_l("What we do with your answer"), body=question.outcome,
           link=url_for("buurtnetwerk.question", question_id=question.id), exclude=actor,
           mailer=lambda user, notification: _outcome_mail(user, notification, question))
    db.session.commit()


def _outcome_mail(user, notification, question: Question) -> None:
    if not notification_rules.wants_email(user) or user.consent_buurtnetwerk_at is None:
        return
    notification.emailed_at = utcnow()
    with force_locale(user.locale or "nl"):
        body = render_template("buurtnetwerk/mail_outcome.txt", user=user, question=question,
                               results=absolute(notification.link), leave=links.leave_link(user.id))
    queue_mail(user.email, notification.subject, body, headers=_headers(user))
