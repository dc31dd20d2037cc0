"""Loading the project's word lists from ``data/``.

``jargon.tsv`` and ``brushoffs.tsv``: ``term<TAB>text``; ``#`` starts a comment
line. A term may list extra forms separated by ``|`` (``borgen|borgt|geborgd``);
the first is the one shown. ``allowlist.txt``: one term a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Entry:
    forms: tuple[str, ...]  # lower-case; forms[0] is the lemma
    text: str  # alternatives (jargon) or suggestion (brush-offs), in Dutch

    @property
    def lemma(self) -> str:
        return self.forms[0]


def _content_lines(path: Path) -> list[tuple[int, str]]:
    lines = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append((number, line))
    return lines


def load_tsv(path: Path) -> list[Entry]:
    """Parse a two-column list; a malformed line raises ``ValueError`` naming it."""
    entries = []
    for number, line in _content_lines(path):
        columns = [c.strip() for c in re.split(r"\t+", line)]
        if len(columns) != 2 or not all(columns):
            raise ValueError(f"{path.name}:{number}: expected 'term<TAB>text', got {line!r}")
        forms = tuple(f.strip().lower() for f in columns[0].split("|") if f.strip())
        entries.append(Entry(forms, columns[1]))
    return entries


def alternatives(entry: Entry) -> list[str]:
    """The plain alternatives of a jargon entry (``;``-separated in the file)."""
    return [a.strip() for a in entry.text.split(";") if a.strip()]


@lru_cache(maxsize=1)
def jargon_entries() -> tuple[Entry, ...]:
    return tuple(load_tsv(DATA_DIR / "jargon.tsv"))


@lru_cache(maxsize=1)
def brushoff_entries() -> tuple[Entry, ...]:
    return tuple(load_tsv(DATA_DIR / "brushoffs.tsv"))


@lru_cache(maxsize=1)
def allowlist() -> frozenset[str]:
    """Allowed terms, lower-case: whole phrases and each of their words."""
    terms: set[str] = set()
    for _number, line in _content_lines(DATA_DIR / "allowlist.txt"):
        term = line.lower()
        terms.add(term)
        terms.update(re.split(r"\s+", term))
    return frozenset(terms)
