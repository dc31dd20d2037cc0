"""``flask b1 check``: plain and JSON output, stdin and files, exit codes."""

import json

import pytest
from flask import Flask

from participatie.plainlanguage.cli import b1_cli
from tests.plainlanguage.confusion import corpus_files
from tests.plainlanguage.test_checker import SENTENCE_31


@pytest.fixture
def runner():
    app = Flask(__name__)
    app.cli.add_command(b1_cli)
    return app.test_cli_runner()


def test_plain_output_from_stdin(runner):
    result = runner.invoke(args=["b1", "check"], input=SENTENCE_31 + " Het wordt koud.")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] in ("Verdict: bijna (almost)", "Verdict: te moeilijk (too difficult)")
    assert "Sentences: 2" in lines
    assert "Words: 34" in lines
    assert "Longest sentence: 31 words" in lines
    assert any(line.startswith("Flesch-Douma: ") for line in lines)
    assert ("- [sentence 1] long_sentence: Split this sentence: it has 31 words. → "
            "Write sentences of at most 25 words, with one idea each.") in lines
    assert not any("[sentence 2]" in line for line in lines)


def test_plain_output_for_an_easy_file(runner):
    path = corpus_files("plain")[0]
    result = runner.invoke(args=["b1", "check", str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("Verdict: goed leesbaar (easy to read)\n")
    assert "Findings: 0" in result.output


def test_json_output_and_exit_code_zero_for_a_difficult_text(runner):
    text = corpus_files("dense")[0].read_text(encoding="utf-8")
    result = runner.invoke(args=["b1", "check", "-", "--json"], input=text)
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["verdict"] == "te moeilijk"
    assert data["figures"]["sentences"] >= 3
    assert any(f["code"] == "jargon" and f["excerpt"] == "middels" for f in data["findings"])
    assert "“" in result.output  # ensure_ascii=False keeps Dutch quotes and ë readable


def test_missing_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(args=["b1", "check", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
