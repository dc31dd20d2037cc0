"""Forms: joining the buurtnetwerk, asking a question, answering it, "Dit doen we ermee"."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from participatie.web.forms import MultiCheckboxField, strip


class JoinForm(FlaskForm):
    consent = BooleanField(_l("The city or the sociaal makelaar may ask me something about my wijk now and then."),
                           id="buurtnetwerk-consent")
    wijken = MultiCheckboxField(_l("About which wijk?"), coerce=int, id="buurtnetwerk-wijken",
                                description=_l("You can choose more than one wijk. You can stop at any time."))


def _choice(n: int, required: bool = False):
    validators = [DataRequired(_l("Write this answer."))] if required else [Optional()]
    return StringField(_l("Answer %(num)d", num=n), filters=[strip], validators=[*validators, Length(max=120)])


class AskForm(FlaskForm):
    text = TextAreaField(_l("Your question"), filters=[strip],
                         description=_l("One short question in plain words. At most 300 characters."),
                         validators=[DataRequired(_l("Write your question.")), Length(max=300)])
    choice_1 = _choice(1, required=True)
    choice_2 = _choice(2, required=True)
    choice_3 = _choice(3)
    choice_4 = _choice(4)
    choice_5 = _choice(5)
    confirm_difficult = BooleanField(_l("Send anyway, even though the text is hard to read"),
                                     id="ask-confirm-difficult")

    @property
    def choices(self) -> list[str]:
        return [getattr(self, f"choice_{n}").data or "" for n in range(1, 6)]


class AnswerForm(FlaskForm):
    choice = RadioField(_l("Your answer"), coerce=int, validators=[InputRequired(_l("Choose one of the answers."))])
    words = TextAreaField(_l("Do you want to say more? (optional)"), filters=[strip],
                          validators=[Optional(), Length(max=1000)])
    quote_ok = BooleanField(_l("You may show my words without my name."))


class OutcomeForm(FlaskForm):
    text = TextAreaField(_l("What we do with it"), filters=[strip],
                         description=_l("Tell in plain words what you will do with the answers."),
                         validators=[DataRequired(_l("Write what you will do with the answers.")),
                                     Length(max=3000)])
