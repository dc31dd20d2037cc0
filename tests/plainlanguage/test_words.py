"""Tokens, syllables (pyphen nl_NL + vowel groups) and word commonness (wordfreq)."""

import pytest

from participatie.plainlanguage.words import is_common, syllables, tokenize, vowel_groups


@pytest.mark.parametrize(
    ("word", "count"),
    [("gemeente", 3), ("participatie", 5), ("speeltuin", 2), ("de", 1), ("u", 1),
     ("verantwoordelijkheid", 6), ("vriendelijke", 4), ("fietsenstalling", 4),
     ("faciliteren", 5), ("buurthuis", 2), ("geëvalueerd", 5), ("ideeën", 3),
     # pyphen never splits off a single vowel; the vowel-group fallback does:
     ("idee", 2), ("avond", 2), ("over", 2), ("eten", 2), ("Utrecht", 2),
     ("e-mail", 2), ("zo'n", 1), ("Overvecht", 3)],
)
def test_syllables(word, count):
    assert syllables(word) == count


def test_vowel_groups_treat_ij_and_diaeresis_properly():
    assert vowel_groups("wij") == 1
    assert vowel_groups("zeeën") == 2
    assert vowel_groups("nieuw") == 1
    assert vowel_groups("st") == 0


def test_tokenize_kinds_and_joined_words():
    tokens = tokenize("Zo'n e-mail t/m 1.000 euro om 12.30 uur: zie www.utrecht.nl of mail a@b.nl.")
    assert [(t.text, t.kind) for t in tokens] == [
        ("Zo'n", "word"), ("e-mail", "word"), ("t/m", "word"), ("1.000", "number"),
        ("euro", "word"), ("om", "word"), ("12.30", "number"), ("uur", "word"),
        ("zie", "word"), ("www.utrecht.nl", "link"), ("of", "word"), ("mail", "word"),
        ("a@b.nl", "link"),
    ]


def test_tokenize_offsets():
    text = "Wij komen op 9-12-2026."
    for token in tokenize(text, offset=10):
        assert text[token.start - 10:token.end - 10] == token.text


@pytest.mark.parametrize("word", ["gemeente", "speeltuin", "bankjes", "wijk", "Buurt"])
def test_common_words(word):
    assert is_common(word, 3.0)


@pytest.mark.parametrize("word", ["lantaarnpalen", "speelstraat", "geveltuin"])
def test_compound_of_common_parts_is_common(word):
    assert is_common(word, 3.0)


@pytest.mark.parametrize("word", ["hondenlosloopgebied", "verrommeling", "onverwijld", "vigerend"])
def test_uncommon_words(word):
    assert not is_common(word, 3.0)


def test_threshold_is_respected():
    assert is_common("speeltuin", 3.0)
    assert not is_common("speeltuin", 6.0)
