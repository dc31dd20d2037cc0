"""Thresholds of the B1 checker, and how the verdict is derived from them.

The defaults follow common Dutch plain-language guidance (Direct Duidelijk,
Stichting Makkelijk Lezen, the B1 writing guides used by Dutch municipalities),
then checked against the plain/dense corpus in ``tests/plainlanguage/corpus``:

* Sentence length: B1 texts average 10-15 words a sentence, so an average above
  15 counts as a problem and above 20 as serious. A single sentence above 25
  words is flagged (one idea per sentence); above 35 words it is serious.
* Long words: words of 4 or more syllables. Plain Dutch keeps them to about one
  word in ten; above 12% is a problem, above 18% serious.
* Flesch-Douma reading ease (206.835 - 0.93 * words/sentence
  - 77 * syllables/word): 60 or more is "fairly easy" Dutch, suitable for B1;
  below 60 is a problem, below 45 ("difficult") serious.
* Uncommon words: ``wordfreq`` Zipf frequency below 3.0 (rarer than about one
  in a million words). Dutch compounds are often rare as a whole, so a compound
  of two common parts counts as common. Above 8% uncommon words is a problem,
  above 15% serious.
* Passive voice: a passive now and then is fine; passives in more than 20% of
  the sentences is a problem, above 40% serious.
* Jargon (the project's list of civil-service words): any occurrence is worth
  a finding; 1-3 occurrences is a problem, 4 or more serious.

* Dense sentences: a single official sentence can be short and still hard. Each
  sentence's findings are weighed together: every jargon term, a passive, every
  long word and every uncommon word counts 1. A sentence with 3 or more is
  "dense". Dense sentences in more than 20% of the sentences is a problem, in
  50% or more serious, so a one-sentence answer full of jargon and passives is
  "te moeilijk" whatever its length, while one hard sentence in a plain text is not.

Every problem indicator scores 1 point, a serious one 2. A single long
sentence scores 1 (2 if there are more), a very long sentence 2. The verdict:
at most ``good_max_points`` (1) is "goed leesbaar" -- one minor issue in an
otherwise plain text is acceptable; at most ``almost_max_points`` (4) is
"bijna"; more is "te moeilijk".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Thresholds:
    """Limits for the B1 check; override any of them with ``Thresholds(**config)``."""

    avg_sentence_words: float = 15.0
    avg_sentence_words_serious: float = 20.0
    long_sentence_words: int = 25
    very_long_sentence_words: int = 35
    long_word_syllables: int = 4
    long_word_share: float = 0.12
    long_word_share_serious: float = 0.18
    flesch_douma_min: float = 60.0
    flesch_douma_serious: float = 45.0
    uncommon_zipf: float = 3.0
    uncommon_share: float = 0.08
    uncommon_share_serious: float = 0.15
    passive_share: float = 0.20
    passive_share_serious: float = 0.40
    jargon_count_serious: int = 4
    dense_sentence_findings: int = 3
    dense_share: float = 0.20
    dense_share_serious: float = 0.50
    good_max_points: int = 1
    almost_max_points: int = 4

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> Thresholds:
        """Build from a config mapping (``None`` = defaults); unknown keys raise ``TypeError``."""
        return cls(**dict(values or {}))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
