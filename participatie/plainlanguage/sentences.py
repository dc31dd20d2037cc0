"""Dutch sentence splitting.

Rules, in order:

* Lines: a blank line, a bullet line (``-``, ``*``, ``•``, ``1.``, ``a)``) and a
  line ending in ``. ! ? : ;`` always end a sentence. Any other newline also
  ends one, unless the next line starts with a lower-case letter (a soft-wrapped
  line). Bullet markers are not part of the sentence.
* Within a line: ``?``, ``!`` and ``.`` followed by white space end a sentence.
  A period does not when the next word starts with a lower-case letter, or when
  it belongs to an abbreviation (``bijv.``, ``o.a.``, ``d.w.z.``, ``ca.``,
  ``nr.``, ``m.b.t.``, ``dhr.`` ...; any ``x.y.`` pattern; single initials).
  ``enz.``, ``etc.``, ``e.d.`` and ``e.a.`` often close a sentence, so they do
  end one when a capital follows.
* Numbers need no special case: ``3.5``, ``1.000`` and ``12.30`` have no space
  after the period, and ``9-12-2026`` has no period at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a sentence (almost) never ends.
ABBREVIATIONS = frozenset(
    """bijv. bv. o.a. d.w.z. ca. nr. nrs. m.b.t. i.p.v. z.s.m. dhr. mevr. mw. blz. pag.
    i.v.m. t.a.v. t.b.v. n.a.v. m.i.v. o.b.v. i.o.m. i.c.m. a.s. d.d. z.o.z. vs.
    evt. incl. excl. max. min. gem. ong. vnl. zgn. zg. vlgs. art. tel. st. mr. dr.
    ir. drs. prof. ing. jl. resp. e.e.a. c.q. p. jr. sr. cf. vgl. t.z.t. a.u.b.
    s.v.p. i.s.m. o.v.v. z.g.a.n. e.v. feb. mrt. apr. aug. sept. okt. nov. dec.""".split()
)
# Not listed because they are also words that end sentences: zo. (zondag), jan.
# (Jan), ma. (maandag), do., no., ex.
# Abbreviations that often close a sentence: they end one before a capital.
FINAL_ABBREVIATIONS = frozenset("enz. etc. e.d. e.a. e.v.a.".split())

_BULLET = re.compile(r"^[ \t]*(?:[-*•–·▪◦‣]|\d{1,3}[.)]|[a-zA-Z][)])[ \t]+")
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_DOTTED = re.compile(r"^(?:[^\W\d_]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_ELIDED = re.compile(r"['’][stkn]\s")  # 's Avonds, 't Is: sentence starts
_LINE_END_PUNCT = re.compile(r"[.!?:;…][\"'”’)\]]*$")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its character span in the original text."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split Dutch ``text`` into sentences (empty pieces are dropped)."""
    sentences: list[Sentence] = []
    for start, end in _line_chunks(text):
        sentences.extend(_split_chunk(text, start, end))
    return sentences


def _line_chunks(text: str) -> list[tuple[int, int]]:
    """Spans of text between hard line breaks (see module docstring)."""
    chunks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        start, end = pos, pos + len(content)
        pos += len(line)
        bullet = _BULLET.match(content)
        if not content.strip():
            _flush(chunks, current)
            current = None
        elif current is not None and not bullet and _continues(content):
            current = (current[0], end)
        else:
            _flush(chunks, current)
            current = (start + (bullet.end() if bullet else 0), end)
        if current is not None and _LINE_END_PUNCT.search(content.rstrip()):
            _flush(chunks, current)
            current = None
    _flush(chunks, current)
    return chunks


def _continues(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower()


def _flush(chunks: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
    """Append the open chunk, if any."""
    if current is not None:
        chunks.append(current)


def _split_chunk(text: str, start: int, end: int) -> list[Sentence]:
    pieces: list[Sentence] = []
    piece_start = start
    for match in _END.finditer(text, start, end):
        if _is_boundary(text, match, end):
            _add(pieces, text, piece_start, match.end())
            piece_start = match.end()
    _add(pieces, text, piece_start, end)
    return pieces


def _add(pieces: list[Sentence], text: str, start: int, end: int) -> None:
    raw = text[start:end]
    stripped = raw.strip()
    if not any(ch.isalnum() for ch in stripped):
        return
    lead = len(raw) - len(raw.lstrip())
    pieces.append(Sentence(stripped, start + lead, start + lead + len(stripped)))


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    following = text[match.end():end].lstrip()
    if not following or match.group()[0] in "?!":
        return True
    next_char = following.lstrip("\"'‘“(")[:1]
    if next_char.islower() and not _ELIDED.match(following):
        return False
    if match.group()[0] != ".":
        return True
    word = _word_before(text, match.start())
    if word.lower() in FINAL_ABBREVIATIONS:
        return next_char.isupper()
    return not _is_abbreviation(word)


def _word_before(text: str, dot: int) -> str:
    """The token ending in the period at ``dot``, period included."""
    begin = dot
    while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] not in "([\"'“‘":
        begin -= 1
    return text[begin:dot + 1]


def _is_abbreviation(word: str) -> bool:
    lowered = word.lower()
    return lowered in ABBREVIATIONS or bool(_DOTTED.match(lowered) or _INITIAL.match(word))
