"""Authorization sweep: every route, tried by every role and anonymously, against one table.

The world (tests/security/world.py) belongs to other people than the sweep's users, so a resident
is never the author, the ambassador never the one holding the idea. A route missing from EXPECTED
fails the sweep; so does any 500. Values: a status, LOGIN (redirect to the login page), or a set of
allowed statuses. Column order: anonymous, resident, makelaar, ambassador, admin.

Tokens in links are invalid ("not-a-valid-token" -> 400); ids the world has no row for
(link, follow-up, tip, action) are MISSING -> 404. POST routes get empty data, after all GETs.
"""

import re

import pytest

from tests.security.sweep import observed, rules, url_and_method
from tests.security.world import ROLES, as_role, build_world

LOGIN = "login"
DENIED = {403, 404}

EXPECTED = {
    "accounts.check_mail": (200, 200, 200, 200, 200),
    "accounts.confirm": (400, 400, 400, 400, 400),
    "accounts.delete_account": (LOGIN, 200, 200, 200, 200),
    "accounts.login": (200, 200, 200, 200, 200),
    "accounts.login_link": (400, 400, 400, 400, 400),
    "accounts.logout": (303, 303, 303, 303, 303),
    "accounts.password": (LOGIN, 200, 200, 200, 200),
    "accounts.register": (200, 200, 200, 200, 200),
    "accounts.request_login_link": (422, 422, 422, 422, 422),
    "accounts.resend_confirmation": (LOGIN, 303, 303, 303, 303),
    "accounts.settings": (LOGIN, 200, 200, 200, 200),
    "admin.delete_user": (LOGIN, 403, 403, 403, 200),
    "admin.user_role": (LOGIN, 403, 403, 403, 200),
    "admin.users": (LOGIN, 403, 403, 403, 200),
    "mail_admin.index": (LOGIN, 403, 403, 403, 200),
    "departments.admin_departments": (LOGIN, 403, 403, 403, 200),
    "departments.admin_ladder": (LOGIN, 403, 403, 403, 200),
    "departments.remove_step": (LOGIN, 403, 403, 403, 404),
    "departments.asks": (LOGIN, 403, 403, 403, 200),
    "departments.escalate": (LOGIN, 403, 403, 403, 422),
    "departments.impact": (LOGIN, 403, 403, 403, 422),
    "departments.case_print": (LOGIN, 403, 403, 403, 200),
    "departments.case_print_pdf": (LOGIN, 403, 403, 403, 200),
    "departments.answer_form": (400, 400, 400, 400, 400),
    "departments.case_page": (400, 400, 400, 400, 400),
    "mail_admin.retry": (LOGIN, 403, 403, 403, 404),  # the world has no outbox row: role first, then 404
    "api.ideas_geojson": (200, 200, 200, 200, 200),
    "api.map_items": (400, 400, 400, 400, 400),  # without bbox and zoom
    "b1.check": (200, 200, 200, 200, 200),
    "buurtnetwerk.answer": (LOGIN, 403, 403, 403, 403),  # only members of the wijk's buurtnetwerk
    "buurtnetwerk.answer_link": (400, 400, 400, 400, 400),
    "buurtnetwerk.ask": (LOGIN, 403, 200, 200, 200),  # the world's makelaar works in the idea's wijk (west)
    "buurtnetwerk.join": (LOGIN, 200, 200, 200, 200),
    "buurtnetwerk.leave": (400, 400, 400, 400, 400),
    "buurtnetwerk.outcome": (LOGIN, 403, 403, 403, 422),  # the asker (the world's owner) or an admin
    "buurtnetwerk.print_pdf": (200, 200, 200, 200, 200),
    "buurtnetwerk.print_sheet": (200, 200, 200, 200, 200),
    "buurtnetwerk.question": (200, 200, 200, 200, 200),
    "buurtnetwerk.wijk_questions": (200, 200, 200, 200, 200),
    "conversations.action_status": (LOGIN, 404, 404, 404, 404),
    "conversations.agenda": (200, 200, 200, 200, 200),
    "conversations.attendee_list": (LOGIN, 403, 403, 403, 200),
    "conversations.calendar": (200, 200, 200, 200, 200),
    "conversations.cancel_by_link": (400, 400, 400, 400, 400),
    "conversations.cancel_conversation": (LOGIN, 403, 403, 403, 200),
    "conversations.cancel_mine": (LOGIN, 303, 303, 303, 303),
    "conversations.confirm_proposal": (LOGIN, 403, 403, 403, 403),
    "conversations.confirm_rsvp": (400, 400, 400, 400, 400),
    "conversations.detail": (200, 200, 200, 200, 200),
    "conversations.edit": (LOGIN, 403, 403, 200, 200),
    "conversations.feedback": (LOGIN, 403, 403, 403, 403),
    "conversations.feedback_by_link": (400, 400, 400, 400, 400),
    "conversations.index": (200, 200, 200, 200, 200),
    "conversations.new": (LOGIN, 403, 200, 200, 200),
    "conversations.new_action": (LOGIN, 403, 403, 403, 403),
    "conversations.report": (LOGIN, 403, 403, 403, 403),
    "conversations.rsvp": (422, 303, 303, 303, 303),
    "conversations.summary": (LOGIN, 403, 200, 200, 200),
    "conversations.wijk_agenda": (200, 200, 200, 200, 200),
    "dashboard.home": (200, 200, 200, 200, 200),
    "dashboard.switch_language": (303, 303, 303, 303, 303),
    "dashboard.wijk": (200, 200, 200, 200, 200),
    "dashboard.wijken": (200, 200, 200, 200, 200),
    "health.healthz": (200, 200, 200, 200, 200),
    "health.readyz": ({200, 503},) * 5,  # 503 here: the sweep's database has no migration head
    "ideas.add_photo": (LOGIN, 403, 403, 403, 403),
    "ideas.add_update": (LOGIN, 403, 403, 403, 403),
    "ideas.revive": (LOGIN, 403, 403, 403, 403),  # only the author, only while archived
    "ideas.detail": (200, 200, 200, 200, 200),
    "ideas.edit": (LOGIN, 403, 403, 403, 403),
    "ideas.index": (200, 200, 200, 200, 200),
    "ideas.map_page": (200, 200, 200, 200, 200),
    "ideas.new": (LOGIN, 200, 200, 200, 200),
    "ideas.photo_file": (200, 200, 200, 200, 200),
    "ideas.remove_photo": (LOGIN, 403, 403, 403, 403),
    "ideas.summary": (LOGIN, 403, 200, 403, 200),
    "ideas.toggle_follow": (LOGIN, 303, 303, 303, 303),
    "insights.change_sheet": (404, 404, 404, 404, 404),
    "insights.change_sheet_pdf": (404, 404, 404, 404, 404),
    "insights.city": (200, 200, 200, 200, 200),
    "insights.wijk": (200, 200, 200, 200, 200),
    "insights.wijk_sheet": (200, 200, 200, 200, 200),
    "insights.wijk_sheet_pdf": (200, 200, 200, 200, 200),
    "moderation.house_rules": (200, 200, 200, 200, 200),
    "moderation.item": (LOGIN, 403, 200, 403, 200),
    "moderation.objection": (LOGIN, 404, 404, 404, 404),
    "moderation.queue": (LOGIN, 403, 200, 403, 200),
    "moderation.report": (LOGIN, 200, 200, 200, 200),
    "notifications.index": (LOGIN, 200, 200, 200, 200),
    "notifications.mark_all_read": (LOGIN, 303, 303, 303, 303),
    "notifications.open_one": (LOGIN, 404, 404, 404, 404),
    "notifications.unsubscribe": (400, 400, 400, 400, 400),
    "metrics.metrics": (404, 404, 404, 404, 404),  # off unless METRICS_ENABLED
    "privacy.accessibility": (200, 200, 200, 200, 200),
    "privacy.my_data": (LOGIN, 200, 200, 200, 200),
    "privacy.my_data_json": (LOGIN, 200, 200, 200, 200),
    "privacy.statement": (200, 200, 200, 200, 200),
    "printing.conversation": (200, 200, 200, 200, 200),
    "printing.conversation_pdf": (200, 200, 200, 200, 200),
    "printing.flyer": (200, 200, 200, 200, 200),
    "printing.flyer_pdf": (200, 200, 200, 200, 200),
    "printing.idea": (200, 200, 200, 200, 200),
    "printing.idea_card": (200, 200, 200, 200, 200),
    "printing.idea_card_pdf": (200, 200, 200, 200, 200),
    "printing.idea_pdf": (200, 200, 200, 200, 200),
    "printing.support_list": (200, 200, 200, 200, 200),
    "printing.support_list_pdf": (200, 200, 200, 200, 200),
    "printing.wijk": (200, 200, 200, 200, 200),
    "printing.wijk_pdf": (200, 200, 200, 200, 200),
    "reactions.create": (LOGIN, 422, 422, 422, 422),
    "reactions.delete": (LOGIN, 403, 403, 403, 403),
    "reactions.edit": (LOGIN, 403, 403, 403, 403),
    "reactions.page": (303, 303, 303, 303, 303),
    "reactions.photo": (404, 404, 404, 404, 404),
    "responses.answer": (LOGIN, 403, 403, 403, 422),
    "responses.change_status": (LOGIN, 403, 403, 403, 422),
    "responses.claim": (LOGIN, 403, 403, 403, 403),
    "responses.endorse": (LOGIN, 403, 403, 403, 403),
    "responses.feedback_link": (400, 400, 400, 400, 400),
    "responses.followup_link": (400, 400, 400, 400, 400),
    "responses.followup_page": (LOGIN, 404, 404, 404, 404),
    "responses.give_feedback": (LOGIN, 303, 303, 303, 303),
    "responses.handover": (LOGIN, 403, 403, 403, 422),
    "responses.progress": (LOGIN, 403, 403, 403, 422),
    "responses.queue_page": (LOGIN, 403, 403, 200, 200),
    "responses.release": (LOGIN, 403, 403, 403, 422),
    "responses.voorgesprek": (LOGIN, 403, 403, 403, 422),
    "responses.wijk_settings": (LOGIN, 403, 403, 403, 200),
    "responses.work": (LOGIN, 403, 403, 403, 200),
    "socialmap.archive": (LOGIN, DENIED, 303, DENIED, 303),
    "socialmap.collect": (LOGIN, 403, 200, 403, 403),
    "socialmap.detail": (200, 200, 200, 200, 200),
    "socialmap.edit": (LOGIN, 403, 200, 403, 200),
    "socialmap.export": (LOGIN, 403, 200, 403, 200),
    "socialmap.geojson": (200, 200, 200, 200, 200),
    "socialmap.import_confirm": (LOGIN, 403, 303, 403, 303),
    "socialmap.import_page": (LOGIN, 403, 200, 403, 200),
    "socialmap.index": (200, 200, 200, 200, 200),
    "socialmap.link_entry": (LOGIN, 403, 303, 303, 303),
    "socialmap.link_idea": (LOGIN, 403, 303, 303, 303),
    "socialmap.new": (LOGIN, 403, 200, 403, 200),
    "socialmap.paper_support": (LOGIN, 403, 303, 403, 303),
    "socialmap.photo": (404, 404, 404, 404, 404),
    "socialmap.similar": (200, 200, 200, 200, 200),
    "socialmap.similar_step": (LOGIN, 200, 200, 200, 200),
    "socialmap.suggest": (LOGIN, 200, 200, 200, 200),
    "socialmap.tip_done": (LOGIN, 404, 404, 404, 404),
    "socialmap.unlink": (LOGIN, 404, 404, 404, 404),
    "socialmap.verify": (LOGIN, DENIED, {303, 403}, DENIED, {303, 403}),
    "socialmap.worklist": (LOGIN, 403, 200, 403, 200),
    "supports.set_support": (LOGIN, 400, 400, 400, 400),  # empty data: no state to set
    "regulations.index": (200, 200, 200, 200, 200),
    "regulations.download": (200, 200, 200, 200, 200),
    "regulations.idea_form": (LOGIN, 403, 200, 403, 200),  # makelaar of the wijk proposes; the admin marks
    "regulations.confirm": (LOGIN, 403, 403, 403, 404),  # role first; the world has no proposal
    "printing.regulations": (200, 200, 200, 200, 200),
    "printing.regulations_pdf": (200, 200, 200, 200, 200),
    "following.toggle_wijk": (LOGIN, 303, 303, 303, 303),
    "opendata.index": (200, 200, 200, 200, 200),
    "opendata.ideas_csv": (200, 200, 200, 200, 200),
    "opendata.ideas_geojson": (200, 200, 200, 200, 200),
    "opendata.events_csv": (200, 200, 200, 200, 200),
    "opendata.actions_csv": (200, 200, 200, 200, 200),
    "opendata.figures_csv": (200, 200, 200, 200, 200),
    "opendata.city_feed": (200, 200, 200, 200, 200),
    "opendata.wijk_feed": (200, 200, 200, 200, 200),
}


ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")


