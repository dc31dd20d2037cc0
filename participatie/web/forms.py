"""Small form helpers shared by the domains' forms."""

from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms import BooleanField, SelectMultipleField, widgets


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes instead of a multi-select box (easier on phones)."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def strip(value):
    return value.strip() if isinstance(value, str) else value


def hidden_fields(form) -> Markup:
    """The form's hidden inputs, as `form.hidden_tag()` but with the CSRF token rendered without
    an id: a page with two forms (log in with a password or with a link) would repeat
    id="csrf_token", which the HTML validator refuses. Lat/lng are not HiddenFields: the place
    fieldset renders them once."""
    parts = [field(id=False) if field.type == "CSRFTokenField" else field()
             for field in form if field.type in ("HiddenField", "CSRFTokenField")]
    return Markup("".join(str(part) for part in parts))


def quote_ok_field(prefix: str = "quote") -> BooleanField:
    """The consent to be quoted (without a name) on the figures pages; off unless ticked."""
    return BooleanField(_l("You may show my words without my name"), id=f"{prefix}-quote-ok",
                        description=_l("Then we may quote you on the page with figures. We never show your name."))
