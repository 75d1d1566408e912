"""Feeds, one fixture per case: tests/fixtures/parsing/feeds/* (expectations in the header
comment; a sidecar ``.headers`` gives the HTTP Content-Type passed to the parser)."""

from __future__ import annotations

import gzip
from datetime import date

import pytest
from parsing_cases import case_files, content_type, expectations

from spiders.errors import SourceUnreadable
from spiders.feeds import entry_needs_page, parse_feed

CASES = case_files("feeds")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_feed_case(path):
    expect = expectations(path)
    body, ctype = path.read_bytes(), content_type(path)
    if "Expect-error-kind" in expect:
        with pytest.raises(SourceUnreadable) as caught:
            parse_feed(body, url="https://ejemplo.org/feed", content_type=ctype)
        assert caught.value.kind == expect["Expect-error-kind"]
        assert expect.get("Expect-error", "") in str(caught.value)
        return
    feed = parse_feed(body, url="https://ejemplo.org/feed", content_type=ctype)
    assert len(feed.entries) == int(expect["Expect-entries"])
    first = feed.entries[0]
    if "Expect-first-title" in expect:
        assert first.title == expect["Expect-first-title"]
    if "Expect-first-link" in expect:
        assert first.link == expect["Expect-first-link"]
    if "Expect-first-date" in expect:
        assert first.published_on == date.fromisoformat(expect["Expect-first-date"])
    if "Expect-needs-page" in expect:
        assert entry_needs_page(first) is (expect["Expect-needs-page"] == "yes")
    assert (feed.problem is not None) is (expect.get("Expect-problem", "no") == "yes")


def test_gzip_feed_served_without_content_encoding_is_unpacked():
    body = (case_files("feeds", "alertas_google.atom")[0]).read_bytes()
    feed = parse_feed(gzip.compress(body), url="https://ejemplo.org/feed", content_type=None)
    assert len(feed.entries) == 2


def test_latin1_feed_without_header_still_reads_with_a_problem_noted():
    path = case_files("feeds", "latin1_sin_declaracion.rss")[0]
    feed = parse_feed(path.read_bytes(), url="https://ejemplo.org/feed", content_type=None)
    assert feed.entries[0].title.startswith("Polícia Civil abre inquérito")
    assert feed.problem is not None


def test_empty_body_is_unreadable():
    with pytest.raises(SourceUnreadable) as caught:
        parse_feed(b"", url="https://ejemplo.org/feed", content_type="application/rss+xml")
    assert caught.value.kind == "empty"


def test_feed_with_only_short_content_needs_page_and_without_link_does_not():
    feed = parse_feed(case_files("feeds", "atom_solo_resumenes.atom")[0].read_bytes(),
                      url="https://ejemplo.org/feed", content_type=None)
    entry = feed.entries[0]
    assert entry_needs_page(entry)
    assert not entry_needs_page(type(entry)(**{**entry.__dict__, "link": ""}))
