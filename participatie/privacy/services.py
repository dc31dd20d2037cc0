"""What the site holds about one person, as plain values (JSON and the HTML page read the same),
and the accessibility feedback that reaches the admins."""

from __future__ import annotations

from datetime import datetime

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from participatie.accounts.models import ConsentEvent, User, consent_log
from participatie.accounts.roles import Role
from participatie.buurtnetwerk.models import Answer as BuurtAnswer
from participatie.buurtnetwerk.models import Membership
from participatie.conversations.models import Conversation, ConversationFeedback, Rsvp
from participatie.conversations.status import InputUsed, Rating
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas.models import Follow, Idea
from participatie.ideas.status import IdeaStatus
from participatie.moderation.models import Report
from participatie.notifications.models import Notification, WijkFollow
from participatie.notifications.services import notify
from participatie.reactions.models import Reaction
from participatie.responses.models import AnswerFeedback, FollowUp
from participatie.socialmap.models import Suggestion
from participatie.supports.models import Support
from participatie.web.i18n import human_datetime


# Rows that point at a person but are not in "Je gegevens", and why. Everything else that points at
# a person is in the export (tests/privacy/test_export_complete.py checks every table).
NOT_IN_EXPORT = {
    "action_items": "work of staff: an action from a stadsgesprek with its owner in the municipality",
    "audit_log": "the record of staff actions; kept for accountability, shown to admins",
    "buurtnetwerk_questions": "asked by makelaars for their work, not by residents",
    "conversations": "planned or confirmed by staff for their work",
    "department_asks": "asked by an ambassador of another department, for their work",
    "escalations": "done by staff for their work",
    "idea_events": "the public timeline; a resident's own words are in ideas, reactions and answers",
    "idea_high_impact": "marked by staff for their work",
    "makelaar_wijken": "the wijken of a makelaar: in the profile ('wijken')",
    "regulation_blocks": "proposed and confirmed by staff for their work",
    "regulations": "written by staff for their work",
    "socialmap_collected_ideas": "entered by a makelaar for their work; the resident's idea is under ideas",
    "socialmap_entries": "curated by makelaars for their work",
    "socialmap_entry_edits": "edits by makelaars for their work",
    "socialmap_links": "links made by staff for their work",
    "socialmap_paper_supports": "entered by a makelaar for their work",
    "socialmap_worklist_reminders": "a makelaar's work list",
    "voorgesprekken": "talks recorded by an ambassador for their work",
}


