"""In-app messages (Berichten) never show the e-mail's signed links (issue 12, item 7).

In the app a question is a button with plain words to a page of the site in use (a relative
link); only the e-mail carries the signed one-click links, made absolute with SITE_URL."""

import re

from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.notifications.models import Notification
from participatie.responses import services
from tests.responses.helpers import claimed_idea, page, person, sign_in, tr
from tests.responses.test_views import finished

SITE = "https://participatie.example"


def with_mail(user):
    user.consent_notifications_at = utcnow()
    db.session.commit()
    return user


def message_list(web, user) -> str:
    sign_in(web, user)
    text = page(web.get("/account/notifications"))
    return text.split("<h1", 1)[1].split("</main>", 1)[0]


def test_the_solved_question_is_a_button_in_the_app_and_links_in_the_mail(web, config, outbox):
    config("SITE_URL", SITE)
    holder, author = person(Role.AMBASSADOR), with_mail(person())
    finished(holder, author)
    [note] = db.session.scalars(select(Notification).where(
        Notification.user_id == author.id, Notification.kind == "followup_solved")).all()
    listing = message_list(web, author)
    assert "/followup/" not in listing and SITE not in listing and "http" not in note.body
    button = re.search(r'<a class="utrecht-button-link[^"]*" href="([^"]+)">([^<]+)</a>', listing)
    assert button and button.group(2) == tr("Give your answer")
    assert button.group(1) == f"/account/notifications/{note.id}"
    assert web.get(button.group(1)).headers["Location"] == note.link and note.link.startswith("/followups/")
    mail = [m for m in outbox.messages() if "opgelost" in str(m["Subject"])][-1].get_body(("plain",)).get_content()
    assert len(re.findall(re.escape(SITE) + r"/followup/\S+", mail)) == 2


def test_an_answer_is_plain_words_in_the_app_and_one_click_links_in_the_mail(web, config, outbox):
    config("SITE_URL", SITE)
    holder, author = person(Role.AMBASSADOR), with_mail(person())
    idea = claimed_idea(holder, author=author)
    services.post_answer(holder, idea, "We zetten in mei een bank neer.")
    listing = message_list(web, author)
    assert "We zetten in mei een bank neer." in listing
    assert "/feedback/" not in listing and SITE not in listing
    assert tr("Read the answer and say if it helps") in listing
    mail = outbox.last_body()
    assert len(re.findall(re.escape(SITE) + r"/feedback/\S+", mail)) == 2


def test_no_message_body_in_the_app_holds_a_web_address(web, config):
    config("SITE_URL", SITE)
    holder, author = person(Role.AMBASSADOR), person()
    finished(holder, author)
    bodies = db.session.scalars(select(Notification.body)).all()
    assert bodies and not [b for b in bodies if "http" in b]
