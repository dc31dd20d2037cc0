"""Forms: the department list and ladder (admins), asking and escalating (ambassador), answering (department)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from participatie.departments.models import AskOutcome
from participatie.departments.services import DEFAULT_WORKING_DAYS, OUTCOME_LABELS
from participatie.web.forms import strip


class DepartmentForm(FlaskForm):
    name = StringField(_l("Name of the department"), id="department-name", filters=[strip],
                       validators=[DataRequired(_l("Fill in the name of the department.")), Length(max=120)])
    mailbox = StringField(_l("Shared mailbox"), id="department-mailbox", filters=[strip],
                          description=_l("The e-mail address of the team, not of one person."),
                          validators=[DataRequired(_l("Fill in the shared mailbox of the department.")),
                                      Email(_l("Fill in a valid e-mail address.")), Length(max=320)])
    team_lead_email = StringField(_l("E-mail of the team lead (optional)"), id="department-team-lead", filters=[strip],
                                  validators=[Optional(), Email(_l("Fill in a valid e-mail address.")),
                                              Length(max=320)])


class StepForm(FlaskForm):
    number = IntegerField(_l("Step number"), id="step-number",
                          validators=[DataRequired(_l("Fill in a step number.")), NumberRange(1, 20)])
    name = StringField(_l("Who is this step"), id="step-name", filters=[strip],
                       description=_l("Write it as it reads after “passed on to”, for example “de teamleider”."),
                       validators=[DataRequired(_l("Fill in who this step is.")), Length(max=120)])
    mailbox = StringField(_l("Mailbox (empty: the team lead of the department)"), id="step-mailbox", filters=[strip],
                          validators=[Optional(), Email(_l("Fill in a valid e-mail address.")), Length(max=320)])
    working_days = IntegerField(_l("Working days for this step"), id="step-days", default=5,
                                validators=[DataRequired(_l("Fill in a number of working days.")), NumberRange(1, 60)])


class AskForm(FlaskForm):
    departments = SelectMultipleField(_l("Which departments do you ask?"), id="ask-departments", coerce=int,
                                      widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
                                      validators=[DataRequired(_l("Choose at least one department."))])
    question = TextAreaField(_l("Your question"), id="ask-question", filters=[strip],
                             description=_l("The department reads this. Residents do not."),
                             validators=[DataRequired(_l("Write your question to the department.")),
                                         Length(max=3000)])
    working_days = IntegerField(_l("Answer within (working days)"), id="ask-days", default=DEFAULT_WORKING_DAYS,
                                validators=[DataRequired(_l("Choose between 1 and 60 working days.")),
                                            NumberRange(1, 60, _l("Choose between 1 and 60 working days."))])


class EscalateForm(FlaskForm):
    reason = TextAreaField(_l("Why do you pass this on?"), id="escalate-reason", filters=[strip],
                           description=_l("Residents read this. Write short sentences in plain words."),
                           validators=[DataRequired(_l("Write why you pass this on.")), Length(max=1000)])


class ImpactForm(FlaskForm):
    reason = TextAreaField(_l("Why does this have a big impact?"), id="impact-reason", filters=[strip],
                           description=_l("For example health, safety, or many people."),
                           validators=[DataRequired(_l("Write why this has a big impact.")), Length(max=1000)])


class AnswerForm(FlaskForm):
    """The department's answer, without an account."""

    text = TextAreaField(_l("Your answer for the residents"), id="text", filters=[strip],
                         description=_l("Residents read this on the website. Write short sentences in plain words."),
                         validators=[DataRequired(_l("Write your answer for the residents.")), Length(max=5000)])
    internal_note = TextAreaField(_l("Note for the city only (optional)"), id="internal-note", filters=[strip],
                                  description=_l("Residents do not see this."), validators=[Length(max=3000)])
    outcome = RadioField(_l("What is your answer?"), id="outcome",
                         choices=[(o.value, OUTCOME_LABELS[o]) for o in AskOutcome],
                         validators=[DataRequired(_l("Choose: possible, not possible, or more time."))])
    more_time_until = DateField(_l("Only with “more time”: until which date?"), id="more-time-until",
                                validators=[Optional()])
    picked_up_by = StringField(_l("Who takes this on? (optional)"), id="picked-up-by", filters=[strip],
                               validators=[Length(max=120)])
    answered_by = StringField(_l("Your name"), id="answered-by", filters=[strip],
                              validators=[DataRequired(_l("Fill in your name.")), Length(max=120)])


class CaseForm(FlaskForm):
    """The ladder step's answer, or who takes it on."""

    text = TextAreaField(_l("Your answer for the residents"), id="text", filters=[strip],
                         description=_l("Residents read this on the website. Write short sentences in plain words."),
                         validators=[Length(max=5000)])
    internal_note = TextAreaField(_l("Note for the city only (optional)"), id="internal-note", filters=[strip],
                                  description=_l("Residents do not see this."), validators=[Length(max=3000)])
    assign_to = StringField(_l("Or: who takes this on?"), id="assign-to", filters=[strip], validators=[Length(max=120)])
    answered_by = StringField(_l("Your name"), id="answered-by", filters=[strip],
                              validators=[DataRequired(_l("Fill in your name.")), Length(max=120)])
