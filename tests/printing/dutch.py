"""The Dutch catalogue as it will be once the lead merges TRANSLATIONS_NL.tsv into the .po.

Lets the tests read the printed sheets in Dutch now, so the B1 checker sees real Dutch.
"""

from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "translations" / "nl" / "LC_MESSAGES" / "messages.po"
TSV = ROOT / "participatie" / "printing" / "TRANSLATIONS_NL.tsv"


def merged_catalog():
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="nl")
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, dutch = line.split("\t")
        ids, strings = english.split(" || "), dutch.split(" || ")
        if len(ids) > 1:
            catalog.add(tuple(ids), tuple(strings))
        else:
            catalog.add(ids[0], strings[0])
    return catalog


def dutch_translations() -> Translations:
    buffer = BytesIO()
    write_mo(buffer, merged_catalog())
    buffer.seek(0)
    return Translations(buffer)


def write_mo_file(folder: Path) -> Path:
    """For looking at the sheets by hand: FLASK_BABEL_TRANSLATION_DIRECTORIES=<folder>."""
    target = folder / "nl" / "LC_MESSAGES" / "messages.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_mo(handle, merged_catalog())
    return target
