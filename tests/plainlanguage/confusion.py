"""The plain/dense corpus and its confusion table (shared by tests and conftest)."""

from __future__ import annotations

from pathlib import Path

from participatie.plainlanguage import VERDICTS, check_text

CORPUS = Path(__file__).resolve().parent / "corpus"
KINDS = ("plain", "dense")


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
    header = f"{'':8}" + "".join(f"{verdict:>15}" for verdict in VERDICTS)
    rows = [f"{kind:8}" + "".join(f"{table[kind][v]:>15}" for v in VERDICTS) for kind in KINDS]
    return "\n".join(["B1 checker confusion table (corpus kind x verdict)", header, *rows])
