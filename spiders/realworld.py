"""Run the parsers over a folder of real-world files and report what each one gave.

Layer: spiders (parsing only; the loopback server below exists so the HTTP header path is
exercised). Settings read: none (monitor passes the folder: ``veeduria realworld``).
Cases: tests/parsing/test_realworld.py (marked ``realworld``; needs VEEDURIA_REALDATA_DIR).

The folder has the realdata layout: ``feeds/*``, ``html/news/*.html``, ``gazette/*.xml`` (INLABS)
and ``pdf/*.pdf`` (with ``<stem>.expected.txt`` or ``<stem>.tika.txt`` beside some). With
``serve=True`` the folder is served on 127.0.0.1 with the headers its README names (gzip
``Content-Encoding`` for ``*.gz``, ``charset=ISO-8859-1`` for the UOL feed) and fetched with
urllib; with ``serve=False`` the bytes are read from disk with no header at all, which tests the
charset fallbacks. One row per file; nothing raises.
"""

from __future__ import annotations

import gzip
import logging
import re
import threading
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

from spiders.errors import SourceError
from spiders.extract import extract_html
from spiders.feeds import parse_feed
from spiders.gazettes import parse_inlabs_xml
from spiders.pdf import pdf_text
from spiders.text import detect_language, parse_date

logger = logging.getLogger(__name__)

LATIN1_FILES = frozenset({"uol_noticias_ptbr.rss"})
_FETCH_TIMEOUT_S = 30
_DATE_IN_TEXT = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2}º? de [a-zçA-ZÇ]+ de \d{4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I
)


@dataclass(frozen=True)
class RealworldRow:
    """What one file gave: documents, text size, date, language, error, expectation."""

    kind: str  # feed | html | gazette | pdf
    file: str  # relative to the folder
    documents: int = 0
    text_chars: int = 0
    found_date: date | None = None
    language: str | None = None
    error_kind: str | None = None  # SourceError kind, or "crash" for a bug in our code
    error: str | None = None
    note: str = ""  # feed problem, OCR, expected-text score
    expected_f1: float | None = None  # token F1 against an expected text, when one exists

    @property
    def crashed(self) -> bool:
        """A bug in our parsing code (not a bad file): the report's red flag."""
        return self.error_kind == "crash"


@dataclass(frozen=True)
class _Fetched:
    body: bytes
    content_type: str | None


Fetcher = Callable[[Path], _Fetched]


def check_folder(folder: Path, *, serve: bool = True) -> list[RealworldRow]:
    """One row per feed, news page, gazette XML and PDF in ``folder``; never raises."""
    if not serve:
        return _check_all(folder, partial(_read_from_disk, folder=folder))
    with _serve(folder) as base_url:
        return _check_all(folder, partial(_fetch_over_http, folder=folder, base_url=base_url))


def _check_all(folder: Path, fetch: Fetcher) -> list[RealworldRow]:
    groups: tuple[tuple[str, str, Callable[[Path, _Fetched], RealworldRow]], ...] = (
        ("feed", "feeds/*", _check_feed),
        ("html", "html/news/*.html", _check_html),
        ("gazette", "gazette/*.xml", _check_gazette),
        ("pdf", "pdf/*.pdf", _check_pdf),
    )
    rows = []
    for kind, pattern, check in groups:
        for path in sorted(p for p in folder.glob(pattern) if p.is_file()):
            rows.append(_checked_row(kind, path, folder, fetch, check))
    logger.info("realworld: %d files checked, %d errors", len(rows),
                sum(1 for r in rows if r.error_kind))
    return rows


