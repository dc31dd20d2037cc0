"""Account services: users, passwords, tokens, settings, roles and the audit log."""

import pytest
from sqlalchemy import select

from participatie.accounts import services, tokens
from participatie.accounts.models import AuditLog
from participatie.accounts.roles import Role
from participatie.web.errors import DomainValidationError, NotAllowed
from participatie.extensions import db
from participatie.geo.services import wijk_by_slug
from tests.accounts.helpers import link_in
from tests.factories import PASSWORD, make_user


def _audit_rows():
    return db.session.scalars(select(AuditLog).order_by(AuditLog.id)).all()


# --- creating users -------------------------------------------------------------------

def test_email_is_stored_lower_case_and_trimmed(ctx):
    user = services.create_user("  Fatima@Example.ORG ", " Fatima ", password=PASSWORD)
    assert user.email == "fatima@example.org"
    assert user.display_name == "Fatima"


def test_find_by_email_ignores_case_and_spaces(ctx):
    user = make_user(email="foo@example.org")
    assert services.find_by_email(" FOO@example.org ") == user
    assert services.find_by_email("bar@example.org") is None


def test_same_email_in_other_case_is_refused(ctx):
    make_user(email="foo@example.org")
    with pytest.raises(DomainValidationError) as exc:
        services.create_user("Foo@Example.org", "Tweede", password=PASSWORD)
    assert exc.value.field == "email"


def test_new_user_is_resident_unverified_dutch_without_consent(ctx):
    user = services.create_user("new@example.org", "Nieuw", password=PASSWORD)
    assert user.role == Role.RESIDENT
    assert user.email_verified_at is None
    assert user.locale == "nl"
    assert user.consent_notifications_at is None


# --- passwords ------------------------------------------------------------------------

def test_password_is_stored_as_a_modern_hash(ctx):
    user = make_user()
    assert user.password_hash != PASSWORD
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))


def test_check_password_accepts_only_the_right_password(ctx):
    user = make_user()
    assert user.check_password(PASSWORD)
    assert not user.check_password(PASSWORD.upper())
    assert not user.check_password("")


def test_two_users_with_the_same_password_get_different_hashes(ctx):
    assert make_user().password_hash != make_user().password_hash


@pytest.mark.parametrize("attempt", ["", "anything", PASSWORD, "None"])
def test_user_without_password_cannot_log_in_with_any_password(ctx, attempt):
    user = services.create_user("linkonly@example.org", "Link", password=None, verified=True)
    assert user.password_hash is None
    assert user.check_password(attempt) is False
    assert services.authenticate("linkonly@example.org", attempt) is None


def test_authenticate_ignores_email_case_and_records_the_login(ctx):
    user = make_user(email="caps@example.org")
    assert user.last_login_at is None
    assert services.authenticate("CAPS@example.org", PASSWORD) == user
    assert user.last_login_at is not None


def test_authenticate_refuses_wrong_password_and_unknown_address(ctx):
    user = make_user()
    assert services.authenticate(user.email, "wrong password") is None
    assert services.authenticate("nobody@example.org", PASSWORD) is None
    assert user.last_login_at is None


# --- confirmation and login links -----------------------------------------------------

def test_register_sends_the_confirmation_in_the_users_language(ctx, outbox):
    services.register("eng@example.org", "Eng", PASSWORD, locale="en")
    [message] = outbox.messages()
    assert message["To"] == "eng@example.org"
    assert message["Subject"] == "Confirm your e-mail address"
    assert "/account/confirm/" in outbox.last_body()


def test_confirm_email_marks_the_address_once(ctx, outbox):
    user, mail_ok = services.register("c@example.org", "C", PASSWORD)
    assert mail_ok
    token = link_in(outbox.last_body(), "/account/confirm/").rsplit("/", 1)[1]
    assert services.confirm_email(token) == user
    first = user.email_verified_at
    assert first is not None
    services.confirm_email(token)
    assert user.email_verified_at == first


def test_confirm_link_for_an_old_address_does_not_work(ctx):
    user = make_user(verified=False, email="old@example.org")
    token = tokens.make("confirm", {"uid": user.id, "email": user.email})
    user.email = "new@example.org"
    db.session.commit()
    with pytest.raises(tokens.LinkError) as exc:
        services.confirm_email(token)
    assert exc.value.expired is False
    assert user.email_verified_at is None


def test_a_token_only_works_for_its_own_purpose(ctx):
    user = make_user()
    login_token = tokens.make("login", {"uid": user.id, "n": user.login_nonce})
    with pytest.raises(tokens.LinkError):
        tokens.read("confirm", login_token, 3600)


def test_expired_token_says_expired(ctx):
    token = tokens.make("confirm", {"uid": 1})
    with pytest.raises(tokens.LinkError) as exc:
        tokens.read("confirm", token, -1)
    assert exc.value.expired is True


