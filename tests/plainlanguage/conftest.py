"""Shows the corpus confusion table at the end of a normal (captured) run."""

from __future__ import annotations

import pytest

CONFUSION = pytest.StashKey[str]()


@pytest.fixture
def record_confusion(request):
    """Store the formatted table so the terminal summary can show it."""

    def record(text: str) -> None:
        request.config.stash[CONFUSION] = text

    return record


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    text = config.stash.get(CONFUSION, None)
    if text:
        terminalreporter.write_sep("-", "plain-language corpus")
        terminalreporter.write_line(text)
