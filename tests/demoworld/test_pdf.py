"""The hand-written PDFs: valid, multi-page when long, and their Spanish text extractable.

Cases: monitor/demoworld/pdf.py and the gazette's PDF-only norm (/gaceta/normas/descargarNrms/).
"""

from __future__ import annotations

import pypdfium2 as pdfium
from demoworld_helpers import pdf_text

from monitor.demoworld.pdf import make_pdf


def test_pdf_text_with_accents_is_extractable():
    body = make_pdf("DECRETO SUPREMO N° 1", ["Artículo único (OBJETO): víctimas de trata, niñez."])
    text = pdf_text(body)
    assert "DECRETO SUPREMO N° 1" in text
    assert "Artículo único (OBJETO): víctimas de trata, niñez." in text


def test_long_text_spans_several_pages():
    body = make_pdf("Título", [f"Párrafo número {n} del anexo." for n in range(80)])
    document = pdfium.PdfDocument(body)
    try:
        assert len(document) >= 3
    finally:
        document.close()
    assert "Párrafo número 79 del anexo." in pdf_text(body)


def test_pdf_only_norm_serves_its_text(demo_site):
    content_type, body = demo_site["/gaceta/normas/descargarNrms/178207"]
    assert content_type == "application/pdf" and body.startswith(b"%PDF-1.4")
    text = " ".join(pdf_text(body).split())
    assert "visa humanitaria para víctimas de trata y tráfico de personas" in text
    assert "/gaceta/normas/verGratis_gob/178207" not in demo_site  # only as PDF
