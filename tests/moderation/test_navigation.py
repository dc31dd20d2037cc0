"""Moderators and admins can find their pages from the menu, not only by typing the address."""

from participatie.accounts.roles import Role
from tests.factories import make_user
from tests.responses.helpers import sign_in


def test_the_menu_leads_moderators_to_the_queue_and_no_one_else(client):
    for user, shown in ((make_user(Role.ADMIN), True), (make_user(Role.MAKELAAR, wijken=["west"]), True),
                        (make_user(), False)):
        sign_in(client, user)
        assert ('href="/moderatie"' in client.get("/ideas").get_data(as_text=True)) is shown, user.role


def test_the_admin_page_links_to_mail_that_is_not_sent(client):
    sign_in(client, make_user(Role.ADMIN))
    assert 'href="/admin/mail"' in client.get("/admin/users").get_data(as_text=True)
