"""Live B1 feedback while typing (htmx), and the same check as a preview step without JS.

``plainlanguage`` has no routes, so its two endpoints live here. Both read the text from the
form field named by ``?field=`` (``body``, ``text``, ``summary``), so one endpoint serves the
idea form, the ambassador's answer editor and the summary editor. The preview page re-posts
every other field of the original form unchanged, so nothing typed is lost.
"""

from flask import Blueprint, abort, current_app, render_template, request
from werkzeug.datastructures import MultiDict

from participatie.extensions import limiter
from participatie.web.ratelimit import person
from participatie.web.htmx import is_htmx
from participatie.plainlanguage import Thresholds, check_text, find_brushoffs
from participatie.web.urls import safe_next

bp = Blueprint("b1", __name__, url_prefix="/b1")

FIELDS = frozenset({"body", "text", "summary", "report", "description"})
MAX_CHARS = 20_000
SKIPPED = frozenset({"csrf_token", "b1_action"})


def _field() -> str:
    name = request.args.get("field", "text")
    if name not in FIELDS:
        abort(400)
    return name


def feedback_for(text: str, *, brushoffs: bool = False) -> dict:
    """The template context of the feedback partial: the report and optional brush-off tips."""
    text = (text or "")[:MAX_CHARS]
    if not text.strip():
        return {"report": None, "brushoffs": []}
    thresholds = Thresholds.from_mapping(current_app.config.get("B1_THRESHOLDS"))
    return {"report": check_text(text, thresholds),
            "brushoffs": find_brushoffs(text) if brushoffs else []}


def _other_fields(form: MultiDict, field: str) -> list[tuple[str, str]]:
    return [(k, v) for k, values in form.lists() if k not in SKIPPED and k != field for v in values]


@bp.post("/check")
@limiter.limit("120 per minute", key_func=person)
def check():
    """htmx: the feedback partial. Without htmx: the full preview page."""
    field = _field()
    brushoffs = request.args.get("brushoffs") == "1"
    context = feedback_for(request.form.get(field, ""), brushoffs=brushoffs)
    if is_htmx():
        return render_template("b1/_feedback.html", field=field, **context)
    return preview(field, brushoffs, context)


def preview(field: str, brushoffs: bool, context: dict):
    action = safe_next(request.args.get("action") or request.form.get("b1_action"), "ideas.new")
    return render_template(
        "b1/preview.html", field=field, text=request.form.get(field, ""), action=action,
        hidden=_other_fields(request.form, field), brushoffs_on=brushoffs, **context,
    )