def _when(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def export_for(user: User) -> dict:
    """Everything linked to the account, nobody else's. Sections in the order of the page."""
    def mine(column, convert) -> list[dict]:
        """The rows whose `column` is this person, oldest first, as plain values."""
        model = column.class_
        return [convert(row) for row in db.session.scalars(select(model).where(column == user.id).order_by(model.id))]

    return {
        "generated_at": _when(utcnow()),
        "profile": _profile(user),
        "consents": [_consent(e) for e in db.session.scalars(consent_log(user.id))],
        "ideas": mine(Idea.author_id, _idea),
        "supports": mine(Support.user_id, _support),
        "follows": mine(Follow.user_id, lambda f: {"idea_id": f.idea_id, "since": _when(f.created_at)}),
        "rsvps": mine(Rsvp.user_id, _rsvp),
        "follow_up_answers": mine(FollowUp.user_id, _follow_up),
        "answer_feedback": mine(AnswerFeedback.user_id, _feedback),
        "reactions": mine(Reaction.author_id, _reaction),
        "reports": mine(Report.reporter_id, _report),
        "notifications": mine(Notification.user_id, _notification),
        "buurtnetwerk": [{"wijk": m.wijk.name, "since": _when(m.created_at)} for m in db.session.scalars(
            select(Membership).where(Membership.user_id == user.id).order_by(Membership.wijk_id))],
        "buurtnetwerk_answers": mine(BuurtAnswer.user_id, _buurt_answer),
        "wijk_follows": mine(WijkFollow.user_id, lambda w: {"wijk": w.wijk.name, "since": _when(w.created_at)}),
        "conversation_feedback": mine(ConversationFeedback.user_id, _conversation_feedback),
        "socialmap_suggestions": mine(Suggestion.author_id, _suggestion),
    }


def _conversation_feedback(row: ConversationFeedback) -> dict:
    conversation = db.session.get(Conversation, row.conversation_id)
    return {"conversation": conversation.title, "rating": str(row.rating),
            "input_used": str(row.input_used) if row.input_used else None, "text": row.text,
            "show_words": row.quote_ok, "at": _when(row.created_at)}


def _suggestion(row: Suggestion) -> dict:
    return {"wijk": row.wijk.name, "name": row.name, "address": row.address, "message": row.message,
            "at": _when(row.created_at), "handled_at": _when(row.handled_at)}


# Fields whose value is a code with a label in the interface language ("in_progress" reads as
# "De gemeente werkt eraan").
_CODES = {"role": Role, "status": IdeaStatus, "rating": Rating, "input_used": InputUsed}


def readable(data: dict) -> dict:
    """The export as the page shows it: times in words in the city's time zone, yes and no in words
    (the JSON file keeps ISO times and true/false)."""
    def value(name: str, item):
        if name in _CODES and item in {code.value for code in _CODES[name]}:
            return str(_CODES[name](item).label)
        if isinstance(item, bool):
            return _("yes") if item else _("no")
        if isinstance(item, str) and item and (name in ("at", "since") or name.endswith("_at")):
            return human_datetime(datetime.fromisoformat(item.removesuffix("Z")))
        return item

    def row(values: dict) -> dict:
        return {name: value(name, item) for name, item in values.items()}

    return {key: row(section) if isinstance(section, dict)
            else [row(r) for r in section] if isinstance(section, list) else value(key, section)
            for key, section in data.items()}


def _buurt_answer(answer: BuurtAnswer) -> dict:
    return {"question": answer.choice.question.text, "answer": answer.choice.label, "text": answer.words,
            "show_words": answer.quote_ok, "at": _when(answer.updated_at)}


def _profile(user: User) -> dict:
    return {
        "email": user.email, "display_name": user.display_name, "role": str(user.role),
        "department": user.department, "locale": user.locale,
        "wijken": [w.name for w in user.wijken], "email_frequency": user.email_frequency,
        "email_confirmed_at": _when(user.email_verified_at), "created_at": _when(user.created_at),
        "last_login_at": _when(user.last_login_at),
    }


def _consent(event: ConsentEvent) -> dict:
    return {"consent": str(event.kind), "given": event.given, "at": _when(event.created_at)}


def _idea(idea: Idea) -> dict:
    return {"id": idea.id, "kind": str(idea.kind), "title": idea.title, "body": idea.body,
            "wijk": idea.wijk.name, "street": idea.street, "lat": idea.lat, "lng": idea.lng,
            "status": str(idea.status), "created_at": _when(idea.created_at)}


def _support(support: Support) -> dict:
    return {"idea_id": support.idea_id, "kind": str(support.kind), "offer": support.offer,
            "at": _when(support.created_at)}


def _rsvp(rsvp: Rsvp) -> dict:
    conversation: Conversation = rsvp.conversation
    return {"conversation": conversation.title, "starts_at": _when(conversation.starts_at),
            "signed_up_at": _when(rsvp.created_at), "cancelled_at": _when(rsvp.cancelled_at),
            "waiting_list": rsvp.waitlisted, "share_contact": rsvp.share_contact}


def _follow_up(follow_up: FollowUp) -> dict:
    return {"idea_id": follow_up.idea_id, "question": follow_up.kind, "asked_at": _when(follow_up.asked_at),
            "answered_at": _when(follow_up.answered_at), "answer_yes": follow_up.answer_yes,
            "text": follow_up.text}


def _feedback(feedback: AnswerFeedback) -> dict:
    return {"event_id": feedback.event_id, "was_an_answer": feedback.helpful, "text": feedback.text,
            "at": _when(feedback.created_at)}


def _reaction(reaction: Reaction) -> dict:
    return {"idea_id": reaction.idea_id, "text": reaction.body, "photo": reaction.photo_alt,
            "at": _when(reaction.created_at), "deleted_at": _when(reaction.deleted_at)}


def _report(report: Report) -> dict:
    return {"about": report.target_kind, "reason": report.reason, "text": report.note, "at": _when(report.created_at)}


def _notification(note: Notification) -> dict:
    return {"subject": note.subject, "body": note.body, "at": _when(note.created_at),
            "read_at": _when(note.read_at), "emailed_at": _when(note.emailed_at)}


def section_titles() -> dict[str, str]:
    """Headings for the readable page, in the export's order."""
    return {
        "profile": _("Your profile"), "consents": _("Your consents"), "ideas": _("Your ideas and dreams"),
        "supports": _("Ideas you support or join"), "follows": _("Ideas you follow"),
        "rsvps": _("City conversations you signed up for"),
        "follow_up_answers": _("Your answers to our questions"),
        "answer_feedback": _("Your reactions to answers of the municipality"),
        "reactions": _("Your reactions on ideas"), "reports": _("What you reported"),
        "notifications": _("Your messages"),
        "buurtnetwerk": _("Buurtnetwerk: wijken that may ask you something"),
        "buurtnetwerk_answers": _("Your answers in the buurtnetwerk"),
        "wijk_follows": _("Wijken you follow"),
        "conversation_feedback": _("What you said about city conversations"),
        "socialmap_suggestions": _("Your tips for the social map"),
    }


def field_labels() -> dict[str, str]:
    """Plain names for the export's fields on the readable page (the JSON keeps the keys)."""
    return {
        "email": _("E-mail address"),
        "display_name": _("Name"),
        "role": _("Role"),
        "department": _("Department"),
        "locale": _("Language"),
        "wijken": _("Wijken"),
        "email_frequency": _("How often e-mail"),
        "email_confirmed_at": _("E-mail confirmed on"),
        "created_at": _("Made on"),
        "last_login_at": _("Last logged in"),
        "consent": _("Consent"),
        "given": _("Given"),
        "at": _("Date"),
        "id": _("Number"),
        "kind": _("Kind"),
        "title": _("Title"),
        "body": _("Text"),
        "wijk": _("Wijk"),
        "street": _("Street"),
        "lat": _("Latitude"),
        "lng": _("Longitude"),
        "status": _("Status"),
        "idea_id": _("Idea number"),
        "offer": _("What you offer"),
        "since": _("Since"),
        "conversation": _("City conversation"),
        "starts_at": _("Starts"),
        "signed_up_at": _("Signed up on"),
        "cancelled_at": _("Cancelled on"),
        "waiting_list": _("On the waiting list"),
        "share_contact": _("Share contact details"),
        "question": _("Question"),
        "asked_at": _("Asked on"),
        "answered_at": _("Answered on"),
        "answer_yes": _("Answer yes"),
        "text": _("Your words"),
        "event_id": _("Answer number"),
        "was_an_answer": _("Was it an answer"),
        "subject": _("Subject"),
        "read_at": _("Read on"),
        "emailed_at": _("E-mailed on"),
        "photo": _("Photo description"),
        "deleted_at": _("Deleted on"),
        "about": _("About"),
        "reason": _("Reason"),
        "answer": _("Your answer"),
        "show_words": _("Your words may be shown"),
        "rating": _("How it was"),
        "input_used": _("Something done with your input"),
        "name": _("Name"),
        "address": _("Address"),
        "message": _("Your message"),
        "handled_at": _("Handled on"),
    }


def send_accessibility_feedback(*, page: str, message: str, contact: str, sender: User | None) -> int:
    """Every admin gets the report in Berichten (and by e-mail if they chose that). Returns the count."""
    admins = db.session.scalars(select(User).where(User.role == Role.ADMIN, User.deleted_at.is_(None))).all()
    who = contact or (sender.display_name if sender is not None else "") or _("someone without an account")
    body = "\n".join([_("Page: %(page)s", page=page or "-"), _("From: %(who)s", who=who), "", message])
    notes = notify(admins, kind="accessibility_feedback", subject=_("Accessibility problem reported"),
                   body=body, link=url_for("privacy.accessibility"))
    db.session.commit()
    return len(notes)
