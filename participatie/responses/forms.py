"""Forms of the ambassador's work on an idea, and the resident's answers back."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from participatie.web.forms import quote_ok_field, strip
from participatie.ideas.status import Outcome

MESSAGE = _l("Public message")
MESSAGE_HELP = _l("Residents read this. Write short sentences in plain words.")


def _message(prefix: str, label=MESSAGE, description=MESSAGE_HELP):
    """Several forms share one page: each field id carries its form's prefix (labels stay unique)."""
    return TextAreaField(label, id=f"{prefix}-message", description=description, filters=[strip],
                         validators=[DataRequired(_l("Write a public message.")), Length(max=3000)])


class ClaimForm(FlaskForm):
    message = _message("claim", description=_l("Introduce yourself: who you are and what you will do first."))
    accept_over_limit = BooleanField(_l("I know I have many ideas already, and I claim this one anyway."),
                                     id="claim-accept-over-limit")


class EndorseForm(FlaskForm):
    message = _message("endorse", description=_l("Why should the city respond to this idea now?"))


class AnswerForm(FlaskForm):
    text = TextAreaField(_l("Your answer"), id="answer-text", description=MESSAGE_HELP, filters=[strip],
                         validators=[DataRequired(_l("Write your answer.")), Length(max=5000)])
    confirm_difficult = BooleanField(_l("Post anyway, even though the text is hard to read"),
                                     id="answer-confirm-difficult")


class ProgressForm(FlaskForm):
    text = _message("progress", _l("Update"), _l("“No news yet, still working on it” is a good update too."))


class VoorgesprekForm(FlaskForm):
    department = StringField(_l("Department or team you asked"), filters=[strip],
                             validators=[DataRequired(_l("Fill in which department or team you asked.")),
                                         Length(max=120)])
    held_on = DateField(_l("Date of the talk"), validators=[DataRequired(_l("Fill in a date."))])
    internal_note = TextAreaField(_l("What they said (internal, not public)"), filters=[strip],
                                  validators=[Optional(), Length(max=5000)])
    public_line = TextAreaField(_l("One line for residents (optional)"), filters=[strip],
                                validators=[Optional(), Length(max=1000)])


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), id="status-new")
    message = _message("status")
    outcome = RadioField(_l("Decision"), choices=[(o.value, o.label) for o in Outcome], validators=[Optional()])
    reason = TextAreaField(_l("Why not (when not possible)"), filters=[strip], validators=[Optional()])
    alternative = TextAreaField(_l("What is possible instead (when not possible)"), filters=[strip],
                                validators=[Optional()])
    next_step = TextAreaField(_l("Next step (when the city or residents do it)"), filters=[strip],
                              validators=[Optional()])
    next_date = DateField(_l("Date of the next step"), validators=[Optional()])


class HandOverForm(FlaskForm):
    to = SelectField(_l("Hand over to"), coerce=int, id="handover-to")
    reason = TextAreaField(_l("Reason (internal)"), id="handover-reason", filters=[strip],
                           validators=[DataRequired(_l("Write why you hand this idea over.")), Length(max=2000)])


class ReleaseForm(FlaskForm):
    message = _message("release")


class FeedbackForm(FlaskForm):
    helpful = RadioField(_l("Was this an answer to the question?"), choices=[("yes", _l("Yes")), ("no", _l("No"))],
                         validators=[DataRequired(_l("Choose yes or no."))])
    text = TextAreaField(_l("Anything to add? (optional)"), filters=[strip], validators=[Optional(), Length(max=2000)])
    quote_ok = quote_ok_field("feedback")


class FollowUpForm(FlaskForm):
    answer = RadioField(choices=[("yes", _l("Yes")), ("no", _l("No"))], validators=[DataRequired(_l("Choose yes or no."))])
    text = TextAreaField(_l("Tell us more (optional)"), filters=[strip], validators=[Optional(), Length(max=2000)])
    quote_ok = quote_ok_field("followup")


class HowNowForm(FlaskForm):
    """"Hoe gaat het nu?" is an open question: a few words, and yes/no only if they like."""
    text = TextAreaField(_l("A few words about how it is going"), filters=[strip],
                         validators=[DataRequired(_l("Write a few words.")), Length(max=2000)])
    answer = RadioField(_l("Is it going well? (optional)"), choices=[("yes", _l("Yes")), ("no", _l("No"))],
                        validators=[Optional()], validate_choice=False)
    quote_ok = quote_ok_field("how-now")

    @property
    def yes(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.answer.data)


class WijkSettingsForm(FlaskForm):
    support_threshold = IntegerField(_l("Supporters needed"), validators=[
        DataRequired(_l("Fill in a number.")), NumberRange(1, 10000, _l("Choose a number from 1 to 10000."))])
    response_term_days = IntegerField(_l("Working days for the first answer"), validators=[
        DataRequired(_l("Fill in a number.")), NumberRange(1, 60, _l("Choose a number from 1 to 60."))])
