"""Account pages as a resident, an operator and an attacker see them."""

import re

import pytest
from sqlalchemy import select

from participatie.accounts import services
from participatie.accounts.models import AuditLog
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from tests.accounts.helpers import field_error, html_lang, link_in, reload, text, tr, users_count
from tests.conftest import login
from tests.factories import PASSWORD, PLACES, make_idea, make_user

NEW_PASSWORD = "een lang wachtwoord"

LINK_BROKEN = "The link is not correct, or it was used already."
LINK_OLD = "The link is too old."
LOGIN_MISMATCH = "This e-mail address and password do not match. Try again or ask for a login link."
CSRF_TEXT = "The form was open too long or came from elsewhere. Reload the page and try again."


def _register(client, **overrides):
    data = {"display_name": "Fatima", "email": "fatima@example.org",
            "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    data.update(overrides)
    return client.post("/account/register", data={k: v for k, v in data.items() if v is not None})


def _logged_in(client) -> bool:
    return client.get("/account/settings").status_code == 200


@pytest.fixture
def config(app):
    """Change app.config for one test; the old values come back afterwards."""
    saved = {}

    def set_(key, value):
        saved.setdefault(key, app.config[key])
        app.config[key] = value

    yield set_
    app.config.update(saved)


# --- registration ---------------------------------------------------------------------

def test_register_sends_to_check_mail_and_the_link_logs_in(client, outbox):
    response = _register(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/check-mail"
    assert not _logged_in(client)  # a known address must get the same answer (no enumeration)
    user = services.find_by_email("fatima@example.org")
    assert user.display_name == "Fatima"
    assert not user.email_verified


def test_register_mails_a_confirmation_link_to_the_new_user(client, outbox):
    _register(client)
    [message] = outbox.messages()
    assert message["To"] == "fatima@example.org"
    assert re.search(r"http://localhost/account/confirm/\S+", outbox.last_body())


def test_following_the_confirmation_link_verifies_and_redirects(client, outbox):
    _register(client)
    response = client.get(link_in(outbox.last_body(), "/account/confirm/"))
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert services.find_by_email("fatima@example.org").email_verified


def test_confirmation_link_works_in_a_browser_that_is_not_logged_in(client, other_client, outbox):
    _register(client)
    response = other_client.get(link_in(outbox.last_body(), "/account/confirm/"))
    assert response.status_code == 303
    assert _logged_in(other_client)


def test_a_known_address_in_other_case_gets_the_same_answer_and_its_owner_a_mail(client, other_client, outbox):
    make_user(email="foo@example.org", name="Foo")
    known = _register(client, email="Foo@Example.org", display_name="Tweede Fatima")
    new = _register(other_client, email="nieuw@example.org", display_name="Nieuwe Fatima")
    assert (known.status_code, known.headers["Location"]) == (new.status_code, new.headers["Location"])
    token = re.compile(r'"X-CSRFToken": "[^"]*"|name="csrf_token" value="[^"]*"')
    assert token.sub("", text(client.get(known.headers["Location"]))) == token.sub(
        "", text(other_client.get(new.headers["Location"])))
    assert users_count() == 2
    owner_mail, new_mail = outbox.messages()
    assert owner_mail["To"] == "foo@example.org" and owner_mail["Subject"] == tr("You already have an account")
    assert "http://localhost/account/login" in owner_mail.get_body(("plain",)).get_content()
    assert new_mail["To"] == "nieuw@example.org"
    assert not _logged_in(client)


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"password": "kort", "password_again": "kort"}, "password", "Use at least 10 characters."),
    ({"password_again": "iets anders dan dat"}, "password_again", "The two passwords are not the same."),
    ({"email": "geen-adres"}, "email", "Fill in a valid e-mail address, like naam@voorbeeld.nl."),
    ({"display_name": "   "}, "display_name", "Fill in a name."),
])
def test_invalid_registration_shows_the_error_and_creates_nothing(client, outbox, overrides, field, message):
    response = _register(client, **overrides)
    assert response.status_code == 422
    assert tr(message) in field_error(response, field)
    assert users_count() == 0
    assert outbox.messages() == []


