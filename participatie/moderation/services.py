"""Use cases of moderation: report, the automatic hide, and the moderator's actions.

Every moderator action is written to the audit log with the moderator and the reason; the writer
of a hidden item is told why and how to object. Each function commits once.
"""

from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from participatie.accounts.models import AuditLog
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.moderation import reasons, rules
from participatie.moderation.models import Report, distinct_reporters, open_reports, queue
from participatie.moderation.targets import Target, load
from participatie.notifications.mailqueue import external_url
from participatie.notifications.services import notify
from participatie.reactions.signals import reaction_held
from participatie.web.errors import DomainValidationError, NotAllowed

NOTE_MAX = 500
AUTO_HIDE_REPORTS = 3  # config MODERATION_AUTO_HIDE_REPORTS


def auto_hide_at() -> int:
    return current_app.config.get("MODERATION_AUTO_HIDE_REPORTS", AUTO_HIDE_REPORTS)


def already_reported(user, target: Target) -> bool:
    query = select(Report.id).where(Report.target_kind == target.kind, Report.target_id == target.id,
                                    Report.reporter_id == user.id)
    return db.session.scalar(query) is not None


def report(reporter, target: Target, reason: str, note: str = "", *, now=None) -> bool:
    """One report per person per item. Returns True when this report hid the item."""
    if not rules.can_report(reporter, target):
        raise NotAllowed("report")
    if reason not in reasons.REASONS:
        raise DomainValidationError(_l("Choose a reason."), field="reason")
    if already_reported(reporter, target):
        raise DomainValidationError(_l("You already reported this. Thank you, we will look at it."), field="reason")
    now = now or utcnow()
    try:
        with db.session.begin_nested():
            db.session.add(_report_row(target, reporter.id, reason, note, now))
    except IntegrityError:  # a double submit
        raise DomainValidationError(_l("You already reported this. Thank you, we will look at it."),
                                    field="reason") from None
    hid = not target.hidden and db.session.scalar(distinct_reporters(target.kind, target.id)) >= auto_hide_at()
    if hid:
        target.set_hidden(reasons.REPORTED, now)
        _tell_writer(target, reasons.REPORTED)
    db.session.commit()
    return hid


def _report_row(target: Target, reporter_id, reason: str, note: str, now) -> Report:
    return Report(target_kind=target.kind, target_id=target.id, wijk_id=target.wijk_id,
                  writer_id=target.writer_id, reporter_id=reporter_id, reason=reason,
                  note=(note or "").strip()[:NOTE_MAX], created_at=now)


@reaction_held.connect
def _queue_held_reaction(reaction, **_extra) -> None:
    """Pre-moderation: a new account's reaction waits in the queue (same transaction)."""
    db.session.add(_report_row(Target("reaction", reaction, reaction.idea), None, reasons.REVIEW, "", utcnow()))


def object_to(writer, target: Target, note: str, *, now=None) -> None:
    """The writer asks for another look at their hidden item: it goes back in the queue."""
    if not rules.can_object(writer, target):
        raise NotAllowed("object")
    if not (note or "").strip():
        raise DomainValidationError(_l("Tell us why it should be shown again."), field="note")
    db.session.add(_report_row(target, None, reasons.OBJECTION, note, now or utcnow()))
    db.session.commit()


@dataclass
class QueueItem:
    target: Target
    first: object
    count: int
    reports: list[Report]

    @property
    def reporters(self) -> int:
        return len({r.reporter_id for r in self.reports if r.reporter_id is not None})

    @property
    def reasons(self) -> list[str]:
        return sorted({reasons.label(r.reason) for r in self.reports})


def queue_for(user, limit: int = 100) -> list[QueueItem]:
    """Items with open reports, oldest report first; a makelaar sees only their wijken."""
    if not rules.can_see_queue(user):
        raise NotAllowed("moderation queue")
    scope = None if rules.moderates_everywhere(user) else [w.id for w in user.wijken]
    rows = db.session.execute(queue(scope).limit(limit)).all()
    items = []
    for kind, target_id, first, n in rows:
        target = load(kind, target_id)
        if target is not None:
            items.append(QueueItem(target, first, n, list(db.session.scalars(open_reports(kind, target_id)))))
    return items


