"""Walk f: CSRF is on in the served app. The walks post forms with the real token; a POST
without it is refused."""

import re

from tests.browser.conftest import login


def test_post_without_token_is_refused(page, server):
    page.goto("/account/login")  # a session exists, so only the token is missing
    response = page.request.post("/account/login", form={"email": "inwoner@example.org",
                                                         "password": "demo-wachtwoord-2026"})
    assert response.status == 400
    assert re.search("Laad de pagina opnieuw|Reload the page", response.text())


def test_support_without_token_is_refused(page):
    login(page, "inwoner@example.org")
    response = page.request.post("/ideas/1/support/steun", headers={"HX-Request": "true"})
    assert response.status == 400


def test_form_carries_real_token(page):
    page.goto("/account/login")
    token = page.locator("input[name=csrf_token]").first.input_value()
    assert len(token) > 20
    login(page, "inwoner@example.org")  # submits that form with its token: 303, not 400