def test_invalid_registration_keeps_what_was_typed_but_not_the_password(client):
    response = _register(client, password="kort", password_again="kort")
    body = response.get_data(as_text=True)
    assert 'value="Fatima"' in body and 'value="fatima@example.org"' in body
    assert 'value="kort"' not in body


@pytest.mark.parametrize(("ticked", "stored"), [(True, True), (False, False)])
def test_register_stores_notification_consent_only_when_ticked(client, ticked, stored):
    _register(client, consent_notifications="y" if ticked else None)
    user = services.find_by_email("fatima@example.org")
    assert (user.consent_notifications_at is not None) is stored


def test_registering_with_an_english_browser_sends_an_english_mail(client, outbox):
    client.post("/account/register", headers={"Accept-Language": "en"}, data={
        "display_name": "Sam", "email": "sam@example.org",
        "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert services.find_by_email("sam@example.org").locale == "en"
    assert outbox.messages()[0]["Subject"] == "Confirm your e-mail address"


# --- language -------------------------------------------------------------------------

def test_dutch_is_the_default_language(client):
    response = client.get("/account/login")
    assert html_lang(response) == "nl"
    dutch = tr("Create an account")
    assert dutch != "Create an account", "no Dutch translation compiled"
    assert dutch in text(response)


def test_english_browser_gets_english(client):
    response = client.get("/account/login", headers={"Accept-Language": "en"})
    assert html_lang(response) == "en"
    assert "Create an account" in text(response)


def test_language_follows_each_request_of_the_browser(client):
    assert html_lang(client.get("/account/login", headers={"Accept-Language": "en"})) == "en"
    assert html_lang(client.get("/account/login", headers={"Accept-Language": "nl"})) == "nl"


def test_language_switch_remembers_choice_and_goes_back(client):
    response = client.get("/taal/en?next=/ideas")
    assert response.status_code == 303
    assert response.headers["Location"] == "/ideas"
    assert html_lang(client.get("/account/login")) == "en"
    client.get("/taal/nl")
    assert html_lang(client.get("/account/login", headers={"Accept-Language": "en"})) == "nl"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "evil.example",
                                    "/\\evil.example", "javascript:alert(1)"])
