"""Result types of the B1 check: ``Finding``, ``Figures`` and ``Report``.

The verdict values are Dutch constants and part of the JSON contract; use
:data:`VERDICT_LABELS` (lazy, English message ids) or :meth:`Report.verdict_label`
to show them in the interface language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from participatie.plainlanguage.i18n import _l, _t

GOOD = "goed leesbaar"
ALMOST = "bijna"
TOO_DIFFICULT = "te moeilijk"
VERDICTS = (GOOD, ALMOST, TOO_DIFFICULT)

VERDICT_LABELS = {
    GOOD: _l("easy to read"),
    ALMOST: _l("almost"),
    TOO_DIFFICULT: _l("too difficult"),
}
_LABEL_IDS = {GOOD: "easy to read", ALMOST: "almost", TOO_DIFFICULT: "too difficult"}

SEVERITIES = ("info", "warning", "serious")


@dataclass(frozen=True)
class Finding:
    """One concrete remark about the text.

    ``sentence_index`` is 0-based (``None`` for remarks about the whole text);
    ``start``/``end`` are character offsets in the checked text, when known.
    """

    code: str
    sentence_index: int | None
    excerpt: str
    message: str
    suggestion: str
    severity: str = "warning"
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Figures:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    average_sentence_length: float = 0.0
    longest_sentence: int = 0
    long_word_share: float = 0.0
    flesch_douma: float = 0.0
    uncommon_word_share: float = 0.0
    passive_sentences: int = 0
    jargon_count: int = 0
    dense_sentences: int = 0  # sentences with several hard things at once (thresholds.py)

    def to_dict(self) -> dict[str, Any]:
        """Floats rounded to 3 decimals."""
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()}


@dataclass
class Report:
    verdict: str
    figures: Figures
    findings: list[Finding] = field(default_factory=list)
    points: int = 0
    scores: dict[str, int] = field(default_factory=dict)  # points per indicator

    def verdict_label(self) -> str:
        """The verdict in the interface language ("easy to read", "makkelijk te lezen", ...)."""
        return _t(_LABEL_IDS[self.verdict])

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable; ``verdict`` is one of :data:`VERDICTS`."""
        return {
            "verdict": self.verdict,
            "verdict_label": self.verdict_label(),
            "points": self.points,
            "scores": dict(self.scores),
            "figures": self.figures.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }
