"""Every new message id of issue 6 has a Dutch translation, in the .po or in TRANSLATIONS_NL.tsv."""

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
FILES = [*(ROOT / "templates" / "print").glob("*.html"), *(ROOT / "templates" / "b1").glob("*.html"),
         ROOT / "templates" / "_macros" / "b1.html", ROOT / "templates" / "ideas" / "summary.html",
         *(ROOT / "participatie" / "printing").glob("*.py"), ROOT / "participatie" / "web" / "b1_preview.py"]


def extracted() -> set[str]:
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
    ids = set()
    for path in FILES:
        method = "jinja2" if path.suffix == ".html" else "python"
        options = {"extensions": "jinja2.ext.i18n"} if method == "jinja2" else {}
        for _line, message, _comments, _context in extract_from_file(method, str(path), keywords=keywords,
                                                                     options=options):
            ids.add(message if isinstance(message, str) else message[0])
    return ids


def known() -> set[str]:
    with (ROOT / "translations" / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle, locale="nl") if m.id}
    tsv = (ROOT / "participatie" / "printing" / "TRANSLATIONS_NL.tsv").read_text(encoding="utf-8")
    ids |= {line.split("\t")[0].split(" || ")[0] for line in tsv.splitlines() if line and not line.startswith("#")}
    return ids


def test_every_new_message_has_dutch():
    assert extracted() - known() == set()
