"""The publishing rule for texts the city writes to residents (answers, questions to a wijk): a text the
checker calls "te moeilijk" is published only after an explicit "toch plaatsen". One room for that rule;
each domain writes its own audit line when someone overrides it."""

from participatie.plainlanguage.checker import check_text
from participatie.plainlanguage.report import TOO_DIFFICULT


class NeedsPlainLanguage(Exception):
    """The text reads as 'te moeilijk'; publishing it needs an explicit 'toch plaatsen'."""

    def __init__(self, report):
        super().__init__("text too difficult")
        self.report = report


def overrides_checker(text: str, confirmed: bool) -> bool:
    """True when a too-difficult text goes out because the writer confirmed it (worth an audit line);
    raises NeedsPlainLanguage when it is too difficult and not confirmed; False when it is plain enough."""
    report = check_text(text)
    if report.verdict != TOO_DIFFICULT:
        return False
    if not confirmed:
        raise NeedsPlainLanguage(report)
    return True
