"""PDFs, one fixture per case: tests/fixtures/parsing/pdf/*.pdf with a sidecar ``.expect``
(regenerate with tests/fixtures/parsing/make_pdfs.py)."""

from __future__ import annotations

import shutil

import pytest
from parsing_cases import case_files, expectations

from spiders.errors import SourceUnreadable
from spiders.pdf import pdf_text
from spiders.text import detect_language

CASES = case_files("pdf", "*.pdf")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_pdf_case(path):
    expect = expectations(path)
    if "Expect-error-kind" in expect:
        with pytest.raises(SourceUnreadable) as caught:
            pdf_text(path.read_bytes())
        assert caught.value.kind == expect["Expect-error-kind"]
        assert expect.get("Expect-error", "") in str(caught.value)
        return
    if expect.get("Expect-ocr") == "yes" and shutil.which("tesseract") is None:
        pytest.fail("tesseract is required for the OCR case (Debian package tesseract-ocr)")
    result = pdf_text(path.read_bytes())
    assert result.pages == int(expect["Expect-pages"])
    assert result.is_ocr is (expect.get("Expect-ocr") == "yes")
    assert expect["Expect-contains"] in " ".join(result.text.split())
    assert detect_language(result.text) == expect["Expect-lang"]


def test_scanned_pdf_without_ocr_gives_no_text_and_counts_the_page():
    path = case_files("pdf", "comunicado_escaneado_es.pdf")[0]
    result = pdf_text(path.read_bytes(), ocr_languages="")
    assert (result.text, result.is_ocr, result.pages_without_text) == ("", False, 1)


def test_empty_body_is_unreadable():
    with pytest.raises(SourceUnreadable) as caught:
        pdf_text(b"")
    assert caught.value.kind == "empty"


def test_pdf_with_broken_structure_is_malformed():
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF\n"
    with pytest.raises(SourceUnreadable) as caught:
        pdf_text(body)
    assert caught.value.kind == "pdf"
    assert "malformed PDF" in str(caught.value)
