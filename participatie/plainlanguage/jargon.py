"""Finding civil-service jargon (``data/jargon.tsv``) in sentences.

Terms match as whole words or phrases, case-insensitively, with any white space
between the words of a phrase. Single words also match their simple inflections:

* Latinate verbs in ``-eren``: ``faciliteren`` -> ``faciliteer``, ``faciliteert``,
  ``faciliteerde(n)``, ``gefaciliteerd(e)``, ``faciliterend(e)``
  (``implementeren`` -> ``geïmplementeerd``, ``evalueren`` -> ``geëvalueerd``).
* Other words: ``+e``, ``+en``, ``+s`` (``+n``/``+s`` after an ``e``), with Dutch
  spelling for open syllables (``integraal`` -> ``integrale``, ``structureel`` ->
  ``structurele``, ``substantieel`` -> ``substantiële``, ``preventief`` ->
  ``preventieve``) and ``-heid`` -> ``-heden``.

Other forms can be listed explicitly in the file (``borgen|borgt|geborgd``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from participatie.plainlanguage.lexicon import Entry, allowlist, jargon_entries

_DIAERESIS = {"i": "ï", "e": "ë", "u": "ü"}


def verb_forms(verb: str) -> set[str]:
    """Inflections of a Latinate ``-eren``/``-ëren`` verb."""
    stem = verb[:-4] + "eer"
    prefix = "ge" + _DIAERESIS.get(stem[0], stem[0]) + stem[1:]
    return {verb, stem, stem + "t", stem + "de", stem + "den",
            prefix + "d", prefix + "de", verb + "d", verb + "de"}


def word_forms(word: str) -> set[str]:
    """Inflections of an adjective or noun (see module docstring)."""
    if word.endswith("e"):
        return {word, word + "n", word + "s"}
    forms = {word, word + "e", word + "en", word + "s"}
    if word.endswith("ieel"):
        forms |= {word[:-4] + "iële", word[:-4] + "iëlen"}
    elif re.search(r"([aeou])\1[^aeiou]$", word):
        forms |= {word[:-2] + word[-1] + "e", word[:-2] + word[-1] + "en"}
    elif re.search(r"[aeiou]f$", word):
        forms |= {word[:-1] + "ve", word[:-1] + "ven"}
    if word.endswith("heid"):
        forms.add(word[:-4] + "heden")
    return forms


def inflections(term: str) -> set[str]:
    """All forms that count as ``term``; phrases and abbreviations stay as they are."""
    if not re.fullmatch(r"[^\W\d_]+", term):
        return {term}
    if len(term) >= 7 and term.endswith(("eren", "ëren")):
        return verb_forms(term)
    return word_forms(term)


@dataclass(frozen=True)
class Match:
    entry: Entry
    text: str  # as written in the sentence
    start: int  # offsets in the searched text
    end: int


class Matcher:
    """Finds the entries' forms in a text; longer forms win over shorter ones."""

    def __init__(self, entries: tuple[Entry, ...], inflect: bool = True) -> None:
        self._by_form: dict[str, Entry] = {}
        for entry in entries:
            for form in entry.forms:
                for variant in inflections(form) if inflect else {form}:
                    self._by_form.setdefault(variant, entry)
        alternation = "|".join(
            r"\s+".join(re.escape(word) for word in form.split())
            for form in sorted(self._by_form, key=len, reverse=True)
        )
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[Match]:
        matches = []
        for found in self._pattern.finditer(text):
            key = " ".join(found.group().lower().split())
            if key in allowlist():
                continue
            matches.append(Match(self._by_form[key], found.group(), found.start(), found.end()))
        return matches

    def __len__(self) -> int:
        return len(self._by_form)


@lru_cache(maxsize=1)
def jargon_matcher() -> Matcher:
    return Matcher(jargon_entries())


def find_jargon(text: str) -> list[Match]:
    """Jargon occurrences in ``text`` (offsets relative to ``text``)."""
    return jargon_matcher().find(text)