def duplicate_ids(response) -> list[str]:
    """An id used twice breaks labels, skip links and scripts (the idea form once had two #lat,
    and forms rendered `csrf_token` with an id next to another form's). Forms re-shown with their
    errors (422) count too."""
    if response.status_code not in (200, 422) or not response.mimetype == "text/html":
        return []
    ids = ID.findall(response.get_data(as_text=True))
    return sorted({i for i in ids if ids.count(i) > 1})


def _allowed(value) -> set:
    return value if isinstance(value, set) else {value}


def test_every_route_has_a_rule(app):
    endpoints = {rule.endpoint for rule in rules(app)}
    assert sorted(endpoints - EXPECTED.keys()) == [], "new route(s) without a rule in EXPECTED"
    assert sorted(EXPECTED.keys() - endpoints) == [], "rule(s) for routes that no longer exist"
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())


def _says_not_ready(endpoint: str, response) -> bool:
    """/readyz answers 503 on purpose when the site is not ready (here: no migration head)."""
    return endpoint == "health.readyz" and response.status_code == 503 and response.is_json


def test_sweep(app, ctx, client):
    world = build_world()
    wrong, errors = [], []
    for rule in rules(app):
        url, method = url_and_method(rule, world.ids)
        row = dict(zip(ROLES, EXPECTED.get(rule.endpoint, (None,) * len(ROLES))))
        for role in ROLES:
            as_role(client, world, role)
            # GET pages render as on the real site, with the CSRF token in every form; POSTs send
            # none, so the check is off for them (their statuses are what the table is about).
            app.config["WTF_CSRF_ENABLED"] = method == "GET"
            response = client.open(url, method=method, data={} if method == "POST" else None)
            got = observed(response)
            if response.status_code >= 500 and not _says_not_ready(rule.endpoint, response):
                errors.append(f"{method} {url} as {role}: {response.status_code}")
            elif duplicates := duplicate_ids(response):
                errors.append(f"{method} {url} as {role}: duplicate id(s) {duplicates}")
            elif got not in _allowed(row[role]):
                wrong.append(f"{rule.endpoint} {method} {url} as {role}: got {got}, expected {row[role]}")
    app.config["WTF_CSRF_ENABLED"] = False
    assert errors == [], "\n".join(errors)
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize("role", ["resident", "makelaar", "ambassador"])
def test_nobody_opens_another_users_notification(app, ctx, client, role):
    world = build_world()
    assert world.ids["notification_id"] != 987654, "the author should have been told about the answer"
    as_role(client, world, role)
    assert client.get(f"/account/notifications/{world.ids['notification_id']}").status_code == 404
    page = client.get("/account/notifications").get_data(as_text=True)
    assert "Dank voor uw idee" not in page
