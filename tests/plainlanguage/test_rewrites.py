"""Three answers written the civil-service way, and the same answers rewritten for residents.

The pairs in corpus/rewrites/ are the worked example for ambassadors (issue 6): the first
version must be flagged with concrete findings, the rewrite must pass without any finding.
"""

from pathlib import Path

import pytest

from participatie.plainlanguage import GOOD, TOO_DIFFICULT, check_text

REWRITES = Path(__file__).parent / "corpus" / "rewrites"
PAIRS = sorted(p.name.removesuffix("_before.txt") for p in REWRITES.glob("*_before.txt"))


def test_there_are_three_pairs():
    assert len(PAIRS) == 3


@pytest.mark.parametrize("name", PAIRS)
def test_the_civil_service_version_is_too_difficult_and_says_why(name):
    report = check_text((REWRITES / f"{name}_before.txt").read_text(encoding="utf-8"))
    codes = {finding.code for finding in report.findings}
    assert report.verdict == TOO_DIFFICULT
    assert {"jargon", "passive"} <= codes
    assert codes & {"long_sentence", "very_long_sentence"}


@pytest.mark.parametrize("name", PAIRS)
def test_the_rewrite_reads_easily_with_nothing_left_to_fix(name):
    report = check_text((REWRITES / f"{name}_after.txt").read_text(encoding="utf-8"))
    assert report.verdict == GOOD
    assert report.findings == []
