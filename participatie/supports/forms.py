"""The small form behind the support and join buttons."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length, Optional

from participatie.web.forms import strip


class SupportForm(FlaskForm):
    offer = StringField(_l("What can you bring? (optional)"), filters=[strip],
                        validators=[Optional(), Length(max=200)])
