"""Buurtnetwerk pages as people use them: settings, asking, the mail's links, results."""

import html

import pytest
from sqlalchemy import select

from participatie.accounts.models import ConsentEvent, ConsentKind
from participatie.accounts.roles import Role
from participatie.buurtnetwerk import services
from participatie.buurtnetwerk.models import Answer, Question
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from tests.buurtnetwerk.helpers import CHOICES, QUESTION, asked, links_in, mails_to, makelaar, member
from tests.responses.helpers import person, sign_in


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_settings_offer_the_buurtnetwerk_and_record_the_choice(web):
    user = person()
    sign_in(web, user)
    page = text_of(web.get("/account/settings"))
    assert "De gemeente of de sociaal makelaar mag mij af en toe iets vragen over mijn wijk." in page
    west = wijk_by_slug("west")
    response = web.post("/account/buurtnetwerk", data={"consent": "y", "wijken": [str(west.id)]})
    assert response.status_code == 303
    page = text_of(web.get("/account/settings"))
    assert "Vragen over je wijk (buurtnetwerk): gegeven" in page  # the consent log, with its date
    assert services.wijk_ids_of(user) == {west.id}


def test_consent_without_a_wijk_shows_a_dutch_error_next_to_the_wijken(web):
    sign_in(web, person())
    response = web.post("/account/buurtnetwerk", data={"consent": "y"})
    assert response.status_code == 422
    assert 'id="buurtnetwerk-wijken-err">Kies minstens één wijk.' in text_of(response)


def test_leaving_from_the_mail_works_without_login_and_is_logged(web):
    user = member(mail=True)
    asked()
    [leave] = links_in(mails_to(user)[0].body, "uit")
    confirm = web.get(leave)
    assert confirm.status_code == 200 and "Ja, stop de vragen" in text_of(confirm)
    assert user.consent_buurtnetwerk_at is not None  # a GET (a link scanner) changes nothing
    done = web.post(leave)
    assert done.status_code == 200 and "Je zit niet meer in het buurtnetwerk" in text_of(done)
    db.session.refresh(user)
    assert user.consent_buurtnetwerk_at is None and services.wijk_ids_of(user) == set()
    log = db.session.scalars(select(ConsentEvent).where(ConsentEvent.user_id == user.id,
                                                        ConsentEvent.kind == ConsentKind.BUURTNETWERK)
                             .order_by(ConsentEvent.id)).all()
    assert [e.given for e in log] == [True, False]


def test_a_changed_leave_link_is_refused_in_dutch(web):
    response = web.get("/buurtnetwerk/uit/not-a-valid-token")
    assert response.status_code == 400 and "Deze link werkt niet" in text_of(response)


def test_the_answer_link_shows_the_choice_then_records_words_with_consent(web):
    user = member(mail=True)
    question = asked()
    links = links_in(mails_to(user)[0].body, "antwoord")
    page = web.get(links[1])
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert '<input checked class="utrecht-radio-button utrecht-radio-button--html-input" id="choice-1"' in body and "Je mag mijn woorden zonder naam laten zien." in text_of(page)
    assert db.session.scalar(select(Answer)) is None  # nothing recorded by opening the link
    done = web.post(links[1], data={"choice": "1", "words": "Een moestuin voor de school.", "quote_ok": "y"})
    assert done.status_code == 200
    web.post(links[2], data={"choice": "2", "words": "Toch liever bomen.", "quote_ok": "y"})  # changing is allowed
    answers = db.session.scalars(select(Answer)).all()
    assert len(answers) == 1 and answers[0].choice.position == 2
    results = text_of(web.get(f"/vragen/{question.id}"))
    assert "Toch liever bomen." in results and user.display_name not in results


@pytest.mark.parametrize("how", ["tampered", "expired"])
def test_a_tampered_or_expired_answer_link_gets_a_dutch_page(web, config, how):
    user = member(mail=True)
    asked()
    link = links_in(mails_to(user)[0].body, "antwoord")[0]
    if how == "tampered":
        link = link[:-3] + ("aaa" if not link.endswith("aaa") else "bbb")
    else:
        config("BUURTNETWERK_LINK_MAX_AGE", -1)
    for response in (web.get(link), web.post(link, data={"choice": "0"})):
        assert response.status_code == 400
        assert "Deze link werkt niet" in text_of(response)
    assert db.session.scalar(select(Answer)) is None


