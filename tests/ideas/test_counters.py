"""The idea counters stay equal to the rows through every kind of change, and feed the pages."""

from datetime import date

from participatie.accounts.roles import Role
from participatie.dashboard import services as dashboard
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from participatie.ideas import counters
from participatie.ideas.models import Idea
from participatie.responses import services as responses
from participatie.socialmap import offline
from participatie.supports import services as supports
from participatie.supports.models import SupportKind
from tests.factories import PLACES, make_idea, make_user


def in_step():
    db.session.expire_all()
    assert counters.differences() == {}


def test_posting_counts_the_idea_in_its_wijk(ctx):
    lat, lng = PLACES["lombok"]
    make_idea(lat=lat, lng=lng)
    make_idea(wijk_slug="west")  # no place on the map
    west = wijk_by_slug("west").id
    assert counters.figures(wijk_id=west) == {"ideas": 2, "located": 1, "steun": 0, "meedoen": 0, "paper": 0}
    assert dashboard.idea_counts_by_wijk() == {west: 2}
    in_step()


def test_hiding_and_showing_again(ctx):
    idea = make_idea()
    db.session.commit()
    idea = db.session.get(Idea, idea.id)
    idea.hidden = True
    db.session.commit()
    assert dashboard.totals() == {"ideas": 0, "supports": 0}
    in_step()
    db.session.get(Idea, idea.id).hidden = False
    db.session.commit()
    assert dashboard.totals()["ideas"] == 1
    in_step()


def test_hiding_an_expired_idea_still_knows_what_it_was(ctx):
    """After a commit every attribute is expired; the old values must still be known."""
    idea = make_idea(lat=PLACES["lombok"][0], lng=PLACES["lombok"][1])
    db.session.commit()
    idea.hidden = True
    idea.lat = None
    db.session.commit()
    in_step()


def test_status_change_moves_the_idea_between_rows(ctx):
    idea = make_idea()
    responses.claim(make_user(Role.AMBASSADOR), idea, "Hallo, ik ben Sanne van Stadsbeheer. Ik bel u deze week.")
    assert counters.figures(status="in_progress")["ideas"] == 1
    assert counters.figures(status="open")["ideas"] == 0
    in_step()


def test_support_on_off_and_paper_supports(ctx):
    idea = make_idea()
    neighbour = make_user()
    supports.set_support(neighbour, idea, SupportKind.STEUN, True)
    supports.set_support(make_user(), idea, SupportKind.MEEDOEN, True)  # a helper, not a supporter
    assert dashboard.totals() == {"ideas": 1, "supports": 1}
    assert counters.figures()["meedoen"] == 1
    in_step()
    supports.set_support(neighbour, idea, SupportKind.STEUN, False)  # withdrawn
    assert dashboard.totals()["supports"] == 0
    offline.add_paper_support(make_user(Role.MAKELAAR, wijken=["west"]), idea, count=7,
                              collected_where="Buurthuis", collected_on=date(2026, 11, 1))
    assert counters.figures()["paper"] == 7
    assert dashboard.totals()["supports"] == 7 == db.session.get(Idea, idea.id).supporter_total
    in_step()


def test_moving_an_idea_to_another_wijk(ctx):
    idea = make_idea()
    db.session.get(Idea, idea.id).wijk_id = wijk_by_slug("overvecht").id
    db.session.commit()
    assert counters.figures(wijk_id=wijk_by_slug("west").id)["ideas"] == 0
    in_step()


def test_bulk_inserted_ideas_are_counted_once_asked(ctx):
    """flask seed-bench inserts in bulk (no ORM events): the first read recounts."""
    make_idea()
    db.session.execute(counters.IdeaCounter.__table__.delete())
    db.session.commit()
    assert dashboard.totals()["ideas"] == 1
    in_step()


def test_the_cli_checks_and_rebuilds(app, ctx):
    make_idea()
    runner = app.test_cli_runner()
    assert runner.invoke(args=["counters", "check"]).exit_code == 0
    db.session.execute(counters.IdeaCounter.__table__.update().values(ideas=5))
    db.session.commit()
    broken = runner.invoke(args=["counters", "check"])
    assert broken.exit_code == 1 and "counters (5," in broken.output
    assert runner.invoke(args=["counters", "rebuild"]).exit_code == 0
    assert runner.invoke(args=["counters", "check"]).exit_code == 0


def test_concurrent_supports_lose_no_count(app, ctx):
    """Eight people support two ideas of one wijk at the same moment, each in their own session."""
    import threading

    ideas = [make_idea(), make_idea()]
    people = [make_user() for _ in range(8)]
    ids = [(p.id, i.id) for p in people for i in ideas]
    db.session.commit()
    start, errors = threading.Barrier(len(ids), timeout=20), []

    def support(user_id, idea_id):
        with app.app_context():
            try:
                from participatie.accounts.models import User
                user, idea = db.session.get(User, user_id), db.session.get(Idea, idea_id)
                db.session.commit()  # no read transaction held while waiting
                start.wait()
                supports.set_support(user, idea, SupportKind.STEUN, True)
            except Exception as exc:  # noqa: BLE001 (reported below)
                errors.append(exc)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=support, args=pair) for pair in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert dashboard.totals()["supports"] == 16
    in_step()
