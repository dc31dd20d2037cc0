"""One official sentence is no answer a resident can read: the answer editor asks for "toch plaatsen"."""

import pytest

from participatie.ideas.models import EventKind
from participatie.responses import services
from participatie.responses.services import NeedsPlainLanguage
from participatie.accounts.roles import Role
from tests.responses.helpers import claimed_idea, events, person

OFFICIAL = "Naar aanleiding van uw verzoek zal worden bezien in hoeverre medewerking kan worden verleend."
PLAIN = "Dank voor uw vraag. Verkeer kijkt of er een drempel kan komen. U hoort het voor 1 mei."


def test_one_official_sentence_needs_toch_plaatsen(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    with pytest.raises(NeedsPlainLanguage) as exc:
        services.post_answer(holder, idea, OFFICIAL)
    codes = {finding.code for finding in exc.value.report.findings}
    assert "dense_sentence" in codes and "jargon" in codes
    assert not events(idea, EventKind.ANSWER)


def test_a_plain_short_answer_is_posted_at_once(ctx):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    services.post_answer(holder, idea, PLAIN)
    assert [e.public_text for e in events(idea, EventKind.ANSWER)] == [PLAIN]
