"""``check_text``: the B1 plain-language check of a Dutch text."""

from __future__ import annotations

from participatie.plainlanguage.analysis import SentenceInfo, analyse, figures
from participatie.plainlanguage.findings import sentence_findings, text_findings
from participatie.plainlanguage.report import GOOD, Finding, Report
from participatie.plainlanguage.thresholds import Thresholds
from participatie.plainlanguage.verdict import problem_points, verdict_for


def check_text(text: str, thresholds: Thresholds | None = None) -> Report:
    """Check ``text``; a text without words is "goed leesbaar" with no findings."""
    t = thresholds or Thresholds()
    infos = analyse(text or "", t)
    stats = figures(infos, t)
    if not any(info.words for info in infos):
        return Report(GOOD, stats, [], 0, {})
    scores = problem_points(stats, [i.length for i in infos], t)
    points = sum(scores.values())
    findings = _dedupe(_sentence_level(infos, t)) + text_findings(infos, stats, t)
    return Report(verdict_for(points, t), stats, findings, points, scores)


def _sentence_level(infos: list[SentenceInfo], t: Thresholds) -> list[Finding]:
    return [finding for info in infos for finding in sentence_findings(info, t)]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Report each uncommon word once (its first occurrence)."""
    seen: set[str] = set()
    kept = []
    for finding in findings:
        if finding.code == "uncommon_word":
            key = finding.excerpt.lower()
            if key in seen:
                continue
            seen.add(key)
        kept.append(finding)
    return kept
