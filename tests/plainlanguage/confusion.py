"""The plain/dense corpus and its confusion table (shared by tests and conftest)."""

from __future__ import annotations

from pathlib import Path

from participatie.plainlanguage import VERDICTS, check_text

CORPUS = Path(__file__).resolve().parent / "corpus"
KINDS = ("plain", "dense", "plain_short", "official_short")
LONG_KINDS = ("plain", "dense")  # 40-120 words; the short kinds are one-to-three-sentence answers


def corpus_files(kind: str) -> list[Path]:
    return sorted((CORPUS / kind).glob("*.txt"))


def confusion_table() -> dict[str, dict[str, int]]:
    """``{kind: {verdict: count}}`` over the whole corpus."""
    table = {kind: {verdict: 0 for verdict in VERDICTS} for kind in KINDS}
    for kind in KINDS:
        for path in corpus_files(kind):
            table[kind][check_text(path.read_text(encoding="utf-8")).verdict] += 1
    return table


def format_table(table: dict[str, dict[str, int]]) -> str:
    header = f"{'':15}" + "".join(f"{verdict:>15}" for verdict in VERDICTS)
    rows = [f"{kind:15}" + "".join(f"{table[kind][v]:>15}" for v in VERDICTS) for kind in KINDS]
    return "\n".join(["B1 checker confusion table (corpus kind x verdict)", header, *rows])
