"""The delete-account pages: as the person themself, as an admin, and what others see afterwards."""

import re
from pathlib import Path

import pytest
from flask import current_app
from flask_babel import force_locale, ngettext
from sqlalchemy import select

from participatie.accounts import services, tokens
from participatie.accounts.models import AuditLog
from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.plainlanguage import GOOD, check_text
from participatie.supports.models import SupportKind
from participatie.supports.services import set_support
from tests.accounts.helpers import field_error, reload, text, tr
from tests.conftest import login
from tests.factories import PASSWORD, make_idea, make_user
from tests.responses.helpers import claimed_idea, person, sign_in

TSV = Path(__file__).resolve().parents[2] / "participatie" / "accounts" / "TRANSLATIONS_NL.tsv"


def _logged_in(client) -> bool:
    return client.get("/account/settings").status_code == 200


@pytest.fixture
def resident(ctx):
    person(Role.ADMIN)
    return make_user(name="Fatima", email="fatima@example.org")


# --- the page -------------------------------------------------------------------------

def test_settings_link_to_the_delete_page(client, resident):
    login(client, resident)
    assert 'href="/account/delete"' in text(client.get("/account/settings"))


def test_anonymous_is_sent_to_login(client, resident):
    response = client.get("/account/delete")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_the_page_says_what_happens(client, resident):
    login(client, resident)
    page = text(client.get("/account/delete"))
    for message in ("Your support for ideas keeps counting.", "Your name, e-mail address and password.",
                    "The ideas you follow, and your messages.", "Your permission for e-mail and the buurtnetwerk."):
        assert tr(message) in page
    assert tr("Former participant") in page
    assert 'id="password"' in page and 'id="confirm"' not in page


def test_wrong_password_keeps_the_account(client, resident):
    login(client, resident)
    response = client.post("/account/delete", data={"password": "niet mijn wachtwoord"})
    assert response.status_code == 422
    assert field_error(response, "password") == tr("This is not your password. Try again.")
    assert not reload(resident).is_deleted
    assert _logged_in(client)


def test_empty_password_keeps_the_account(client, resident):
    login(client, resident)
    response = client.post("/account/delete", data={})
    assert response.status_code == 422
    assert field_error(response, "password") == tr("Fill in your password.")
    assert not reload(resident).is_deleted


def test_right_password_deletes_and_logs_out(client, resident):
    login(client, resident)
    response = client.post("/account/delete", data={"password": PASSWORD})
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert reload(resident).is_deleted
    assert not _logged_in(client)
    assert tr("We have deleted your account. Thank you for taking part.") in text(client.get("/"))


def test_account_without_password_confirms_with_the_checkbox(client, ctx):
    person(Role.ADMIN)
    user = person()  # e-mail-link-only
    sign_in(client, user)
    page = text(client.get("/account/delete"))
    assert 'id="confirm"' in page and 'id="password"' not in page
    assert tr("Yes, delete my account") in page

    response = client.post("/account/delete", data={})
    assert response.status_code == 422
    assert field_error(response, "confirm") == tr("Tick the box if you really want to delete the account.")
    assert not reload(user).is_deleted

    assert client.post("/account/delete", data={"confirm": "y"}).status_code == 303
    assert reload(user).is_deleted


# --- afterwards -----------------------------------------------------------------------

def test_other_sessions_end_too(client, other_client, resident):
    login(client, resident)
    login(other_client, resident)
    client.post("/account/delete", data={"password": PASSWORD})
    response = other_client.get("/account/settings")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_login_fails_both_ways_afterwards(client, resident, outbox):
    old_link = tokens.make("login", {"uid": resident.id, "n": resident.login_nonce})
    login(client, resident)
    client.post("/account/delete", data={"password": PASSWORD})

    response = client.post("/account/login", data={"email": "fatima@example.org", "password": PASSWORD})
    assert response.status_code == 422
    client.post("/account/login-link", data={"email": "fatima@example.org"})
    assert outbox.messages() == []
    assert client.get(f"/account/login/{old_link}").status_code == 400
    assert not _logged_in(client)


def test_idea_page_shows_former_participant_and_the_same_support(client, resident):
    idea = make_idea(resident, title="Bankjes op het plein")
    set_support(make_user(), idea, SupportKind.STEUN, True)
    set_support(make_user(), idea, SupportKind.STEUN, True)
    before = text(client.get(f"/ideas/{idea.id}"))
    assert "Fatima" in before and _supporters(2) in before

    login(client, resident)
    client.post("/account/delete", data={"password": PASSWORD})

    page = text(client.get(f"/ideas/{idea.id}"))
    assert "Bankjes op het plein" in page
    assert "Fatima" not in page and "fatima@example.org" not in page and "deleted.invalid" not in page
    assert tr("Former participant") in page
    assert db.session.get(type(idea), idea.id).support_count == 2
    assert _supporters(2) in page


