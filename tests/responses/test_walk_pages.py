"""Pages a resident and an ambassador meet on the walk (issue 12, items 6 and 8)."""

import re
from pathlib import Path

from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.responses import services
from participatie.responses.models import FollowUp
from tests.factories import make_idea
from tests.responses.helpers import claimed_idea, page, person, sign_in, tr
from tests.responses.test_views import finished

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
# The vendored NL Design System CSS paints these red on :invalid; a `required` attribute makes an
# empty one :invalid before anyone typed.
INVALID_BEFORE_TYPING = re.compile(r"<(textarea|input[^>]*type=\"(?:radio|checkbox)\")[^>]*\srequired[\s>]")


def assert_no_red_before_typing(html: str, label: str):
    assert not INVALID_BEFORE_TYPING.search(html), f"{label}: {INVALID_BEFORE_TYPING.search(html).group(0)}"
    assert 'aria-invalid="true"' not in html, label


def test_empty_required_fields_are_not_red_before_anyone_typed(web):
    holder, author = person(Role.AMBASSADOR), person()
    sign_in(web, author)
    new = page(web.get("/ideas/new"))
    assert_no_red_before_typing(new, "post form")
    assert re.search(r'<textarea[^>]*aria-required="true"[^>]*id="body"', new)  # still said to be required
    finished(holder, author)
    followup = db.session.scalar(select(FollowUp))
    assert_no_red_before_typing(page(web.get(f"/followups/{followup.id}")), "Is dit voor je opgelost?")
    sign_in(web, person(Role.AMBASSADOR))
    claim = page(web.get(f"/ambassador/ideas/{make_idea().id}"))
    assert 'name="message"' in claim
    assert_no_red_before_typing(claim, "the claim message")


def test_errors_still_mark_the_field_red(web):
    sign_in(web, person())
    response = web.post("/ideas/new", data={"kind": "droom", "title": "", "body": "", "wijk": ""})
    assert response.status_code == 422
    assert re.search(r'<textarea[^>]*aria-invalid="true"[^>]*id="body"', page(response))


def contact_box(web, idea) -> str:
    return page(web.get(f"/ideas/{idea.id}")).split('class="contact-box"', 1)[1].split("</section>", 1)[0]


def test_anonymous_visitors_read_the_contact_not_your_contact(web):
    holder, author = person(Role.AMBASSADOR, name="Fatima Amrani"), person()
    idea = claimed_idea(holder, author=author)
    for visitor in (None, person()):
        sign_in(web, visitor)
        box = contact_box(web, idea)
        assert "Fatima Amrani, Stadsbeheer, is sinds" in box and "de contactpersoon voor dit idee." in box
        assert "je contactpersoon" not in box
    sign_in(web, author)
    assert "je contactpersoon" in contact_box(web, idea)


def test_the_solved_question_is_asked_once_on_its_page(web):
    holder, author = person(Role.AMBASSADOR), person()
    finished(holder, author)
    followup = db.session.scalar(select(FollowUp))
    sign_in(web, author)
    text = page(web.get(f"/followups/{followup.id}"))
    main = text.split("<main", 1)[1]
    assert main.count(tr("Is this solved for you?")) == 1


def test_the_chosen_answer_looks_chosen(web):
    holder, author = person(Role.AMBASSADOR), person()
    idea = claimed_idea(holder, author=author)
    event = services.post_answer(holder, idea, "We zetten in mei een bank neer.")
    sign_in(web, author)
    fragment = page(web.post(f"/answers/{event.id}/feedback", data={"helpful": "yes"}, headers={"HX-Request": "true"}))
    yes, no = re.findall(r"<button[^>]*name=\"helpful\"[^>]*>.*?</button>", fragment, re.S)
    assert 'aria-pressed="true"' in yes and 'aria-pressed="false"' in no
    assert "feedback__choice--chosen" in yes and "feedback__choice--chosen" not in no
    css = SITE_CSS.read_text()
    assert re.search(r"\.feedback__choice--chosen[^{]*\{[^}]*background", css), "the chosen answer needs its own look"
