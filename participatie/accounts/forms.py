"""Account forms. Labels are lazy so they follow the visitor's language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from participatie.accounts.roles import Role
from participatie.web.i18n import language_choices
from participatie.web.forms import MultiCheckboxField, strip

EMAIL_MSG = _l("Fill in a valid e-mail address, like naam@voorbeeld.nl.")


class RegisterForm(FlaskForm):
    display_name = StringField(
        _l("Your name on the site"),
        description=_l("Others see this name. A first name is enough."),
        filters=[strip],
        validators=[DataRequired(_l("Fill in a name.")), Length(max=80)],
    )
    email = EmailField(
        _l("E-mail address"),
        description=_l("We never show your e-mail address to others."),
        filters=[strip],
        validators=[DataRequired(EMAIL_MSG), Email(EMAIL_MSG, check_deliverability=False)],
    )
    password = PasswordField(
        _l("Password"),
        description=_l("At least 10 characters."),
        validators=[DataRequired(_l("Choose a password.")),
                    Length(min=10, max=200, message=_l("Use at least 10 characters."))],
    )
    password_again = PasswordField(
        _l("Password again"),
        validators=[DataRequired(_l("Type your password again.")),
                    EqualTo("password", message=_l("The two passwords are not the same."))],
    )
    consent_notifications = BooleanField(
        _l("Yes, e-mail me when something happens with ideas I follow."),
    )


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), filters=[strip],
                       validators=[DataRequired(EMAIL_MSG), Email(EMAIL_MSG, check_deliverability=False)])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Fill in your password."))])


class LoginLinkForm(FlaskForm):
    # Its own id: the login page shows this form next to LoginForm, whose e-mail field is "email".
    email = EmailField(_l("E-mail address"), filters=[strip], id="link-email",
                       validators=[DataRequired(EMAIL_MSG), Email(EMAIL_MSG, check_deliverability=False)])


class SettingsForm(FlaskForm):
    display_name = StringField(_l("Your name on the site"), filters=[strip],
                               validators=[DataRequired(_l("Fill in a name.")), Length(max=80)])
    locale = SelectField(_l("Language"), choices=[])  # filled from LANGUAGES in __init__
    consent_notifications = BooleanField(
        _l("Yes, e-mail me when something happens with ideas I follow."),
    )
    email_frequency = RadioField(
        _l("How often do you want e-mail?"),
        choices=[("immediate", _l("Right away: one e-mail for each message")),
                 ("daily", _l("Once a day: one e-mail with all new messages"))],
        default="immediate",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale.choices = language_choices()


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=[(r.value, r.label) for r in Role])
    department = StringField(_l("Department (ambassadors)"), filters=[strip],
                             validators=[Optional(), Length(max=120)])
    wijken = MultiCheckboxField(_l("Wijken (community brokers)"), coerce=int)


class DeleteWithPasswordForm(FlaskForm):
    """Deleting your own account when it has a password: type it, so we know it is you."""

    password = PasswordField(_l("Your password"), validators=[DataRequired(_l("Fill in your password."))])

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def validate_password(self, field):
        if not self.user.check_password(field.data):
            raise ValidationError(_l("This is not your password. Try again."))


class DeleteWithCheckboxForm(FlaskForm):
    """Deleting an account without a password (e-mail link only), or an admin deleting one."""

    confirm = BooleanField(_l("Yes, delete my account"),
                           validators=[DataRequired(_l("Tick the box if you really want to delete the account."))])


class AdminDeleteForm(FlaskForm):
    confirm = BooleanField(_l("Yes, delete this account"),
                           validators=[DataRequired(_l("Tick the box if you really want to delete the account."))])


def delete_form_for(user) -> FlaskForm:
    """Password when the account has one, else the checkbox."""
    return DeleteWithPasswordForm(user) if user.password_hash else DeleteWithCheckboxForm()
