"""Photos on ideas: alt text required, at most four, cleaned like social-map photos, shown everywhere."""

import io

from PIL import Image
from sqlalchemy import select

from participatie.accounts.roles import Role
from participatie.extensions import db
from participatie.ideas import photos
from participatie.ideas.models import IdeaPhoto
from participatie.moderation import services as moderation
from participatie.moderation.targets import load
from tests.factories import make_idea
from tests.reactions.helpers import fresh, page, person, sign_in, tr
from tests.socialmap.test_photos import image_bytes, jpeg_with_gps


def _upload(client, idea, data=None, alt="Kapotte stoep voor nummer 12"):
    payload = {"alt": alt}
    if data is not None:
        payload["photo"] = (io.BytesIO(data), "stoep.jpg")
    return client.post(f"/ideas/{idea.id}/photos", data=payload, content_type="multipart/form-data")


def test_the_initiator_adds_a_photo_without_gps_and_everyone_sees_it(client):
    author = person()
    idea = make_idea(author)
    sign_in(client, author)
    assert _upload(client, idea, jpeg_with_gps((2400, 1600))).status_code == 303
    photo = db.session.scalar(select(IdeaPhoto))
    stored = Image.open(io.BytesIO(photos.load(photo.name)))
    assert not stored.getexif() and max(stored.size) == 1200
    assert fresh(idea).cover_photo_id == photo.id
    sign_in(client, None)
    text = page(client.get(f"/ideas/{idea.id}"))
    assert 'alt="Kapotte stoep voor nummer 12"' in text
    assert client.get(f"/ideas/{idea.id}/photos/{photo.id}.jpg").mimetype == "image/jpeg"
    assert f"/ideas/{idea.id}/photos/{photo.id}-small.jpg" in page(client.get("/ideas"))
    assert "data:image/jpeg;base64," in page(client.get(f"/print/ideas/{idea.id}"))


def test_alt_text_is_required_and_the_error_sits_at_the_field(client):
    author = person()
    idea = make_idea(author)
    sign_in(client, author)
    response = _upload(client, idea, image_bytes(), alt="  ")
    assert response.status_code == 422
    assert tr("Describe the photo in a few words, for people who cannot see it.") in page(response)
    assert db.session.scalar(select(IdeaPhoto)) is None


def test_not_a_photo_and_a_fifth_photo_are_refused(client):
    author = person()
    idea = make_idea(author)
    sign_in(client, author)
    bad = _upload(client, idea, b"%PDF-1.4 geen foto")
    assert bad.status_code == 422 and tr("This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.") in page(bad)
    for _ in range(4):
        assert _upload(client, idea, image_bytes()).status_code == 303
    fifth = _upload(client, idea, image_bytes())
    assert fifth.status_code in (403, 422)
    assert photos.count(fresh(idea)) == 4


def test_only_the_initiator_adds_photos(client):
    idea = make_idea()
    sign_in(client, person())
    assert _upload(client, idea, image_bytes()).status_code == 403


def test_posting_an_idea_with_a_photo(client):
    sign_in(client, person())
    form = {"kind": "droom", "title": "Bankje bij de speeltuin", "body": "Een bankje zodat ouders kunnen zitten.",
            "wijk": "west", "alt": "Lege plek naast de speeltuin", "photo": (io.BytesIO(image_bytes()), "plek.png")}
    response = client.post("/ideas/new", data=form, content_type="multipart/form-data")
    assert response.status_code == 303
    assert db.session.scalar(select(IdeaPhoto)).alt == "Lege plek naast de speeltuin"


def test_a_hidden_photo_shows_its_reason_and_is_not_served(client):
    author = person()
    idea = make_idea(author)
    photo = photos.add(author, idea, photos.PhotoInput(image_bytes(), "Foto van de buurman"))
    moderation.act(person(Role.ADMIN), load("photo", photo.id), "hide", "personal")
    assert fresh(idea).cover_photo_id is None
    assert client.get(f"/ideas/{idea.id}/photos/{photo.id}.jpg").status_code == 404
    text = page(client.get(f"/ideas/{idea.id}"))
    assert tr("Photo hidden: %(reason)s", reason=tr("Personal details")) in text and "Foto van de buurman" not in text


def test_a_resident_reacts_with_a_photo_and_it_goes_with_the_reaction(client):
    idea = make_idea()
    writer = person()
    sign_in(client, writer)
    form = {"body": "Zo ziet de stoep er nu uit.", "alt": "Losse stoeptegels", "photo": (io.BytesIO(jpeg_with_gps()), "s.jpg")}
    response = client.post(f"/ideas/{idea.id}/reacties", data=form, content_type="multipart/form-data",
                           headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'alt="Losse stoeptegels"' in page(response)
    from participatie.reactions.models import Reaction
    reaction = db.session.scalar(select(Reaction))
    assert not Image.open(io.BytesIO(photos.load(reaction.photo_name))).getexif()
    assert client.get(f"/reacties/{reaction.id}/foto.jpg").status_code == 200
    no_alt = client.post(f"/ideas/{idea.id}/reacties", content_type="multipart/form-data",
                         data={"body": "Nog een foto, zonder uitleg.", "photo": (io.BytesIO(image_bytes()), "x.jpg")})
    assert no_alt.status_code == 422 and "Nog een foto, zonder uitleg." in page(no_alt)
    moderation.act(person(Role.ADMIN), load("reaction", reaction.id), "hide", "personal")
    sign_in(client, person())
    assert client.get(f"/reacties/{reaction.id}/foto.jpg").status_code == 404


def test_photos_live_in_storage_and_go_with_their_idea_photo(ctx):
    author = person()
    idea = make_idea(author)
    photo = photos.add(author, idea, photos.PhotoInput(image_bytes(), "Het plein"))
    name = photo.name
    assert photos.load(name) and photos.load(name, "small")
    photos.remove(author, photo)
    assert photos.load(name) is None and photos.load(name, "small") is None
    assert fresh(idea).cover_photo_id is None
