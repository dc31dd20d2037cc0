"""Turning the analysis into ``Finding``s with translated messages.

Message ids are English (see ``i18n.py``); the Dutch texts are in
``TRANSLATIONS_NL.tsv``. Jargon alternatives and brush-off suggestions are
Dutch data and are shown as they are.
"""

from __future__ import annotations

from participatie.plainlanguage.analysis import SentenceInfo, long_words
from participatie.plainlanguage.i18n import _t
from participatie.plainlanguage.lexicon import alternatives
from participatie.plainlanguage.report import Figures, Finding
from participatie.plainlanguage.thresholds import Thresholds

EXCERPT_WORDS = 8


def excerpt(text: str, limit: int = EXCERPT_WORDS) -> str:
    words = text.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def sentence_findings(info: SentenceInfo, thresholds: Thresholds) -> list[Finding]:
    return [
        *_length_findings(info, thresholds),
        *_dense_findings(info, thresholds),
        *_jargon_findings(info),
        *_passive_findings(info),
        *_uncommon_findings(info),
    ]


def _length_findings(info: SentenceInfo, thresholds: Thresholds) -> list[Finding]:
    count, sentence = info.length, info.sentence
    if count > thresholds.very_long_sentence_words:
        code, severity = "very_long_sentence", "serious"
        message = _t("This sentence is far too long: %(count)d words.", count=count)
    elif count > thresholds.long_sentence_words:
        code, severity = "long_sentence", "warning"
        message = _t("Split this sentence: it has %(count)d words.", count=count)
    else:
        return []
    suggestion = _t(
        "Write sentences of at most %(max)d words, with one idea each.",
        max=thresholds.long_sentence_words,
    )
    return [Finding(code, info.index, excerpt(sentence.text), message, suggestion,
                    severity, sentence.start, sentence.end)]


def _dense_findings(info: SentenceInfo, thresholds: Thresholds) -> list[Finding]:
    if not info.is_dense(thresholds):
        return []
    sentence = info.sentence
    return [Finding(
        "dense_sentence", info.index, excerpt(sentence.text),
        _t("This sentence has %(count)d difficult things at once.", count=info.weight(thresholds)),
        _t("Say it in two or three short sentences. Say who does what, in everyday words."),
        "warning", sentence.start, sentence.end,
    )]


def _jargon_findings(info: SentenceInfo) -> list[Finding]:
    findings = []
    for match in info.jargon:
        plain = " / ".join(
            alt if alt.startswith("(") else f"“{alt}”" for alt in alternatives(match.entry)
        )
        findings.append(Finding(
            "jargon", info.index, match.text,
            _t("“%(term)s” is official jargon.", term=match.text),
            _t("Write it plainly: %(alternatives)s.", alternatives=plain),
            "warning", match.start, match.end,
        ))
    return findings


def _passive_findings(info: SentenceInfo) -> list[Finding]:
    if not info.passive:
        return []
    auxiliary, participle = info.passive
    phrase = f"{auxiliary} … {participle}"
    return [Finding(
        "passive", info.index, phrase,
        _t("Passive voice: “%(phrase)s”.", phrase=phrase),
        _t("Say who does it: 'we decide' instead of 'it is decided'."),
        "info", info.sentence.start, info.sentence.end,
    )]


def _uncommon_findings(info: SentenceInfo) -> list[Finding]:
    return [
        Finding(
            "uncommon_word", info.index, word.text,
            _t("“%(word)s” is not a common word.", word=word.text),
            _t("Use a more common word, or explain it."),
            "info", word.start, word.end,
        )
        for word in info.uncommon
    ]


def text_findings(infos: list[SentenceInfo], figures: Figures,
                  thresholds: Thresholds) -> list[Finding]:
    """Findings about the text as a whole (``sentence_index`` is ``None``)."""
    findings = []
    if figures.average_sentence_length > thresholds.avg_sentence_words:
        findings.append(_whole(
            "long_average", "",
            _t("Your sentences have %(average).1f words on average.",
               average=figures.average_sentence_length),
            _t("Aim for at most %(max)d words a sentence on average.",
               max=round(thresholds.avg_sentence_words)),
        ))
    if figures.long_word_share > thresholds.long_word_share:
        findings.append(_whole(
            "long_words", ", ".join(long_words(infos, thresholds)[:6]),
            _t("%(percent)d%% of the words are long (%(syllables)d or more syllables).",
               percent=round(100 * figures.long_word_share),
               syllables=thresholds.long_word_syllables),
            _t("Use shorter, everyday words where you can."),
        ))
    findings.extend(_score_findings(figures, thresholds))
    return findings


def _score_findings(figures: Figures, thresholds: Thresholds) -> list[Finding]:
    findings = []
    if figures.flesch_douma < thresholds.flesch_douma_min:
        findings.append(_whole(
            "low_reading_ease", f"{figures.flesch_douma:.0f}",
            _t("The Flesch-Douma reading ease is %(score).0f; B1 texts score %(min).0f or more.",
               score=figures.flesch_douma, min=thresholds.flesch_douma_min),
            _t("Use shorter sentences and shorter words."),
        ))
    if figures.uncommon_word_share > thresholds.uncommon_share:
        findings.append(_whole(
            "uncommon_words", "",
            _t("%(percent)d%% of the words are uncommon.",
               percent=round(100 * figures.uncommon_word_share)),
            _t("Use everyday words, or explain the difficult ones."),
        ))
    return findings


def _whole(code: str, excerpt_text: str, message: str, suggestion: str) -> Finding:
    return Finding(code, None, excerpt_text, message, suggestion, "warning")
