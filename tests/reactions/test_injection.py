"""Script payloads in reactions and photo alt text: escaped on every page and export that shows them."""

from participatie.accounts.roles import Role
from participatie.clock import utcnow
from participatie.extensions import db
from participatie.ideas import photos
from participatie.moderation import services as moderation
from participatie.moderation.targets import load
from tests.factories import PLACES, make_idea
from tests.reactions.helpers import LINK_PAYLOAD, PAYLOAD, person, react, sign_in
from tests.socialmap.test_photos import image_bytes

RAW = ("<script>alert", "<img src=x onerror", '"><script>', "onerror=alert(1)>")


def _assert_clean(text: str, where: str) -> None:
    for raw in RAW:
        assert raw not in text, f"{raw!r} unescaped in {where}"


def test_payloads_are_escaped_everywhere(client, outbox):
    author = person()
    author.consent_notifications_at = utcnow()
    db.session.commit()
    lat, lng = PLACES["lombok"]
    idea = make_idea(author, lat=lat, lng=lng, wijk_slug=None)
    photos.add(author, idea, photos.PhotoInput(image_bytes(), PAYLOAD))
    reaction = react(idea=idea, body=PAYLOAD + " " + LINK_PAYLOAD)
    react(parent=reaction, body=PAYLOAD)
    moderation.report(person(), load("reaction", reaction.id), "rude", PAYLOAD)
    moderation.report(person(), load("photo", idea.cover_photo_id), "rude", PAYLOAD)
    pages = [f"/ideas/{idea.id}", "/ideas", "/", "/map", "/wijken/west", f"/print/ideas/{idea.id}",
             "/api/ideas.geojson", f"/ideas/{idea.id}/reacties?reacties=1"]
    for path in pages:
        response = client.get(path, headers={"HX-Request": "true"} if "reacties?" in path else {})
        assert response.status_code == 200, path
        _assert_clean(response.get_data(as_text=True), path)
    sign_in(client, author)
    _assert_clean(client.get("/notifications").get_data(as_text=True), "notifications")
    sign_in(client, person(Role.ADMIN))
    _assert_clean(client.get("/moderatie").get_data(as_text=True), "/moderatie")
    _assert_clean(client.get(f"/moderatie/reaction/{reaction.id}").get_data(as_text=True), "moderation item")
    mail = outbox.messages()[-1]
    assert mail.get_content_type() == "text/plain" and not mail.is_multipart()  # no HTML in e-mail at all
    text = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    # the link stops at the quote; the rest is plain, escaped text
    assert ('rel="nofollow ugc noopener noreferrer" href="https://example.org/">https://example.org/</a>'
            '&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;') in text
