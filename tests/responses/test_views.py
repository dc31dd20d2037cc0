"""The work pages, the public idea page and the residents' answers back, as people click them."""

import re
from datetime import date, datetime, timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from participatie.accounts.models import AuditLog
from participatie.accounts.roles import Role
from participatie.clock import add_working_days, utcnow
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas import services as ideas
from participatie.ideas.models import EventKind, Idea
from participatie.ideas.status import IdeaStatus
from participatie.plainlanguage import check_text
from participatie.responses import services
from participatie.responses.deadlines import deadline_of
from participatie.responses.feedback import feedback_mail_body
from participatie.responses.followups import followup_mail_body
from participatie.responses.models import AnswerFeedback, FollowUp, FollowUpKind
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from tests.conftest import login
from tests.factories import make_idea, make_user
from tests.responses.helpers import (
    claimed_idea,
    count,
    events,
    fresh,
    nl_date,
    notified,
    page,
    person,
    set_wijk,
    sign_in,
    tr,
    trn,
)
from tests.responses.test_services import HARD, HELLO

S = IdeaStatus
HTMX = {"HX-Request": "true"}


def contact_line(idea) -> str:
    """The contact box as anyone but the initiator reads it (the initiator reads "je contactpersoon")."""
    idea = fresh(idea)
    return tr("%(name)s, %(department)s, is the contact for this idea since %(date)s.",
              name=idea.ambassador.display_name, department=idea.ambassador.department,
              date=nl_date(idea.claimed_at))


# --- claim ---------------------------------------------------------------------------------------

def test_an_ambassador_claims_from_the_work_page(web):
    ambassador = make_user(Role.AMBASSADOR, name="Sanne de Vries", department="Stadsbeheer Groen")
    idea = make_idea(title="Bankjes bij de speeltuin")
    login(web, ambassador)
    work = web.get(f"/ambassador/ideas/{idea.id}")
    assert work.status_code == 200 and 'action="/ambassador/ideas/%d/claim"' % idea.id in work.get_data(as_text=True)
    response = web.post(f"/ambassador/ideas/{idea.id}/claim", data={"message": HELLO})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}#tijdlijn")
    assert fresh(idea).status == S.IN_PROGRESS
    public = page(web.get(f"/ideas/{idea.id}"))
    assert contact_line(idea) in public
    assert "Sanne de Vries" in public and "Stadsbeheer Groen" in public and HELLO in public


def test_a_claim_without_a_message_is_refused_on_the_page(web):
    idea = make_idea()
    sign_in(web, person(Role.AMBASSADOR))
    response = web.post(f"/ambassador/ideas/{idea.id}/claim", data={"message": "  "})
    assert response.status_code == 422
    assert tr("Write a public message.") in page(response)
    assert fresh(idea).ambassador_id is None


def test_over_the_caseload_the_page_warns_and_a_tick_claims_anyway(web, config):
    config("AMBASSADOR_CASELOAD_LIMIT", 1)
    ambassador = person(Role.AMBASSADOR)
    claimed_idea(ambassador)
    idea = make_idea()
    sign_in(web, ambassador)
    work = page(web.get(f"/ambassador/ideas/{idea.id}"))
    assert tr("You already have %(count)d open ideas (the limit is %(limit)d).", count=1, limit=1) in work
    response = web.post(f"/ambassador/ideas/{idea.id}/claim", data={"message": HELLO})
    assert response.status_code == 422
    assert tr("You already have %(count)d open ideas (the limit is %(limit)d). Tick the box to claim this one "
              "anyway.", count=1, limit=1) in page(response)
    assert 'name="accept_over_limit"' in response.get_data(as_text=True)
    assert fresh(idea).ambassador_id is None
    response = web.post(f"/ambassador/ideas/{idea.id}/claim", data={"message": HELLO, "accept_over_limit": "y"})
    assert response.status_code == 303 and fresh(idea).ambassador_id == ambassador.id


# --- hand over, release, voorgesprek ----------------------------------------------------------------

