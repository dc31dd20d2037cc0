"""The pages as people use them: the answer link without an account, the public timeline, roles."""

from datetime import timedelta

import pytest

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.departments import escalation
from participatie.departments.models import Department
from participatie.extensions import db
from tests.departments.helpers import admin, ask_of, case, departments, ladder, link_in, mails_to
from tests.responses.helpers import claimed_idea, fresh, page, person, sign_in


@pytest.fixture
def now_case(web):
    """Asked today (the app's clock), so the mail links are fresh."""
    return case(now=utcnow())


def _answer_path(address):
    return link_in(mails_to(address)[0], "/vraag/")


ANSWER = {"outcome": "can", "text": "Wij planten hier in het voorjaar een boom.",
          "internal_note": "GEHEIM-budget uit potje B", "picked_up_by": "Team Oost", "answered_by": "Els de Groot"}


def test_a_department_answers_without_an_account_and_the_timeline_shows_only_the_public_part(web, now_case):
    _amb, idea, _asks = now_case
    path = _answer_path("groen@gemeente.example.org")
    form = web.get(path)
    assert form.status_code == 200 and "Kan hier een drempel komen?" in page(form)
    done = web.post(path, data=ANSWER)
    assert done.status_code == 200 and "Bedankt voor je antwoord" in page(done)
    public = page(web.get(f"/ideas/{idea.id}"))
    assert "Groen heeft geantwoord: kan wel." in public and "in het voorjaar een boom" in public
    assert "Gevraagd aan Verkeer op" in public
    assert "GEHEIM" not in public
    sign_in(web, person(Role.RESIDENT))
    assert "GEHEIM" not in page(web.get(f"/ideas/{idea.id}"))


def test_a_used_link_says_so_and_a_changed_link_is_refused(web, now_case):
    path = _answer_path("groen@gemeente.example.org")
    web.post(path, data=ANSWER)
    again = web.get(path)
    assert again.status_code == 410 and "al een antwoord" in page(again)
    assert web.post(path, data=ANSWER).status_code == 410
    changed = web.get(path[:-4] + "AAAA")
    assert changed.status_code == 400 and "De link klopt niet" in page(changed)


def test_an_old_link_is_expired(web, now_case, monkeypatch):
    _amb, idea, _asks = now_case
    path = _answer_path("verkeer@gemeente.example.org")
    ask_of(idea, "Verkeer").expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = web.get(path)
    assert response.status_code == 410 and "te oud" in page(response)


def test_a_forwarded_link_works_for_whoever_opens_it_even_when_signed_in(web, now_case):
    _amb, idea, _asks = now_case
    sign_in(web, person(Role.RESIDENT))  # a colleague's browser, logged in as someone else
    path = _answer_path("verkeer@gemeente.example.org")
    assert web.post(path, data={**ANSWER, "outcome": "cannot", "answered_by": "Collega Piet"}).status_code == 200
    assert fresh(ask_of(idea, "Verkeer")).answered_by == "Collega Piet"


def test_missing_name_keeps_what_was_typed(web, now_case):
    path = _answer_path("groen@gemeente.example.org")
    response = web.post(path, data={**ANSWER, "answered_by": ""})
    assert response.status_code == 422
    text = page(response)
    assert "Vul je naam in." in text and "in het voorjaar een boom" in text


@pytest.mark.parametrize("role,status", [(Role.RESIDENT, 403), (Role.MAKELAAR, 403), (Role.AMBASSADOR, 403)])
def test_only_the_ideas_ambassador_or_an_admin_may_ask_and_escalate(web, role, status):
    owner = person(Role.AMBASSADOR)
    idea = claimed_idea(owner)
    verkeer, _groen = departments()
    sign_in(web, person(role))
    assert web.get(f"/ambassador/ideas/{idea.id}/asks").status_code == status
    assert web.post(f"/ambassador/ideas/{idea.id}/asks", data={"departments": [verkeer.id], "question": "?",
                                                               "working_days": 5}).status_code == status
    assert web.post(f"/ambassador/ideas/{idea.id}/escalate", data={"reason": "Te laat"}).status_code == status


def test_the_ambassador_asks_two_departments_at_once(web):
    owner = person(Role.AMBASSADOR)
    idea = claimed_idea(owner)
    verkeer, groen = departments()
    sign_in(web, owner)
    response = web.post(f"/ambassador/ideas/{idea.id}/asks",
                        data={"departments": [verkeer.id, groen.id], "question": "Kan dit?", "working_days": 5})
    assert response.status_code == 303
    assert len(mails_to("verkeer@gemeente.example.org")) == 1 and len(mails_to("groen@gemeente.example.org")) == 1


def test_escalating_by_hand_needs_a_reason(web):
    owner = person(Role.AMBASSADOR)
    idea = claimed_idea(owner)
    ladder()
    sign_in(web, owner)
    refused = web.post(f"/ambassador/ideas/{idea.id}/escalate", data={"reason": ""})
    assert refused.status_code == 422 and "Schrijf waarom je dit doorzet." in page(refused)
    assert escalation.level_of(idea.id) == 0
    assert web.post(f"/ambassador/ideas/{idea.id}/escalate", data={"reason": "De buren wachten al lang."}).status_code == 303
    assert escalation.level_of(idea.id) == 1


def test_admin_pages_list_departments_per_department_not_per_person(web, now_case):
    sign_in(web, admin())
    text = page(web.get("/admin/departments"))
    assert "Verkeer" in text and "Groen" in text and "Els" not in text
    assert web.post("/admin/departments", data={"name": "Vastgoed", "mailbox": "vastgoed@gemeente.example.org"}).status_code == 303
    assert db.session.query(Department).filter_by(name="Vastgoed").one()
    assert web.post("/admin/ladder", data={"number": 1, "name": "de teamleider", "working_days": 3}).status_code == 303


def test_case_page_and_print_show_the_internal_part_to_the_city_only(web, now_case):
    amb, idea, _asks = now_case
    web.post(_answer_path("groen@gemeente.example.org"), data=ANSWER)
    ladder()
    escalation.escalate_by_hand(amb, idea, "Verkeer reageert niet.")
    case_path = link_in(mails_to("tl-verkeer@gemeente.example.org")[0], "/doorgezet/")
    summary = page(web.get(case_path))
    assert "GEHEIM" in summary and "Verkeer" in summary
    sign_in(web, amb)
    assert "GEHEIM" in page(web.get(f"/ambassador/ideas/{idea.id}/case-print"))
    sign_in(web, None)
    done = web.post(case_path, data={"text": "We leggen de drempel in mei aan.", "answered_by": "Jan"})
    assert done.status_code == 200
    assert "We leggen de drempel in mei aan." in page(web.get(f"/ideas/{idea.id}"))
    assert web.get(case_path).status_code == 410
