"""check_text on the corpus and on targeted examples; Report, Figures, Thresholds."""

import json

import pytest

from participatie.plainlanguage import (
    ALMOST,
    GOOD,
    TOO_DIFFICULT,
    VERDICTS,
    Report,
    Thresholds,
    check_text,
)
from tests.plainlanguage.confusion import LONG_KINDS, confusion_table, corpus_files, format_table

SENTENCE_31 = (
    "Wij willen graag met alle bewoners van de straat en hun kinderen praten over de nieuwe "
    "speeltuin en over de bankjes en de bomen die er straks in het voorjaar komen."
)


def read(path):
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", LONG_KINDS)
def test_corpus_has_at_least_30_texts_of_40_to_120_words(kind):
    files = corpus_files(kind)
    assert len(files) >= 30
    for path in files:
        assert 40 <= len(read(path).split()) <= 120, path.name


@pytest.mark.parametrize("path", corpus_files("plain"), ids=lambda p: p.stem)
def test_plain_text_is_easy_to_read(path):
    report = check_text(read(path))
    assert report.verdict == GOOD, (report.scores, [f.message for f in report.findings])


@pytest.mark.parametrize("path", corpus_files("dense"), ids=lambda p: p.stem)
def test_dense_text_is_not_easy_to_read(path):
    report = check_text(read(path))
    assert report.verdict != GOOD
    assert {f.code for f in report.findings} & {"long_sentence", "very_long_sentence", "jargon"}


def test_confusion_table(record_confusion):
    table = confusion_table()
    text = format_table(table)
    print("\n" + text)
    record_confusion(text)
    assert table["plain"][GOOD] == len(corpus_files("plain"))
    assert table["dense"][GOOD] == 0
    assert table["dense"][TOO_DIFFICULT] >= 0.9 * len(corpus_files("dense"))
    assert table["plain_short"][GOOD] == len(corpus_files("plain_short"))
    assert table["official_short"][TOO_DIFFICULT] == len(corpus_files("official_short"))


def test_short_answer_corpus_has_one_to_three_sentences():
    for kind in ("plain_short", "official_short"):
        files = corpus_files(kind)
        assert len(files) >= 10
        for path in files:
            assert 1 <= check_text(read(path)).figures.sentences <= 3, path.name


@pytest.mark.parametrize("path", corpus_files("official_short"), ids=lambda p: p.stem)
def test_one_official_sentence_is_too_difficult(path):
    """A short answer dense with jargon and passives is "te moeilijk", whatever its length."""
    report = check_text(read(path))
    assert report.verdict == TOO_DIFFICULT, (report.scores, [f.message for f in report.findings])
    assert "dense_sentence" in {f.code for f in report.findings}


@pytest.mark.parametrize("path", corpus_files("plain_short"), ids=lambda p: p.stem)
def test_plain_short_answer_stays_easy_to_read(path):
    report = check_text(read(path))
    assert report.verdict == GOOD, (report.scores, [f.message for f in report.findings])


def test_the_classic_official_sentence_names_bezien_and_in_hoeverre():
    report = check_text("Naar aanleiding van uw verzoek zal worden bezien in hoeverre "
                        "medewerking kan worden verleend.")
    assert report.verdict == TOO_DIFFICULT
    jargon = {f.excerpt.lower() for f in report.findings if f.code == "jargon"}
    assert {"bezien", "in hoeverre"} <= jargon


def test_one_hard_sentence_in_a_plain_text_is_not_dense_overall():
    text = ("We zetten een bankje bij de speeltuin. Het komt er in mei. "
            "De gemeente betaalt het bankje. Uw buren helpen met verven. "
            "Ten aanzien van de uitvoering wordt rekening gehouden met de omwonenden.")
    report = check_text(text)
    assert report.scores["dense_sentences"] == 0


def test_sentence_of_31_words_gets_the_message_with_31():
    report = check_text(SENTENCE_31)
    assert report.figures.longest_sentence == 31
    (finding,) = [f for f in report.findings if f.code == "long_sentence"]
    assert finding.message == "Split this sentence: it has 31 words."
    assert finding.sentence_index == 0
    assert finding.excerpt.startswith("Wij willen graag met")
    assert "25" in finding.suggestion


