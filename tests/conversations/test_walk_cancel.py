"""A guest can cancel from the start, so the waiting list moves up early (issue 12, item 10)."""

import re

from participatie.conversations.models import Rsvp
from participatie.extensions import db
from tests.conversations.helpers import planned
from tests.responses.helpers import fresh, page, sign_in, tr

SITE = "https://participatie.example"


def test_the_confirmation_mail_and_page_carry_the_cancel_link(web, outbox, app, monkeypatch):
    monkeypatch.setitem(app.config, "SITE_URL", SITE)
    conversation = planned()
    sign_in(web, None)
    web.post(f"/conversations/{conversation.id}/rsvp", data={"name": "Gast", "email": "gast@example.org"})
    mail = outbox.last_body()
    assert re.search(re.escape(SITE) + r"/conversations/cancel/\S+", mail), mail
    token = mail.split("/conversations/rsvp/")[1].split()[0]
    confirmed = web.get(f"/conversations/rsvp/{token}")
    assert confirmed.status_code == 200
    text = page(confirmed)
    assert tr("You are signed up. See you there!") in text
    cancel = re.search(r'href="(/conversations/cancel/[^"]+)"', text)
    assert cancel, "the page after confirming has a relative link to sign off"
    assert SITE not in text
    guest = db.session.scalar(db.select(Rsvp).where(Rsvp.email == "gast@example.org"))
    assert web.post(cancel.group(1)).status_code == 303
    assert fresh(guest).cancelled_at is not None
