"""Set or merge Dutch translations in translations/nl/LC_MESSAGES/messages.po.

    python scripts/set_dutch.py --merge participatie/*/TRANSLATIONS_NL.tsv   # fill empty msgstrs only
    python scripts/set_dutch.py --replace FILE.tsv                          # old Dutch<TAB>new Dutch

TSV rows: ``msgid<TAB>Dutch``; plurals ``singular || plural<TAB>nl one || nl other``.
Prints what it did and every msgid that is still untranslated.
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "translations" / "nl" / "LC_MESSAGES" / "messages.po"


def rows(path: str):
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            left, right = line.split("\t")
            yield left, right


def main(argv: list[str]) -> int:
    mode, files = argv[0], argv[1:]
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="nl")
    changed = 0
    if mode == "--merge":
        for path in files:
            for msgid, dutch in rows(path):
                key = tuple(msgid.split(" || ")) if " || " in msgid else msgid
                message = catalog.get(key[0] if isinstance(key, tuple) else key)
                if message is None:
                    continue  # not extracted (yet): stale TSV row
                empty = not message.string or (isinstance(message.string, tuple) and not all(message.string))
                if empty:
                    message.string = tuple(dutch.split(" || ")) if isinstance(message.id, tuple) else dutch
                    changed += 1
    elif mode == "--replace":
        by_dutch = {m.string: m for m in catalog if m.id and isinstance(m.string, str)}
        for old, new in (r for path in files for r in rows(path)):
            message = by_dutch.get(old)
            if message is None:
                print(f"not found: {old!r}")
                continue
            message.string = new
            changed += 1
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False)
    missing = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    print(f"{changed} changed; {len(missing)} untranslated")
    for msgid in missing:
        print("  untranslated:", msgid)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
