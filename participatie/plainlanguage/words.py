"""Dutch words: tokenising, syllables and commonness.

* Tokens are words (``zo'n``, ``e-mail``, ``t/m`` and ``m.b.t`` are one word),
  numbers (``1.000``, ``12.30``, ``9-12-2026``) and links (URLs, e-mail
  addresses). All count for sentence length; only words get syllables.
* Syllables: ``pyphen``'s ``nl_NL`` hyphenation gives the syllable boundaries;
  a segment is then counted by its vowel groups, because hyphenation never
  splits off a single vowel (``o-ver``, ``i-dee``, ``e-ten``). Hyphenated words
  are counted per part.
* Commonness: ``wordfreq.zipf_frequency(word, "nl")``. A word below the
  threshold still counts as common when it is a compound of two common words
  (``lantaarn+palen``, ``speel+straat``), optionally with a linking ``s``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

_TOKEN = re.compile(
    r"(?P<link>https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<number>\d+(?:[.,:/-]\d+)*(?:e|ste|de)?\b)"
    r"|(?P<word>['’][stkn](?![^\W\d_])|[^\W\d_]+(?:[./'’-][^\W\d_]+)*)"
)
_VOWEL_GROUP = re.compile(r"[äëïöü][aeiouyáéíóúàèâêîôû]*|(?:ij|[aeiouyáéíóúàèâêîôû])+")
_TRAILING_LINK_PUNCT = ".,;:!?)"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word", "number" or "link"

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``offset``."""
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        value = match.group()
        if kind == "link":
            value = value.rstrip(_TRAILING_LINK_PUNCT)
        start = offset + match.start()
        tokens.append(Token(value, start, start + len(value), kind))
    return tokens


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def vowel_groups(word: str) -> int:
    """Number of vowel groups (``ij`` is a vowel; a diaeresis starts a new group)."""
    return len(_VOWEL_GROUP.findall(word.lower()))


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllable count of a Dutch word (at least 1)."""
    total = 0
    for part in re.split(r"[-/.'’]+", word.lower()):
        if part:
            total += _part_syllables(part)
    return max(1, total)


def _part_syllables(part: str) -> int:
    segments = _hyphenator().inserted(part, hyphen="\x00").split("\x00")
    return sum(vowel_groups(segment) for segment in segments)


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # 6 MB: loaded when a text is first checked, not per worker

    return zipf_frequency(word.lower(), "nl")


def is_common(word: str, min_zipf: float) -> bool:
    """Whether ``word`` is frequent enough in Dutch (see module docstring)."""
    return any(
        zipf(form) >= min_zipf or _is_common_compound(form, min_zipf)
        for form in _base_forms(word.lower())
    )


def _base_forms(word: str) -> list[str]:
    """The word and likely base forms (``bankjes`` -> ``bankje``, ``opruimt`` -> ``opruimen``)."""
    forms = [word]
    endings = (("jes", "je"), ("s", ""), ("en", ""), ("e", ""), ("t", "en"), ("t", ""))
    for ending, replacement in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: len(word) - len(ending)] + replacement)
    return forms


def _is_common_compound(word: str, min_zipf: float) -> bool:
    """``word`` = common head (+ linking s) + common tail, both at least 3 letters."""
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if zipf(tail) < min_zipf:
            continue
        if zipf(head) >= min_zipf:
            return True
        if head.endswith("s") and len(head) > 3 and zipf(head[:-1]) >= min_zipf:
            return True
    return False
