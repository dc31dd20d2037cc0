"""Report, moderate, object."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participatie.moderation.reasons import REASONS
from participatie.web.forms import strip


class ReportForm(FlaskForm):
    reason = RadioField(_l("What is wrong?"), choices=list(REASONS.items()),
                        validators=[DataRequired(_l("Choose a reason."))])
    note = TextAreaField(_l("Anything to add? (optional)"), filters=[strip],
                         description=_l("Do not write personal details of others here."),
                         validators=[Optional(), Length(max=500, message=_l("Use at most 500 characters."))])


class ActionForm(FlaskForm):
    action = RadioField(_l("What do you do?"), validators=[DataRequired(_l("Choose what you do."))])
    reason = SelectField(_l("House rule (shown to everyone when you hide it)"),
                         choices=[("", _l("Choose a house rule"))] + list(REASONS.items()),
                         validators=[Optional()])
    note = TextAreaField(_l("Note for the audit log (optional)"), filters=[strip],
                         validators=[Optional(), Length(max=500, message=_l("Use at most 500 characters."))])


class ObjectionForm(FlaskForm):
    note = TextAreaField(_l("Why should it be shown again?"), filters=[strip],
                         validators=[DataRequired(_l("Tell us why it should be shown again.")),
                                     Length(max=500, message=_l("Use at most 500 characters."))])
