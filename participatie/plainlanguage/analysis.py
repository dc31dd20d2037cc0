"""Per-sentence analysis and the text figures.

Counting conventions: every token (word, number, link) counts for sentence
length; syllables, long words and commonness are measured over real words only.
Flesch-Douma = 206.835 - 0.93 * (tokens / sentences) - 77 * (syllables / words).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from participatie.plainlanguage.jargon import Match, find_jargon
from participatie.plainlanguage.lexicon import allowlist
from participatie.plainlanguage.passive import find_passive
from participatie.plainlanguage.report import Figures
from participatie.plainlanguage.sentences import Sentence, split_sentences
from participatie.plainlanguage.thresholds import Thresholds
from participatie.plainlanguage.words import Token, is_common, syllables, tokenize


@dataclass
class SentenceInfo:
    index: int
    sentence: Sentence
    tokens: list[Token]
    words: list[Token]
    syllables: list[int]
    jargon: list[Match] = field(default_factory=list)
    passive: tuple[str, str] | None = None
    uncommon: list[Token] = field(default_factory=list)

    @property
    def length(self) -> int:
        return len(self.tokens)

    def weight(self, thresholds: Thresholds) -> int:
        """How much is hard in this one sentence: jargon, a passive, long and uncommon words."""
        long_count = sum(1 for n in self.syllables if n >= thresholds.long_word_syllables)
        return len(self.jargon) + (1 if self.passive else 0) + long_count + len(self.uncommon)

    def is_dense(self, thresholds: Thresholds) -> bool:
        return self.weight(thresholds) >= thresholds.dense_sentence_findings


def analyse(text: str, thresholds: Thresholds) -> list[SentenceInfo]:
    return [_analyse_sentence(i, s, thresholds) for i, s in enumerate(split_sentences(text))]


def _analyse_sentence(index: int, sentence: Sentence, thresholds: Thresholds) -> SentenceInfo:
    tokens = tokenize(sentence.text, offset=sentence.start)
    words = [t for t in tokens if t.is_word]
    info = SentenceInfo(index, sentence, tokens, words, [syllables(w.text) for w in words])
    info.jargon = [
        Match(m.entry, m.text, m.start + sentence.start, m.end + sentence.start)
        for m in find_jargon(sentence.text)
    ]
    info.passive = find_passive([w.text for w in words])
    info.uncommon = [w for w in words if _counts_as_uncommon(w, info, thresholds)]
    return info


def _counts_as_uncommon(word: Token, info: SentenceInfo, thresholds: Thresholds) -> bool:
    text = word.text
    if len(text) < 3 or text.isupper() or not text[0].isalpha():
        return False
    if text[0].isupper() and word is not info.words[0]:
        return False  # a name in mid-sentence
    if text.lower() in allowlist() or "." in text:
        return False
    if any(m.start <= word.start < m.end for m in info.jargon):
        return False  # already reported as jargon
    return not is_common(text, thresholds.uncommon_zipf)


def figures(infos: list[SentenceInfo], thresholds: Thresholds) -> Figures:
    tokens = sum(i.length for i in infos)
    words = sum(len(i.words) for i in infos)
    if not infos or not words:
        return Figures(sentences=len(infos), words=tokens)
    syllable_count = sum(sum(i.syllables) for i in infos)
    long_words = sum(
        1 for i in infos for n in i.syllables if n >= thresholds.long_word_syllables
    )
    uncommon = sum(len(i.uncommon) for i in infos)
    return Figures(
        sentences=len(infos),
        words=tokens,
        syllables=syllable_count,
        average_sentence_length=tokens / len(infos),
        longest_sentence=max(i.length for i in infos),
        long_word_share=long_words / words,
        flesch_douma=206.835 - 0.93 * (tokens / len(infos)) - 77 * (syllable_count / words),
        uncommon_word_share=uncommon / words,
        passive_sentences=sum(1 for i in infos if i.passive),
        jargon_count=sum(len(i.jargon) for i in infos),
        dense_sentences=sum(1 for i in infos if i.is_dense(thresholds)),
    )


def long_words(infos: list[SentenceInfo], thresholds: Thresholds) -> list[str]:
    """Distinct long words in order of appearance."""
    seen: dict[str, None] = {}
    for info in infos:
        for word, count in zip(info.words, info.syllables, strict=True):
            if count >= thresholds.long_word_syllables:
                seen.setdefault(word.text.lower(), None)
    return list(seen)
