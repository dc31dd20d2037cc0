"""Locale selection and formatting helpers (Flask-Babel)."""

from datetime import date, datetime
from functools import lru_cache

from flask import current_app, has_app_context, has_request_context, request, session
from flask_babel import force_locale, format_date, format_datetime, get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from participatie.clock import local_date


def select_locale() -> str:
    """User setting, then the session switch, then the browser, then Dutch."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI and jobs: the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("locale") in languages:
        return session["locale"]
    return request.accept_languages.best_match(languages.keys()) or "nl"


def text_direction(locale: str | None = None) -> str:
    """'rtl' for right-to-left languages (Arabic), else 'ltr': set on <html dir>."""
    code = str(locale or get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    return "rtl" if code in current_app.config["RTL_LANGUAGES"] else "ltr"


def writer_language() -> str | None:
    """The language of text someone writes now: their interface language at this moment.
    Every service that stores text people write (ideas, reactions, updates, answers) keeps it
    next to the text, so pages can mark it with lang="xx" for screen readers."""
    if not has_app_context():
        return None
    code = str(get_locale() or "")
    return code if code in current_app.config["LANGUAGES"] else None


def lang_attrs(code: str | None) -> Markup:
    """' lang="tr"' (and ' dir="rtl"'/' dir="ltr"' when the direction differs) for text written in
    another language than the page's; nothing when it is the page's language or unknown."""
    if not code or code not in current_app.config["LANGUAGES"]:
        return Markup("")
    page = str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    if code == page:
        return Markup("")
    attrs = f' lang="{code}"'
    if text_direction(code) != text_direction(page):
        attrs += f' dir="{text_direction(code)}"'
    return Markup(attrs)


def language_choices() -> list[tuple[str, str]]:
    """(code, the language's name in itself) for every interface language."""
    return list(current_app.config["LANGUAGES"].items())


def other_language_notes() -> list[dict]:
    """For print sheets: one line in each other interface language than the sheet's, in that
    language, telling the reader how to read the page in it (the sheet's QR code leads to the site)."""
    notes = []
    page = str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])
    for code, name in current_app.config["LANGUAGES"].items():
        if code == page:
            continue
        with force_locale(code):
            text = _("In %(language)s: scan the code and choose %(language)s at the top of the page.",
                     language=name)
        notes.append({"code": code, "dir": text_direction(code), "text": text})
    return notes


def comma() -> str:
    """The list comma of the page's language: Arabic writes '،'."""
    return "، " if str(get_locale() or "") == "ar" else ", "


def word_list(values, labels: dict | None = None) -> str:
    """'Geld, Toestemming' / 'المال، الإذن': a short list (of labels[value]) joined with the language's comma."""
    return comma().join(str(labels[v] if labels is not None else v) for v in values)


def human_date(value) -> str:
    """'9 december 2026' in the active locale, Europe/Amsterdam.

    A page with fifty reactions formats fifty dates, mostly the same few days: the text of a
    (day, locale) pair is kept per process (Babel takes about 0.1 ms per call)."""
    if not value:
        return ""
    day = local_date(value) if isinstance(value, datetime) else value  # Babel's own way: 4x the time
    return _long_date(day, str(get_locale())) if isinstance(day, date) else format_date(value, "long")


@lru_cache(maxsize=4096)
def _long_date(day: date, locale: str) -> str:
    return format_date(day, "long")  # the request's locale is `locale`: part of the key


def human_datetime(value) -> str:
    return format_datetime(value, "d MMMM yyyy, HH.mm") if value else ""


@lru_cache(maxsize=16)
def _wtforms_translations(locale: str):
    from babel import support
    from wtforms.i18n import messages_path

    return support.Translations.load(messages_path(), [locale], domain="wtforms")


def _wtforms_translations_of_request():
    """Flask-WTF reads WTForms' own messages from disk once per request that builds a form (the
    idea page builds two); they do not change while the process runs, so once per language."""
    if not has_request_context() or "babel" not in current_app.extensions:
        return None
    return _wtforms_translations(str(get_locale()))


def register(app) -> None:
    import flask_wtf.i18n

    flask_wtf.i18n._get_translations = _wtforms_translations_of_request
    app.jinja_env.filters["human_date"] = human_date
    app.jinja_env.filters["human_datetime"] = human_datetime
    app.jinja_env.filters["word_list"] = word_list
    app.jinja_env.globals.update(text_direction=text_direction, language_choices=language_choices,
                                 other_language_notes=other_language_notes, lang_attrs=lang_attrs,
                                 comma=comma)
