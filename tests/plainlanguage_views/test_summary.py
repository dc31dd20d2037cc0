"""B1 summaries on ideas: who may write them (role table), the word limit, the page."""

import pytest

from participatie.accounts.roles import Role
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.ideas import rules, services
from participatie.responses import services as responses
from tests import factories as f
from tests.conftest import login


@pytest.fixture
def people(ctx):
    author = f.make_user()
    idea = f.make_idea(author)
    claimant = f.make_user(Role.AMBASSADOR)
    responses.claim(claimant, idea, "Ik ben je contact.")
    return {
        "author": (author, True),
        "resident": (f.make_user(), False),
        "makelaar of the wijk": (f.make_user(Role.MAKELAAR, wijken=["west"]), True),
        "makelaar elsewhere": (f.make_user(Role.MAKELAAR, wijken=["overvecht"]), False),
        "claiming ambassador": (claimant, True),
        "other ambassador": (f.make_user(Role.AMBASSADOR), False),
        "admin": (f.make_user(Role.ADMIN), True),
        "idea": idea,
    }


ROLES = ["author", "resident", "makelaar of the wijk", "makelaar elsewhere", "claiming ambassador",
         "other ambassador", "admin"]


@pytest.mark.parametrize("who", ROLES)
def test_role_table(people, who):
    user, allowed = people[who]
    assert rules.can_edit_summary(user, people["idea"]) is allowed


def test_anonymous_and_hidden(people):
    from flask_login import AnonymousUserMixin

    idea = people["idea"]
    assert not rules.can_edit_summary(AnonymousUserMixin(), idea)
    idea.hidden = True
    assert not rules.can_edit_summary(people["author"][0], idea)


def test_service_saves_checks_and_adds_no_timeline_event(people, database):
    idea = people["idea"]
    events_before = len(idea_events(database, idea))
    report = services.set_summary(people["author"][0], idea, "  We willen een moestuin op het plein.  ")
    assert idea.summary == "We willen een moestuin op het plein."
    assert report.verdict == "goed leesbaar"
    assert len(idea_events(database, idea)) == events_before
    services.set_summary(people["author"][0], idea, "")
    assert idea.summary is None


def idea_events(database, idea):
    from participatie.ideas.models import timeline

    return database.session.scalars(timeline(idea.id)).all()


def test_word_limit(people):
    author, idea = people["author"][0], people["idea"]
    services.set_summary(author, idea, " ".join(["woord"] * 120))
    with pytest.raises(DomainValidationError):
        services.set_summary(author, idea, " ".join(["woord"] * 121))
    assert services.word_count("Een B1-tekst, kort en goed: dat is 't.") == 8


def test_service_refuses_others(people):
    with pytest.raises(NotAllowed):
        services.set_summary(people["resident"][0], people["idea"], "Hallo")


def test_page_saves_and_shows_the_verdict_and_the_summary(client, people):
    author, idea = people["author"][0], people["idea"]
    login(client, author)
    form_page = client.get(f"/ideas/{idea.id}/summary").get_data(as_text=True)
    assert 'hx-post="/b1/check?field=summary"' in form_page
    response = client.post(f"/ideas/{idea.id}/summary", data={"summary": "Buren willen samen groente kweken."})
    assert response.status_code == 303
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Buren willen samen groente kweken." in page and 'id="samenvatting"' in page
    assert "easy to read" in page or "goed leesbaar" in page  # the flash with the verdict
    too_long = client.post(f"/ideas/{idea.id}/summary", data={"summary": " ".join(["woord"] * 130)})
    assert too_long.status_code == 422 and "woord woord" in too_long.get_data(as_text=True)


def test_page_is_forbidden_for_others(client, people):
    login(client, people["resident"][0])
    assert client.get(f"/ideas/{people['idea'].id}/summary").status_code == 403
