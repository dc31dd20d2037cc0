"""Helpers shared by the social-map views."""

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user

from participatie.extensions import db
from participatie.geo import services as geo
from participatie.socialmap import rules
from participatie.socialmap.models import SocialMapEntry


def wijk_choices(first_label=None):
    return [("", first_label or _("Choose a wijk"))] + [(w.slug, w.name) for w in geo.all_wijken()]


def visible_entry(entry_id: int) -> SocialMapEntry:
    entry = db.get_or_404(SocialMapEntry, entry_id)
    if not rules.can_view_entry(current_user, entry):
        abort(404)
    return entry


def field_error(form, exc, fallback: str) -> None:
    """Put a service's validation message next to its field (or the fallback field)."""
    target = getattr(form, exc.field or "", None) or getattr(form, fallback)
    target.errors = [*target.errors, exc.message]
