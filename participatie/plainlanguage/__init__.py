"""B1 plain-language checker for Dutch texts.

>>> report = check_text("Wij zetten in mei vier nieuwe bankjes neer.")
>>> report.verdict
'goed leesbaar'

``check_text(text, thresholds=None) -> Report`` and ``find_brushoffs(text)``
are the public API; ``Thresholds(**config)`` overrides the defaults, which are
documented in :mod:`participatie.plainlanguage.thresholds`. The Flask CLI group
is ``participatie.plainlanguage.cli.b1_cli`` (``flask b1 check``).
"""

from participatie.plainlanguage.brushoffs import find_brushoffs
from participatie.plainlanguage.checker import check_text
from participatie.plainlanguage.report import (
    ALMOST,
    GOOD,
    TOO_DIFFICULT,
    VERDICT_LABELS,
    VERDICTS,
    Figures,
    Finding,
    Report,
)
from participatie.plainlanguage.thresholds import Thresholds

__all__ = [
    "ALMOST",
    "GOOD",
    "TOO_DIFFICULT",
    "VERDICTS",
    "VERDICT_LABELS",
    "Figures",
    "Finding",
    "Report",
    "Thresholds",
    "check_text",
    "find_brushoffs",
]