def _checked_row(
    kind: str, path: Path, folder: Path, fetch: Fetcher,
    check: Callable[[Path, _Fetched], RealworldRow],
) -> RealworldRow:
    name = str(path.relative_to(folder))
    try:
        return replace(check(path, fetch(path)), kind=kind, file=name)
    except SourceError as exc:
        return RealworldRow(kind, name, error_kind=exc.kind, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - the report lists our own crashes; it must not stop
        logger.exception("realworld: crash on %s", name)
        return RealworldRow(kind, name, error_kind="crash", error=f"{type(exc).__name__}: {exc}")


def _check_feed(path: Path, fetched: _Fetched) -> RealworldRow:
    feed = parse_feed(fetched.body, url=f"file:///{path.name}", content_type=fetched.content_type)
    dates = [e.published_on for e in feed.entries if e.published_on]
    sample = " ".join(f"{e.title} {e.summary_text[:300]}" for e in feed.entries[:20])
    return RealworldRow(
        "feed", path.name, documents=len(feed.entries),
        text_chars=sum(len(e.content_text or e.summary_text) for e in feed.entries),
        found_date=max(dates) if dates else None, language=detect_language(sample),
        note=f"problem: {feed.problem}" if feed.problem else "",
    )


def _check_html(path: Path, fetched: _Fetched) -> RealworldRow:
    charset = _charset(fetched.content_type)
    page = extract_html(fetched.body, url=f"https://example.invalid/{path.name}",
                        header_charset=charset)
    return RealworldRow("html", path.name, documents=1, text_chars=len(page.text),
                        found_date=page.published_on, language=page.language)


def _check_gazette(path: Path, fetched: _Fetched) -> RealworldRow:
    acts = parse_inlabs_xml(fetched.body)
    text = "\n".join(f"{a.title}\n{a.text}" for a in acts)
    return RealworldRow("gazette", path.name, documents=len(acts), text_chars=len(text),
                        found_date=acts[0].published_on if acts else None,
                        language=detect_language(text))


def _check_pdf(path: Path, fetched: _Fetched) -> RealworldRow:
    result = pdf_text(fetched.body)
    expected = _expected_text(path)
    f1 = token_f1(result.text, expected) if expected is not None else None
    notes = [f"{result.pages} pages"] + (["OCR"] if result.is_ocr else [])
    if result.pages_without_text:
        notes.append(f"{result.pages_without_text} pages without text")
    return RealworldRow("pdf", path.name, documents=1, text_chars=len(result.text),
                        found_date=_date_in_text(result.text[:3000]),
                        language=detect_language(result.text), note=", ".join(notes),
                        expected_f1=f1)


def _expected_text(pdf: Path) -> str | None:
    for suffix in (".expected.txt", ".tika.txt"):
        candidate = pdf.with_name(pdf.stem + suffix)
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return None


def token_f1(got: str, want: str) -> float:
    """F1 of the bags of lower-cased word tokens (column order does not count)."""
    a = Counter(re.findall(r"\w+", got.lower()))
    b = Counter(re.findall(r"\w+", want.lower()))
    tp = sum((a & b).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(a.values()), tp / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _date_in_text(text: str) -> date | None:
    for match in _DATE_IN_TEXT.finditer(text):
        found = parse_date(match.group(0))
        if found is not None:
            return found
    return None


def _charset(content_type: str | None) -> str | None:
    match = re.search(r"charset=([\w.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def served_headers(path: Path) -> dict[str, str]:
    """The headers the README asks for: gzip encoding, the UOL feed's Latin-1 charset."""
    types = {".rss": "application/rss+xml", ".atom": "application/atom+xml",
             ".xml": "application/xml", ".html": "text/html", ".pdf": "application/pdf",
             ".gz": "application/rss+xml"}
    headers = {"Content-Type": types.get(path.suffix, "application/octet-stream")}
    if path.suffix == ".gz":
        headers["Content-Encoding"] = "gzip"
    if path.name in LATIN1_FILES:
        headers["Content-Type"] += "; charset=ISO-8859-1"
    return headers


def _read_from_disk(path: Path, *, folder: Path) -> _Fetched:
    return _Fetched(path.read_bytes(), None)


def _fetch_over_http(path: Path, *, folder: Path, base_url: str) -> _Fetched:
    url = f"{base_url}/{quote(str(path.relative_to(folder)))}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=_FETCH_TIMEOUT_S) as response:
        body = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return _Fetched(body, response.headers.get("Content-Type"))


class _FolderHandler(SimpleHTTPRequestHandler):
    """Serves the folder's bytes as they are, with ``served_headers``."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        for name, value in served_headers(path).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature
        logger.debug("realworld server: " + format, *args)


@contextmanager
def _serve(folder: Path) -> Iterator[str]:
    handler = partial(_FolderHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def write_report(rows: list[RealworldRow], path: Path) -> None:
    """A markdown table (or TSV when ``path`` ends in .tsv) of the rows."""
    header = ["kind", "file", "documents", "text_chars", "date", "language", "error_kind",
              "error", "expected_f1", "note"]
    lines = [[r.kind, r.file, str(r.documents), str(r.text_chars), str(r.found_date or ""),
              r.language or "", r.error_kind or "", (r.error or "").replace("|", "/")[:160],
              "" if r.expected_f1 is None else f"{r.expected_f1:.3f}", r.note.replace("|", "/")]
             for r in rows]
    if path.suffix == ".tsv":
        text = "\n".join("\t".join(cells) for cells in [header, *lines]) + "\n"
    else:
        table = [header, ["---"] * len(header), *lines]
        text = "\n".join("| " + " | ".join(cells) + " |" for cells in table) + "\n"
    path.write_text(text, encoding="utf-8")
