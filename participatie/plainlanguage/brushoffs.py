"""Civil-service brush-offs ("valt niet onder", "geen capaciteit", ...).

Not part of the B1 verdict: a reply can be plain and still brush someone off.
The phrases and their Dutch suggestions are in ``data/brushoffs.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

from participatie.plainlanguage.i18n import _t
from participatie.plainlanguage.jargon import Matcher
from participatie.plainlanguage.lexicon import brushoff_entries
from participatie.plainlanguage.report import Finding
from participatie.plainlanguage.sentences import split_sentences


@lru_cache(maxsize=1)
def brushoff_matcher() -> Matcher:
    return Matcher(brushoff_entries(), inflect=False)


def find_brushoffs(text: str) -> list[Finding]:
    """One ``Finding`` (code ``"brushoff"``) per brush-off phrase in ``text``."""
    findings = []
    for index, sentence in enumerate(split_sentences(text or "")):
        for match in brushoff_matcher().find(sentence.text):
            findings.append(Finding(
                "brushoff", index, match.text,
                _t("This can sound like a brush-off: “%(phrase)s”.", phrase=match.text),
                match.entry.text, "warning",
                sentence.start + match.start, sentence.start + match.end,
            ))
    return findings