def reports_of(target: Target) -> list[Report]:
    return list(db.session.scalars(open_reports(target.kind, target.id)))


ACTIONS = ("keep", "hide", "restore", "warn", "block")


def act(moderator, target: Target, action: str, reason: str | None = None, note: str = "", *, now=None) -> None:
    """keep (dismiss the reports; shown again if the site hid it), hide (public reason), restore,
    warn or block the writer. Written to the audit log."""
    now = now or utcnow()
    _check(moderator, target, action, reason)
    if action == "keep":
        if target.hidden and target.hidden_reason in (reasons.REPORTED, reasons.REVIEW):
            target.set_hidden(None, now)
            _tell_shown_again(target)
        _resolve(moderator, target, "kept", now)
    elif action == "hide":
        target.set_hidden(reason, now)
        _resolve(moderator, target, "hidden", now)
        _tell_writer(target, reason)
    elif action == "restore":
        target.set_hidden(None, now)
        _resolve(moderator, target, "restored", now)
        _tell_shown_again(target)
    elif action == "warn":
        _warn(target, reason)
    else:
        target.writer.blocked_at = now
        _resolve(moderator, target, "blocked", now)
        _warn(target, reason, blocked=True)
    db.session.add(AuditLog(actor=moderator, action=f"moderation_{action}", target_user=target.writer,
                            details=_details(target, reason, note)))
    db.session.commit()


def _check(moderator, target: Target, action: str, reason: str | None) -> None:
    allowed = {
        "warn": rules.can_warn, "block": rules.can_block,
    }.get(action, lambda user, t: rules.can_moderate(user, t.wijk_id))
    if action not in ACTIONS or not allowed(moderator, target):
        raise NotAllowed(f"moderation {action}")
    if action in ("hide", "warn", "block") and reason not in reasons.REASONS:
        raise DomainValidationError(_l("Choose the house rule it breaks."), field="reason")


def _details(target: Target, reason: str | None, note: str) -> str:
    text = f"{target.kind} {target.id} (idea {target.idea.id})"
    if reason:
        text += f": {reason}"
    if (note or "").strip():
        text += f" — {note.strip()[:NOTE_MAX]}"
    return text


def _resolve(moderator, target: Target, outcome: str, now) -> None:
    db.session.execute(
        update(Report).where(Report.target_kind == target.kind, Report.target_id == target.id,
                             Report.resolved_at.is_(None))
        .values(resolved_at=now, resolved_by_id=moderator.id, outcome=outcome),
        execution_options={"synchronize_session": False})


WHAT = {"reaction": _l("your reaction"), "idea": _l("your idea"), "photo": _l("your photo")}


def _tell_writer(target: Target, reason: str) -> None:
    """Why it is hidden, and how to object."""
    if target.writer is None:
        return
    notify([target.writer], kind="moderation_hidden", idea=target.idea,
           link=external_url("moderation.objection", item=target.kind, target_id=target.id),
           subject=_l("We hid %(what)s on “%(title)s”", what=WHAT[target.kind], title=target.idea.title),
           body=_l("Reason: %(reason)s. Do you disagree? Open the link and tell us why. "
                   "A moderator will look at it again.", reason=_plain(reason)))


def _plain(reason: str | None) -> str:
    """The reason inside a sentence: without its own full stop."""
    return reasons.label(reason).rstrip(".")


def _tell_shown_again(target: Target) -> None:
    if target.writer is None:
        return
    notify([target.writer], kind="moderation_restored", idea=target.idea, link=target.link(external=True),
           subject=_l("A moderator shows %(what)s on “%(title)s” again", what=WHAT[target.kind],
                      title=target.idea.title),
           body=_l("You do not need to do anything. Please keep to the house rules."))


def _warn(target: Target, reason: str, *, blocked: bool = False) -> None:
    subject = (_l("Your account is blocked: you can read, but no longer write")
               if blocked else _l("A warning about the house rules"))
    notify([target.writer], kind="moderation_warning", idea=target.idea,
           link=external_url("moderation.house_rules"), subject=subject,
           body=_l("This is about %(what)s on “%(title)s”. Reason: %(reason)s. Please read the house rules.",
                   what=WHAT[target.kind], title=target.idea.title, reason=_plain(reason)))
