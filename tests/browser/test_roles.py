"""Walk d: each demo role sees axe-clean pages (home, an idea page; the admin also /admin/users)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, login, open_menu, shot

ROLES = ["inwoner", "makelaar", "ambassadeur", "beheer"]


@pytest.mark.parametrize("role", ROLES)
def test_role_pages(page, role):
    login(page, f"{role}@example.org")
    page.goto("/")
    shot(page, f"d-{role}-home", screens=1)
    assert_no_axe_violations(page, f"home as {role}")

    page.goto("/ideas?sort=support")
    page.get_by_role("main").get_by_role("article").first.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/ideas/\d+$"))
    shot(page, f"d-{role}-idea")
    assert_no_axe_violations(page, f"idea page as {role}")

    open_menu(page)  # at phone width the role links sit behind "Menu"; open it so the check means something
    admin_link = page.get_by_role("link", name=re.compile(r"^(Beheer|Admin)$"))
    if role == "beheer":
        admin_link.click()
        expect(page).to_have_url(re.compile(r"/admin/users$"))
        shot(page, "d-beheer-admin-users")
        assert_no_axe_violations(page, "/admin/users")
    else:
        expect(admin_link).to_have_count(0)
        assert page.goto("/admin/users").status == 403