def test_hand_over_shows_the_new_contact_and_keeps_the_reason_inside(web):
    old = person(Role.AMBASSADOR, name="Sanne")
    new = person(Role.AMBASSADOR, name="Karim Bouali", department="Verkeer en Vervoer")
    idea = claimed_idea(old)
    sign_in(web, old)
    reason = "Sanne gaat met zwangerschapsverlof tot september."
    response = web.post(f"/ambassador/ideas/{idea.id}/handover", data={"to": new.id, "reason": reason})
    assert response.status_code == 303
    public = page(web.get(f"/ideas/{idea.id}"))
    assert contact_line(idea) in public and "Karim Bouali" in public
    assert tr("%(name)s (%(department)s) is now the contact for this idea.", name="Karim Bouali",
              department="Verkeer en Vervoer") in public
    assert reason not in public
    assert web.get(f"/ambassador/ideas/{idea.id}").status_code == 403  # the old ambassador is done
    sign_in(web, new)
    assert web.get(f"/ambassador/ideas/{idea.id}").status_code == 200


def test_hand_over_needs_a_reason(web):
    old, new = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    idea = claimed_idea(old)
    sign_in(web, old)
    response = web.post(f"/ambassador/ideas/{idea.id}/handover", data={"to": new.id, "reason": ""})
    assert response.status_code == 422
    assert tr("Write why you hand this idea over.") in page(response)
    assert fresh(idea).ambassador_id == old.id and fresh(idea).handover_count == 0


def test_release_is_public_and_the_idea_waits_again(web):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    sign_in(web, holder)
    message = "Ik ga naar een ander team. Een collega neemt het snel over."
    assert web.post(f"/ambassador/ideas/{idea.id}/release", data={"message": message}).status_code == 303
    public = page(web.get(f"/ideas/{idea.id}"))
    assert message in public
    assert tr("An ambassador of the city will pick this idea up. You will see their name here.") in public
    assert fresh(idea).ambassador_id is None


def test_a_voorgesprek_shows_its_public_line_and_not_the_internal_note(web):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    sign_in(web, holder)
    response = web.post(f"/ambassador/ideas/{idea.id}/voorgesprek", data={
        "department": "Vergunningen", "held_on": "2026-03-04",
        "internal_note": "Wethouder is er geen voorstander van.", "public_line": "Een vergunning is nodig."})
    assert response.status_code == 303
    public = page(web.get(f"/ideas/{idea.id}"))
    assert tr("We asked %(department)s about this idea.", department="Vergunningen") in public
    assert "Een vergunning is nodig." in public
    assert "Wethouder" not in public
    work = page(web.get(f"/ambassador/ideas/{idea.id}"))
    assert "Wethouder is er geen voorstander van." in work  # the ambassador still sees it


def test_a_voorgesprek_needs_a_date(web):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    sign_in(web, holder)
    response = web.post(f"/ambassador/ideas/{idea.id}/voorgesprek", data={"department": "Vergunningen"})
    assert response.status_code == 422 and tr("Fill in a date.") in page(response)
    assert not events(idea, EventKind.VOORGESPREK)


# --- answers ------------------------------------------------------------------------------------------

def test_a_hard_answer_shows_the_findings_and_a_post_anyway_box(web):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    sign_in(web, holder)
    response = web.post(f"/ambassador/ideas/{idea.id}/answer", data={"text": HARD})
    assert response.status_code == 422
    html = page(response)
    assert tr("This text is hard to read for many residents (level B1).") in html
    with web.application.test_request_context(), force_locale("nl"):
        first = check_text(HARD).findings[0].message
    assert first in html
    assert 'name="confirm_difficult"' in html and tr("Post anyway, even though the text is hard to read") in html
    assert HARD in html  # the text is kept for editing
    assert not events(idea, EventKind.ANSWER)
    response = web.post(f"/ambassador/ideas/{idea.id}/answer", data={"text": HARD, "confirm_difficult": "y"})
    assert response.status_code == 303
    assert [e.public_text for e in events(idea, EventKind.ANSWER)] == [HARD]
    assert count(AuditLog, AuditLog.action == "b1_override", AuditLog.actor_id == holder.id) == 1


def test_a_plain_answer_is_posted_and_shown(web):
    holder, author = person(Role.AMBASSADOR), person()
    idea = claimed_idea(holder, author=author)
    sign_in(web, holder)
    answer = "We zetten in mei een bank neer. U hoort van ons."
    assert web.post(f"/ambassador/ideas/{idea.id}/answer", data={"text": answer}).status_code == 303
    assert answer in page(web.get(f"/ideas/{idea.id}"))
    assert len(notified(author, EventKind.ANSWER)) == 1