def test_language_switch_never_redirects_off_site(client, target):
    response = client.get("/taal/en", query_string={"next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_unknown_language_is_not_found(client):
    assert client.get("/taal/de").status_code == 404


@pytest.mark.parametrize(("setting", "browser"), [("en", "nl"), ("nl", "en")])
def test_logged_in_users_language_setting_wins_over_the_browser(client, setting, browser):
    user = make_user()
    services.update_settings(user, display_name=user.display_name, locale=setting,
                             consent_notifications=False)
    login(client, user)
    assert html_lang(client.get("/account/settings", headers={"Accept-Language": browser})) == setting


def test_language_switch_when_logged_in_updates_the_setting(client):
    user = make_user()
    login(client, user)
    client.get("/taal/en")
    assert reload(user).locale == "en"


# --- confirmation links ---------------------------------------------------------------

def _confirm_path(client, outbox) -> str:
    _register(client)
    return link_in(outbox.last_body(), "/account/confirm/")


def test_tampered_confirmation_link_shows_link_problem(client, outbox):
    path = _confirm_path(client, outbox)
    response = client.get(path[:-3] + ("aaa" if not path.endswith("aaa") else "bbb"))
    assert response.status_code == 400
    page = text(response)
    assert tr("This link does not work") in page
    assert tr(LINK_BROKEN) in page
    assert not services.find_by_email("fatima@example.org").email_verified


def test_expired_confirmation_link_says_too_old(client, outbox, config):
    path = _confirm_path(client, outbox)
    config("CONFIRM_LINK_MAX_AGE", -1)
    response = client.get(path)
    assert response.status_code == 400
    assert tr(LINK_OLD) in text(response)
    assert not services.find_by_email("fatima@example.org").email_verified


def test_confirming_twice_is_harmless(client, outbox):
    path = _confirm_path(client, outbox)
    assert client.get(path).status_code == 303
    first = services.find_by_email("fatima@example.org").email_verified_at
    assert client.get(path).status_code == 303
    assert reload(services.find_by_email("fatima@example.org")).email_verified_at == first


def test_resend_confirmation_sends_a_new_mail_until_verified(client, outbox):
    _register(client)
    client.post("/account/login", data={"email": "fatima@example.org", "password": NEW_PASSWORD})
    assert client.post("/account/confirm/resend").status_code == 303
    assert len(outbox.messages()) == 2
    client.get(link_in(outbox.last_body(), "/account/confirm/"))
    client.post("/account/confirm/resend")
    assert len(outbox.messages()) == 2


# --- password login and logout --------------------------------------------------------

def test_password_login_goes_to_next(client):
    user = make_user()
    response = client.post("/account/login?next=/ideas", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 303
    assert response.headers["Location"] == "/ideas"
    assert _logged_in(client)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example"])
def test_password_login_never_redirects_off_site(client, target):
    user = make_user()
    response = client.post("/account/login", query_string={"next": target},
                           data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_password_login_accepts_the_address_in_other_case(client):
    user = make_user(email="mixed@example.org")
    response = client.post("/account/login", data={"email": "Mixed@Example.org", "password": PASSWORD})
    assert response.status_code == 303
    assert reload(user).last_login_at is not None


def test_wrong_password_is_refused_without_session(client):
    user = make_user()
    response = client.post("/account/login", data={"email": user.email, "password": "fout wachtwoord"})
    assert response.status_code == 422
    assert tr(LOGIN_MISMATCH) in field_error(response, "password")
    assert not _logged_in(client)


def test_unknown_email_gets_the_same_message_as_a_wrong_password(client):
    make_user(email="known@example.org")
    wrong = client.post("/account/login", data={"email": "known@example.org", "password": "fout wachtwoord"})
    unknown = client.post("/account/login", data={"email": "nobody@example.org", "password": "fout wachtwoord"})
    assert unknown.status_code == wrong.status_code == 422
    assert field_error(unknown, "password") == field_error(wrong, "password") == tr(LOGIN_MISMATCH)


def test_account_without_password_cannot_log_in_with_a_password(client):
    services.create_user("linkonly@example.org", "Link", password=None, verified=True)
    response = client.post("/account/login", data={"email": "linkonly@example.org", "password": "x"})
    assert response.status_code == 422
    assert not _logged_in(client)


def test_logout_by_get_is_not_allowed(client):
    login(client, make_user())
    assert client.get("/account/logout").status_code == 405
    assert _logged_in(client)


def test_logout_by_post_ends_the_session(client):
    login(client, make_user())
    response = client.post("/account/logout")
    assert response.status_code == 303
    assert not _logged_in(client)


# --- login by e-mail link -------------------------------------------------------------

def test_login_link_is_mailed_to_a_known_address(client, outbox):
    user = make_user()
    response = client.post("/account/login-link", data={"email": user.email})
    assert response.status_code == 200
    assert tr("If there is an account with this address, we have sent a login link to it. "
              "The link works once, for 30 minutes.") in text(response)
    [message] = outbox.messages()
    assert message["To"] == user.email
    assert link_in(outbox.last_body(), "/account/login/")


def test_login_link_for_unknown_address_shows_same_page_and_sends_nothing(client, outbox):
    make_user(email="known@example.org")
    known = client.post("/account/login-link", data={"email": "known@example.org"})
    outbox_before = len(outbox.messages())
    unknown = client.post("/account/login-link", data={"email": "nobody@example.org"})
    assert unknown.status_code == known.status_code == 200
    assert text(unknown) == text(known)
    assert len(outbox.messages()) == outbox_before == 1


def test_login_link_with_invalid_address_shows_the_form_again(client, outbox):
    response = client.post("/account/login-link", data={"email": "geen adres"})
    assert response.status_code == 422
    assert tr("Fill in a valid e-mail address, like naam@voorbeeld.nl.") in text(response)
    assert outbox.messages() == []


def test_login_link_logs_in_once(client, other_client, outbox):
    user = make_user()
    client.post("/account/login-link", data={"email": user.email})
    path = link_in(outbox.last_body(), "/account/login/")
    response = client.get(path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert _logged_in(client)
    again = other_client.get(path)
    assert again.status_code == 400
    assert tr(LINK_BROKEN) in text(again)
    assert not _logged_in(other_client)


def test_login_link_verifies_the_email_address(client, outbox):
    user = make_user(verified=False)
    client.post("/account/login-link", data={"email": user.email})
    client.get(link_in(outbox.last_body(), "/account/login/"))
    assert reload(user).email_verified


def test_expired_login_link_is_refused(client, outbox, config):
    user = make_user()
    client.post("/account/login-link", data={"email": user.email})
    config("LOGIN_LINK_MAX_AGE", -1)
    response = client.get(link_in(outbox.last_body(), "/account/login/"))
    assert response.status_code == 400
    assert tr(LINK_OLD) in text(response)
    assert not _logged_in(client)


def test_confirmation_link_cannot_be_used_as_login_link(client, outbox):
    _register(client)
    token = link_in(outbox.last_body(), "/account/confirm/").rsplit("/", 1)[1]
    client.post("/account/logout")
    assert client.get(f"/account/login/{token}").status_code == 400
    assert not _logged_in(client)


# --- e-mail addresses stay private ----------------------------------------------------

PUBLIC_PAGES = ["/ideas/{id}", "/ideas", "/map", "/api/ideas.geojson", "/wijken/west", "/"]


@pytest.fixture
def idea_with_secret_author(database):
    author = make_user(name="Geheime Gerda", email="gerda.geheim@example.org")
    lat, lng = PLACES["lombok"]  # with a location, so it is on the map and in the GeoJSON
    return make_idea(author, title="Bankjes bij de speeltuin", lat=lat, lng=lng)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize("viewer", ["anonymous", "other user"])
def test_author_email_is_never_shown_to_others(client, idea_with_secret_author, path, viewer):
    if viewer == "other user":
        login(client, make_user())
    response = client.get(path.format(id=idea_with_secret_author.id))
    assert response.status_code == 200
    body = response.get_data(as_text=True).lower()
    assert "bankjes bij de speeltuin" in body  # the idea itself is on the page
    assert "gerda.geheim" not in body


def test_idea_page_shows_the_author_by_display_name(client, idea_with_secret_author):
    assert "Geheime Gerda" in text(client.get(f"/ideas/{idea_with_secret_author.id}"))


def test_own_settings_page_shows_own_email(client):
    user = make_user(email="mijzelf@example.org")
    login(client, user)
    assert "mijzelf@example.org" in text(client.get("/account/settings"))


# --- settings -------------------------------------------------------------------------

def _settings(client, **overrides):
    data = {"display_name": "Nieuwe Naam", "locale": "nl"}
    data.update(overrides)
    return client.post("/account/settings", data={k: v for k, v in data.items() if v is not None})


def test_settings_need_login(client):
    response = client.get("/account/settings")
    assert response.status_code in (302, 303)
    assert response.headers["Location"].startswith("/account/login")


def test_settings_save_name_and_language_and_next_page_follows(client):
    user = make_user()
    login(client, user)
    response = _settings(client, locale="en")
    assert response.status_code == 303
    assert response.headers["Location"] == "/account/settings"
    user = reload(user)
    assert (user.display_name, user.locale) == ("Nieuwe Naam", "en")
    page = client.get("/account/settings")
    assert html_lang(page) == "en"
    assert "Your settings are saved." in text(page)


def test_settings_back_to_dutch(client):
    user = make_user()
    services.update_settings(user, display_name="X", locale="en", consent_notifications=False)
    login(client, user)
    _settings(client, locale="nl")
    assert html_lang(client.get("/account/settings")) == "nl"


def test_settings_consent_toggle_sets_and_clears_timestamp(client):
    user = make_user()
    login(client, user)
    _settings(client, consent_notifications="y")
    assert reload(user).consent_notifications_at is not None
    _settings(client)
    assert reload(user).consent_notifications_at is None


def test_settings_form_shows_the_current_consent(client):
    user = make_user()
    services.update_settings(user, display_name="X", locale="nl", consent_notifications=True)
    login(client, user)
    body = client.get("/account/settings").get_data(as_text=True)
    assert re.search(r'<input[^>]*checked[^>]*name="consent_notifications"|'
                     r'<input[^>]*name="consent_notifications"[^>]*checked', body)


def test_settings_with_empty_name_are_refused(client):
    user = make_user(name="Oude Naam")
    login(client, user)
    response = _settings(client, display_name=" ")
    assert response.status_code == 422
    assert tr("Fill in a name.") in field_error(response, "display_name")
    assert reload(user).display_name == "Oude Naam"


def test_settings_with_unknown_language_are_refused(client):
    user = make_user()
    login(client, user)
    assert _settings(client, locale="de").status_code == 422
    assert reload(user).locale == "nl"


# --- admin: roles ---------------------------------------------------------------------

def _audit_rows():
    db.session.expire_all()
    return db.session.scalars(select(AuditLog).order_by(AuditLog.id)).all()


@pytest.fixture
def admin_client(client):
    admin = make_user(Role.ADMIN, name="Beheerder")
    login(client, admin)
    client.admin = admin
    return client


@pytest.mark.parametrize("path", ["/admin/users", "/admin/users/{id}"])
def test_admin_pages_send_anonymous_visitors_to_login(client, path):
    response = client.get(path.format(id=make_user().id))
    assert response.status_code in (302, 303)
    assert response.headers["Location"].startswith("/account/login")


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR])
@pytest.mark.parametrize("path", ["/admin/users", "/admin/users/{id}"])
def test_admin_pages_are_forbidden_for_other_roles(client, role, path):
    login(client, make_user(role))
    response = client.get(path.format(id=make_user().id))
    assert response.status_code == 403
    assert tr("You cannot do this") in text(response)


@pytest.mark.parametrize("path", ["/admin/users", "/admin/users/{id}"])
def test_admin_pages_open_for_admin(admin_client, path):
    assert admin_client.get(path.format(id=make_user().id)).status_code == 200


def test_admin_user_list_shows_accounts(admin_client):
    make_user(name="Zichtbare Zeynep", email="zeynep@example.org")
    page = text(admin_client.get("/admin/users"))
    assert "Zichtbare Zeynep" in page and "zeynep@example.org" in page


def test_admin_role_page_for_missing_user_is_not_found(admin_client):
    assert admin_client.get("/admin/users/999999").status_code == 404


def test_admin_makes_resident_a_makelaar_for_two_wijken(admin_client):
    user = make_user()
    wijken = [wijk_by_slug("west").id, wijk_by_slug("overvecht").id]
    response = admin_client.post(f"/admin/users/{user.id}", data={"role": "makelaar", "wijken": wijken})
    assert response.status_code == 303
    assert response.headers["Location"] == "/admin/users"
    user = reload(user)
    assert user.role == Role.MAKELAAR
    assert sorted(w.slug for w in user.wijken) == ["overvecht", "west"]
    [row] = _audit_rows()
    assert (row.actor_id, row.target_user_id) == (admin_client.admin.id, user.id)
    assert "resident" in row.details and "makelaar" in row.details
    assert "west" in row.details and "overvecht" in row.details


def test_admin_makes_resident_an_ambassador_with_department(admin_client):
    user = make_user()
    admin_client.post(f"/admin/users/{user.id}", data={"role": "ambassador", "department": "Stadsbeheer"})
    user = reload(user)
    assert (user.role, user.department) == (Role.AMBASSADOR, "Stadsbeheer")
    [row] = _audit_rows()
    assert "Stadsbeheer" in row.details


def test_saving_the_same_role_writes_no_audit_row(admin_client):
    user = make_user()
    response = admin_client.post(f"/admin/users/{user.id}", data={"role": "resident"})
    assert response.status_code == 303
    assert _audit_rows() == []


def test_role_change_appears_on_the_admin_page(admin_client):
    user = make_user(name="Nieuwe Ambassadeur")
    admin_client.post(f"/admin/users/{user.id}", data={"role": "ambassador", "department": "Wonen"})
    page = text(admin_client.get("/admin/users"))
    assert "resident -> ambassador (Wonen)" in page
    assert "Beheerder" in page


def test_admin_form_refuses_an_unknown_role(admin_client):
    user = make_user()
    response = admin_client.post(f"/admin/users/{user.id}", data={"role": "koning"})
    assert response.status_code == 422
    assert reload(user).role == Role.RESIDENT


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR])
def test_non_admin_cannot_post_a_role_change(client, role):
    actor, user = make_user(role), make_user()
    login(client, actor)
    response = client.post(f"/admin/users/{user.id}", data={"role": "admin"})
    assert response.status_code == 403
    assert reload(user).role == Role.RESIDENT
    assert _audit_rows() == []


def test_non_admin_cannot_make_themselves_admin(client):
    actor = make_user()
    login(client, actor)
    assert client.post(f"/admin/users/{actor.id}", data={"role": "admin"}).status_code == 403
    assert reload(actor).role == Role.RESIDENT


def test_admin_link_is_only_in_the_menu_for_admins(client, other_client):
    login(client, make_user(Role.ADMIN))
    login(other_client, make_user(Role.AMBASSADOR))
    assert 'href="/admin/users"' in client.get("/ideas").get_data(as_text=True)
    assert 'href="/admin/users"' not in other_client.get("/ideas").get_data(as_text=True)


# --- rate limiting and CSRF (separate apps) -------------------------------------------

def test_fourth_login_attempt_in_a_minute_is_refused(limited_client):
    for _ in range(3):
        response = limited_client.post("/account/login", data={"email": "x@example.org", "password": "fout"})
        assert response.status_code == 422
    response = limited_client.post("/account/login", data={"email": "x@example.org", "password": "fout"})
    assert response.status_code == 429
    assert html_lang(response) == "nl"
    assert tr("Too many attempts") in text(response)


def test_login_page_itself_is_not_rate_limited(limited_client):
    for _ in range(5):
        assert limited_client.get("/account/login").status_code == 200


def test_rate_limit_does_not_leak_into_other_tests(client):
    user = make_user()
    for _ in range(12):  # more than the default 10 per minute
        client.post("/account/login", data={"email": user.email, "password": "fout"})
    assert client.post("/account/login", data={"email": user.email, "password": PASSWORD}).status_code == 303


def _csrf_token(response) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', response.get_data(as_text=True))
    assert match, "no CSRF token in the form"
    return match.group(1)


def test_post_without_csrf_token_is_refused_with_dutch_page(csrf_client):
    user = make_user()
    response = csrf_client.post("/account/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert html_lang(response) == "nl"
    assert tr(CSRF_TEXT) in text(response)


def test_post_with_the_csrf_token_from_the_form_works(csrf_client):
    user = make_user()
    token = _csrf_token(csrf_client.get("/account/login"))
    response = csrf_client.post("/account/login",
                                data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303


def test_logout_without_csrf_token_is_refused(csrf_client):
    user = make_user()
    token = _csrf_token(csrf_client.get("/account/login"))
    csrf_client.post("/account/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert csrf_client.post("/account/logout").status_code == 400
    assert csrf_client.get("/account/settings").status_code == 200


# --- the Dutch catalogue covers the account texts -------------------------------------

@pytest.mark.parametrize("message", [
    "There is already an account with this e-mail address.",
    "Use at least 10 characters.",
    "The two passwords are not the same.",
    LOGIN_MISMATCH,
    "This link does not work",
    LINK_BROKEN,
    LINK_OLD,
    "Too many attempts",
    CSRF_TEXT,
    "Confirm your e-mail address",
    "Your login link",
])
def test_account_texts_are_translated_to_dutch(database, message):
    assert tr(message, "nl") != message
