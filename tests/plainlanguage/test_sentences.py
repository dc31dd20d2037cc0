"""Dutch sentence splitting: abbreviations, numbers, bullets and line breaks."""

import pytest

from participatie.plainlanguage.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "abbreviation",
    ["bijv.", "o.a.", "d.w.z.", "ca.", "nr.", "t/m", "m.b.t.", "i.p.v.", "z.s.m.",
     "enz.", "etc.", "dhr.", "mevr.", "blz.", "e.d.", "i.v.m.", "jl."],
)
def test_abbreviation_does_not_end_a_sentence(abbreviation):
    text = f"Wij komen {abbreviation} morgen langs bij het buurthuis. Daarna gaan we naar huis."
    assert texts(text) == [
        f"Wij komen {abbreviation} morgen langs bij het buurthuis.",
        "Daarna gaan we naar huis.",
    ]


@pytest.mark.parametrize(
    "abbreviation", ["Dhr.", "Mevr.", "nr.", "blz.", "ca.", "bijv.", "o.a."]
)
def test_abbreviation_before_a_capital_or_number_does_not_split(abbreviation):
    text = f"Wij bellen {abbreviation} Jansen en {abbreviation} 12 op. Dat is alles."
    assert len(texts(text)) == 2


def test_enz_and_etc_end_a_sentence_before_a_capital():
    assert texts("Neem handschoenen, zakken enz. Mee. Wij zorgen voor koffie.") == [
        "Neem handschoenen, zakken enz.", "Mee.", "Wij zorgen voor koffie.",
    ]
    assert texts("Er zijn bankjes, bomen etc. Kom kijken!") == [
        "Er zijn bankjes, bomen etc.", "Kom kijken!",
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Het kost 3.5 euro per persoon.", "Er kwamen 1.000 mensen naar het feest.",
     "We beginnen om 12.30 uur op het plein.", "Het feest is op 9-12-2026 in de wijk.",
     "De stoep moet 1,5 meter breed blijven.", "Bel 030 - 286 00 00 voor 17.00 uur."],
)
def test_numbers_do_not_end_a_sentence(sentence):
    assert texts(f"{sentence} Tot dan.") == [sentence, "Tot dan."]


@pytest.mark.parametrize("sentence", ["Dat doen we zo.", "Ik ben Jan.", "Ik bel mijn ma."])
def test_words_that_look_like_abbreviations_can_end_a_sentence(sentence):
    assert texts(f"{sentence} Daarna gaan we.") == [sentence, "Daarna gaan we."]


def test_question_and_exclamation_marks_end_sentences():
    assert texts("Wilt u meedoen? Dat kan! Meld u aan.") == [
        "Wilt u meedoen?", "Dat kan!", "Meld u aan.",
    ]


def test_bullets_and_newlines_end_sentences_and_lose_their_marker():
    text = ("Neem mee:\n- een schep\n* handschoenen\n• een fles water\n"
            "1. eerst koffie\n2) dan werken")
    assert texts(text) == [
        "Neem mee:", "een schep", "handschoenen", "een fles water", "eerst koffie", "dan werken",
    ]


def test_blank_lines_and_headings_are_separate_sentences():
    text = "Beste buren,\n\nWij gaan de speeltuin opknappen.\n\nMet vriendelijke groet,\nTeam West"
    assert texts(text) == [
        "Beste buren,", "Wij gaan de speeltuin opknappen.", "Met vriendelijke groet,", "Team West",
    ]


def test_soft_wrapped_line_continues_the_sentence():
    text = "Wij zetten in mei vier nieuwe\nbankjes neer bij de vijver. Kom kijken."
    assert texts(text) == [
        "Wij zetten in mei vier nieuwe\nbankjes neer bij de vijver.", "Kom kijken.",
    ]


def test_initials_and_lowercase_after_period_do_not_split():
    assert texts("Bel J. de Vries of mevr. A. Bakker. Zij helpen u.") == [
        "Bel J. de Vries of mevr. A. Bakker.", "Zij helpen u.",
    ]
    assert texts("Het was koud... maar gezellig. Tot volgend jaar.") == [
        "Het was koud... maar gezellig.", "Tot volgend jaar.",
    ]


def test_sentence_starting_with_elided_article():
    assert texts("Het pad is donker. 's Avonds loopt u daar liever niet.") == [
        "Het pad is donker.", "'s Avonds loopt u daar liever niet.",
    ]


def test_offsets_point_into_the_original_text():
    text = "  Beste buren,\n\n- Wij komen om 12.30 uur.  Tot dan!\n"
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
    assert [s.text for s in split_sentences(text)] == [
        "Beste buren,", "Wij komen om 12.30 uur.", "Tot dan!",
    ]


def test_empty_and_punctuation_only_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n - \n...") == []