def test_progress_and_status_from_the_work_page(web):
    holder = person(Role.AMBASSADOR)
    idea = claimed_idea(holder)
    sign_in(web, holder)
    idea.update_due_at = datetime(2026, 1, 5, 9)  # long overdue
    db.session.commit()
    before = utcnow()
    assert web.post(f"/ambassador/ideas/{idea.id}/progress",
                    data={"text": "Nog geen nieuws, wel bezig"}).status_code == 303
    interval = web.application.config["UPDATE_INTERVAL_WORKING_DAYS"]
    assert fresh(idea).update_due_at >= add_working_days(before, interval)
    assert "Nog geen nieuws, wel bezig" in page(web.get(f"/ideas/{idea.id}"))
    refused = web.post(f"/ambassador/ideas/{idea.id}/status", data={"status": "done", "message": "Klaar."})
    assert refused.status_code == 422 and fresh(idea).status == S.IN_PROGRESS
    no_talk = web.post(f"/ambassador/ideas/{idea.id}/status", data={
        "status": "decided", "message": "Helaas.", "outcome": "not_possible", "reason": "Te smal.",
        "alternative": "Op het plein."})
    assert no_talk.status_code == 422
    assert tr("First record a talk with the department concerned (voorgesprek).") in page(no_talk)
    decided = web.post(f"/ambassador/ideas/{idea.id}/status", data={
        "status": "decided", "message": "Goed nieuws.", "outcome": "together", "next_step": "Samen planten",
        "next_date": "2026-06-01"})
    assert decided.status_code == 303
    public = page(web.get(f"/ideas/{idea.id}"))
    assert tr("Decision: %(outcome)s.", outcome=tr("We do it together")) in public
    assert fresh(idea).status == S.DECIDED and fresh(idea).outcome == "together"


# --- feedback on answers -------------------------------------------------------------------------------

def answered(holder=None, *fans):
    holder = holder or person(Role.AMBASSADOR)
    author = person()
    idea = claimed_idea(holder, author=author)
    for fan in fans:
        set_support(fan, idea, SupportKind.STEUN, True)
    event = services.post_answer(holder, idea, "We zetten in mei een bank neer.")
    return idea, event, author


def test_a_follower_says_yes_with_htmx_and_gets_the_partial(web):
    idea, event, author = answered()
    sign_in(web, author)
    response = web.post(f"/answers/{event.id}/feedback", data={"helpful": "yes"}, headers=HTMX)
    assert response.status_code == 200
    html = page(response)
    assert html.lstrip().startswith(f'<div class="feedback" id="feedback-{event.id}"')
    assert "<html" not in html
    assert trn("%(num)d person found this an answer", "%(num)d people found this an answer", 1) in html
    assert trn("%(num)d did not", "%(num)d did not", 0) in html
    assert tr("Your answer: %(answer)s. You can change it.", answer=tr("yes")) in html
    assert count(AnswerFeedback, AnswerFeedback.event_id == event.id) == 1


