"""The small form behind the support and join buttons."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from participatie.web.forms import strip

STATES = ("on", "off")


class SupportForm(FlaskForm):
    """`state` is the state the person wants ("on": give, "off": withdraw), not "flip it": the same
    form sent twice (a double click, the proxy retrying it on another host) has the same result."""

    state = HiddenField(validators=[InputRequired(), AnyOf(STATES)])
    offer = StringField(_l("What can you bring? (optional)"), filters=[strip],
                        validators=[Optional(), Length(max=200)])

    @property
    def wanted(self) -> bool:
        return self.state.data == "on"
