"""Entry photos: checked by content, cleaned of EXIF, resized, served safely; the form keeps what was typed."""

import io
import struct
import zlib

import pytest
from PIL import Image
from sqlalchemy import select

from participatie.web.errors import DomainValidationError
from participatie import storage
from participatie.extensions import db
from participatie.storage.models import StoredFile
from participatie.socialmap import photos, services
from participatie.socialmap.models import EntryEdit
from tests.responses.helpers import fresh, page, person, sign_in, tr
from tests.socialmap.conftest import entry_input, make_entry, makelaar

MB = 1024 * 1024
FORM = {"kind": "activity", "name": "Breiclub De Bolle Wol", "description": "Elke maandag samen breien.",
        "wijk": "west", "cost": "free", "suitable_for": "everyone", "times": "Maandag 14.00–16.00"}


@pytest.fixture
def photo_store(database):
    """The stored photos (participatie.storage, the database by default): empty at the start."""
    return photos.KEY_PREFIX


def image_bytes(size=(300, 200), fmt="JPEG", mode="RGB", color="green", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, fmt, **save)
    return out.getvalue()


def jpeg_with_gps(size=(300, 200), orientation=1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Testcam"  # camera make
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 30.5), 3: "E", 4: (5.0, 6.0, 7.0)}  # GPS: where it was taken
    return image_bytes(size, exif=exif, comment=b"thuisadres Kanaalstraat 1")


