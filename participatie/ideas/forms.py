"""The idea form (post and edit) and the update form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FileField, FloatField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from participatie.ideas import photos
from participatie.web.forms import MultiCheckboxField, strip
from participatie.ideas.status import IdeaKind
from participatie.ideas.themes import NEEDS, THEMES


class IdeaForm(FlaskForm):
    kind = RadioField(
        _l("What do you want to share?"),
        choices=[
            (IdeaKind.DROOM.value, _l("A dream: “I would like…”. You do not need a plan.")),
            (IdeaKind.IDEE.value, _l("An idea: something concrete you want to do or change.")),
        ],
        default=IdeaKind.DROOM.value,
        validators=[DataRequired(_l("Choose dream or idea."))],
    )
    title = StringField(
        _l("Title"),
        description=_l("Say it in a few words. For example: “A vegetable garden on the square”."),
        filters=[strip],
        validators=[DataRequired(_l("Fill in a title.")),
                    Length(min=5, max=140, message=_l("Use between 5 and 140 characters."))],
    )
    body = TextAreaField(
        _l("Tell us more"),
        description=_l("What would you like, and why is it good for the neighbourhood?"),
        filters=[strip],
        validators=[DataRequired(_l("Tell us a bit more.")),
                    Length(min=20, max=5000, message=_l("Use between 20 and 5000 characters."))],
    )
    themes = MultiCheckboxField(_l("Themes"), choices=list(THEMES.items()))
    needs = MultiCheckboxField(_l("What does it need? (optional)"), choices=list(NEEDS.items()))
    offer = TextAreaField(
        _l("What can you offer yourself? (optional)"),
        filters=[strip],
        validators=[Optional(), Length(max=1000)],
    )
    lat = FloatField(widget=HiddenField.widget, validators=[Optional(), NumberRange(-90, 90)])
    lng = FloatField(widget=HiddenField.widget, validators=[Optional(), NumberRange(-180, 180)])
    wijk = SelectField(_l("Wijk"), description=_l("Only needed when you do not choose a place on the map."),
                       validators=[Optional()])
    street = StringField(_l("Street (optional)"), filters=[strip], validators=[Optional(), Length(max=120)])


class PhotoFields:
    """A photo and its description. Checked by content in ideas.photos, not by name."""

    photo = FileField(_l("Photo (optional)"), description=_l("A JPEG, PNG or WebP photo. We remove the place "
                                                             "where it was taken from the file."))
    alt = StringField(_l("What is on the photo?"),
                      description=_l("A short description for people who cannot see the photo. "
                                     "For example: “Broken pavement in front of number 12”."),
                      filters=[strip], validators=[Optional(), Length(max=300)])


class PhotoForm(PhotoFields, FlaskForm):
    pass


class IdeaWithPhotoForm(PhotoFields, IdeaForm):
    """Posting: the idea and, if you like, a first photo (more photos later on the idea page)."""


class UpdateForm(FlaskForm):
    text = TextAreaField(
        _l("Your update"),
        description=_l("Tell supporters what happened. No news is news too."),
        filters=[strip],
        validators=[DataRequired(_l("Write a short message.")), Length(max=3000)],
    )


class SummaryForm(FlaskForm):
    summary = TextAreaField(
        _l("Short summary"),
        description=_l("At most 120 words, in plain words. It is shown at the top of the page and on paper."),
        filters=[strip],
        validators=[Optional(), Length(max=1500)],
    )


def photo_input(form) -> photos.PhotoInput | None:
    """The photo part of a form (fields `photo` and `alt`), or None without a file. Reads one byte
    past the limit: enough to know it is too large. Alt text without a photo is ignored."""
    upload = form.photo.data
    data = upload.stream.read(photos.max_bytes() + 1) if upload and getattr(upload, "filename", "") else b""
    return photos.PhotoInput(upload=data, alt=form.alt.data or "") if data else None
