from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participatie.web.forms import strip


class AccessibilityFeedbackForm(FlaskForm):
    page = StringField(_l("On which page? (optional)"), filters=[strip], validators=[Optional(), Length(max=200)])
    message = TextAreaField(_l("What does not work for you?"), filters=[strip], validators=[
        DataRequired(_l("Tell us what does not work.")),
        Length(max=2000, message=_l("Use at most %(max)d characters."))])
    contact = StringField(_l("How can we reach you? (optional: e-mail or phone)"), filters=[strip],
                          validators=[Optional(), Length(max=200)])