def png_claiming_huge_size(width=100_000, height=100_000) -> bytes:
    """A tiny file that says it holds ten billion pixels (a decompression bomb's header)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def stored(prefix) -> list[str]:
    keys = db.session.scalars(select(StoredFile.key).where(StoredFile.key.startswith(prefix))).all()
    return sorted(key.removeprefix(prefix) for key in keys)


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


# --- cleaning ------------------------------------------------------------------------------------

def test_exif_and_gps_are_gone_and_the_photo_is_turned_upright(ctx_db):
    upload = jpeg_with_gps((300, 200), orientation=6)  # camera held upright: turn 90 degrees
    assert opened(upload).getexif().get_ifd(0x8825)  # the upload really has a GPS position
    photo = photos.prepare(upload)
    image = opened(photo.data)
    assert image.format == "JPEG" and (photo.width, photo.height) == image.size == (200, 300)
    assert len(image.getexif()) == 0 and "exif" not in image.info and "comment" not in image.info
    assert b"Exif" not in photo.data and b"Testcam" not in photo.data and b"Kanaalstraat" not in photo.data


def test_a_large_photo_is_made_1200_pixels_on_its_long_side(ctx_db):
    photo = photos.prepare(image_bytes((3000, 2000), quality=90))
    assert (photo.width, photo.height) == opened(photo.data).size == (1200, 800)
    small = photos.prepare(image_bytes((640, 480)))
    assert (small.width, small.height) == (640, 480)  # never made larger


@pytest.mark.parametrize("fmt, mode", [("PNG", "RGB"), ("PNG", "RGBA"), ("PNG", "P"), ("WEBP", "RGB")])
def test_png_and_webp_become_jpeg(ctx_db, fmt, mode):
    photo = photos.prepare(image_bytes((400, 1600), fmt=fmt, mode=mode, color=(0, 0, 0, 0) if mode == "RGBA" else 1))
    image = opened(photo.data)
    assert image.format == "JPEG" and image.size == (300, 1200)
    if mode == "RGBA":
        assert image.getpixel((10, 10)) > (240, 240, 240)  # transparent became white, not black


@pytest.mark.parametrize("upload", [
    b"Dit is geen foto, maar een tekstbestand.\n",
    image_bytes(fmt="GIF", mode="P"),
    image_bytes(fmt="BMP"),
    image_bytes()[:300],  # a JPEG cut off halfway
    b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
])
def test_anything_but_a_whole_jpeg_png_or_webp_is_refused(ctx_db, upload):
    with pytest.raises(DomainValidationError) as refused:
        photos.prepare(upload)
    assert refused.value.field == "photo"
    assert refused.value.message == tr("This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.")


def test_decompression_bombs_and_too_many_bytes_are_refused(ctx_db, app, monkeypatch):
    with pytest.raises(DomainValidationError) as bomb:
        photos.prepare(png_claiming_huge_size())
    assert bomb.value.message == tr("This photo has too many pixels. Make it smaller and try again.")
    monkeypatch.setitem(app.config, "SOCIALMAP_PHOTO_MAX_PIXELS", 1000 * 1000)
    with pytest.raises(DomainValidationError):
        photos.prepare(image_bytes((1001, 1000)))
    monkeypatch.setitem(app.config, "SOCIALMAP_PHOTO_MAX_BYTES", 1000)
    with pytest.raises(DomainValidationError) as heavy:
        photos.prepare(image_bytes((400, 400), quality=95))
    assert heavy.value.message == tr("The photo is too large (more than %(mb)s MB). Choose a smaller photo.", mb=1)


# --- the service: store, replace, remove, log ------------------------------------------------------

def _changes(entry) -> str:
    return "\n".join(e.changes for e in db.session.scalars(select(EntryEdit).where(EntryEdit.entry_id == entry.id)))


def test_replacing_and_removing_delete_the_old_file_and_are_logged(ctx_db, photo_store):
    broker = makelaar("west")
    entry = services.create_entry(broker, entry_input(), photo=services.PhotoInput(
        alt="Buren bij de groentebakken", upload=image_bytes()))
    first = entry.photo_filename
    assert stored(photo_store) == [first] and (entry.photo_width, entry.photo_height) == (300, 200)
    assert f"photo_filename: None -> {first}" in _changes(entry)

    services.edit_entry(broker, entry, services.input_of(entry),
                        photo=services.PhotoInput(alt="De kas in de winter", upload=image_bytes((200, 300))))
    second = fresh(entry).photo_filename
    assert second != first and stored(photo_store) == [second]
    assert f"photo_filename: {first} -> {second}" in _changes(entry)
    assert "photo_alt: Buren bij de groentebakken -> De kas in de winter" in _changes(entry)

    services.edit_entry(broker, fresh(entry), services.input_of(entry), photo=services.PhotoInput(remove=True))
    entry = fresh(entry)
    assert entry.photo_filename is None and entry.photo_alt == "" and entry.photo_width is None
    assert stored(photo_store) == [] and f"photo_filename: {second} -> None" in _changes(entry)


def test_a_photo_needs_a_description_and_a_refused_photo_writes_nothing(ctx_db, photo_store):
    broker = makelaar("west")
    with pytest.raises(DomainValidationError) as no_alt:
        services.create_entry(broker, entry_input(), photo=services.PhotoInput(upload=image_bytes()))
    assert no_alt.value.field == "photo_alt" and no_alt.value.message == tr("Describe the photo in a few words.")
    db.session.rollback()
    entry = make_entry(broker)
    with pytest.raises(DomainValidationError):
        services.edit_entry(broker, entry, services.input_of(entry),
                            photo=services.PhotoInput(alt="Tekst", upload=b"geen foto"))
    db.session.rollback()
    assert stored(photo_store) == [] and fresh(entry).photo_filename is None


def test_editing_without_the_photo_fields_keeps_the_photo(ctx_db, photo_store):
    """The import and the demo data edit entries without saying anything about a photo."""
    broker = makelaar("west")
    entry = services.create_entry(broker, entry_input(), photo=services.PhotoInput(alt="Kas", upload=image_bytes()))
    services.edit_entry(broker, entry, services.input_of(entry))
    assert fresh(entry).photo_alt == "Kas" and stored(photo_store) == [entry.photo_filename]


# --- the form and the page -------------------------------------------------------------------------

def _post(web, url, photo=None, filename="foto.jpg", **fields):
    data = {**FORM, **fields}
    if photo is not None:
        data["photo"] = (io.BytesIO(photo), filename)
    return web.post(url, data=data, content_type="multipart/form-data")


def test_a_makelaar_adds_a_photo_and_the_page_shows_it(web, photo_store):
    sign_in(web, makelaar("west"))
    response = _post(web, "/socialmap/new", jpeg_with_gps((3000, 2000)), photo_alt="Breiende buren")
    assert response.status_code == 303
    text = web.get(response.headers["Location"]).get_data(as_text=True)
    [name] = stored(photo_store)
    assert f'src="/socialmap/photos/{name}" alt="Breiende buren"' in text
    assert 'width="1200" height="800" loading="lazy"' in text

    sign_in(web, None)
    image = web.get(f"/socialmap/photos/{name}")
    assert image.status_code == 200 and image.mimetype == "image/jpeg"
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    cache = image.headers["Cache-Control"]
    assert "public" in cache and "max-age=31536000" in cache and "immutable" in cache
    assert opened(image.data).size == (1200, 800) and b"Exif" not in image.data


def test_a_text_file_called_jpg_is_refused_and_nothing_typed_is_lost(web, photo_store):
    sign_in(web, makelaar("west"))
    response = _post(web, "/socialmap/new", b"Beste buren, dit is een brief.", photo_alt="Een brief")
    text = page(response)
    assert response.status_code == 422
    assert tr("This file is not a photo we can use. Choose a JPEG, PNG or WebP photo.") in text
    for typed in ("Breiclub De Bolle Wol", "Elke maandag samen breien.", "Maandag 14.00–16.00", "Een brief"):
        assert typed in text
    assert stored(photo_store) == []


def test_a_photo_without_description_gets_the_question_next_to_the_field(web, photo_store):
    sign_in(web, makelaar("west"))
    response = _post(web, "/socialmap/new", image_bytes())
    assert response.status_code == 422
    assert tr("Describe the photo in a few words.") in page(response) and stored(photo_store) == []


def test_a_photo_over_the_limit_gives_the_error_in_the_form_with_everything_typed(web, photo_store):
    sign_in(web, makelaar("west"))
    response = _post(web, "/socialmap/new", b"\xff\xd8" + b"\0" * (5 * MB), photo_alt="Groot")
    text = page(response)
    assert response.status_code == 422
    assert tr("The photo is too large (more than %(mb)s MB). Choose a smaller photo.", mb=5) in text
    assert "Breiclub De Bolle Wol" in text and "Elke maandag samen breien." in text


@pytest.mark.parametrize("csrf", [False, True])
def test_a_request_too_large_to_read_shows_the_form_not_a_bare_413(web, photo_store, app, monkeypatch, csrf):
    """Over the request limit nothing can be read (with CSRF on, the check fails first): the form
    comes back with the saved values and says what happened."""
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", csrf)
    broker = makelaar("west")
    entry = make_entry(broker, name="Buurthuis Lombok")
    sign_in(web, broker)
    huge = b"\xff\xd8" + b"\0" * (26 * MB)
    for url, saved in (("/socialmap/new", None), (f"/socialmap/{entry.id}/edit", "Buurthuis Lombok")):
        response = _post(web, url, huge, name="Nieuwe naam")
        text = page(response)
        assert response.status_code == 413 and 'enctype="multipart/form-data"' in text
        assert tr("We could not receive the form: the photo is too large (more than %(mb)s MB). Nothing is saved. "
                  "Choose a smaller photo and fill in the form again.", mb=5) in text
        assert saved is None or f'value="{saved}"' in text
    assert fresh(entry).name == "Buurthuis Lombok" and stored(photo_store) == []


def test_too_large_elsewhere_still_gets_the_plain_error_page_and_others_no_form(web, photo_store):
    huge = b"\0" * (26 * MB)
    sign_in(web, person())
    response = _post(web, "/socialmap/new", huge)
    assert response.status_code in (403, 413) and 'enctype="multipart/form-data"' not in page(response)
    response = web.post("/socialmap/suggest", data={"message": "x", "file": (io.BytesIO(huge), "x.bin")},
                        content_type="multipart/form-data")
    assert response.status_code == 413 and tr("The file is too large") in page(response)


def test_the_edit_form_replaces_and_removes_the_photo(web, photo_store):
    broker = makelaar("west")
    entry = services.create_entry(broker, entry_input(), photo=services.PhotoInput(alt="Kas", upload=image_bytes()))
    old = entry.photo_filename
    sign_in(web, broker)
    form = page(web.get(f"/socialmap/{entry.id}/edit"))
    assert f"/socialmap/photos/{old}" in form and 'value="Kas"' in form and tr("Remove the photo") in form
    fields = {"name": "Buurttuin Lombok", "wijk": "", "lat": "52.0905", "lng": "5.0985", "kind": "meeting_place"}
    assert _post(web, f"/socialmap/{entry.id}/edit", image_bytes((500, 500)), photo_alt="Kas",
                 **fields).status_code == 303
    new = fresh(entry).photo_filename
    assert new != old and stored(photo_store) == [new]
    assert web.get(f"/socialmap/photos/{old}").status_code == 404
    assert _post(web, f"/socialmap/{entry.id}/edit", photo_alt="", remove_photo="y", **fields).status_code == 303
    assert fresh(entry).photo_filename is None and stored(photo_store) == []
    assert 'class="entry-photo"' not in page(web.get(f"/socialmap/{entry.id}"))


@pytest.mark.parametrize("path", [
    "/socialmap/photos/..%2F..%2Fconfig.py",
    "/socialmap/photos/..%2Ftest.sqlite",
    "/socialmap/photos/%2e%2e",
    "/socialmap/photos/../../config.py",
    "/socialmap/photos/.%2E%2F.%2E%2Fetc%2Fpasswd",
    "/socialmap/photos/0123456789abcdef0123456789abcdef.jpg%00.png",
    "/socialmap/photos/0123456789ABCDEF0123456789ABCDEF.jpg",
    "/socialmap/photos/0123456789abcdef0123456789abcdef.jpg",  # right form, but no entry has it
])
def test_paths_outside_the_photos_give_404(web, photo_store, path):
    storage.put(photos.key("0123456789abcdef0123456789abcdef.jpg"), image_bytes(), "image/jpeg")  # not linked
    db.session.commit()
    assert web.get(path).status_code == 404


def test_the_photo_of_an_archived_entry_is_only_for_its_curators(web, photo_store):
    broker = makelaar("west")
    entry = services.create_entry(broker, entry_input(), photo=services.PhotoInput(alt="Kas", upload=image_bytes()))
    services.set_archived(broker, entry, True)
    url = f"/socialmap/photos/{entry.photo_filename}"
    assert web.get(url).status_code == 404
    sign_in(web, broker)
    response = web.get(url)
    assert response.status_code == 200 and "private" in response.headers["Cache-Control"]


def test_a_good_photo_in_a_form_with_another_problem_asks_to_choose_it_again(web, photo_store):
    sign_in(web, makelaar("west"))
    response = _post(web, "/socialmap/new", image_bytes(), photo_alt="Kas", name="")
    text = page(response)
    assert response.status_code == 422 and tr("Fill in a name.") in text
    assert tr("Choose the photo again: the browser does not keep it when the form comes back.") in text
    assert 'value="Kas"' in text and stored(photo_store) == []


def test_photos_left_on_disk_move_into_storage_once(app, ctx_db, photo_store, tmp_path, monkeypatch):
    folder = tmp_path / "old-photos"
    folder.mkdir()
    name = "0123456789abcdef0123456789abcdef.jpg"
    (folder / name).write_bytes(image_bytes())
    (folder / "not-a-photo.txt").write_text("x")
    monkeypatch.setitem(app.config, "SOCIALMAP_PHOTO_DIR", str(folder))
    runner = app.test_cli_runner()
    assert "photos copied: 1, already stored: 0" in runner.invoke(args=["storage", "migrate-photos"]).output
    assert "photos copied: 0, already stored: 1" in runner.invoke(args=["storage", "migrate-photos"]).output
    assert stored(photo_store) == [name] and photos.load(name) == (folder / name).read_bytes()
