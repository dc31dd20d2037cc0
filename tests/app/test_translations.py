"""Every interface language's catalogue is complete and keeps every placeholder."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from participatie.config import Config

ROOT = Path(__file__).resolve().parents[2] / "translations"
LOCALES = list(Config.LANGUAGES)  # a language is offered only when its catalogue is complete
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def catalog(locale):
    with (ROOT / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def source_ids():
    """Extract from the code and templates now, so a string added without `make update-translations` fails."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    project = ROOT.parent
    with (project / "babel.cfg").open() as handle:
        method_map, _options = parse_mapping_cfg(handle)
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "_t": None, "_public": None}
    ids = set()
    for folder in ("participatie", "templates"):
        methods = [(p.split("/", 1)[1], m) for p, m in method_map if p.startswith(folder + "/")]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(project / folder), methods, keywords=keywords,
            directory_filter=lambda d: not d.endswith("__pycache__"),
        ):
            ids.add(message if isinstance(message, str) else message[0])
    return ids


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    untranslated = [
        m.id for m in catalog(locale)
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert not untranslated


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_covers_every_extracted_message(locale):
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog(locale) if m.id}
    assert source_ids() - ids == set()


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_survive_translation(locale):
    broken = []
    for m in catalog(locale):
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        broken += [m.id for s in strings if set(PLACEHOLDER.findall(s)) - expected - {"%(num)d"}]
        broken += [m.id for s in strings[:1] if set(PLACEHOLDER.findall(ids[0])) - set(PLACEHOLDER.findall(s)) - {"%(num)d"}]
    assert not broken


def test_no_message_hides_inside_an_f_string():
    """Babel cannot extract _("...") written inside an f-string: such text would stay English."""
    pattern = re.compile(r"""f(["'])[^"'\n]*\{_l?\(""")
    project = ROOT.parent / "participatie"
    offenders = [f"{p.relative_to(project)}:{n}" for p in project.rglob("*.py")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not offenders
