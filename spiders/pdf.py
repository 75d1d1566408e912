"""Text of a PDF (gazettes, resolutions, statements): pypdfium2, with OCR for scanned pages.

Layer: spiders (pure apart from running the ``tesseract`` CLI on scanned pages). Settings read:
none (the caller passes ``ocr_languages``). Cases: tests/fixtures/parsing/pdf/*.pdf with a
sidecar ``<name>.expect``; speed and accuracy in bench/bench_pdf.py.

A page whose text layer has fewer than 5 visible characters counts as scanned. With
``ocr_languages`` set (tesseract codes, "spa+por"), it is rendered at 300 dpi to a greyscale PGM
and read by ``tesseract - - -l <langs>`` under a timeout; with ``ocr_languages=""`` its text is
left empty and counted in ``PdfText.pages_without_text``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass

import pypdfium2 as pdfium

from spiders.errors import SourceUnreadable

logger = logging.getLogger(__name__)

_OCR_DPI = 300
_OCR_PAGE_TIMEOUT_S = 60
_OCR_MAX_PAGES = 30  # a 300-page scanned gazette is not read by OCR in one fetch
_MIN_PAGE_CHARS = 5
_EOF_WINDOW = 4096
_PDFIUM_PASSWORD_ERROR = 4
_PDFIUM_FORMAT_ERROR = 3


@dataclass(frozen=True)
class PdfText:
    """A PDF's text (pages joined by blank lines), its page count and whether OCR read any."""

    text: str
    pages: int
    is_ocr: bool
    pages_without_text: int = 0  # scanned pages left unread (OCR off, failed or over the limit)


def pdf_text(body: bytes, *, ocr_languages: str = "spa+por") -> PdfText:
    """Text of every page; SourceUnreadable(kind="pdf") for encrypted, truncated or non-PDFs."""
    _check_is_complete_pdf(body)
    document = _open(body)
    try:
        texts: list[str] = []
        ocr_used = unread = 0
        for index in range(len(document)):
            page_text = _page_text(document, index)
            if len(page_text.strip()) < _MIN_PAGE_CHARS:
                page_text = _scanned_page_text(document, index, languages=ocr_languages,
                                               ocr_budget=_OCR_MAX_PAGES - ocr_used)
                ocr_used += 1 if page_text else 0
                unread += 0 if page_text else 1
            texts.append(page_text)
        return PdfText("\n\n".join(t for t in texts if t), len(document), ocr_used > 0, unread)
    finally:
        document.close()


def _check_is_complete_pdf(body: bytes) -> None:
    if not body:
        raise SourceUnreadable("empty PDF (0 bytes)", kind="empty")
    if b"%PDF-" not in body[:1024]:
        start = body[:200].lstrip().lower()
        looks = "an HTML page" if start.startswith((b"<!doctype", b"<html", b"<")) else "other data"
        raise SourceUnreadable(f"not a PDF: the body is {looks}", kind="pdf")
    if b"%%EOF" not in body[-_EOF_WINDOW:]:
        raise SourceUnreadable(
            f"truncated PDF: no end-of-file marker ({len(body)} bytes; download cut short?)",
            kind="pdf",
        )


def _open(body: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(body)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _PDFIUM_PASSWORD_ERROR:
            raise SourceUnreadable("encrypted PDF (password protected)", kind="pdf") from exc
        detail = "damaged structure" if code == _PDFIUM_FORMAT_ERROR else str(exc)
        raise SourceUnreadable(f"malformed PDF: {detail}", kind="pdf") from exc


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            raw = str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _scanned_page_text(
    document: pdfium.PdfDocument, index: int, *, languages: str, ocr_budget: int
) -> str:
    """OCR of one page, or "" when OCR is off, unavailable, over budget or failing."""
    if not languages or ocr_budget <= 0:
        return ""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        logger.warning("page %d has no text layer and tesseract is not installed", index + 1)
        return ""
    image = _render_pgm(document, index)
    try:
        done = subprocess.run(
            [tesseract, "-", "-", "-l", languages], input=image, capture_output=True,
            timeout=_OCR_PAGE_TIMEOUT_S, check=True,
        )
    except subprocess.TimeoutExpired:
        logger.warning("OCR of page %d gave up after %d s", index + 1, _OCR_PAGE_TIMEOUT_S)
        return ""
    except subprocess.CalledProcessError as exc:
        logger.warning("OCR of page %d failed (exit %s)", index + 1, exc.returncode)
        return ""
    return done.stdout.decode("utf-8", errors="replace").replace("\f", "").strip()


def _render_pgm(document: pdfium.PdfDocument, index: int) -> bytes:
    """The page as a binary greyscale PGM (tesseract reads PNM from stdin; no Pillow needed)."""
    page = document[index]
    try:
        bitmap = page.render(scale=_OCR_DPI / 72, grayscale=True)
    finally:
        page.close()
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    buffer = bytes(bitmap.buffer)
    bitmap.close()
    pixel_bytes = stride // width if width else 1
    rows = (buffer[row * stride : row * stride + width * pixel_bytes] for row in range(height))
    pixels = b"".join(rows) if pixel_bytes == 1 else b"".join(r[::pixel_bytes] for r in rows)
    return f"P5\n{width} {height}\n255\n".encode("ascii") + pixels
