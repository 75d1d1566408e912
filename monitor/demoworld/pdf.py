"""A tiny hand-written PDF writer for the demo gazette's PDF-only norms.

Layer: monitor (demo world only). Writes PDF 1.4 with one Helvetica font in WinAnsiEncoding
(so Spanish accents survive), one text stream per page, and a correct xref table; pypdfium2,
pdftotext and pypdf read the text back. No settings. Cases: tests/demoworld/test_pdf.py.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Sequence

logger = logging.getLogger(__name__)

LINES_PER_PAGE = 48
WRAP_COLUMNS = 88
FONT_SIZE = 10
LEADING = 14


def make_pdf(title: str, paragraphs: Sequence[str]) -> bytes:
    """A valid PDF whose pages hold ``title`` (bold-ish, larger) and the wrapped paragraphs."""
    lines = _layout(paragraphs)
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    streams = [_page_stream(title if n == 0 else None, chunk) for n, chunk in enumerate(pages)]
    return _assemble(streams)


def _layout(paragraphs: Sequence[str]) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, WRAP_COLUMNS) or [""])
        lines.append("")
    return lines


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page_stream(title: str | None, lines: Sequence[str]) -> bytes:
    parts = [b"BT"]
    if title is not None:
        parts += [b"/F1 13 Tf", b"56 790 Td", b"(" + _escape(title) + b") Tj",
                  b"0 -24 Td", b"/F1 %d Tf" % FONT_SIZE, b"%d TL" % LEADING]
    else:
        parts += [b"/F1 %d Tf" % FONT_SIZE, b"56 790 Td", b"%d TL" % LEADING]
    for line in lines:
        parts.append(b"(" + _escape(line) + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def _assemble(streams: Sequence[bytes]) -> bytes:
    """Objects: 1 catalog, 2 pages, 3 font, then (page, content) pairs."""
    page_ids = [4 + 2 * i for i in range(len(streams))]
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(streams),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for pid, stream in zip(page_ids, streams, strict=True):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (pid + 1))
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref_at)
    return bytes(out)
