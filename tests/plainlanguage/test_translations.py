"""English message ids, Dutch translations in TRANSLATIONS_NL.tsv, and the fallback."""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask
from flask_babel import Babel

import participatie.plainlanguage as plainlanguage
from participatie.plainlanguage import check_text, find_brushoffs
from participatie.plainlanguage.i18n import _t
from tests.plainlanguage.test_checker import SENTENCE_31

PACKAGE = Path(plainlanguage.__file__).resolve().parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdf]")


def message_ids() -> set[str]:
    """First string argument of every ``_t(...)``/``_l(...)`` call in the package."""
    ids = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_t", "_l") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                ids.add(node.args[0].value)
    return ids


def translations() -> dict[str, str]:
    rows = {}
    for line in (PACKAGE / "TRANSLATIONS_NL.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            msgid, dutch = line.split("\t")
            rows[msgid] = dutch
    return rows


def test_every_message_id_has_a_dutch_translation_and_no_stale_ones():
    ids = message_ids()
    assert len(ids) >= 25
    assert set(translations()) == ids


@pytest.mark.parametrize("msgid", sorted(translations()))
def test_translation_keeps_the_placeholders(msgid):
    dutch = translations()[msgid]
    assert sorted(PLACEHOLDER.findall(dutch)) == sorted(PLACEHOLDER.findall(msgid))
    assert dutch != msgid or msgid.startswith("Flesch")


def test_fallback_without_app_and_in_an_app_without_babel():
    assert _t("Split this sentence: it has %(count)d words.", count=3) == \
        "Split this sentence: it has 3 words."
    with Flask("no_babel").test_request_context():
        assert _t("whole text") == "whole text"
        assert check_text(SENTENCE_31).verdict_label() in ("almost", "too difficult")


@pytest.fixture
def dutch_app(tmp_path):
    catalog = Catalog(locale="nl")
    for msgid, dutch in translations().items():
        catalog.add(msgid, dutch, flags=["python-format"] if "%" in msgid else [])
    target = tmp_path / "nl" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / "messages.mo", "wb") as handle:
        write_mo(handle, catalog)
    app = Flask("dutch")
    Babel(app, locale_selector=lambda: "nl", default_translation_directories=str(tmp_path))
    return app


def test_messages_are_dutch_in_a_dutch_request(dutch_app):
    with dutch_app.test_request_context():
        report = check_text(SENTENCE_31 + " Dit gebeurt middels een brief.")
        messages = {f.code: f for f in report.findings}
        assert messages["long_sentence"].message == "Splits deze zin: hij heeft 31 woorden."
        assert messages["jargon"].suggestion == "Schrijf het eenvoudiger: “met” / “door”."
        assert report.verdict_label() == report.verdict  # Dutch label equals the constant
        (brushoff,) = find_brushoffs("Dat valt wel mee.")
        assert brushoff.message == "Dit kan klinken als afschepen: ‘valt wel mee’."
        assert str(plainlanguage.VERDICT_LABELS[plainlanguage.TOO_DIFFICULT]) == "te moeilijk"
    passive = check_text("Er wordt besloten door de gemeente.")
    assert passive.findings[0].suggestion == \
        "Say who does it: 'we decide' instead of 'it is decided'."
