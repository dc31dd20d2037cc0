"""`flask users create`, as an operator uses it."""

import pytest

from participatie.accounts import services
from participatie.accounts.roles import Role
from tests.accounts.helpers import users_count
from tests.factories import make_user

PASSWORD = "beheer-wachtwoord-2026"


@pytest.fixture
def run(app, database):
    runner = app.test_cli_runner()

    def invoke(*args, **kwargs):
        return runner.invoke(args=["users", "create", *args], **kwargs)

    return invoke


def test_create_ambassador_with_department(run):
    result = run("amb@example.org", "--role", "ambassador", "--department", "Stadsbeheer",
                 "--password", PASSWORD)
    assert result.exit_code == 0, result.output
    assert "Created amb@example.org with role ambassador." in result.output
    user = services.find_by_email("amb@example.org")
    assert (user.role, user.department) == (Role.AMBASSADOR, "Stadsbeheer")
    assert user.email_verified
    assert user.check_password(PASSWORD)


def test_created_admin_can_log_in(run, client):
    assert run("admin@example.org", "--role", "admin", "--password", PASSWORD).exit_code == 0
    response = client.post("/account/login", data={"email": "admin@example.org", "password": PASSWORD})
    assert response.status_code == 303
    assert client.get("/admin/users").status_code == 200


def test_default_role_is_resident_and_name_is_part_before_at(run):
    assert run("jan.jansen@example.org", "--password", PASSWORD).exit_code == 0
    user = services.find_by_email("jan.jansen@example.org")
    assert (user.role, user.display_name) == (Role.RESIDENT, "jan.jansen")


def test_password_is_prompted_twice_when_omitted(run):
    result = run("prompt@example.org", "--name", "Prompt", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    assert services.find_by_email("prompt@example.org").check_password(PASSWORD)


def test_duplicate_email_exits_non_zero_with_a_clear_message(run):
    make_user(email="dup@example.org")
    result = run("DUP@example.org", "--role", "admin", "--password", PASSWORD)
    assert result.exit_code != 0
    assert "already an account" in result.output or "al een account" in result.output
    assert "Traceback" not in result.output
    assert users_count() == 1
    assert services.find_by_email("dup@example.org").role == Role.RESIDENT


def test_invalid_role_is_refused(run):
    result = run("koning@example.org", "--role", "koning", "--password", PASSWORD)
    assert result.exit_code == 2
    assert "--role" in result.output
    assert services.find_by_email("koning@example.org") is None
