"""Numbers with stories: figures from known fixtures, an empty wijk, a period without answers, and the
pages that show them (with the same numbers in a table beside each chart)."""

from datetime import timedelta

from participatie.clock import utcnow, working_days_between
from participatie.conversations import services as talks
from participatie.conversations.timefmt import today_local
from participatie.geo.services import wijk_by_slug
from participatie.insights.services import Period, figures
from tests.conversations.helpers import held
from tests.insights.helpers import ambassador, answered, make_idea, owed_idea, say, solved
from tests.responses.helpers import page


def test_an_empty_wijk_has_zeros_and_no_shares(web):
    result = figures(Period.last(12), wijk_by_slug("vleuten-de-meern").id)
    assert (result.posted, result.owed, result.answered, result.actions_open) == (0, 0, 0, 0)
    assert result.threshold_share is None and result.on_time_share is None and result.median_days is None
    assert result.answer_share is None and result.solved_share is None and result.departments == []
    html = page(web.get("/wijken/vleuten-de-meern/cijfers"))
    assert "0 ideeën en dromen geplaatst." in html
    assert "Geen eerste antwoorden in deze periode." in html


def test_figures_of_a_wijk_from_known_fixtures(web):
    amb = ambassador("Groen en Water")
    make_idea(kind="droom", wijk_slug="west")
    make_idea(kind="idee", wijk_slug="west", title="Bankjes op het plein")
    fast = owed_idea(kind="idee", title="Een bankje bij de bushalte")
    slow = owed_idea(kind="idee", title="Meer bomen in de straat")
    owed_idea(kind="droom", title="Een buurtfeest", wijk="oost")  # another wijk: not counted in West
    first = answered(amb, fast, days_later=0)
    answered(amb, slow, days_later=40)  # later than any term of 10 working days
    say(first, True)
    say(first, True)
    say(first, False, "Dit zegt niets over wanneer.")
    solved(amb, fast, yes=True)

    now = utcnow() + timedelta(days=41)
    result = figures(Period.last(12, now), wijk_by_slug("west").id)
    assert (result.posted, result.dreams, result.ideas, result.reached_threshold) == (4, 1, 3, 2)
    assert result.threshold_share == 50
    assert (result.owed, result.on_time, result.late, result.waiting) == (2, 1, 1, 0)
    assert result.on_time_share == 50
    late_days = working_days_between(utcnow(), utcnow() + timedelta(days=40))
    assert result.median_days == late_days / 2  # the median of 0 and late_days working days
    assert (result.feedback_yes, result.feedback_no, result.answer_share) == (2, 1, 67)
    assert (result.solved_yes, result.solved_no, result.solved_share) == (1, 0, 100)
    assert [(d.name, d.on_time, d.late) for d in result.departments] == [("Groen en Water", 1, 1)]
    city = figures(Period.last(12, now))
    assert (city.posted, city.reached_threshold, city.owed) == (5, 3, 3)


def test_a_period_without_answers(web):
    amb = ambassador()
    idea = owed_idea()
    answered(amb, idea)
    say(answered_event := idea_answer(idea), False, "Niet duidelijk.", quote_ok=True)
    later = utcnow() + timedelta(days=200)  # the answer is 200 days old: in the last 12 months, not the last 3
    recent = figures(Period.last(3, later), wijk_by_slug("west").id)
    assert (recent.posted, recent.owed, recent.answered, recent.feedback_no) == (0, 0, 0, 0)
    assert recent.median_days is None and recent.on_time_share is None and recent.answer_share is None
    year = figures(Period.last(12, later), wijk_by_slug("west").id)
    assert (year.owed, year.answered, year.on_time, year.median_days, year.feedback_no) == (1, 1, 1, 0, 1)
    assert answered_event.idea_id == idea.id


def idea_answer(idea):
    from participatie.ideas.models import IdeaEvent
    from participatie.extensions import db

    return db.session.scalar(db.select(IdeaEvent).where(IdeaEvent.idea_id == idea.id, IdeaEvent.kind == "answer"))


def test_open_and_late_actions_of_stadsgesprekken(web):
    amb = ambassador()
    conversation = held(amb)
    idea = conversation.ideas[0]
    talks.add_action(amb, conversation, idea_id=idea.id, what="Bankjes bestellen", owner_kind="department",
                     owner="Stadsbeheer", due_on=today_local() - timedelta(days=2))
    talks.add_action(amb, conversation, idea_id=idea.id, what="Plan maken", owner_kind="department",
                     owner="Stadsbeheer", due_on=today_local() + timedelta(days=20))
    done = talks.add_action(amb, conversation, idea_id=idea.id, what="Grond testen", owner_kind="department",
                            owner="Stadsbeheer", due_on=today_local() + timedelta(days=2))
    talks.set_action_status(amb, done, "klaar")
    result = figures(Period.last(3), conversation.wijk_id)
    assert (result.actions_open, result.actions_late, result.actions_done) == (2, 1, 1)


def test_pages_show_each_chart_with_a_table_and_say_what_numbers_cannot_tell(web):
    owed_idea()
    for url in ("/cijfers", "/cijfers?maanden=3", "/wijken/west/cijfers?maanden=12", "/cijfers?maanden=zes"):
        response = web.get(url)
        assert response.status_code == 200
        html = page(response)
        assert html.count("<svg class=\"chart\"") == html.count("<table") - 1  # the per-department table has no chart
        assert "Ze laten niet zien waarom." in html and "We vergelijken geen mensen of wijken." in html
        assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert web.get("/wijken/nergens/cijfers").status_code == 404


def test_the_city_page_lists_wijken_by_name_without_ranking_them(web):
    html = page(web.get("/cijfers"))
    section = html.split('id="cijfers-per-wijk"', 1)[1]
    names = [w for w in ("Binnenstad", "Noordoost", "Zuidwest") if w in section]
    assert names and all(ch not in section.split("</section>", 1)[0] for ch in ("1.", "#1", "plaats"))


def test_the_a4_for_the_meeting_has_the_three_questions_and_room_to_write(web):
    owed_idea()
    html = page(web.get("/print/wijken/west/cijfers"))
    for question in ("Wat zien we?", "Wat valt op?", "Wat gaan we doen?"):
        assert question in html
    assert html.count("figures-talk__space") == 3
    assert "Cijfers van West" in html
