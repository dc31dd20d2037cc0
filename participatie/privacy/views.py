"""/privacy, /toegankelijkheid (with the feedback form) and /account/mijn-gegevens."""

import json
from datetime import date

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from participatie.extensions import limiter
from participatie.privacy import services
from participatie.privacy.forms import AccessibilityFeedbackForm
from participatie.web.i18n import human_date
from participatie.web.ratelimit import person_limit

bp = Blueprint("privacy", __name__)

PRIVATE = {"Cache-Control": "private, no-store"}


@bp.get("/privacy")
def statement():
    return render_template("privacy/statement.html", settings=_statement_settings())


@bp.route("/toegankelijkheid", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_FEEDBACK"], methods=["POST"])
def accessibility():
    form = AccessibilityFeedbackForm()
    if form.validate_on_submit():
        services.send_accessibility_feedback(
            page=form.page.data or "", message=form.message.data, contact=form.contact.data or "",
            sender=current_user if current_user.is_authenticated else None)
        flash(_("Thank you. We have sent your message to the people who run this site."), "ok")
        return redirect(url_for("privacy.accessibility"), 303)
    return render_template("privacy/accessibility.html", form=form,
                           settings=_statement_settings()), 422 if form.errors else 200


@bp.get("/account/mijn-gegevens")
@login_required
def my_data():
    data = services.readable(services.export_for(current_user))
    return render_template("privacy/my_data.html", data=data, titles=services.section_titles(),
                           labels=services.field_labels()), 200, PRIVATE


@bp.get("/account/mijn-gegevens.json")
@login_required
@person_limit("RATELIMIT_DATA_EXPORT")
def my_data_json():
    body = json.dumps(services.export_for(current_user), ensure_ascii=False, indent=2)
    headers = {**PRIVATE, "Content-Disposition": 'attachment; filename="mijn-gegevens-participatie.json"'}
    return current_app.response_class(body, mimetype="application/json", headers=headers)


def _statement_settings() -> dict:
    config = current_app.config
    settings = {key: config[key] for key in (
        "ORGANISATION_NAME", "PRIVACY_CONTACT", "PRIVACY_OFFICER", "MAIL_PROCESSOR",
        "RETENTION_INACTIVE_YEARS", "ACCESSIBILITY_CHECKED_ON")}
    settings["ACCESSIBILITY_CHECKED_ON"] = _in_words(settings["ACCESSIBILITY_CHECKED_ON"])
    return settings


def _in_words(day) -> str:
    """'5 december 2026' / '5 Aralık 2026' for the configured ISO date; other text as written."""
    try:
        return human_date(day if isinstance(day, date) else date.fromisoformat(str(day)))
    except ValueError:
        return str(day)
