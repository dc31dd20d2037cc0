"""Forms of the social map: entry, suggestion, import, links, offline ideas and paper supports."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    FloatField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional

from participatie.web.forms import MultiCheckboxField, strip
from participatie.web.input import MAX_ID
from participatie.ideas.forms import IdeaForm
from participatie.ideas.themes import THEMES
from participatie.socialmap.vocab import ENTRY_LINK_KINDS, Audience, Cost, EntryKind


class EntryForm(FlaskForm):
    kind = RadioField(_l("What is it?"), choices=[(k.value, k.label) for k in EntryKind],
                      default=EntryKind.INITIATIVE.value, validators=[DataRequired(_l("Choose what it is."))])
    name = StringField(_l("Name"), filters=[strip],
                       validators=[DataRequired(_l("Fill in a name.")), Length(max=140)])
    description = TextAreaField(_l("Short description"), filters=[strip],
                                description=_l("What happens there, and for whom? Two or three sentences."),
                                validators=[Optional(), Length(max=2000)])
    themes = MultiCheckboxField(_l("Themes"), choices=list(THEMES.items()))
    lat = FloatField(widget=HiddenField.widget, validators=[Optional(), NumberRange(-90, 90)])
    lng = FloatField(widget=HiddenField.widget, validators=[Optional(), NumberRange(-180, 180)])
    wijk = SelectField(_l("Wijk"), description=_l("Only needed when you do not choose a place on the map."),
                       validators=[Optional()])
    address = StringField(_l("Address"), filters=[strip], validators=[Optional(), Length(max=200)])
    times = StringField(_l("When"), filters=[strip], description=_l("For example: every Tuesday 10.00–12.00"),
                        validators=[Optional(), Length(max=300)])
    evening = BooleanField(_l("Also in the evening"))
    weekend = BooleanField(_l("Also at the weekend"))
    cost = RadioField(_l("Cost"), choices=[(c.value, c.label) for c in Cost], default=Cost.FREE.value)
    step_free = BooleanField(_l("Step-free (wheelchair accessible)"))
    signup_needed = BooleanField(_l("You need to sign up first"))
    suitable_for = RadioField(_l("For whom"), choices=[(a.value, a.label) for a in Audience],
                              default=Audience.EVERYONE.value)
    languages = StringField(_l("Languages spoken"), filters=[strip], description=_l("For example: Dutch, Arabic"),
                            validators=[Optional(), Length(max=200)])
    phone = StringField(_l("Phone (optional)"), filters=[strip], validators=[Optional(), Length(max=40)])
    email = StringField(_l("E-mail (optional)"), filters=[strip],
                        validators=[Optional(), Email(_l("Fill in a valid e-mail address.")), Length(max=254)])
    website = StringField(_l("Website (optional)"), filters=[strip],
                          validators=[Optional(), URL(message=_l("Fill in a web address starting with https://")),
                                      Length(max=300)])
    # Checked by content in photos.prepare, not by name: no FileAllowed here.
    photo = FileField(_l("Photo (optional)"))  # the template says which files and how large
    photo_alt = StringField(_l("What is on the photo?"), filters=[strip],
                            description=_l("For people who cannot see the photo. For example: neighbours at the "
                                           "vegetable beds"),
                            validators=[Optional(), Length(max=200)])
    remove_photo = BooleanField(_l("Remove the photo"))


class SuggestionForm(FlaskForm):
    name = StringField(_l("Name of the place, group or activity"), filters=[strip],
                       validators=[Optional(), Length(max=140)])
    wijk = SelectField(_l("Wijk"), validators=[Optional()])
    address = StringField(_l("Address (optional)"), filters=[strip], validators=[Optional(), Length(max=200)])
    message = TextAreaField(_l("Your tip"), filters=[strip],
                            description=_l("What is new, or what is not right? The community broker of the wijk "
                                           "reads it."),
                            validators=[DataRequired(_l("Tell us what is new or what is not right.")),
                                        Length(max=2000)])


class ImportForm(FlaskForm):
    file = FileField(_l("CSV or GeoJSON file"), validators=[
        FileRequired(_l("Choose a file.")),
        FileAllowed(["csv", "txt", "geojson", "json"], _l("Choose a .csv or .geojson file."))])


class ImportConfirmForm(FlaskForm):
    """The "Importeren" button under the preview: the token of the file that waits."""

    token = HiddenField(validators=[DataRequired()])


class LinkEntryForm(FlaskForm):
    entry = SelectField(_l("Entry on the social map"), coerce=int,
                        validators=[DataRequired(_l("Choose an entry."))])
    kind = RadioField(_l("How are they connected?"), choices=[(k.value, k.label) for k in ENTRY_LINK_KINDS],
                      default=ENTRY_LINK_KINDS[0].value)


class LinkIdeaForm(FlaskForm):
    other = IntegerField(_l("Number of the similar idea"), description=_l("You find it in the address: /ideas/123"),
                         validators=[DataRequired(_l("Fill in the number of the idea.")),
                                     NumberRange(1, MAX_ID, _l("There is no idea with this number."))])


class CollectForm(IdeaForm):
    """The idea form plus where the makelaar met the resident and, with consent, how to reach them."""

    occasion = StringField(_l("Where did you meet the resident?"), filters=[strip],
                           description=_l("For example: at the market on the Kanaalstraat, 12 March"),
                           validators=[DataRequired(_l("Say where you met the resident.")), Length(max=200)])
    contact_name = StringField(_l("Name of the resident (optional)"), filters=[strip],
                               validators=[Optional(), Length(max=120)])
    contact_phone = StringField(_l("Phone of the resident (optional)"), filters=[strip],
                                validators=[Optional(), Length(max=40)])
    contact_email = StringField(_l("E-mail of the resident (optional)"), filters=[strip],
                                validators=[Optional(), Email(_l("Fill in a valid e-mail address.")),
                                            Length(max=254)])
    consent = BooleanField(_l("The resident agrees that we keep these details to tell them about the idea"))


class PaperSupportForm(FlaskForm):
    count = IntegerField(_l("Number of supports on paper"),
                         validators=[DataRequired(_l("Fill in a number.")), NumberRange(1, 5000)])
    collected_where = StringField(_l("Where were they collected?"), filters=[strip],
                                  validators=[DataRequired(_l("Say where.")), Length(max=200)])
    collected_on = DateField(_l("When?"), validators=[DataRequired(_l("Choose a date."))])
    note = TextAreaField(_l("Note (optional)"), filters=[strip], validators=[Optional(), Length(max=1000)])
