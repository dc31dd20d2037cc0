"""Why something is reported or hidden: a short list tied to the house rules (/huisregels)."""

from flask_babel import lazy_gettext as _l

# What a reporter can choose, and what a moderator can give as the public reason.
REASONS = {
    "rude": _l("Rude or insulting"),
    "discrimination": _l("Discrimination"),
    "personal": _l("Personal details"),
    "spam": _l("Advertising or spam"),
    "off_topic": _l("Not about this idea"),
    "other": _l("Something else against the house rules"),
}
# Set by the site itself, never chosen.
REPORTED = "reported"  # enough different people reported it: hidden until a moderator looks
REVIEW = "review"  # written by a new account while pre-moderation is on
OBJECTION = "objection"  # the writer disagrees with a hidden item
SYSTEM = {
    REPORTED: _l("Reported by several neighbours. A moderator will look at it."),
    REVIEW: _l("Waiting for a check by a moderator."),
    OBJECTION: _l("The writer objects to hiding it"),
}


def label(code: str | None) -> str:
    """The public reason for a code; unknown codes read as 'against the house rules'."""
    if not code:
        return ""
    return str(REASONS.get(code) or SYSTEM.get(code) or REASONS["other"])
