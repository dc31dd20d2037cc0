"""The passive-voice heuristic."""

import pytest

from participatie.plainlanguage import check_text
from participatie.plainlanguage.passive import find_passive, is_participle
from participatie.plainlanguage.words import tokenize


def passive(sentence):
    return find_passive([t.text for t in tokenize(sentence) if t.is_word])


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [("Er wordt besloten door de gemeente.", ("wordt", "besloten")),
     ("De aanvraag wordt zo snel mogelijk behandeld.", ("wordt", "behandeld")),
     ("De bankjes werden vorige week geplaatst.", ("werden", "geplaatst")),
     ("Het plan is door de raad vastgesteld.", ("is", "vastgesteld")),
     ("Uw brief is gisteren ontvangen.", ("is", "ontvangen")),
     ("De bewoners worden verzocht hun auto te verplaatsen.", ("worden", "verzocht")),
     ("Dat de weg wordt opgeknapt, weten we al.", ("wordt", "opgeknapt")),
     ("De speeltuin zal worden aangelegd.", ("worden", "aangelegd"))],
)
def test_passive_is_found(sentence, pair):
    assert passive(sentence) == pair


@pytest.mark.parametrize(
    "sentence",
    ["Het wordt koud.", "U mag meekiezen welke soort het wordt.",
     "De gemeente wordt groener.", "Wij zijn gestart met de bouw.",
     "Het is gebeurd in de gemeente.", "Wij hebben de zaal geschilderd en er is een nieuwe keuken.",
     "Dat is vervelend.", "Het is bekend bij de gemeente.",
     "Wij besluiten samen met u.", "Het gesprek is op dinsdag."],
)
def test_no_passive(sentence):
    assert passive(sentence) is None


def test_participle_shapes():
    assert all(map(is_participle, ["gemaakt", "opgeruimd", "vastgesteld", "beoordeeld",
                                   "verbeterd", "besloten", "onderzocht", "geïnformeerd"]))
    assert not any(map(is_participle, ["gemeente", "gesprekken", "veiligheid", "vervelend",
                                       "gebruiksovereenkomst", "beleid", "gelet"]))


def test_passive_finding_suggests_saying_who_does_it():
    report = check_text("Er wordt besloten door de gemeente.")
    finding = next(f for f in report.findings if f.code == "passive")
    assert finding.sentence_index == 0
    assert finding.excerpt == "wordt … besloten"
    assert "we decide" in finding.suggestion
    assert report.figures.passive_sentences == 1
    assert not [f for f in check_text("Het wordt koud.").findings if f.code == "passive"]
