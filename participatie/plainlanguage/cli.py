"""``flask b1 check [FILE|-] [--json]``: check a text from a file or stdin.

Register with ``app.cli.add_command(b1_cli)``. The exit code is 0 whenever the
check ran, whatever the verdict: this is an advice tool, not a gate. A missing
or unreadable file is a usage error (exit code 2, from click).
"""

from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from participatie.plainlanguage.checker import check_text
from participatie.plainlanguage.i18n import _t
from participatie.plainlanguage.report import Report

b1_cli = AppGroup("b1", help="Plain-language (B1) checks.")


@b1_cli.command("check")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check_command(file, as_json: bool) -> None:
    """Check a Dutch text from FILE (default: - for stdin) at level B1."""
    report = check_text(file.read())
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report))


def format_report(report: Report) -> str:
    """The plain-text report: verdict, figures, then one line per finding."""
    f = report.figures
    lines = [
        _t("Verdict: %(verdict)s (%(label)s)", verdict=report.verdict,
           label=report.verdict_label()),
        _t("Sentences: %(count)d", count=f.sentences),
        _t("Words: %(count)d", count=f.words),
        _t("Average sentence length: %(average).1f words", average=f.average_sentence_length),
        _t("Longest sentence: %(count)d words", count=f.longest_sentence),
        _t("Long words (4+ syllables): %(percent).0f%%", percent=100 * f.long_word_share),
        _t("Flesch-Douma: %(score).1f", score=f.flesch_douma),
        _t("Uncommon words: %(percent).0f%%", percent=100 * f.uncommon_word_share),
        _t("Findings: %(count)d", count=len(report.findings)),
    ]
    for finding in report.findings:
        where = (_t("sentence %(number)d", number=finding.sentence_index + 1)
                 if finding.sentence_index is not None else _t("whole text"))
        lines.append(f"- [{where}] {finding.code}: {finding.message} → {finding.suggestion}")
    return "\n".join(lines)
