"""Each sheet as a PDF: rendered to an image with pdftoppm, one A4 page, not blank.

Runs wherever WeasyPrint's system libraries and pdftoppm exist. Locally they may be missing
(skipped, with the reason); in CI (CI=true) a missing library fails the suite: `make print-deps`.
"""

import os
import shutil
import subprocess

import pytest

from participatie.printing import pdf


@pytest.fixture(scope="module")
def pdf_tools():
    missing = []
    if pdf.load_weasyprint() is None:
        missing.append("WeasyPrint or its system libraries (pango)")
    if not shutil.which("pdftoppm"):
        missing.append("pdftoppm (poppler-utils)")
    if missing:
        reason = f"missing {', '.join(missing)}: run `make print-deps`"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"PDF tests cannot run in CI: {reason}")
        pytest.skip(reason)


def ppm_pages(data: bytes, tmp_path) -> list[bytes]:
    """pdftoppm at 50 dpi: one PPM (P6) file per page, sorted by page."""
    source = tmp_path / "sheet.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "50", str(source), str(tmp_path / "page")], check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob("page*.ppm"))]


def parse_ppm(data: bytes) -> tuple[int, int, bytes]:
    fields, position = [], 0
    while len(fields) < 4:  # magic, width, height, maxval (no comments from pdftoppm)
        while data[position:position + 1].isspace():
            position += 1
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P6"
    return int(fields[1]), int(fields[2]), data[position + 1:]


def dark_share(pixels: bytes) -> float:
    """Share of pixels that are clearly not white (any channel below 160)."""
    dark = sum(1 for i in range(0, len(pixels), 3) if min(pixels[i:i + 3]) < 160)
    return dark / (len(pixels) // 3)


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
    assert (width, height) in ((413, 585), (414, 585), (413, 584))  # A4 at 50 dpi
    assert 0.01 < dark_share(pixels) < 0.5  # text and the QR code, on white paper


def test_long_idea_flows_onto_a_second_page_with_the_qr_code(pdf_tools, client, answered_idea, database, tmp_path):
    answered_idea.summary = "\n".join(["Een korte zin over de moestuin op het plein."] * 60)
    database.session.commit()
    response = client.get(f"/print/ideas/{answered_idea.id}.pdf")
    pages = ppm_pages(response.data, tmp_path)
    assert len(pages) >= 2
    assert all(dark_share(parse_ppm(page)[2]) > 0.005 for page in pages)
