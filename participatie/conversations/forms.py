"""Forms: plan a conversation, sign up, report, action items, feedback afterwards."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FloatField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from participatie.conversations.status import ActionStatus, InputUsed, OwnerKind, Rating
from participatie.web.forms import MultiCheckboxField, quote_ok_field, strip


class ConversationDetailsForm(FlaskForm):
    """Everything of a conversation but its ideas: the edit form."""

    title = StringField(_l("Title"), filters=[strip],
                        validators=[DataRequired(_l("Give the conversation a title.")), Length(max=140)])
    wijk = SelectField(_l("Wijk"), validators=[Optional()])
    day = DateField(_l("Day"), validators=[DataRequired(_l("Choose a day."))])
    start = TimeField(_l("Start time"), validators=[DataRequired(_l("Choose a start time."))])
    end = TimeField(_l("End time"), validators=[DataRequired(_l("Choose an end time."))])
    venue_entry = SelectField(_l("Meeting place from the social map (optional)"), validate_choice=False,
                              description=_l("Choose a place from the list, or type the place below. "
                                             "With a place from the list we fill in the address and the access."))
    venue = TextAreaField(_l("Place"), filters=[strip],
                          description=_l("Name of the building and the address. With a place from the list: "
                                         "only extra details, like the room."),
                          validators=[Optional(), Length(max=500)])
    venue_lat = FloatField(_l("Latitude of the place (optional)"), validators=[Optional(), NumberRange(50, 54)])
    venue_lng = FloatField(_l("Longitude of the place (optional)"), validators=[Optional(), NumberRange(3, 8)])
    capacity = IntegerField(_l("Number of places"), validators=[DataRequired(_l("Say how many people can come.")),
                                                                NumberRange(1, 2000)])
    step_free = BooleanField(_l("Step-free access"))
    hearing_loop = BooleanField(_l("Hearing loop"))
    childcare = BooleanField(_l("Childcare"))
    language_support = StringField(_l("Help in other languages (optional)"), filters=[strip],
                                   description=_l("For example: Arabic, Turkish, sign language."),
                                   validators=[Optional(), Length(max=200)])
    invited = TextAreaField(_l("Who is invited"), filters=[strip],
                            description=_l("Departments, organisations, councillors."), validators=[Length(max=2000)])
    agenda = TextAreaField(_l("Agenda"), filters=[strip], description=_l("What you talk about, in plain words."),
                           validators=[Length(max=5000)])


class ConversationForm(ConversationDetailsForm):
    idea_ids = MultiCheckboxField(_l("Ideas to talk about"), coerce=int,
                                  description=_l("Ideas that wait for the city or that the city works on."),
                                  validators=[DataRequired(_l("Choose at least one idea."))])


class SummaryForm(FlaskForm):
    summary = TextAreaField(_l("Short summary"), filters=[strip],
                            description=_l("At most 120 words, in plain words. It is shown at the top of the page "
                                           "and on paper."),
                            validators=[Optional(), Length(max=1500)])


class RsvpForm(FlaskForm):
    share_contact = BooleanField(_l("Other people who come may see my name and e-mail address"))


class GuestRsvpForm(RsvpForm):
    name = StringField(_l("Your name"), filters=[strip],
                       validators=[DataRequired(_l("Fill in your name.")), Length(max=80)])
    email = StringField(_l("Your e-mail address"), filters=[strip],
                        description=_l("We send you a link to confirm. We only mail you about this conversation."),
                        validators=[DataRequired(_l("Fill in your e-mail address.")),
                                    Email(_l("Fill in a valid e-mail address."), check_deliverability=False)])


class CancelForm(FlaskForm):
    reason = TextAreaField(_l("Why does it not go ahead?"), filters=[strip],
                           validators=[DataRequired(_l("Write why the conversation does not go ahead."))])


class ReportForm(FlaskForm):
    report = TextAreaField(_l("Report"), filters=[strip],
                           description=_l("What was said, and what happens now. Short sentences, plain words."),
                           validators=[DataRequired(_l("Write a short report.")), Length(max=10000)])


class ActionForm(FlaskForm):
    idea_id = SelectField(_l("Idea"), coerce=int)
    what = TextAreaField(_l("What will happen"), filters=[strip],
                         validators=[DataRequired(_l("Write what will happen.")), Length(max=1000)])
    owner_kind = SelectField(_l("Who does it"), choices=[(k.value, k.label) for k in OwnerKind])
    owner = StringField(_l("Name or department"), filters=[strip], validators=[Optional(), Length(max=120)])
    due_on = DateField(_l("By when"), validators=[DataRequired(_l("Choose a date."))])


class ActionStatusForm(FlaskForm):
    status = SelectField(_l("New status"), choices=[(s.value, s.label) for s in ActionStatus])
    reason = StringField(_l("Reason (needed when dropped)"), filters=[strip], validators=[Length(max=1000)])


class FeedbackForm(FlaskForm):
    rating = RadioField(_l("How was the conversation?"), choices=[(r.value, r.label) for r in Rating],
                        validators=[DataRequired(_l("Choose an answer."))])
    input_used = RadioField(_l("Was something done with what you said?"),
                            choices=[(u.value, u.label) for u in InputUsed], validators=[Optional()])
    text = TextAreaField(_l("Anything else? (optional)"), filters=[strip], validators=[Length(max=2000)])
    quote_ok = quote_ok_field("conversation")