def test_without_javascript_feedback_redirects_to_the_answer(web):
    idea, event, author = answered()
    sign_in(web, author)
    response = web.post(f"/answers/{event.id}/feedback", data={"helpful": "no"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}#antwoord-{event.id}")
    row = db.session.scalar(select(AnswerFeedback).where(AnswerFeedback.event_id == event.id))
    assert row.user_id == author.id and row.helpful is False


def test_one_answer_per_person_and_it_can_change(web):
    fan = person()
    idea, event, author = answered(None, fan)
    sign_in(web, fan)
    web.post(f"/answers/{event.id}/feedback", data={"helpful": "yes"}, headers=HTMX)
    web.post(f"/answers/{event.id}/feedback", data={"helpful": "yes"}, headers=HTMX)
    html = page(web.post(f"/answers/{event.id}/feedback", data={"helpful": "no"}, headers=HTMX))
    assert count(AnswerFeedback, AnswerFeedback.event_id == event.id) == 1
    assert trn("%(num)d person found this an answer", "%(num)d people found this an answer", 0) in html
    assert trn("%(num)d did not", "%(num)d did not", 1) in html
    sign_in(web, author)
    web.post(f"/answers/{event.id}/feedback", data={"helpful": "no"})
    assert count(AnswerFeedback, AnswerFeedback.event_id == event.id) == 2
    public = page(web.get(f"/ideas/{idea.id}"))
    assert trn("%(num)d person found this an answer", "%(num)d people found this an answer", 0) in public
    assert trn("%(num)d did not", "%(num)d did not", 2) in public


def test_strangers_and_the_ambassador_cannot_rate_the_answer(web):
    holder = person(Role.AMBASSADOR)
    idea, event, author = answered(holder)
    ideas.follow(holder, idea)
    for who in (person(), holder):
        sign_in(web, who)
        assert web.post(f"/answers/{event.id}/feedback", data={"helpful": "yes"}, headers=HTMX).status_code == 403
        assert web.post(f"/answers/{event.id}/feedback", data={"helpful": "yes"}).status_code == 403
    assert count(AnswerFeedback) == 0
    sign_in(web, None)
    assert web.post(f"/answers/{event.id}/feedback", data={"helpful": "yes"}).status_code in (302, 303)
    assert count(AnswerFeedback) == 0


def test_the_idea_page_offers_feedback_only_to_followers(web):
    holder = person(Role.AMBASSADOR)
    idea, event, author = answered(holder)
    form = f'action="/answers/{event.id}/feedback"'
    sign_in(web, author)
    assert form in web.get(f"/ideas/{idea.id}").get_data(as_text=True)
    sign_in(web, holder)
    assert form not in web.get(f"/ideas/{idea.id}").get_data(as_text=True)
    sign_in(web, None)
    anonymous = page(web.get(f"/ideas/{idea.id}"))
    assert form not in anonymous
    assert trn("%(num)d person found this an answer", "%(num)d people found this an answer", 0) in anonymous


def test_feedback_is_only_for_answers(web):
    holder, author = person(Role.AMBASSADOR), person()
    idea = claimed_idea(holder, author=author)
    [claim] = events(idea, EventKind.CLAIM)
    sign_in(web, author)
    response = web.post(f"/answers/{claim.id}/feedback", data={"helpful": "yes"})
    assert response.status_code in (400, 403, 404, 422)
    assert count(AnswerFeedback) == 0


# --- signed one-click links ------------------------------------------------------------------------------

def feedback_links(user, event):
    """The signed links are in the e-mail only (the in-app message has a button)."""
    body = feedback_mail_body(user, event)
    links = re.findall(r"https?://[^/\s]+(/feedback/[^\s]+)", body)
    assert len(links) == 2, body
    return links  # yes, no


def test_the_feedback_link_in_the_mail_works_without_login(web):
    idea, event, author = answered()
    yes, no = feedback_links(author, event)
    response = web.get(yes)
    assert response.status_code == 200
    assert tr("Thank you for your answer") in page(response)
    [row] = db.session.scalars(select(AnswerFeedback)).all()
    assert (row.user_id, row.event_id, row.helpful) == (author.id, event.id, True)
    assert web.get(yes).status_code == 200  # clicked again
    assert count(AnswerFeedback) == 1
    web.get(no)  # changed their mind
    assert count(AnswerFeedback) == 1 and fresh(row).helpful is False


def test_a_line_added_after_the_click_is_saved(web):
    idea, event, author = answered()
    yes, _ = feedback_links(author, event)
    web.get(yes)
    response = web.post(yes, data={"helpful": "yes", "text": "Duidelijk, dank u."})
    assert response.status_code == 200
    [row] = db.session.scalars(select(AnswerFeedback)).all()
    assert row.text == "Duidelijk, dank u." and row.helpful is True


def tamper(path: str) -> str:
    head, token = path.rsplit("/", 1)
    return f"{head}/{token[:-3]}{'aaa' if not token.endswith('aaa') else 'bbb'}"


def test_a_tampered_or_expired_feedback_link_is_refused(web, config):
    idea, event, author = answered()
    yes, _ = feedback_links(author, event)
    assert web.get(tamper(yes)).status_code == 400
    assert web.get("/feedback/not-a-token").status_code == 400
    config("FEEDBACK_LINK_MAX_AGE", -1)
    assert web.get(yes).status_code == 400
    assert count(AnswerFeedback) == 0


def finished(holder, author) -> Idea:
    """Claimed, decided and done: the initiator has been asked "Is dit voor je opgelost?"."""
    idea = claimed_idea(holder, author=author)
    services.change_status(holder, idea, "decided", "Besloten.", outcome="city_does_it", next_step="Bank",
                           next_date=date(2026, 6, 1))
    services.change_status(holder, fresh(idea), "done", "De bank staat er.")
    return fresh(idea)


def followup_links(author):
    """The signed links are in the e-mail only (the in-app message has a button)."""
    followup = db.session.scalar(select(FollowUp).where(FollowUp.user_id == author.id,
                                                        FollowUp.kind == FollowUpKind.SOLVED))
    body = followup_mail_body(author, followup, followup.idea)
    links = re.findall(r"https?://[^/\s]+(/followup/[^\s]+)", body)
    assert len(links) == 2, body
    return links


def test_the_followup_link_yes_closes_the_idea_without_login(web):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finished(holder, author)
    yes, no = followup_links(author)
    response = web.get(yes)
    assert response.status_code == 200 and tr("Thank you for your answer") in page(response)
    assert fresh(idea).status == S.CLOSED and fresh(idea).closed_at is not None
    web.get(no)  # a second click does not reopen it
    assert fresh(idea).status == S.CLOSED
    assert len(events(idea, EventKind.FOLLOWUP_ANSWER)) == 1


def test_a_tampered_or_expired_followup_link_is_refused(web, config):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finished(holder, author)
    yes, _ = followup_links(author)
    assert web.get(tamper(yes)).status_code == 400
    config("FEEDBACK_LINK_MAX_AGE", -1)
    assert web.get(yes).status_code == 400
    assert fresh(idea).status == S.DONE


def test_no_by_mail_and_then_a_few_words_reach_the_timeline(web):
    """The mail says 'one click, then add a few words': those words belong with the 'no'."""
    holder, author = person(Role.AMBASSADOR), person()
    idea = finished(holder, author)
    _, no = followup_links(author)
    assert web.get(no).status_code == 200
    assert fresh(idea).status == S.IN_PROGRESS
    words = "De bank staat er, maar zonder leuning. Oudere buren kunnen er niet op."
    assert web.post(no, data={"answer": "no", "text": words}).status_code == 200
    assert words in page(web.get(f"/ideas/{idea.id}"))


def test_the_followup_page_for_the_logged_in_initiator(web):
    holder, author = person(Role.AMBASSADOR), person()
    idea = finished(holder, author)
    followup = db.session.scalar(select(FollowUp).where(FollowUp.kind == FollowUpKind.SOLVED))
    sign_in(web, person())
    assert web.get(f"/followups/{followup.id}").status_code == 404  # someone else's question
    sign_in(web, author)
    assert tr("Is this solved for you?") in page(web.get(f"/followups/{followup.id}"))
    assert web.post(f"/followups/{followup.id}", data={}).status_code == 422
    response = web.post(f"/followups/{followup.id}", data={"answer": "no", "text": "Nog niet."})
    assert response.status_code == 303 and fresh(idea).status == S.IN_PROGRESS
    assert "Nog niet." in page(web.get(f"/ideas/{idea.id}"))


# --- role x action matrix ---------------------------------------------------------------------------------

ACTORS = ["anonymous", "resident", "makelaar", "makelaar_other", "claimant", "ambassador", "admin"]


class World:
    def __init__(self):
        self.users = {
            "anonymous": None, "resident": person(), "makelaar": person(Role.MAKELAAR, wijken=["west"]),
            "makelaar_other": person(Role.MAKELAAR, wijken=["zuid"]), "claimant": person(Role.AMBASSADOR),
            "ambassador": person(Role.AMBASSADOR), "admin": person(Role.ADMIN),
        }
        self.held = claimed_idea(self.users["claimant"])
        self.free = make_idea(title="Nog niemand heeft dit")
        self.wijk = wijk_by_slug("west")


def _h(w): return w.held.id
def _f(w): return w.free.id


ENDPOINTS = {
    # name: (method, url, data, idea state checked)
    "queue": ("GET", lambda w: "/ambassador", lambda w: {}),
    "work held": ("GET", lambda w: f"/ambassador/ideas/{_h(w)}", lambda w: {}),
    "work free": ("GET", lambda w: f"/ambassador/ideas/{_f(w)}", lambda w: {}),
    "claim free": ("POST", lambda w: f"/ambassador/ideas/{_f(w)}/claim", lambda w: {"message": HELLO}),
    "claim held": ("POST", lambda w: f"/ambassador/ideas/{_h(w)}/claim", lambda w: {"message": HELLO}),
    "answer": ("POST", lambda w: f"/ambassador/ideas/{_h(w)}/answer", lambda w: {"text": "We doen het in mei."}),
    "progress": ("POST", lambda w: f"/ambassador/ideas/{_h(w)}/progress", lambda w: {"text": "Nog geen nieuws."}),
    "voorgesprek": ("POST", lambda w: f"/ambassador/ideas/{_h(w)}/voorgesprek",
                    lambda w: {"department": "Verkeer", "held_on": "2026-03-04"}),
    "status": ("POST", lambda w: f"/ambassador/ideas/{_h(w)}/status",
               lambda w: {"status": "conversation_planned", "message": "We praten erover op 12 mei."}),
    "handover": ("POST", lambda w: f"/ambassador/ideas/{_h(w)}/handover",
                 lambda w: {"to": w.users["ambassador"].id, "reason": "Collega kent de buurt."}),
    "release": ("POST", lambda w: f"/ambassador/ideas/{_h(w)}/release", lambda w: {"message": "Ik stop ermee."}),
    "endorse": ("POST", lambda w: f"/ideas/{_f(w)}/endorse", lambda w: {"message": "Belangrijk voor de buurt."}),
    "wijken": ("GET", lambda w: "/admin/wijken", lambda w: {}),
    "wijken save": ("POST", lambda w: "/admin/wijken",
                    lambda w: {"wijk_id": w.wijk.id, "support_threshold": 7, "response_term_days": 12}),
}

#                 anonymous resident makelaar makelaar_other claimant ambassador admin
EXPECTED = {
    "queue":       (302, 403, 403, 403, 200, 200, 200),
    "work held":   (302, 403, 403, 403, 200, 403, 200),
    "work free":   (302, 403, 403, 403, 200, 200, 403),
    "claim free":  (302, 403, 403, 403, 303, 303, 403),
    "claim held":  (302, 403, 403, 403, 403, 403, 403),
    "answer":      (302, 403, 403, 403, 303, 403, 303),
    "progress":    (302, 403, 403, 403, 303, 403, 303),
    "voorgesprek": (302, 403, 403, 403, 303, 403, 303),
    "status":      (302, 403, 403, 403, 303, 403, 303),
    "handover":    (302, 403, 403, 403, 303, 403, 303),
    "release":     (302, 403, 403, 403, 303, 403, 303),
    "endorse":     (302, 403, 303, 403, 403, 403, 303),
    "wijken":      (302, 403, 403, 403, 403, 403, 200),
    "wijken save": (302, 403, 403, 403, 403, 403, 303),
}
MATRIX = [(name, actor, codes[i]) for name, codes in EXPECTED.items() for i, actor in enumerate(ACTORS)]


@pytest.mark.parametrize(("endpoint", "actor", "expected"), MATRIX, ids=[f"{e}-{a}" for e, a, _ in MATRIX])
def test_role_matrix(web, endpoint, actor, expected):
    world = World()
    method, url, data = ENDPOINTS[endpoint]
    sign_in(web, world.users[actor])
    events_before = {idea.id: len(events(idea)) for idea in (world.held, world.free)}
    response = web.open(url(world), method=method, data=data(world))
    assert response.status_code == expected
    if expected == 302:
        assert "/account/login" in response.headers["Location"]
    if expected == 403 and method == "POST":  # refused means nothing changed
        assert {idea.id: len(events(idea)) for idea in (world.held, world.free)} == events_before
        assert fresh(world.wijk).support_threshold != 7


def test_people_without_the_right_get_403_even_with_an_empty_form(web):
    """Views authorize before they validate: a stranger never gets the work page back with form errors."""
    world = World()
    sign_in(web, world.users["resident"])
    names = ["claim held", "answer", "progress", "voorgesprek", "status", "handover", "release"]
    codes = {name: web.post(ENDPOINTS[name][1](world), data={}).status_code for name in names}
    assert codes == dict.fromkeys(names, 403)


def test_the_idea_page_links_to_the_work_only_for_those_who_may(web):
    world = World()
    link = f'href="/ambassador/ideas/{world.held.id}"'
    expected = {"anonymous": False, "resident": False, "makelaar": False, "claimant": True, "ambassador": False,
                "admin": True}
    for actor, shown in expected.items():
        sign_in(web, world.users[actor])
        assert (link in web.get(f"/ideas/{world.held.id}").get_data(as_text=True)) is shown, actor
    endorse = f'action="/ideas/{world.free.id}/endorse"'
    for actor, shown in {"makelaar": True, "makelaar_other": False, "resident": False, "ambassador": False}.items():
        sign_in(web, world.users[actor])
        assert (endorse in web.get(f"/ideas/{world.free.id}").get_data(as_text=True)) is shown, actor


def test_endorse_without_a_message_changes_nothing(web):
    world = World()
    sign_in(web, world.users["makelaar"])
    response = web.post(f"/ideas/{world.free.id}/endorse", data={"message": " "})
    assert response.status_code == 303
    assert fresh(world.free).status == S.OPEN and not events(world.free, EventKind.ENDORSED)
    assert web.post(f"/ideas/{world.free.id}/endorse", data={"message": "Goed idee."}).status_code == 303
    assert fresh(world.free).status == S.AWAITING_RESPONSE


# --- admin: wijk settings ------------------------------------------------------------------------------

def test_admin_changes_threshold_and_term(web):
    sign_in(web, person(Role.ADMIN))
    west = wijk_by_slug("west")
    response = web.post("/admin/wijken", data={"wijk_id": west.id, "support_threshold": 40, "response_term_days": 15})
    assert response.status_code == 303
    west = fresh(west)
    assert (west.support_threshold, west.response_term_days) == (40, 15)
    html = page(web.get("/admin/wijken"))
    assert tr("The settings of %(name)s are saved.", name=west.name) in html
    assert 'value="40"' in html


@pytest.mark.parametrize(("threshold", "term"), [("0", "10"), ("abc", "10"), ("25", "0"), ("25", "tien"),
                                                 ("-3", "10"), ("25", "61"), ("", "10")])
def test_invalid_wijk_settings_are_refused(web, threshold, term):
    sign_in(web, person(Role.ADMIN))
    west = wijk_by_slug("west")
    before = (west.support_threshold, west.response_term_days)
    response = web.post("/admin/wijken",
                        data={"wijk_id": west.id, "support_threshold": threshold, "response_term_days": term})
    assert response.status_code in (200, 422)
    html = page(response)
    messages = [tr("Fill in a number."), tr("Choose a number from 1 to 10000."), tr("Choose a number from 1 to 60.")]
    assert any(m in html for m in messages), html[:2000]
    west = fresh(west)
    assert (west.support_threshold, west.response_term_days) == before


def test_an_unknown_wijk_is_404(web):
    sign_in(web, person(Role.ADMIN))
    assert web.post("/admin/wijken", data={"wijk_id": 99999, "support_threshold": 5,
                                           "response_term_days": 5}).status_code == 404


# --- the ambassador's queue ----------------------------------------------------------------------------

def put_forward(title, when, wijk="west", themes=("groen",)):
    makelaar = person(Role.MAKELAAR, wijken=[wijk])
    idea = make_idea(title=title, wijk_slug=wijk, themes=list(themes))
    services.endorse(makelaar, idea, "Belangrijk voor de buurt.", now=when)
    return idea


def test_the_queue_shows_waiting_ideas_overdue_first(web):
    now = utcnow()
    later = put_forward("Later nodig", now)
    overdue = put_forward("Al te laat", now - timedelta(days=40))
    soon = put_forward("Binnenkort nodig", now - timedelta(days=5))
    make_idea(title="Nog open idee")
    ambassador = person(Role.AMBASSADOR)
    claimed_idea(ambassador, title="Mijn eigen idee")
    sign_in(web, ambassador)
    html = page(web.get("/ambassador"))
    waiting = html[html.index(tr("Waiting for an ambassador")):]
    positions = [waiting.index(t) for t in ("Al te laat", "Binnenkort nodig", "Later nodig")]
    assert positions == sorted(positions)
    assert "Nog open idee" not in html and "Mijn eigen idee" not in waiting
    late = deadline_of(fresh(overdue)).late_days
    assert late > 0
    assert trn("The answer of the city is %(num)d working day late.",
               "The answer of the city is %(num)d working days late.", late) in waiting
    assert fresh(later).status == fresh(soon).status == S.AWAITING_RESPONSE


def test_my_ideas_lists_my_claims(web):
    ambassador, colleague = person(Role.AMBASSADOR), person(Role.AMBASSADOR)
    claimed_idea(ambassador, title="Mijn speeltuin")
    claimed_idea(colleague, title="Van een collega")
    sign_in(web, ambassador)
    html = page(web.get("/ambassador"))
    mine = html[html.index(tr("My ideas")):html.index(tr("Waiting for an ambassador"))]
    assert "Mijn speeltuin" in mine and "Van een collega" not in html


def test_the_queue_filters_by_wijk_and_theme(web):
    now = utcnow()
    put_forward("Groen in West", now, "west", ("groen",))
    put_forward("Verkeer in Zuid", now, "zuid", ("verkeer",))
    put_forward("Groen in Zuid", now, "zuid", ("groen",))
    sign_in(web, person(Role.AMBASSADOR))
    cases = {
        "/ambassador?wijk=zuid": {"Verkeer in Zuid", "Groen in Zuid"},
        "/ambassador?theme=groen": {"Groen in West", "Groen in Zuid"},
        "/ambassador?wijk=zuid&theme=groen": {"Groen in Zuid"},
        "/ambassador?wijk=nergens&theme=<x>": {"Groen in West", "Verkeer in Zuid", "Groen in Zuid"},
    }
    for url, shown in cases.items():
        response = web.get(url)
        assert response.status_code == 200, url
        html = page(response)
        for title in ("Groen in West", "Verkeer in Zuid", "Groen in Zuid"):
            assert (title in html) is (title in shown), (url, title)


# --- the whole story --------------------------------------------------------------------------------------

def test_the_whole_story_on_the_public_page(web):
    """Post, support, threshold, claim, answer, done, 'nee', done again, 'ja': the timeline tells it in order."""
    set_wijk("west", threshold=2)
    author = person(name="Fatima")
    idea = make_idea(author, title="Een bank bij de bushalte")
    for fan in (person(), person()):
        set_support(fan, idea, SupportKind.STEUN, True)
    assert fresh(idea).status == S.AWAITING_RESPONSE

    sanne = person(Role.AMBASSADOR, name="Sanne", department="Stadsbeheer")
    sign_in(web, sanne)
    steps = [
        ("claim", {"message": "Hallo, ik ben Sanne. Ik kijk deze week naar de bushalte."}),
        ("answer", {"text": "Er is plek voor een bank. We plaatsen hem in mei."}),
        ("status", {"status": "decided", "message": "Goed nieuws.", "outcome": "city_does_it",
                    "next_step": "Bank plaatsen", "next_date": "2026-05-15"}),
        ("status", {"status": "done", "message": "De bank staat er."}),
    ]
    for action, data in steps:
        assert web.post(f"/ambassador/ideas/{idea.id}/{action}", data=data).status_code == 303, action

    followup = db.session.scalar(select(FollowUp).where(FollowUp.kind == FollowUpKind.SOLVED))
    sign_in(web, author)
    web.post(f"/followups/{followup.id}", data={"answer": "no", "text": "Er zit geen leuning aan."})
    assert fresh(idea).status == S.IN_PROGRESS

    sign_in(web, sanne)
    for action, data in [
        ("progress", {"text": "We bestellen een leuning."}),
        ("status", {"status": "decided", "message": "De leuning komt.", "outcome": "city_does_it",
                    "next_step": "Leuning plaatsen", "next_date": "2026-06-15"}),
        ("status", {"status": "done", "message": "De leuning zit eraan."}),
    ]:
        assert web.post(f"/ambassador/ideas/{idea.id}/{action}", data=data).status_code == 303, action
    second = db.session.scalars(select(FollowUp).where(FollowUp.kind == FollowUpKind.SOLVED)
                                .order_by(FollowUp.id)).all()[-1]
    sign_in(web, author)
    web.post(f"/followups/{second.id}", data={"answer": "yes", "text": "Nu is het goed!"})
    assert fresh(idea).status == S.CLOSED

    sign_in(web, None)
    html = page(web.get(f"/ideas/{idea.id}"))
    timeline = html[html.index('id="tijdlijn"'):]
    story = [
        tr("%(name)s posted this idea.", name="Fatima"),
        tr("Enough support."),
        "Hallo, ik ben Sanne.",
        "Er is plek voor een bank.",
        "De gemeente doet het",
        "De bank staat er.",
        tr("The initiator says: this is not solved yet."),
        "Er zit geen leuning aan.",
        "We bestellen een leuning.",
        "De leuning zit eraan.",
        tr("The initiator says: this is solved."),
        "Nu is het goed!",
    ]
    positions = []
    for line in story:
        assert line in timeline, line
        positions.append(timeline.index(line, positions[-1] if positions else 0))
    assert positions == sorted(positions)
    assert "Afgesloten" in html  # the status, in Dutch
    assert contact_line(idea) in html