@pytest.mark.parametrize("role, wijken, status", [
    (None, (), "login"), (Role.RESIDENT, (), 403), (Role.MAKELAAR, ("oost",), 403),
    (Role.MAKELAAR, ("west",), 200), (Role.AMBASSADOR, (), 200), (Role.ADMIN, (), 200)])
def test_who_may_open_and_send_the_question_form(web, role, wijken, status):
    user = person(role, wijken=wijken) if role else None
    sign_in(web, user)
    response = web.get("/wijken/west/vragen/nieuw")
    if status == "login":
        assert response.status_code == 302 and "/account/login" in response.headers["Location"]
        return
    assert response.status_code == status
    sent = web.post("/wijken/west/vragen/nieuw", data={"text": QUESTION, "choice_1": "Ja", "choice_2": "Nee"})
    assert sent.status_code == (303 if status == 200 else 403)
    assert len(db.session.scalars(select(Question)).all()) == (0 if status == 403 else 1)


def test_a_second_question_in_a_week_gets_a_dutch_error_and_keeps_the_text(web):
    asker = makelaar()
    asked(asker=asker)
    sign_in(web, asker)
    response = web.post("/wijken/west/vragen/nieuw",
                        data={"text": "Zullen we samen de straat schoonmaken?", "choice_1": "Ja", "choice_2": "Nee"})
    assert response.status_code == 422
    page = text_of(response)
    assert 'id="text-err">Deze wijk kreeg minder dan een week geleden een vraag.' in page
    assert "Zullen we samen de straat schoonmaken?" in page


def test_a_hard_question_shows_the_b1_feedback_and_the_toch_plaatsen_box(web):
    sign_in(web, makelaar())
    hard = ("Naar aanleiding van de door de gemeenteraad vastgestelde beleidskaders inzake de herinrichting "
            "van de openbare ruimte zal worden bezien welke maatregelen geïmplementeerd dienen te worden.")
    response = web.post("/wijken/west/vragen/nieuw", data={"text": hard, "choice_1": "Ja", "choice_2": "Nee"})
    assert response.status_code == 422
    assert "Toch versturen, ook al is de tekst moeilijk" in text_of(response)
    sent = web.post("/wijken/west/vragen/nieuw",
                    data={"text": hard, "choice_1": "Ja", "choice_2": "Nee", "confirm_difficult": "y"})
    assert sent.status_code == 303


def test_the_results_page_counts_and_prints(web):
    question = asked()
    for position in (0, 2, 2):
        services.answer(member(), question, position)
    page = text_of(web.get(f"/vragen/{question.id}"))
    assert "3 antwoorden" in page and "67%" in page and "33%" in page
    assert f"/vragen/{question.id}/print" in page
    printed = web.get(f"/vragen/{question.id}/print")
    assert printed.status_code == 200 and QUESTION in text_of(printed)
    pdf = web.get(f"/vragen/{question.id}/print.pdf")
    assert pdf.status_code == 200 and pdf.mimetype in ("application/pdf", "text/html")
    listing = text_of(web.get("/wijken/west/vragen"))
    assert QUESTION in listing
    assert "/wijken/west/vragen" in text_of(web.get("/wijken/west"))


def test_a_member_answers_on_the_site_and_the_asker_posts_dit_doen_we_ermee(web):
    asker, user = makelaar(), member()
    question = asked(asker=asker)
    sign_in(web, user)
    assert web.post(f"/vragen/{question.id}/antwoord", data={"choice": "1"}).status_code == 303
    assert web.post(f"/vragen/{question.id}/dit-doen-we", data={"text": "Wij doen dit."}).status_code == 403
    sign_in(web, asker)
    assert web.post(f"/vragen/{question.id}/dit-doen-we", data={"text": "We maken een moestuin."}).status_code == 303
    assert "We maken een moestuin." in text_of(web.get(f"/vragen/{question.id}"))
    assert CHOICES[1] in text_of(web.get(f"/vragen/{question.id}"))


def test_the_question_form_says_how_many_people_it_reaches(web):
    member(), member(), member("oost")
    sign_in(web, makelaar())
    assert "2 mensen in het buurtnetwerk van deze wijk krijgen je vraag." in text_of(web.get("/wijken/west/vragen/nieuw"))
