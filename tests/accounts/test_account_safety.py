"""Sessions that can be ended, no account enumeration, and no guessable passwords (issue 13, 10-12)."""

import pytest
from flask_login.utils import encode_cookie

from participatie.accounts import models, services
from participatie.extensions import db
from tests.accounts.helpers import field_error, reload, tr, users_count
from tests.conftest import login
from tests.factories import PASSWORD, make_user

SETTINGS = "/account/settings"


def _logged_in(client) -> bool:
    return client.get(SETTINGS).status_code == 200


def _copy_session(source, target) -> None:
    """What someone with the cookie (a shared computer, a stolen backup) can do."""
    target.set_cookie("session", source.get_cookie("session").value)


def _remember_cookie(app, user) -> str:
    with app.test_request_context():
        return encode_cookie(str(reload(user).get_id()))


# --- 10: revocable sessions ------------------------------------------------------------------

def test_a_copied_session_cookie_stops_working_after_logout(client, other_client):
    user = make_user()
    login(client, user)
    _copy_session(client, other_client)
    assert _logged_in(other_client)
    client.post("/account/logout")
    assert not _logged_in(other_client) and not _logged_in(client)
    login(client, user)  # logging in again works, with a fresh session
    assert _logged_in(client)


def test_a_copied_session_cookie_stops_working_after_a_password_change(client, other_client):
    user = make_user()
    login(client, user)
    _copy_session(client, other_client)
    user = reload(user)
    user.set_password("een heel nieuw wachtwoord")
    db.session.commit()
    assert not _logged_in(other_client) and not _logged_in(client)
    login(client, user, password="een heel nieuw wachtwoord")
    assert _logged_in(client)


def test_changing_the_password_on_its_page_ends_other_sessions_but_not_this_one(client, other_client):
    user = make_user(name="Fatima")
    login(client, user)
    _copy_session(client, other_client)
    new = "fiets regen koffie"
    response = client.post("/account/password", data={"current": PASSWORD, "password": new, "password_again": new})
    assert response.status_code == 303 and response.headers["Location"] == SETTINGS
    assert _logged_in(client) and not _logged_in(other_client)
    assert reload(user).check_password(new)


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"current": "niet mijn wachtwoord"}, "current", "This is not your password. Try again."),
    ({"password": "fatima12345", "password_again": "fatima12345"}, "password",
     "Do not use your name or your e-mail address in your password."),
    ({"password_again": "iets anders dan dat"}, "password_again", "The two passwords are not the same."),
])
def test_a_refused_password_change_says_why_and_changes_nothing(client, data, field, message):
    user = make_user(name="Fatima")
    login(client, user)
    response = client.post("/account/password", data={"current": PASSWORD, "password": "fiets regen koffie",
                                                       "password_again": "fiets regen koffie", **data})
    assert response.status_code == 422 and tr(message) in field_error(response, field)
    assert reload(user).check_password(PASSWORD) and _logged_in(client)


def test_an_account_without_password_sets_one_without_the_current_field(client):
    user = services.create_user("zonder@example.org", "Zonder", verified=True)
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
    assert 'name="current"' not in client.get("/account/password").get_data(as_text=True)
    response = client.post("/account/password", data={"password": "fiets regen koffie",
                                                      "password_again": "fiets regen koffie"})
    assert response.status_code == 303 and reload(user).check_password("fiets regen koffie")


def test_a_copied_session_cookie_stops_working_after_account_deletion(client, other_client):
    user = make_user()
    login(client, user)
    _copy_session(client, other_client)
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 303
    assert not _logged_in(other_client)


@pytest.mark.parametrize("ending", ["logout", "password", "deletion"])
def test_a_remember_me_cookie_stops_working_too(app, client, other_client, ending):
    user = make_user()
    remembered = app.test_client()
    remembered.set_cookie("remember_token", _remember_cookie(app, user))
    assert _logged_in(remembered)
    remembered.delete_cookie("session")
    login(client, user)
    if ending == "logout":
        client.post("/account/logout")
    elif ending == "password":
        reload(user).set_password("een heel nieuw wachtwoord")
        db.session.commit()
    else:
        client.post("/account/delete", data={"password": PASSWORD})
    remembered.delete_cookie("session")
    assert not _logged_in(remembered)


