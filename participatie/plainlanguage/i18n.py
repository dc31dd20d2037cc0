"""Translation helpers that also work outside a Flask app.

Message ids are English; the Dutch texts are in ``TRANSLATIONS_NL.tsv`` next to
this package (to be merged into the app's ``messages.po``). Extract with
``pybabel extract -k _t -k _l``.

``flask_babel.gettext`` already returns the message id when there is no app
context at all, but it raises ``KeyError('babel')`` inside an app that did not
initialise Flask-Babel, and the app's locale selector may raise outside a
request (e.g. in the CLI). An advice tool must never fail on translation, so
:func:`_t` falls back to the English message id, formatted with its arguments.
"""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

__all__ = ["_l", "_t"]


def _t(msgid: str, **variables: object) -> str:
    """Translate ``msgid`` now (a plain ``str``); English fallback on any failure."""
    try:
        return str(gettext(msgid, **variables))
    except Exception:  # noqa: BLE001 - no app/Babel/request: use the msgid
        return msgid % variables if variables else msgid
