"""Buurtnetwerk services: consent, who hears what, one question a week, one answer each, counts."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from participatie.accounts.models import ConsentEvent, ConsentKind
from participatie.accounts.roles import Role
from participatie.accounts import services as accounts
from participatie.buurtnetwerk import services
from participatie.buurtnetwerk.models import Membership
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.notifications.models import Notification
from participatie.web.errors import DomainValidationError, NotAllowed
from tests.buurtnetwerk.helpers import CHOICES, QUESTION, asked, links_in, mails_to, makelaar, member
from tests.responses.helpers import person


def test_joining_records_the_consent_with_its_moment_and_the_wijken(ctx):
    user = person()
    services.join(user, [wijk_by_slug("west").id, wijk_by_slug("oost").id], given=True)
    log = db.session.scalars(select(ConsentEvent).where(ConsentEvent.user_id == user.id)).all()
    assert [(e.kind, e.given) for e in log] == [(ConsentKind.BUURTNETWERK, True)]
    assert user.consent_buurtnetwerk_at is not None
    assert services.wijk_ids_of(user) == {wijk_by_slug("west").id, wijk_by_slug("oost").id}


def test_consent_without_a_wijk_is_refused_next_to_the_wijken(ctx):
    with pytest.raises(DomainValidationError) as caught:
        services.join(person(), [], given=True)
    assert caught.value.field == "wijken"


def test_a_member_hears_in_the_app_but_gets_no_mail_without_mail_consent(ctx):
    quiet, mailed = member(), member(mail=True)
    outsider = person()  # not in the buurtnetwerk
    asked()
    kinds = db.session.scalars(select(Notification.user_id).where(Notification.kind == "buurtnetwerk_question")).all()
    assert sorted(kinds) == sorted([quiet.id, mailed.id])
    assert mails_to(quiet) == [] and mails_to(outsider) == []
    [mail] = mails_to(mailed)
    assert QUESTION in mail.body
    assert len(links_in(mail.body, "antwoord")) == len(CHOICES)
    assert mail.headers["List-Unsubscribe"].startswith("<http://localhost/buurtnetwerk/uit/")


def test_a_member_who_withdrew_hears_nothing(ctx):
    gone = member(mail=True)
    services.leave(gone.id)
    asked()
    assert mails_to(gone) == []
    assert db.session.scalar(select(Notification).where(Notification.user_id == gone.id)) is None
    assert db.session.scalar(select(Membership).where(Membership.user_id == gone.id)) is None


def test_one_question_per_wijk_per_week(ctx):
    asker = makelaar()
    first = asked(asker=asker, now=utcnow() - timedelta(days=6))
    with pytest.raises(DomainValidationError) as caught:
        asked(asker=asker)
    assert caught.value.field == "text" and "week" in caught.value.message
    assert asked("oost", asker=person(Role.AMBASSADOR)).id != first.id  # another wijk may
    assert asked(asker=asker, now=first.created_at + timedelta(days=7)).id  # a week later again


@pytest.mark.parametrize("role, wijken, allowed", [
    (Role.MAKELAAR, ("west",), True), (Role.MAKELAAR, ("oost",), False), (Role.AMBASSADOR, (), True),
    (Role.ADMIN, (), True), (Role.RESIDENT, (), False)])
def test_who_may_ask_a_wijk(ctx, role, wijken, allowed):
    actor = person(role, wijken=wijken)
    if allowed:
        assert asked(asker=actor).wijk.slug == "west"
    else:
        with pytest.raises(NotAllowed):
            asked(asker=actor)


def test_a_hard_question_needs_toch_plaatsen(ctx):
    hard = ("Naar aanleiding van de door de gemeenteraad vastgestelde beleidskaders inzake de herinrichting "
            "van de openbare ruimte zal worden bezien welke maatregelen geïmplementeerd dienen te worden.")
    with pytest.raises(services.NeedsPlainLanguage):
        services.ask(makelaar(), wijk_by_slug("west"), hard, CHOICES)
    assert services.ask(person(Role.AMBASSADOR), wijk_by_slug("west"), hard, CHOICES, confirm_difficult=True)


def test_one_answer_per_person_and_changing_it_counts_once(ctx):
    one, two = member(), member()
    question = asked()
    services.answer(one, question, 0)
    services.answer(one, question, 2, words="Graag bomen.", quote_ok=True)
    services.answer(two, question, 2, words="Niet laten zien.", quote_ok=False)
    results = services.results(question)
    assert [(c.label, n) for c, n, _share in results["rows"]] == [(CHOICES[0], 0), (CHOICES[1], 0), (CHOICES[2], 2)]
    assert results["total"] == 2
    assert results["quotes"] == ["Graag bomen."]  # only with consent, never a name


def test_only_members_answer(ctx):
    question = asked()
    with pytest.raises(NotAllowed):
        services.answer(person(), question, 0)


def test_dit_doen_we_ermee_tells_everyone_who_answered(ctx):
    asker = makelaar()
    answered_mail, answered_quiet, silent = member(mail=True), member(), member(mail=True)
    question = asked(asker=asker)
    services.answer(answered_mail, question, 1)
    services.answer(answered_quiet, question, 0)
    with pytest.raises(NotAllowed):
        services.post_outcome(makelaar("oost"), question, "Wij doen iets.")
    services.post_outcome(asker, question, "We maken een moestuin.")
    told = db.session.scalars(select(Notification.user_id).where(Notification.kind == "buurtnetwerk_outcome")).all()
    assert sorted(told) == sorted([answered_mail.id, answered_quiet.id])
    assert "We maken een moestuin." in mails_to(answered_mail)[-1].body
    assert mails_to(answered_quiet) == [] and len(mails_to(silent)) == 1  # silent: only the question


def test_deleting_the_account_ends_membership_and_removes_the_words(ctx):
    user = member()
    question = asked()
    services.answer(user, question, 1, words="Mijn woorden.", quote_ok=True)
    accounts.delete_account(user, user)
    assert services.results(question)["total"] == 1 and services.results(question)["quotes"] == []
    assert db.session.scalar(select(Membership).where(Membership.user_id == user.id)) is None


def test_your_data_shows_the_buurtnetwerk_and_your_answers(ctx):
    from participatie.privacy.services import export_for

    user = member()
    services.answer(user, asked(), 1, words="Graag.", quote_ok=True)
    data = export_for(user)
    assert [m["wijk"] for m in data["buurtnetwerk"]] == ["West"]
    assert data["buurtnetwerk_answers"] == [{"question": QUESTION, "answer": CHOICES[1], "text": "Graag.",
                                             "show_words": True, "at": data["buurtnetwerk_answers"][0]["at"]}]
