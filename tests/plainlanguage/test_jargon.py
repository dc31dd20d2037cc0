"""The jargon list, its matching and inflections, the allow-list and brush-offs."""

import pytest

from participatie.plainlanguage import check_text, find_brushoffs
from participatie.plainlanguage.jargon import find_jargon, inflections
from participatie.plainlanguage.lexicon import (
    DATA_DIR,
    allowlist,
    alternatives,
    brushoff_entries,
    jargon_entries,
    load_tsv,
)


def jargon_in(text):
    return {m.text.lower(): alternatives(m.entry) for m in find_jargon(text)}


def test_the_list_is_long_enough_and_well_formed():
    entries = jargon_entries()
    assert len(entries) >= 150
    assert all(e.forms and alternatives(e) for e in entries)
    lemmas = [e.lemma for e in entries]
    assert len(lemmas) == len(set(lemmas)), "duplicate jargon terms"


def test_malformed_line_is_reported(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("# comment\nfaciliteren\thelpen\nmiddels zonder tab\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:3"):
        load_tsv(path)


@pytest.mark.parametrize(
    ("term", "plain"),
    [("faciliteren", "helpen"), ("in het kader van", "voor"), ("middels", "met"),
     ("teneinde", "om"), ("derhalve", "daarom"), ("inzake", "over"), ("conform", "volgens"),
     ("ten behoeve van", "voor"), ("aanvang", "begin"), ("participatie", "meedoen"),
     ("integraal", "samen"), ("implementeren", "invoeren"), ("prioriteren", "voorrang geven"),
     ("vigerend", "huidig"), ("onverwijld", "meteen"), ("alsmede", "en"), ("c.q.", "of"),
     ("dan wel", "of"), ("in casu", "in dit geval")],
)
def test_required_terms_have_plain_alternatives(term, plain):
    found = jargon_in(f"Wij schrijven {term} in deze brief.")
    assert found == {term: found[term]}
    assert plain in found[term]


@pytest.mark.parametrize(
    ("sentence", "form"),
    [("De gemeente faciliteert dit.", "faciliteert"),
     ("Dit wordt door ons gefaciliteerd.", "gefaciliteerd"),
     ("Wij werken met een integrale aanpak.", "integrale"),
     ("Het plan is geïmplementeerd.", "geïmplementeerd"),
     ("Het project wordt geëvalueerd.", "geëvalueerd"),
     ("Dat zijn structurele problemen.", "structurele"),
     ("Wij nemen preventieve maatregelen.", "preventieve"),
     ("IN HET KADER VAN het plan.", "in het kader van"),
     ("Dit is in het\nkader van het plan.", "in het\nkader van")],
)
def test_inflections_and_case_and_line_breaks(sentence, form):
    assert form.lower() in jargon_in(sentence)


def test_whole_words_only():
    assert jargon_in("De conformiteit en het middelste huis zijn zakelijk geregeld.") == {}


def test_longest_phrase_wins():
    assert list(jargon_in("Op korte termijn komen wij langs.")) == ["op korte termijn"]


def test_inflections_of_verbs_and_adjectives():
    assert {"faciliteer", "faciliteert", "faciliteerde", "gefaciliteerd", "faciliterend"} <= \
        inflections("faciliteren")
    assert {"initieert", "geïnitieerd"} <= inflections("initiëren")
    assert {"integrale", "integralen"} <= inflections("integraal")
    assert "substantiële" in inflections("substantieel")
    assert inflections("in het kader van") == {"in het kader van"}


def test_jargon_finding_has_dutch_alternatives_in_the_suggestion():
    report = check_text("Wij helpen u middels een formulier.")
    jargon = [f for f in report.findings if f.code == "jargon"]
    assert len(jargon) == 1
    assert jargon[0].excerpt == "middels"
    assert "“met”" in jargon[0].suggestion and "“door”" in jargon[0].suggestion
    assert report.figures.jargon_count == 1


def test_allowlist_terms_are_loaded_with_their_words():
    allowed = allowlist()
    for term in ["stadsgesprek", "sociaal makelaar", "makelaar", "ambassadeur", "wijk",
                 "buurt", "initiatiefnemer", "voorgesprek", "terugkoppeling", "actiepunt",
                 "sociale kaart", "utrecht", "leidsche rijn", "vleuten-de meern", "e-mail",
                 "website", "overvecht", "noordwest", "binnenstad", "zuidwest"]:
        assert term in allowed
    assert (DATA_DIR / "allowlist.txt").read_text(encoding="utf-8").count("#") >= 4


def test_allowlisted_words_are_not_uncommon():
    report = check_text("Kom naar het stadsgesprek. De initiatiefnemer vertelt over het "
                        "voorgesprek.")
    assert [f.excerpt for f in report.findings if f.code == "uncommon_word"] == []


BRUSHOFF_TEXT = (
    "Uw vraag valt niet onder onze afdeling. Wij hebben op dit moment geen capaciteit. "
    "Het onderhoud van de sloot is niet onze verantwoordelijkheid. De overlast valt wel mee."
)


def test_brushoffs_are_found_with_a_plain_suggestion():
    findings = find_brushoffs(BRUSHOFF_TEXT)
    assert [f.excerpt for f in findings] == [
        "valt niet onder", "geen capaciteit", "niet onze verantwoordelijkheid", "valt wel mee",
    ]
    assert [f.sentence_index for f in findings] == [0, 1, 2, 3]
    assert all(f.code == "brushoff" and f.suggestion for f in findings)
    assert "onder wie het wel valt" in findings[0].suggestion
    first = findings[0]
    assert BRUSHOFF_TEXT[first.start:first.end] == "valt niet onder"


def test_friendly_reply_has_no_brushoffs():
    assert find_brushoffs("Dank u voor uw vraag. Wij kijken er volgende week naar.") == []
    assert len(brushoff_entries()) >= 10
