"""What the printed stadsgesprek says: short generated sentences (B1 by construction) around the
organisers' own words (summary, agenda, venue, report), which are printed as they wrote them.

As with ``sheets.idea_sections``, the summary is an input, not read from the conversation here.
Everything that needs the database (places left, the actions) is loaded by the caller and passed in.
"""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _, ngettext

from participatie.conversations.models import ActionItem, Conversation
from participatie.conversations.status import UNFINISHED, ConversationStatus
from participatie.conversations.timefmt import when_in_words
from participatie.web.i18n import human_date
from participatie.printing.sheets import Section, Table

C = ConversationStatus


@dataclass(frozen=True)
class Signup:
    """The sign-up situation when the sheet is printed."""

    open: bool
    places_left: int
    waiting: int


@dataclass
class ConversationSheet:
    notice: Section | None  # "it does not go ahead", with the reason
    sections: list[Section]
    closing: Section  # printed next to the QR code: how to sign up, or where to read more


def own_lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def conversation_sheet(conversation: Conversation, summary: str | None, signup: Signup,
                       actions: list[ActionItem], today: date) -> ConversationSheet:
    status = conversation.status
    sections = [_about(conversation, summary), _when_where(conversation)]
    if status == C.PLANNED and own_lines(summary) and own_lines(conversation.agenda):
        sections.append(Section(_("What we talk about"), lines=own_lines(conversation.agenda)))
    sections.append(_ideas(conversation))
    if status == C.HELD:
        sections += [Section(_("Report"), lines=own_lines(conversation.report), name="report"),
                     _actions(actions, today)]
    notice = _cancelled(conversation) if status == C.CANCELLED else None
    return ConversationSheet(notice, sections, _closing(conversation, signup))


def _cancelled(conversation: Conversation) -> Section:
    return Section(_("This conversation does not go ahead."), name="notice",
                   lines=own_lines(conversation.cancel_reason),
                   paragraphs=[_("The city keeps working on the ideas. Read the latest news on the website.")])


def _about(conversation: Conversation, summary: str | None) -> Section:
    section = Section(_("What is it about?"), paragraphs=[
        _("In a city conversation, residents and the city talk together.")])
    if conversation.status == C.HELD:  # the report tells what was said; the plan is history
        section.lines = own_lines(summary)
        return section
    section.lines = own_lines(summary) or own_lines(conversation.agenda)
    if not section.lines and conversation.status == C.PLANNED:
        section.paragraphs.append(_("The programme is not ready yet. You will find it on the website."))
    if conversation.invited.strip():
        section.paragraphs.append(_("Also invited: %(who)s.", who=" ".join(own_lines(conversation.invited))))
    return section


def _when_where(conversation: Conversation) -> Section:
    when = when_in_words(conversation.starts_at, conversation.ends_at)
    sentence = {
        C.HELD: _("The conversation was on %(when)s.", when=when),
        C.CANCELLED: _("The conversation was planned for %(when)s.", when=when),
    }.get(conversation.status) or _("On %(when)s.", when=when)
    section = Section(_("When and where?"), paragraphs=[sentence], lines=own_lines(conversation.venue), name="facts")
    if conversation.status == C.PLANNED:
        section.bullets = access_sentences(conversation)
    return section


def access_sentences(conversation: Conversation) -> list[str]:
    """Can I get in, hear it, bring my children, follow it in my language?"""
    sentences = [
        _("You can get in without steps.") if conversation.step_free
        else _("Note: there are steps at the entrance."),
        _("There is a hearing loop.") if conversation.hearing_loop else _("There is no hearing loop."),
        _("There is childcare.") if conversation.childcare else _("There is no childcare."),
    ]
    if conversation.language_support.strip():
        sentences.append(_("There is help in other languages: %(languages)s.",
                           languages=conversation.language_support.strip()))
    return sentences


def _ideas(conversation: Conversation) -> Section:
    ideas = [idea for idea in conversation.ideas if not idea.hidden]  # a hidden idea is not shown anywhere
    num = len(ideas)
    if conversation.status == C.HELD:
        lead = ngettext("We talked about %(num)d idea of residents.",
                        "We talked about %(num)d ideas of residents.", num)
    elif conversation.status == C.CANCELLED:
        lead = ngettext("It was about %(num)d idea of residents.", "It was about %(num)d ideas of residents.", num)
    else:
        lead = ngettext("We talk about %(num)d idea of residents.", "We talk about %(num)d ideas of residents.", num)
    table = Table([_("Idea"), _("Status"), _("Supporters")],
                  [[idea.title, str(idea.status.label), str(idea.supporter_total)] for idea in ideas], numeric=(2,))
    return Section(_("The ideas"), paragraphs=[lead], table=table)


def _actions(actions: list[ActionItem], today: date) -> Section:
    section = Section(_("What did we agree?"), name="actions")
    if not actions:
        section.paragraphs.append(_("There are no actions yet. Look on the website later."))
        return section
    section.paragraphs.append(_("These are the actions. On the website you see how they are going."))
    section.table = action_table(actions, today)
    return section


def action_table(actions: list[ActionItem], today: date) -> Table:
    return Table([_("What"), _("Who"), _("By when"), _("Status")],
                 [[item.what, item.who, human_date(item.due_on), action_status(item, today)] for item in actions])


def action_status(item: ActionItem, today: date) -> str:
    if item.status in UNFINISHED and item.due_on < today:
        return _("%(status)s (late)", status=item.status.label)
    return str(item.status.label)


def _closing(conversation: Conversation, signup: Signup) -> Section:
    if conversation.status == C.HELD:
        return Section(_("How does it go on?"), paragraphs=[
            _("Scan the code. Then you see how the actions are going."),
            _("You can also react to the ideas there.")])
    if conversation.status == C.CANCELLED:
        return Section(_("Want to know more?"), paragraphs=[_("Scan the code, or go to the website.")])
    if not signup.open:
        return Section(_("Sign up"), paragraphs=[_("Signing up is closed."), _("Scan the code for the latest news.")])
    return Section(_("How do you sign up?"), paragraphs=[
        _("Scan the code, or type the address below."), _places(signup),
        _("Signing up without an account is fine too. Your name and e-mail are enough.")])


def _places(signup: Signup) -> str:
    if signup.places_left:
        return ngettext("There is %(num)d place left.", "There are %(num)d places left.", signup.places_left)
    if signup.waiting:
        return ngettext("It is full. You can join the waiting list. %(num)d person is on it now.",
                        "It is full. You can join the waiting list. %(num)d people are on it now.", signup.waiting)
    return _("It is full. You can join the waiting list.")
