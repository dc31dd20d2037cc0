"""What a request may carry, checked at one place for every form, query parameter and URL.

- Control characters (NUL and the other C0 codes, DEL; tab and newlines stay) are stripped from
  every query parameter and form field as the request parses them: PostgreSQL refuses NUL in
  text, and none of them belongs in anything a person types. Stripping keeps what was typed.
- A URL whose text part (a slug, a token) holds a control character is a 404.
- `<int:...>` in a route is bounded to the range of an id column, so `/ideas/99999999999999999999`
  is a 404 instead of a database error; page numbers are clamped by `page_number`.
"""

import re

from flask import Request, abort
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.routing import IntegerConverter

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_ID = 2**31 - 1  # INTEGER on PostgreSQL (SQLite's is wider; the smaller range holds on both)
MAX_PAGE = 100_000  # far past the last page of any list; keeps OFFSET a small number


def strip_control(value):
    """The text without control characters (tab, CR and LF stay); anything else unchanged."""
    return CONTROL.sub("", value) if isinstance(value, str) else value


def has_control(value) -> bool:
    return isinstance(value, str) and CONTROL.search(value) is not None


def _pairs(mapping):
    if mapping is None:
        return []
    if isinstance(mapping, MultiDict):
        return mapping.items(multi=True)
    if isinstance(mapping, dict):
        return ((k, v) for k, values in mapping.items()
                for v in (values if isinstance(values, (list, tuple)) else [values]))
    return mapping


class CleanParameters(ImmutableMultiDict):
    """request.args, request.form (and the names in request.files) without control characters."""

    def __init__(self, mapping=None):
        super().__init__([(strip_control(k), strip_control(v)) for k, v in _pairs(mapping)])


class SiteRequest(Request):
    parameter_storage_class = CleanParameters


class IdConverter(IntegerConverter):
    """`<int:id>` that only matches numbers an id column can hold (larger ones: 404)."""

    # The range is in the pattern itself (0 ... 2147483647): Werkzeug decides "405 Method Not
    # Allowed" before it converts, so a path whose GET and POST are separate rules would answer
    # 405, not 404, to a POST with an id past the range if only `max` refused it.
    regex = (r"(?:\d{1,9}|1\d{9}|20\d{8}|21[0-3]\d{7}|214[0-6]\d{6}|2147[0-3]\d{5}|21474[0-7]\d{4}"
             r"|214748[0-2]\d{3}|2147483[0-5]\d{2}|21474836[0-3]\d|214748364[0-7])")

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def page_number(value: str) -> int:
    """`request.args.get("page", 1, type=page_number)`: 1 up to MAX_PAGE, out-of-range clamped."""
    return min(max(int(value), 1), MAX_PAGE)


def id_number(value: str) -> int:
    """`request.args.get("entry", type=id_number)`: an id in the column's range, else ignored."""
    number = int(value)
    if not 1 <= number <= MAX_ID:
        raise ValueError("out of range")
    return number


def _refuse_control_in_path(_endpoint, values) -> None:
    if values and any(has_control(v) for v in values.values()):
        abort(404)


def register(app) -> None:
    """Before any blueprint is registered: the converter is bound when a rule is added."""
    app.request_class = SiteRequest
    app.url_map.converters["int"] = IdConverter
    app.url_value_preprocessor(_refuse_control_in_path)
