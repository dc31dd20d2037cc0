"""Each sheet as a PDF: rendered to an image with pdftoppm, one A4 page, not blank.

Runs wherever WeasyPrint's system libraries and pdftoppm exist. Locally they may be missing
(skipped, with the reason); in CI (CI=true) a missing library fails the suite: `make print-deps`.
"""

import pytest

from tests import factories as f
from tests.printing.conftest import A4_AT_50_DPI, dark_share, parse_ppm, ppm_pages

SHEETS = ["/print/ideas/{id}.pdf", "/print/ideas/{id}/steunlijst.pdf", "/print/wijken/west.pdf",
          "/print/flyer.pdf", "/print/flyer.pdf?wijk=west", "/print/ideenkaart.pdf"]


@pytest.mark.parametrize("path", SHEETS)
def test_sheet_is_one_a4_page_and_not_blank(pdf_tools, client, answered_idea, path, tmp_path):
    response = client.get(path.format(id=answered_idea.id))
    assert response.status_code == 200
    assert response.mimetype == "application/pdf", response.get_data(as_text=True)[:300]
    assert response.data.startswith(b"%PDF")
    pages = ppm_pages(response.data, tmp_path)
    assert len(pages) == 1
    width, height, pixels = parse_ppm(pages[0])
    assert (width, height) in A4_AT_50_DPI
    assert 0.01 < dark_share(pixels) < 0.5  # text and the QR code, on white paper


def test_long_idea_flows_onto_a_second_page_with_the_qr_code(pdf_tools, client, answered_idea, database, tmp_path):
    answered_idea.summary = "\n".join(["Een korte zin over de moestuin op het plein."] * 60)
    database.session.commit()
    response = client.get(f"/print/ideas/{answered_idea.id}.pdf")
    pages = ppm_pages(response.data, tmp_path)
    assert len(pages) >= 2
    assert all(dark_share(parse_ppm(page)[2]) > 0.005 for page in pages)


def test_support_list_with_the_longest_title_stays_one_page(pdf_tools, client, ctx, tmp_path):
    title = ("Een grote moestuin voor de hele buurt op het plein achter de school, met bankjes, "
             "een kraan en een schuur voor het gereedschap")[:140]
    idea = f.make_idea(title=title)
    response = client.get(f"/print/ideas/{idea.id}/steunlijst.pdf")
    assert len(ppm_pages(response.data, tmp_path)) == 1
