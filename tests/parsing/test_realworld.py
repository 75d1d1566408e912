"""The parsers over a realdata folder (env VEEDURIA_REALDATA_DIR), served on loopback.

Marked ``realworld``. Without the variable the test skips locally and fails under CI (env CI),
so a CI run cannot pass without having looked at the real files.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import feedparser
import pytest

from spiders.realworld import check_folder, served_headers, write_report

KNOWN_KINDS = {"parse", "encoding", "empty", "too_large", "pdf", "blocked"}
EXPECTED_PDF_F1 = 0.95


@pytest.fixture(scope="module")
def realdata() -> Path:
    folder = os.environ.get("VEEDURIA_REALDATA_DIR")
    if not folder:
        if os.environ.get("CI"):
            pytest.fail("VEEDURIA_REALDATA_DIR not set: CI must point it at the realdata folder")
        pytest.skip("VEEDURIA_REALDATA_DIR not set")
    path = Path(folder)
    assert path.is_dir(), f"VEEDURIA_REALDATA_DIR={folder} is not a folder"
    return path


@pytest.fixture(scope="module")
def rows(realdata):
    return check_folder(realdata)


@pytest.mark.realworld
def test_no_file_crashes_the_parsers(rows):
    assert [(r.file, r.error) for r in rows if r.error_kind == "crash"] == []


@pytest.mark.realworld
def test_every_kind_of_file_was_checked(rows):
    assert {r.kind for r in rows} == {"feed", "html", "gazette", "pdf"}


@pytest.mark.realworld
def test_every_feed_is_parsed_or_recorded_with_an_error(rows, realdata):
    feeds = {r.file: r for r in rows if r.kind == "feed"}
    paths = sorted(p for p in (realdata / "feeds").glob("*") if p.is_file())
    assert len(feeds) == len(paths)
    for path in paths:
        row = feeds[str(path.relative_to(realdata))]
        if row.error_kind is not None:
            assert row.error_kind in KNOWN_KINDS and row.error, row.file
            continue
        body = path.read_bytes()
        body = gzip.decompress(body) if path.suffix == ".gz" else body
        plain = feedparser.parse(body, response_headers={
            "content-type": served_headers(path)["Content-Type"]})
        assert row.documents >= len(plain.entries), f"{row.file}: fewer entries than feedparser"


@pytest.mark.realworld
def test_pdfs_match_their_expected_texts(rows):
    scored = [r for r in rows if r.expected_f1 is not None]
    assert scored, "no PDF with an expected text was found"
    assert [(r.file, r.expected_f1) for r in scored if r.expected_f1 < EXPECTED_PDF_F1] == []


@pytest.mark.realworld
def test_news_pages_all_give_text_and_a_language(rows):
    pages = [r for r in rows if r.kind == "html"]
    assert [r.file for r in pages if r.error_kind or not r.text_chars or not r.language] == []


@pytest.mark.realworld
def test_latin1_feed_is_read_through_the_http_header(rows):
    uol = [r for r in rows if r.file.endswith("uol_noticias_ptbr.rss")]
    if uol:
        assert uol[0].documents > 0 and uol[0].language == "pt" and not uol[0].note


@pytest.mark.realworld
def test_report_is_written(rows, tmp_path):
    for name in ("report.md", "report.tsv"):
        write_report(rows, tmp_path / name)
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(rows) + (2 if name.endswith(".md") else 1)
