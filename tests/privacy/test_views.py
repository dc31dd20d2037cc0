"""The privacy and accessibility statements, the feedback form, "your data" and the consent log."""

import json

from participatie.accounts import services as accounts
from participatie.accounts.models import ConsentKind
from participatie.accounts.roles import Role
from participatie.notifications.models import Notification
from participatie.extensions import db
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from tests.factories import make_idea, make_user
from tests.responses.helpers import sign_in


def test_statements_are_public_and_linked_from_every_page(client):
    home = client.get("/").get_data(as_text=True)
    assert 'href="/privacy"' in home and 'href="/toegankelijkheid"' in home
    privacy = client.get("/privacy")
    assert privacy.status_code == 200
    text = privacy.get_data(as_text=True)
    assert "Autoriteit Persoonsgegevens" in text and "90 dagen" in text and "3 jaar" in text
    accessibility = client.get("/toegankelijkheid").get_data(as_text=True)
    assert "WCAG 2.2" in accessibility and "EN 301 549" in accessibility and "kaart" in accessibility


def test_accessibility_feedback_reaches_every_admin(client):
    admins = [make_user(Role.ADMIN), make_user(Role.ADMIN)]
    response = client.post("/toegankelijkheid", data={"message": "De knop is te klein.", "page": "/ideas"})
    assert response.status_code == 303
    for admin in admins:
        [note] = db.session.scalars(db.select(Notification).where(Notification.user_id == admin.id)).all()
        assert "De knop is te klein." in note.body and "/ideas" in note.body


def test_empty_feedback_gets_a_dutch_error_and_keeps_what_was_typed(client):
    response = client.post("/toegankelijkheid", data={"message": "", "page": "/kaart"})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "Vertel ons wat niet werkt." in text and 'value="/kaart"' in text


def test_my_data_has_my_items_and_nobody_elses(client):
    me, other = make_user(name="Ik Zelf"), make_user(name="Iemand Anders")
    mine, theirs = make_idea(author=me, title="Mijn bankje"), make_idea(author=other, title="Hun boom")
    set_support(me, theirs, SupportKind.STEUN, True)
    set_support(other, mine, SupportKind.STEUN, True)
    sign_in(client, me)
    response = client.get("/account/mijn-gegevens.json")
    assert response.status_code == 200 and "no-store" in response.headers["Cache-Control"]
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["profile"]["email"] == me.email
    assert [i["title"] for i in data["ideas"]] == ["Mijn bankje"]
    assert [s["idea_id"] for s in data["supports"]] == [theirs.id]
    dumped = json.dumps(data)
    assert other.email not in dumped and "Iemand Anders" not in dumped and "Hun boom" not in dumped
    page = client.get("/account/mijn-gegevens")
    assert page.status_code == 200 and "Mijn bankje" in page.get_data(as_text=True)


def test_my_data_needs_a_login(client):
    assert client.get("/account/mijn-gegevens.json").status_code in (302, 401)


def test_consent_log_shows_every_change_with_its_date(client):
    me = make_user()
    accounts.update_settings(me, display_name="Ik", locale="nl", consent_notifications=True)
    accounts.update_settings(me, display_name="Ik", locale="nl", consent_notifications=True)  # no change
    accounts.update_settings(me, display_name="Ik", locale="nl", consent_notifications=False)
    sign_in(client, me)
    text = client.get("/account/settings").get_data(as_text=True)
    assert text.count("E-mail over ideeën die je volgt") == 2
    assert "gegeven" in text and "ingetrokken" in text
    data = json.loads(client.get("/account/mijn-gegevens.json").get_data(as_text=True))
    assert [(c["consent"], c["given"]) for c in data["consents"]] == [
        (str(ConsentKind.NOTIFICATIONS), False), (str(ConsentKind.NOTIFICATIONS), True)]


def test_my_data_has_my_reactions_and_reports(client):
    from participatie.moderation import services as moderation
    from participatie.moderation.targets import load
    from participatie.reactions import services as reactions

    me, other = make_user(name="Ik Zelf"), make_user(name="Iemand Anders")
    idea = make_idea(author=other, title="Hun boom")
    reactions.post(me, idea, "Mooie boom, ik geef graag water.")
    theirs = reactions.post(other, idea, "Dank je, buur!")
    moderation.report(me, load("reaction", theirs.id), "spam", "Lijkt reclame")
    sign_in(client, me)
    data = json.loads(client.get("/account/mijn-gegevens.json").get_data(as_text=True))
    assert [r["text"] for r in data["reactions"]] == ["Mooie boom, ik geef graag water."]
    assert data["reports"] == [{"about": "reaction", "reason": "spam", "text": "Lijkt reclame",
                                "at": data["reports"][0]["at"]}]
    assert "Dank je, buur!" not in json.dumps(data)
    assert "Mooie boom" in client.get("/account/mijn-gegevens").get_data(as_text=True)


def test_the_date_of_the_last_accessibility_check_is_written_in_the_readers_language(client, app):
    app.config["ACCESSIBILITY_CHECKED_ON"] = "2026-12-05"
    try:
        assert "5 december 2026" in client.get("/toegankelijkheid").get_data(as_text=True)
        assert "5 Aralık 2026" in client.get("/toegankelijkheid", headers={"Accept-Language": "tr"}).get_data(
            as_text=True)
        app.config["ACCESSIBILITY_CHECKED_ON"] = "voorjaar 2027"  # free text stays as written
        assert "voorjaar 2027" in client.get("/toegankelijkheid").get_data(as_text=True)
    finally:
        app.config["ACCESSIBILITY_CHECKED_ON"] = "2026-12-05"
