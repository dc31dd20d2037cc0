"""Fill one language's catalogue from TSV files (Turkish, Arabic, ...).

    python scripts/set_translations.py tr translations/tr/*.tsv     # the TSV rows win (later files last)
    python scripts/set_translations.py ar translations/ar/*.tsv --export-missing /tmp/ar-missing.tsv

TSV rows: ``msgid<TAB>translation``; plurals ``singular || plural<TAB>form 0 || form 1 || ...``
with as many forms as the language has (Turkish 2, Arabic 6). Newlines inside a message are
written as ``\\n``. The TSVs in translations/<locale>/ are the translators' source; the .po is
rebuilt from them after `make update-translations`, so a merge conflict in a .po costs nothing.
``--export-missing FILE`` writes the msgids that still lack a translation (to hand to a translator).
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1] / "translations"


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def _escape(text: str) -> str:
    return text.replace("\n", "\\n").replace("\t", "\\t")


def rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            left, right = line.split("\t", 1)
            yield _unescape(left), _unescape(right)


def _missing(message) -> bool:
    string = message.string
    return not string or (isinstance(string, tuple) and not all(string))


def main(argv: list[str]) -> int:
    export = None
    if "--export-missing" in argv:
        at = argv.index("--export-missing")
        export = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    locale, files = argv[0], [Path(p) for p in argv[1:]]
    po = ROOT / locale / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    changed = 0
    for path in files:
        for msgid, text in rows(path):
            message = catalog.get(msgid.split(" || ")[0])
            if message is None:
                continue  # not extracted (stale row)
            if isinstance(message.id, tuple):
                forms = tuple(text.split(" || "))
                if len(forms) != catalog.num_plurals:
                    print(f"wrong number of plural forms ({len(forms)}, want {catalog.num_plurals}): {msgid!r}")
                    continue
                if message.string == forms:
                    continue
                message.string = forms
            else:
                if message.string == text:
                    continue
                message.string = text  # the TSV is the source: a corrected row replaces the old text
            message.flags.discard("fuzzy")
            changed += 1
    with po.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)
    missing = [m for m in catalog if m.id and _missing(m)]
    print(f"{locale}: {changed} filled or corrected; {len(missing)} untranslated")
    if export:
        lines = [_escape(" || ".join(m.id) if isinstance(m.id, tuple) else m.id) for m in missing]
        export.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"missing msgids written to {export}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
