"""The post form as a new resident meets it (issue 12, items 4, 5 and 16)."""

import re

from tests.conftest import login
from tests.factories import PLACES, make_user
from tests.ideas.test_views import NEW_IDEA


def _flash_after(client, response) -> str:
    assert response.status_code == 303
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_dream_with_only_a_wijk_is_not_told_it_is_on_the_map(client):
    login(client, make_user())
    page = _flash_after(client, client.post("/ideas/new", data={**NEW_IDEA, "wijk": "oost"}))
    assert "staat op de kaart" not in page
    assert "Bedankt! Je idee staat in de lijst van Oost." in page


def test_an_idea_with_a_place_is_told_it_is_on_the_map(client):
    login(client, make_user())
    lat, lng = PLACES["domtoren"]
    page = _flash_after(client, client.post("/ideas/new", data={**NEW_IDEA, "wijk": "", "lat": lat, "lng": lng}))
    assert "Bedankt! Je idee staat op de kaart." in page


def test_all_errors_at_once_next_to_their_fields_with_a_summary(client):
    login(client, make_user())
    response = client.post("/ideas/new", data={**NEW_IDEA, "title": "", "wijk": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    summary = page.split('id="form-errors"', 1)[1].split("</ul>", 1)[0]
    assert 'href="#title"' in summary and "Vul een titel in." in summary
    assert 'href="#wijk"' in summary and "Kies een plek op de kaart of kies een wijk." in summary
    assert 'id="title-err"' in page and 'id="wijk-err"' in page
    assert NEW_IDEA["body"] in page  # nothing typed is lost


def test_the_post_form_has_no_repeated_ids_with_csrf_on(app, client):
    """Tests run without CSRF; the real site renders the token, so switch it on here."""
    login(client, make_user())
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        for response in (client.get("/ideas/new"), client.post("/ideas/new", data={"title": ""})):
            page = response.get_data(as_text=True)
            ids = re.findall(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""", page)
            assert "csrf_token" in page
            assert sorted({i for i in ids if ids.count(i) > 1}) == []
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
