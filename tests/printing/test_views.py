"""Print pages: 200, a QR code back to the public page, the date, escaped user text, no site chrome."""

import pytest

from participatie.printing import pdf
from participatie.printing.qr import qr_svg
from tests import factories as f
from tests.printing.conftest import XSS_TITLE


def pages(idea_id):
    return {
        f"/print/ideas/{idea_id}": f"http://localhost/ideas/{idea_id}",
        f"/print/ideas/{idea_id}/steunlijst": f"http://localhost/ideas/{idea_id}",
        "/print/wijken/west": "http://localhost/wijken/west",
        "/print/flyer": "http://localhost/ideas/new",
        "/print/flyer?wijk=west": "http://localhost/wijken/west",
        "/print/ideenkaart": "http://localhost/ideas/new",
    }


def test_every_sheet_has_qr_date_and_no_site_chrome(client, answered_idea):
    for path, public in pages(answered_idea.id).items():
        response = client.get(path)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert '<svg' in html and 'class="qr"' in html, path
        assert public in html, path
        assert "Printed on" in html or "Geprint op" in html, path
        assert "<nav" not in html and "site-nav" not in html and "site-footer" not in html, path
        assert "css/print.css" in html and "utrecht.css" not in html, path
        assert "<script" not in html.replace("&lt;script", ""), path


def test_user_text_is_escaped(client, answered_idea):
    for path in (f"/print/ideas/{answered_idea.id}", f"/print/ideas/{answered_idea.id}/steunlijst",
                 "/print/wijken/west"):
        html = client.get(path).get_data(as_text=True)
        assert "Moestuin &lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert XSS_TITLE not in html


def test_idea_sheet_has_the_generated_sections(client, answered_idea):
    html = client.get(f"/print/ideas/{answered_idea.id}").get_data(as_text=True)
    assert "Buren willen samen groente kweken op het plein." in html  # the summary, not the body
    assert "Jullie mogen drie bakken neerzetten." in html  # the latest answer, quoted
    assert "Fatima el Amrani" in html and "Stadsbeheer" in html  # whom to contact
    assert "Kanaalstraat" in html


def test_wijk_sheet_lists_ideas_and_contacts_but_no_email(client, answered_idea):
    html = client.get("/print/wijken/west").get_data(as_text=True)
    assert "Joost de Vries" in html and "Fatima el Amrani" in html
    assert "@example.org" not in html


def test_hidden_idea_and_unknown_wijk_are_not_found(client, answered_idea, database):
    answered_idea.hidden = True
    database.session.commit()
    assert client.get(f"/print/ideas/{answered_idea.id}").status_code == 404
    assert client.get(f"/print/ideas/{answered_idea.id}.pdf").status_code == 404
    assert client.get("/print/wijken/nergens").status_code == 404


def test_pdf_url_falls_back_to_the_print_page_when_weasyprint_is_missing(client, answered_idea, monkeypatch):
    monkeypatch.setattr(pdf, "load_weasyprint", lambda: None)
    response = client.get(f"/print/ideas/{answered_idea.id}.pdf")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "Deze server kan nu geen pdf maken." in html
    assert "Moestuin &lt;script&gt;" in html


def failing_importer(error):
    def importer(name):
        raise error
    return importer


@pytest.mark.parametrize("error", [OSError("cannot load library 'libpango-1.0-0'"),
                                   ImportError("No module named 'weasyprint'")])
def test_load_weasyprint_decides_on_import_failures(error):
    assert pdf.load_weasyprint(failing_importer(error)) is None


def test_load_weasyprint_returns_the_module_when_it_imports():
    marker = object()
    assert pdf.load_weasyprint(lambda name: marker) is marker


def test_offline_fetcher_refuses_other_urls(app):
    weasyprint = pdf.load_weasyprint()
    if weasyprint is None:
        pytest.skip("WeasyPrint is not importable here (see test_pdf.py)")
    fetcher = pdf.offline_fetcher(weasyprint)
    fetch = getattr(fetcher, "fetch", fetcher)
    with pytest.raises(ValueError):
        fetch("http://localhost/static/css/print.css")


def test_qr_svg_scales_with_css(app):
    svg = str(qr_svg("https://example.org/ideas/1"))
    assert svg.startswith("<svg") and "viewBox" in svg and "width=" not in svg.split(">")[0]


def test_print_links_on_idea_and_wijk_pages(client, answered_idea):
    html = client.get(f"/ideas/{answered_idea.id}").get_data(as_text=True)
    assert f"/print/ideas/{answered_idea.id}" in html and f"/print/ideas/{answered_idea.id}/steunlijst" in html
    html = client.get("/wijken/west").get_data(as_text=True)
    assert "/print/wijken/west" in html and "/print/flyer?wijk=west" in html


def test_open_idea_says_how_many_supporters_are_missing(client, ctx):
    idea = f.make_idea(title="Bankjes bij de speeltuin")
    html = client.get(f"/print/ideas/{idea.id}").get_data(as_text=True)
    assert "more supporters" in html or "steuners nodig" in html
    assert "Ik zou graag samen met buren groente kweken" in html  # no summary: the body


def test_a_dutch_sheet_says_in_each_other_language_how_to_read_the_page_in_it(client):
    """Print sheets stay Dutch; one line per other language, in that language, marked with its lang."""
    from tests.factories import make_idea

    idea = make_idea(title="Een bankje")
    text = client.get(f"/print/ideas/{idea.id}").get_data(as_text=True)
    assert '<li lang="en" dir="ltr">In English: scan the code and choose English at the top of the page.</li>' in text
    assert '<li lang="tr" dir="ltr">Türkçe için:' in text
    assert '<li lang="ar" dir="rtl">' in text and "العربية" in text
    assert "<html lang=\"nl\"" in text


@pytest.mark.parametrize(("outcome", "says", "never"), [
    ("not_possible", "Dit kan niet. Hierboven staat waarom, en wat wel kan.", "Nu begint het werk"),
    ("city_does_it", "Er is een besluit: de gemeente doet het werk.", "Dit kan niet"),
    ("together", "Er is een besluit: bewoners en de gemeente doen het werk samen.", "Dit kan niet"),
])
def test_what_happens_next_after_a_decision_follows_the_decision(client, ctx, outcome, says, never):
    """A "kan niet" sheet told the meeting "Nu begint het werk" and "Er is nog geen antwoord", while the
    decision with its why and what is possible instead was on the website. Meeting sheets are Dutch."""
    from participatie.accounts.roles import Role
    from tests.responses.helpers import decided_idea

    idea = decided_idea(f.make_user(Role.AMBASSADOR, name="Ruud de Vries"), outcome)
    html = client.get(f"/print/ideas/{idea.id}").get_data(as_text=True)
    assert says in html
    assert never not in html
    assert "Er is nog geen antwoord" not in html
    assert "We hebben besloten." in html  # the decision's public message, quoted