def test_login_link_is_not_sent_to_an_unknown_address(ctx, outbox):
    services.send_login_link("nobody@example.org")
    assert outbox.messages() == []


def test_login_link_works_once(ctx, outbox):
    user = make_user(email="once@example.org")
    services.send_login_link("ONCE@example.org")
    token = link_in(outbox.last_body(), "/account/login/").rsplit("/", 1)[1]
    assert services.use_login_link(token) == user
    with pytest.raises(tokens.LinkError):
        services.use_login_link(token)


def test_login_link_proves_the_email_address(ctx, outbox):
    user = make_user(verified=False)
    services.send_login_link(user.email)
    services.use_login_link(link_in(outbox.last_body(), "/account/login/").rsplit("/", 1)[1])
    assert user.email_verified


# --- settings -------------------------------------------------------------------------

def test_update_settings_saves_name_and_language(ctx):
    user = make_user()
    services.update_settings(user, display_name="  Anna ", locale="en", consent_notifications=False)
    assert (user.display_name, user.locale) == ("Anna", "en")


def test_update_settings_refuses_an_unknown_language(ctx):
    user = make_user()
    services.update_settings(user, display_name="Anna", locale="de", consent_notifications=False)
    assert user.locale == "nl"


def test_consent_sets_keeps_and_clears_the_timestamp(ctx):
    user = make_user()
    services.update_settings(user, display_name="A", locale="nl", consent_notifications=True)
    given = user.consent_notifications_at
    assert given is not None
    services.update_settings(user, display_name="A", locale="nl", consent_notifications=True)
    assert user.consent_notifications_at == given
    services.update_settings(user, display_name="A", locale="nl", consent_notifications=False)
    assert user.consent_notifications_at is None


# --- roles ----------------------------------------------------------------------------

@pytest.mark.parametrize("actor_role", [Role.RESIDENT, Role.MAKELAAR, Role.AMBASSADOR])
def test_only_an_admin_may_change_roles(ctx, actor_role):
    actor, user = make_user(actor_role), make_user()
    with pytest.raises(NotAllowed):
        services.change_role(actor, user, "admin")
    db.session.rollback()
    assert user.role == Role.RESIDENT
    assert _audit_rows() == []


def test_admin_makes_a_makelaar_for_two_wijken_with_an_audit_row(ctx):
    admin, user = make_user(Role.ADMIN), make_user()
    ids = [wijk_by_slug("west").id, wijk_by_slug("overvecht").id]
    services.change_role(admin, user, "makelaar", wijk_ids=ids)
    assert user.role == Role.MAKELAAR
    assert sorted(w.slug for w in user.wijken) == ["overvecht", "west"]
    [row] = _audit_rows()
    assert (row.actor, row.target_user, row.action) == (admin, user, "role_change")
    assert row.details == "resident -> makelaar (overvecht,west)"


def test_admin_makes_an_ambassador_with_a_department(ctx):
    admin, user = make_user(Role.ADMIN), make_user()
    services.change_role(admin, user, "ambassador", department=" Stadsbeheer ")
    assert (user.role, user.department) == (Role.AMBASSADOR, "Stadsbeheer")
    assert _audit_rows()[0].details == "resident -> ambassador (Stadsbeheer)"


def test_changing_to_the_same_role_writes_no_audit_row(ctx):
    admin, user = make_user(Role.ADMIN), make_user()
    services.change_role(admin, user, "resident")
    assert _audit_rows() == []


def test_changing_only_the_wijken_is_audited(ctx):
    admin, user = make_user(Role.ADMIN), make_user(Role.MAKELAAR, wijken=["west"])
    services.change_role(admin, user, "makelaar", wijk_ids=[wijk_by_slug("zuid").id])
    assert [w.slug for w in user.wijken] == ["zuid"]
    assert _audit_rows()[0].details == "makelaar (west) -> makelaar (zuid)"


def test_leaving_a_role_drops_its_department_and_wijken(ctx):
    admin = make_user(Role.ADMIN)
    makelaar = make_user(Role.MAKELAAR, wijken=["west"])
    ambassador = make_user(Role.AMBASSADOR, department="Stadsbeheer")
    services.change_role(admin, makelaar, "ambassador", department="Wonen",
                         wijk_ids=[wijk_by_slug("west").id])
    services.change_role(admin, ambassador, "resident", department="Stadsbeheer")
    assert (makelaar.department, makelaar.wijken) == ("Wonen", [])
    assert (ambassador.role, ambassador.department) == (Role.RESIDENT, None)


def test_an_unknown_role_is_refused(ctx):
    admin, user = make_user(Role.ADMIN), make_user()
    with pytest.raises(ValueError):
        services.change_role(admin, user, "koning")
    assert user.role == Role.RESIDENT