def test_a_session_from_before_versions_still_works_until_logout(client, other_client):
    user = make_user()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)  # the format before this change
    assert _logged_in(client)
    login(other_client, user)
    other_client.post("/account/logout")
    assert not _logged_in(client)


@pytest.mark.parametrize("value", ["", "x", "1.x", "99999999999999999999.0", "-1.0", "1.-1"])
def test_a_garbled_session_id_is_simply_not_logged_in(client, ctx, value):
    make_user()
    with client.session_transaction() as session:
        session["_user_id"] = value
    assert not _logged_in(client)


# --- 11: no account enumeration ----------------------------------------------------------------

@pytest.fixture
def hashing(monkeypatch):
    """Counts the expensive password hashing work (what makes a login or registration slow)."""
    calls = []

    def counting(real):
        def wrapper(*args, **kwargs):
            calls.append(real.__name__)
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(models, "check_password_hash", counting(models.check_password_hash))
    monkeypatch.setattr(models, "generate_password_hash", counting(models.generate_password_hash))
    monkeypatch.setattr(services, "generate_password_hash", counting(services.generate_password_hash))
    return calls


def test_login_does_the_same_work_for_unknown_addresses_and_wrong_passwords(client, hashing):
    make_user(email="bekend@example.org")
    link_only = services.create_user("zonder@example.org", "Zonder Wachtwoord", verified=True)
    models.waste_password_check("warm up")  # the dummy hash is made once per process
    work = {}
    for email in ("bekend@example.org", "onbekend@example.org", link_only.email):
        hashing.clear()
        response = client.post("/account/login", data={"email": email, "password": "fout wachtwoord"})
        assert response.status_code == 422
        work[email] = list(hashing)
    assert work["onbekend@example.org"] == work["bekend@example.org"] == work[link_only.email] \
        == ["check_password_hash"]


def test_registration_does_the_same_work_for_known_and_new_addresses(client, hashing, outbox):
    make_user(email="bekend@example.org")
    data = {"display_name": "Fatima", "password": "een lang wachtwoord", "password_again": "een lang wachtwoord"}
    hashing.clear()
    client.post("/account/register", data={**data, "email": "bekend@example.org"})
    known = list(hashing)
    hashing.clear()
    client.post("/account/register", data={**data, "email": "nieuw@example.org"})
    assert known == list(hashing) == ["generate_password_hash"]


# --- 12: guessable passwords -------------------------------------------------------------------

@pytest.mark.parametrize(("password", "reason"), [
    ("aaaaaaaaaa", "This password repeats itself. Use more different letters or words."),
    ("abcabcabcabc", "This password repeats itself. Use more different letters or words."),
    ("1234567890", "This password is a row of letters or numbers, like 12345 or qwerty. Those are guessed first."),
    ("qwertyuiop", "This password is a row of letters or numbers, like 12345 or qwerty. Those are guessed first."),
    ("fatima-1987!", "Do not use your name or your e-mail address in your password."),
    ("password12", "Many people use this password, or one like it, so it is easy to guess. "
                   "Choose a longer one, for example three or four words that only you would put together."),
    ("Wachtwoord2026", "Many people use this password, or one like it, so it is easy to guess. "
                       "Choose a longer one, for example three or four words that only you would put together."),
])
def test_guessable_passwords_are_refused_with_the_reason_next_to_the_field(client, outbox, password, reason):
    response = client.post("/account/register", data={
        "display_name": "Fatima", "email": "fatima@example.org", "password": password, "password_again": password})
    assert response.status_code == 422
    assert tr(reason) in field_error(response, "password")
    assert 'value="fatima@example.org"' in response.get_data(as_text=True)  # nothing typed is lost
    assert users_count() == 0 and outbox.messages() == []


@pytest.mark.parametrize("password", ["een lang wachtwoord", "Tr0mp3t-Kast-Wolk", "fiets regen koffie"])
def test_a_password_of_a_few_words_is_fine(client, outbox, password):
    response = client.post("/account/register", data={
        "display_name": "Fatima", "email": "fatima@example.org", "password": password, "password_again": password})
    assert response.status_code == 303 and users_count() == 1