def _supporters(count: int) -> str:
    """The support counter as the idea page prints it."""
    with current_app.test_request_context(), force_locale("nl"):
        return ngettext("%(num)d supporter", "%(num)d supporters", count)


def test_ambassador_with_claims_sees_why_and_cannot_delete(client, ctx):
    ambassador = person(Role.AMBASSADOR)
    claimed_idea(ambassador)
    sign_in(client, ambassador)
    page = text(client.get("/account/delete"))
    assert tr("You cannot delete your account yet.") in page
    assert "<form method=\"post\" action=\"/account/delete\"" not in page
    assert client.post("/account/delete", data={"confirm": "y"}).status_code == 403
    assert not reload(ambassador).is_deleted


def test_last_admin_sees_why(client, ctx):
    admin = person(Role.ADMIN)
    sign_in(client, admin)
    page = text(client.get("/account/delete"))
    assert tr("You are the last administrator. First make someone else administrator.") in page
    assert client.post("/account/delete", data={"confirm": "y"}).status_code == 403
    assert not reload(admin).is_deleted


# --- an admin deletes a resident's account ----------------------------------------------

@pytest.mark.parametrize("role", [Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR])
def test_only_admins_open_someone_elses_delete_page(client, ctx, role):
    target = person()
    sign_in(client, person(role))
    assert client.get(f"/admin/users/{target.id}/delete").status_code == 403
    assert client.post(f"/admin/users/{target.id}/delete", data={"confirm": "y"}).status_code == 403
    assert not reload(target).is_deleted


def test_admin_deletes_a_resident_with_the_checkbox(client, ctx):
    admin, target = person(Role.ADMIN), person(name="Kees")
    sign_in(client, admin)
    assert "Kees" in text(client.get(f"/admin/users/{target.id}/delete"))
    response = client.post(f"/admin/users/{target.id}/delete", data={})
    assert response.status_code == 422
    assert field_error(response, "confirm") == tr("Tick the box if you really want to delete the account.")

    response = client.post(f"/admin/users/{target.id}/delete", data={"confirm": "y"})
    assert response.status_code == 303 and response.headers["Location"] == "/admin/users"
    assert reload(target).is_deleted
    row = db.session.scalars(select(AuditLog).where(AuditLog.action == "account_deleted")).one()
    assert (row.actor_id, row.target_user_id) == (admin.id, target.id)
    assert _logged_in(client)  # the admin stays logged in


def test_admin_cannot_delete_staff_and_own_account_goes_to_own_page(client, ctx):
    admin, makelaar = person(Role.ADMIN), person(Role.MAKELAAR)
    sign_in(client, admin)
    assert client.get(f"/admin/users/{makelaar.id}/delete").status_code == 403
    response = client.get(f"/admin/users/{admin.id}/delete")
    assert response.status_code == 303 and response.headers["Location"] == "/account/delete"
    assert client.get("/admin/users/987654/delete").status_code == 404


def test_the_admin_user_page_links_to_deletion_only_for_residents(client, ctx):
    admin, resident, makelaar = person(Role.ADMIN), person(), person(Role.MAKELAAR)
    sign_in(client, admin)
    assert f'href="/admin/users/{resident.id}/delete"' in text(client.get(f"/admin/users/{resident.id}"))
    assert "/delete" not in text(client.get(f"/admin/users/{makelaar.id}"))
    assert "/delete" not in text(client.get(f"/admin/users/{admin.id}"))


# --- texts ----------------------------------------------------------------------------

def _tsv_lines():
    return [line for line in TSV.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("line", _tsv_lines())
def test_dutch_texts_keep_placeholders_and_read_easily(line):
    english, dutch = line.split("\t")
    placeholder = re.compile(r"%\(\w+\)[sd]")
    assert len(english.split(" || ")) == len(dutch.split(" || "))
    for en, nl in zip(english.split(" || "), dutch.split(" || ")):
        assert sorted(placeholder.findall(en)) == sorted(placeholder.findall(nl))
        plain = placeholder.sub("X", nl)
        if len(plain.split()) > 8:  # the site-strings rule (tests/plainlanguage_views)
            assert check_text(plain).verdict == GOOD, nl
