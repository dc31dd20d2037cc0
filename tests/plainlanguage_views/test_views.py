"""Live B1 feedback (htmx partial) and the same check as a preview page without JS."""

from tests import factories as f
from tests.conftest import login

HX = {"HX-Request": "true"}
DENSE = ("In het kader van de herinrichting van de openbare ruimte wordt door de gemeente, "
         "teneinde de leefbaarheid te bevorderen, middels een integrale afweging van alle "
         "relevante belangen besloten om de voorgenomen maatregelen te implementeren.")


def test_htmx_returns_the_partial_with_verdict_figures_and_suggestions(client):
    response = client.post("/b1/check?field=body", data={"body": DENSE, "title": "x"}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="b1-feedback') and 'id="b1-body"' in html
    assert "<html" not in html
    assert "too difficult" in html or "te moeilijk" in html
    assert "Flesch-Douma" in html
    assert "middels" in html  # the jargon finding, with its suggestion
    assert "Vary" in response.headers and "HX-Request" in response.headers["Vary"]


def test_plain_text_is_easy_to_read(client):
    html = client.post("/b1/check?field=text", data={"text": "We zetten in mei vier bankjes neer."},
                       headers=HX).get_data(as_text=True)
    assert "easy to read" in html or "goed leesbaar" in html


def test_empty_text_shows_the_hint(client):
    html = client.post("/b1/check?field=summary", data={"summary": "  "}, headers=HX).get_data(as_text=True)
    assert 'id="b1-summary"' in html and "makkelijk te lezen" in html


def test_brushoffs_are_tips_only_when_asked(client):
    text = "Dat valt niet onder onze taken. We hebben geen capaciteit."
    with_tips = client.post("/b1/check?field=text&brushoffs=1", data={"text": text}, headers=HX)
    without = client.post("/b1/check?field=text", data={"text": text}, headers=HX)
    assert "b1-feedback__tips" in with_tips.get_data(as_text=True)
    assert "b1-feedback__tips" not in without.get_data(as_text=True)


def test_unknown_field_is_refused(client):
    assert client.post("/b1/check?field=password", data={"password": "x"}, headers=HX).status_code == 400


def test_preview_without_js_keeps_everything_typed(client):
    form = {"kind": "droom", "title": "Een moestuin", "body": DENSE, "themes": ["groen", "spelen"],
            "wijk": "west", "csrf_token": "old"}
    response = client.post("/b1/check?field=body&action=/ideas/new", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in html
    assert 'action="/ideas/new"' in html
    assert "herinrichting van de openbare ruimte" in html  # the text, editable
    for name, value in (("kind", "droom"), ("title", "Een moestuin"), ("themes", "groen"),
                        ("themes", "spelen"), ("wijk", "west")):
        assert f'<input type="hidden" name="{name}" value="{value}">' in html
    assert 'value="old"' not in html  # a fresh CSRF token, not the re-posted one


def test_preview_refuses_to_send_elsewhere(client):
    html = client.post("/b1/check?field=body&action=https://evil.example/x", data={"body": "Hallo"}).get_data(as_text=True)
    assert "evil.example" not in html


def test_forms_have_live_feedback_and_a_check_button(client, ctx):
    user = f.make_user()
    login(client, user)
    html = client.get("/ideas/new").get_data(as_text=True)
    assert 'hx-post="/b1/check?field=body"' in html and 'hx-trigger="input changed delay:600ms"' in html
    assert 'formaction="/b1/check?field=body&amp;action=/ideas/new"' in html


def test_answer_editor_has_live_feedback_with_brushoff_tips(client, ctx):
    from participatie.accounts.roles import Role
    from participatie.responses import services as responses

    ambassador = f.make_user(Role.AMBASSADOR)
    idea = f.make_idea()
    responses.claim(ambassador, idea, "Ik ben je contact.")
    login(client, ambassador)
    html = client.get(f"/ambassador/ideas/{idea.id}").get_data(as_text=True)
    assert 'hx-post="/b1/check?field=text&amp;brushoffs=1"' in html
    assert f'action=/ambassador/ideas/{idea.id}/answer' in html
