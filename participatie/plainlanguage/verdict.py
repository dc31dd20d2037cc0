"""Problem points and the verdict (the rules are documented in ``thresholds.py``)."""

from __future__ import annotations

from participatie.plainlanguage.report import ALMOST, GOOD, TOO_DIFFICULT, Figures
from participatie.plainlanguage.thresholds import Thresholds


def _above(value: float, limit: float, serious: float) -> int:
    return 2 if value > serious else 1 if value > limit else 0


def _below(value: float, limit: float, serious: float) -> int:
    return 2 if value < serious else 1 if value < limit else 0


def problem_points(figures: Figures, lengths: list[int], t: Thresholds) -> dict[str, int]:
    """Points per indicator: 0 (fine), 1 (problem) or 2 (serious)."""
    long_count = sum(1 for n in lengths if n > t.long_sentence_words)
    very_long = any(n > t.very_long_sentence_words for n in lengths)
    passive_share = figures.passive_sentences / figures.sentences if figures.sentences else 0.0
    jargon = figures.jargon_count
    dense_share = figures.dense_sentences / figures.sentences if figures.sentences else 0.0
    return {
        "average_sentence_length": _above(
            figures.average_sentence_length, t.avg_sentence_words, t.avg_sentence_words_serious),
        "long_sentences": 2 if very_long else min(2, long_count),
        "long_words": _above(figures.long_word_share, t.long_word_share,
                             t.long_word_share_serious),
        "reading_ease": _below(figures.flesch_douma, t.flesch_douma_min,
                               t.flesch_douma_serious),
        "uncommon_words": _above(figures.uncommon_word_share, t.uncommon_share,
                                 t.uncommon_share_serious),
        "passive": _above(passive_share, t.passive_share, t.passive_share_serious),
        "jargon": 0 if jargon == 0 else 2 if jargon >= t.jargon_count_serious else 1,
        "dense_sentences": 2 if dense_share >= t.dense_share_serious else _above(
            dense_share, t.dense_share, t.dense_share_serious),
    }


def verdict_for(points: int, t: Thresholds) -> str:
    if points <= t.good_max_points:
        return GOOD
    if points <= t.almost_max_points:
        return ALMOST
    return TOO_DIFFICULT
