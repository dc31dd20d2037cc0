"""Hostile text in a question, its choices, an answer's words and "Dit doen we ermee" stays text."""

import pytest

from participatie.buurtnetwerk import services
from participatie.geo.services import wijk_by_slug
from tests.buurtnetwerk.helpers import links_in, mails_to, makelaar, member

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
RAW = ("<script>alert(1)", "<img src=x onerror=alert")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_buurtnetwerk_page_escapes_what_people_wrote(web, payload):
    asker, user = makelaar(), member(mail=True)
    question = services.ask(asker, wijk_by_slug("west"), f"Vraag {payload}", [payload, "Nee"], confirm_difficult=True)
    services.answer(user, question, 0, words=f"Woorden {payload}", quote_ok=True)
    services.post_outcome(asker, question, f"Dit doen we {payload}")
    link = links_in(mails_to(user)[0].body, "antwoord")[0]
    for path in (f"/vragen/{question.id}", f"/vragen/{question.id}/print", "/wijken/west/vragen", link):
        body = web.get(path).get_data(as_text=True)
        assert not any(marker in body for marker in RAW), path