def test_very_long_sentence_is_serious():
    report = check_text(SENTENCE_31.rstrip(".") + ", en over de plek voor de nieuwe fietsen.")
    (finding,) = [f for f in report.findings if "long_sentence" in f.code]
    assert finding.code == "very_long_sentence"
    assert finding.severity == "serious"
    assert finding.message == "This sentence is far too long: 39 words."


def test_mostly_plain_text_with_some_problems_is_almost():
    text = (
        "Beste bewoners,\n\nWij gaan de speeltuin aan de Kanaalstraat opknappen. In het kader "
        "van de aanpak van de openbare ruimte worden de oude toestellen vervangen en wordt het "
        "zand ververst, zodat kinderen hier weer veilig en met plezier kunnen spelen. Het werk "
        "begint in april. De speeltuin is dan drie weken dicht. Heeft u vragen? Bel ons gerust."
    )
    report = check_text(text)
    assert report.verdict == ALMOST
    assert report.scores["long_sentences"] == 1 and report.scores["jargon"] == 1


def test_figures_follow_the_definitions():
    text = "Wij zetten vier nieuwe bankjes neer. De bankjes hebben een leuning voor ouderen."
    figures = check_text(text).figures
    assert (figures.sentences, figures.words, figures.longest_sentence) == (2, 13, 7)
    assert figures.average_sentence_length == pytest.approx(6.5)
    expected = 206.835 - 0.93 * (13 / 2) - 77 * (figures.syllables / 13)
    assert figures.flesch_douma == pytest.approx(expected)
    assert figures.long_word_share == 0.0


def test_long_words_are_reported_with_examples():
    text = ("Gemeentelijke participatietrajecten vereisen maatschappelijke "
            "verantwoordelijkheid en transparantie.")
    report = check_text(text)
    (finding,) = [f for f in report.findings if f.code == "long_words"]
    assert finding.sentence_index is None
    assert "participatietrajecten" in finding.excerpt
    assert report.figures.long_word_share > 0.5


def test_uncommon_words_but_not_names_or_numbers():
    report = check_text("Wij maken een hondenlosloopgebied bij Zwanenburgh in 2026.")
    uncommon = [f.excerpt for f in report.findings if f.code == "uncommon_word"]
    assert uncommon == ["hondenlosloopgebied"]
    assert report.figures.uncommon_word_share == pytest.approx(1 / 7)


def test_thresholds_can_be_overridden_from_a_dict():
    relaxed = Thresholds(**{"long_sentence_words": 40, "very_long_sentence_words": 50})
    codes = {f.code for f in check_text(SENTENCE_31, relaxed).findings}
    assert "long_sentence" not in codes
    strict = Thresholds.from_mapping({"avg_sentence_words": 5})
    findings = check_text("Wij komen morgen langs bij u.", strict).findings
    assert "long_average" in {f.code for f in findings}
    with pytest.raises(TypeError):
        Thresholds(**{"no_such_threshold": 1})


def test_verdict_bands_follow_the_points():
    strict = Thresholds(good_max_points=0, almost_max_points=0)
    assert check_text(SENTENCE_31, strict).verdict == TOO_DIFFICULT
    assert check_text(SENTENCE_31).verdict in (ALMOST, TOO_DIFFICULT)


def test_report_to_dict_is_json_serialisable():
    report = check_text("In het kader van de aanpak wordt er besloten door de gemeente.")
    assert isinstance(report, Report)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["verdict"] in VERDICTS
    assert set(data) >= {"verdict", "figures", "findings", "points"}
    assert set(data["figures"]) >= {
        "sentences", "words", "average_sentence_length", "longest_sentence",
        "long_word_share", "flesch_douma", "uncommon_word_share",
    }
    assert {f["code"] for f in data["findings"]} >= {"jargon", "passive"}
    assert set(data["findings"][0]) >= {"code", "sentence_index", "excerpt", "message",
                                        "suggestion"}


def test_empty_text_is_easy_to_read():
    report = check_text("")
    assert (report.verdict, report.findings, report.figures.words) == (GOOD, [], 0)
    assert check_text("  \n 12 \n").verdict == GOOD
