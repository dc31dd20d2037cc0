"""The form "Een regel zit in de weg" (for the ambassador and the makelaar alike)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participatie.regulations.models import HOW_MAX, RuleLevel
from participatie.web.forms import strip


class RuleForm(FlaskForm):
    existing = SelectField(_l("A rule that is already on the list"), coerce=int, id="rule-existing",
                           validators=[Optional()])
    name = StringField(_l("Or the name of a new rule"), id="rule-name", filters=[strip],
                       description=_l("For example: Bestemmingsplan: geen bouwwerken in de groenstrook."),
                       validators=[Optional(), Length(max=200)])
    level = RadioField(_l("Who made the new rule?"), choices=[(level.value, level.label) for level in RuleLevel],
                       validators=[Optional()], validate_choice=False)
    # Named "description": the live B1 check (web/b1_preview.py) reads this field by name.
    description = TextAreaField(_l("How does the rule block this idea? One short sentence."), id="rule-description",
                                filters=[strip], description=_l("Residents and the council read this. Use plain words."),
                                validators=[DataRequired(_l("Write in one sentence how the rule blocks this idea.")),
                                            Length(max=HOW_MAX)])

    def set_choices(self, choices: list[tuple[int, str]]) -> None:
        self.existing.choices = [(0, str(_l("New rule (fill in below)")))] + choices
