"""The messages page, the count in the header, and unsubscribing from an e-mail."""

import html
import re

import pytest

from participatie import create_app
from participatie.accounts.models import User
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.notifications import mailqueue, services
from participatie.notifications.models import Notification
from tests.accounts.helpers import tr
from tests.conftest import TEST_CONFIG, database_url, login
from tests.factories import make_user
from tests.notifications.conftest import consenting, notify_one


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def reloaded(model, key):
    db.session.expire_all()
    return db.session.get(model, key)


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/account/notifications")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]
    assert client.post("/account/notifications/read").status_code == 302


def test_header_shows_the_unread_count_in_text(client, ctx):
    user = make_user()
    notify_one(user)
    notify_one(user)
    login(client, user)
    page = text(client.get("/ideas"))
    label = tr("Messages")
    assert re.search(rf">{label} \(2<span class=\"visually-hidden\"> {tr('unread')}</span>\)</a>", page)
    services.mark_read(user)
    page = text(client.get("/ideas"))
    assert f">{label}</a>" in page and f"{label} (" not in page


def test_list_shows_own_messages_newest_first_with_unread_marked(client, ctx):
    user, other = make_user(), make_user()
    old = notify_one(user, subject="Oud bericht")
    old.created_at = utcnow().replace(year=2025)
    db.session.commit()
    notify_one(user, subject="Nieuw bericht")
    notify_one(other, subject="Bericht voor iemand anders")
    services.mark_read(user, old.id)
    login(client, user)
    page = text(client.get("/account/notifications"))
    assert page.index("Nieuw bericht") < page.index("Oud bericht")
    assert "Bericht voor iemand anders" not in page
    items = re.findall(r'<li class="(note[^"]*)" id="bericht-\d+">', page)
    assert items == ["note note--unread", "note"]
    assert page.count(tr("New:")) == 1


def test_opening_a_message_marks_it_read_and_goes_to_its_link(client, ctx):
    user = make_user()
    note = notify_one(user, link="/ideas/5#tijdlijn")
    login(client, user)
    response = client.get(f"/account/notifications/{note.id}")
    assert response.status_code == 303 and response.headers["Location"] == "/ideas/5#tijdlijn"
    assert reloaded(Notification, note.id).read_at is not None


def test_someone_elses_message_is_not_found(client, ctx):
    owner, nosy = make_user(), make_user()
    note = notify_one(owner)
    login(client, nosy)
    assert client.get(f"/account/notifications/{note.id}").status_code == 404
    assert client.get("/account/notifications/999999").status_code == 404
    assert reloaded(Notification, note.id).read_at is None


def test_a_link_to_another_site_is_not_followed(client, ctx):
    user = make_user()
    note = notify_one(user, link="//evil.example/")
    login(client, user)
    response = client.get(f"/account/notifications/{note.id}")
    assert response.headers["Location"] == "/account/notifications"


def test_mark_all_read(client, ctx):
    user = make_user()
    notify_one(user)
    notify_one(user)
    login(client, user)
    response = client.post("/account/notifications/read")
    assert response.status_code == 303
    assert services.unread_count(reloaded(User, user.id)) == 0
    page = text(client.get("/account/notifications"))
    assert tr("New:") not in page


def test_empty_list_explains_what_to_do(client, ctx):
    login(client, make_user())
    page = text(client.get("/account/notifications"))
    assert tr("You have no messages yet. Follow an idea to hear what happens with it.") in page


# ---- unsubscribe ------------------------------------------------------------------------

def unsubscribe_path(outbox) -> str:
    header = outbox.messages()[-1]["List-Unsubscribe"].strip("<>")
    return header.removeprefix("http://localhost")


def test_unsubscribe_link_from_the_mail_works_without_logging_in(client, ctx, outbox):
    user = consenting()
    notify_one(user)
    path = unsubscribe_path(outbox)
    assert path in outbox.last_body()
    page = client.get(path)
    assert page.status_code == 200
    assert f'<form method="post" action="{path}">' in page.get_data(as_text=True)
    assert reloaded(User, user.id).consent_notifications_at is not None  # GET changes nothing
    done = client.post(path)
    assert done.status_code == 200
    assert tr("You get no more e-mail") in text(done)
    assert reloaded(User, user.id).consent_notifications_at is None


def test_after_unsubscribing_no_more_mail(client, ctx, outbox):
    user = consenting()
    notify_one(user)
    client.post(unsubscribe_path(outbox))
    notify_one(reloaded(User, user.id))
    assert len(outbox.messages()) == 1


@pytest.mark.parametrize("mangle", [lambda t: t[:-3] + "abc", lambda t: "niet-een-token", lambda t: t + "x"])
def test_tampered_unsubscribe_link_is_refused(client, ctx, mangle):
    user = consenting()
    token = mailqueue.unsubscribe_token(user)
    for method in (client.get, client.post):
        response = method(f"/account/notifications/unsubscribe/{mangle(token)}")
        assert response.status_code == 400
        assert tr("This link does not work") in text(response)
    assert reloaded(User, user.id).consent_notifications_at is not None


def test_token_of_another_user_only_unsubscribes_that_user(client, ctx):
    first, second = consenting(), consenting()
    client.post(f"/account/notifications/unsubscribe/{mailqueue.unsubscribe_token(first)}")
    assert reloaded(User, first.id).consent_notifications_at is None
    assert reloaded(User, second.id).consent_notifications_at is not None


@pytest.fixture
def csrf_app(instance_dir, database):
    """An app with CSRF protection on, as in production."""
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url(instance_dir),
                      "WTF_CSRF_ENABLED": True})
    yield app
    with app.app_context():
        db.engine.dispose()


def test_one_click_unsubscribe_needs_no_csrf_token(csrf_app, ctx, outbox):
    user = consenting()
    notify_one(user)
    path = unsubscribe_path(outbox)
    client = csrf_app.test_client()
    response = client.post(path, data={"List-Unsubscribe": "One-Click"})  # RFC 8058, as a mail client does
    assert response.status_code == 200
    assert reloaded(User, user.id).consent_notifications_at is None


def test_other_notification_forms_still_need_a_csrf_token(csrf_app, ctx):
    user = make_user()
    notify_one(user)
    client = csrf_app.test_client()
    login_page = client.get("/account/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page).group(1)
    client.post("/account/login", data={"email": user.email, "password": "correct horse battery",
                                        "csrf_token": token})
    assert client.post("/account/notifications/read").status_code == 400
    assert services.unread_count(reloaded(User, user.id)) == 1


def test_settings_choose_a_daily_digest(client, ctx):
    user = consenting()
    login(client, user)
    page = text(client.get("/account/settings"))
    assert tr("How often do you want e-mail?") in page
    response = client.post("/account/settings", data={
        "display_name": user.display_name, "locale": "nl", "consent_notifications": "y",
        "email_frequency": "daily"})
    assert response.status_code == 303
    assert reloaded(User, user.id).email_frequency == "daily"
    response = client.post("/account/settings", data={
        "display_name": user.display_name, "locale": "nl", "email_frequency": "weekly"})
    assert response.status_code == 422
    assert reloaded(User, user.id).email_frequency == "daily"
