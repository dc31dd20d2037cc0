"""CSV cells that a spreadsheet will not run as a formula (OWASP, "CSV Injection").

A cell that starts with = + - @ (or a tab or carriage return, which some spreadsheets skip
before reading a formula) gets a leading apostrophe: Excel and LibreOffice then show it as text.
Plain numbers such as -3.5 stay numbers. Every CSV the site writes passes its cells through
`safe_cell`; our own importers undo it with `unquote_cell`, so an export imports unchanged.
"""

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def safe_cell(value):
    """The value as it may go into a CSV cell; only text can be a formula."""
    if not isinstance(value, str) or not value.startswith(TRIGGERS) or NUMBER.fullmatch(value):
        return value
    return "'" + value


def unquote_cell(value: str) -> str:
    """A cell as `safe_cell` wrote it, back to what the site holds."""
    if value.startswith("'") and value[1:].startswith(TRIGGERS) and not NUMBER.fullmatch(value[1:]):
        return value[1:]
    return value
