"""The reaction form (new, reply and edit share it)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FileField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participatie.web.forms import strip

MAX_LENGTH = 1000


class ReactionForm(FlaskForm):
    body = TextAreaField(
        _l("Your reaction"),
        description=_l("At most 1,000 characters. Be kind: neighbours read along."),
        filters=[strip],
        validators=[DataRequired(_l("Write a reaction first.")),
                    Length(max=MAX_LENGTH, message=_l("Use at most 1,000 characters."))],
    )
    parent = HiddenField(validators=[Optional()])
    photo = FileField(_l("Photo (optional)"))
    alt = StringField(_l("What is on the photo?"), filters=[strip], validators=[Optional(), Length(max=300)],
                      description=_l("Only needed with a photo: a few words for people who cannot see it."))
