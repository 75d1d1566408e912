"""RSS/Atom feeds: bytes in, entries out (links unwrapped and canonical, texts without HTML).

Layer: spiders (pure; no fetching). Settings read: none.
Cases: tests/fixtures/parsing/feeds/* (one feed per case, expectations in its header comment);
counts against plain feedparser in bench/bench_feeds.py.

feedparser does the parsing; the HTTP ``Content-Type`` goes in as a response header so a Latin-1
feed without an XML declaration (UOL) decodes right. What we add:

- gzip bytes served without ``Content-Encoding`` are unpacked (at most 64 MiB);
- a broken feed with no entries gets a second chance: lxml's recovering parser rebuilds the XML
  and feedparser reads that (undeclared prefixes, unclosed roots, bad bytes);
- an HTML page where a feed was expected is an error (``not a feed: got an HTML page``), a feed
  that is still broken with no entries is an error, a broken feed with entries keeps them and
  says what was wrong in ``problem``;
- dates are read as written (a ``-0300`` evening stays on its day), Portuguese/Spanish names too.
"""

from __future__ import annotations

import logging
import re
import zlib
from dataclasses import dataclass
from datetime import date
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from spiders.errors import SourceUnreadable
from spiders.text import (
    canonical_url,
    decode_html,
    fragment_text,
    parse_date,
    unwrap_redirect,
)

logger = logging.getLogger(__name__)

_MAX_GUNZIP_BYTES = 64 * 1024 * 1024
_UTF8_XML = {"content-type": "application/xml; charset=utf-8"}
_SHORT_SUMMARY_WORDS = 150
_XML_DECLARATIONS = re.compile(r"<\?xml(?![\w-])[^<>]*\?>", re.I)  # also garbled, repeated
_PREFIXED_TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*):(?=[A-Za-z_])")
_DECLARED_PREFIX = re.compile(r"xmlns:([A-Za-z_][\w.-]*)\s*=")
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body)\b", re.I)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf|channel)\b", re.I)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, as plain text."""

    link: str
    title: str
    summary_text: str
    content_text: str
    published_on: date | None
    guid: str | None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and entries; ``problem`` says what was wrong with a feed we still read."""

    title: str
    entries: list[FeedEntry]
    problem: str | None


def parse_feed(body: bytes, *, url: str, content_type: str | None) -> ParsedFeed:
    """Entries of an RSS/Atom/RDF feed; SourceUnreadable for HTML, empty or hopeless bytes."""
    body = _gunzip_if_needed(body, url=url)
    if not body.strip():
        raise SourceUnreadable("empty feed (0 bytes)", kind="empty", url=url)
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.entries and _looks_like_html(body, parsed):
        raise SourceUnreadable("not a feed: got an HTML page", kind="parse", url=url)
    if not parsed.entries and parsed.bozo:
        recovered = _reparse_recovered(body, original=parsed, content_type=content_type, url=url)
        parsed = recovered or parsed
    if not parsed.entries and parsed.bozo:
        reason = _problem(parsed)
        raise SourceUnreadable(f"broken feed, no entries: {reason}", kind="parse", url=url)
    entries = [_entry(raw) for raw in parsed.entries]
    title = fragment_text(str(parsed.feed.get("title", "")))
    problem = _problem(parsed) if parsed.bozo else None
    return ParsedFeed(title=title, entries=entries, problem=problem)


def entry_needs_page(entry: FeedEntry) -> bool:
    """True when the entry carries only a short summary, so the linked page must be fetched."""
    if not entry.link:
        return False
    longest = max(len(entry.content_text.split()), len(entry.summary_text.split()))
    return longest < _SHORT_SUMMARY_WORDS


def _gunzip_if_needed(body: bytes, *, url: str) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(body, _MAX_GUNZIP_BYTES)
    except zlib.error as exc:
        raise SourceUnreadable(f"broken gzip data: {exc}", kind="parse", url=url) from exc
    if inflater.unconsumed_tail:
        raise SourceUnreadable("gzip feed larger than 64 MiB", kind="too_large", url=url)
    return data


def _looks_like_html(body: bytes, parsed: Any) -> bool:
    head = body[:4096]
    return not parsed.get("version") and bool(_HTML_START.search(head)) and not _FEED_ROOT.search(
        body[:20_000]
    )


def _reparse_recovered(
    body: bytes, *, original: Any, content_type: str | None, url: str
) -> Any | None:
    """feedparser again over repaired XML (declarations and undeclared prefixes dropped, then
    lxml's recovering parser); None when neither repair yields entries."""
    try:
        text = _repair_xml_text(decode_html(body, header_charset=_charset_of(content_type)))
    except SourceUnreadable:
        return None
    repaired = text.encode("utf-8")
    for candidate in (repaired, _lxml_recovered(repaired, url=url)):
        if candidate is None:
            continue
        reparsed = feedparser.parse(candidate, response_headers=_UTF8_XML)
        logger.debug("feed %s: repair found %d entries", url, len(reparsed.entries))
        if reparsed.entries:
            reparsed["bozo"] = True
            reparsed["bozo_exception"] = f"repaired malformed XML ({_problem(original)})"
            return reparsed
    return None


def _lxml_recovered(xml: bytes, *, url: str) -> bytes | None:
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = lxml.etree.fromstring(xml, parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        logger.debug("feed %s: lxml recovery failed (%s)", url, type(exc).__name__)
        return None
    if root is None:
        return None
    return bytes(lxml.etree.tostring(root, encoding="utf-8", xml_declaration=True))


def _repair_xml_text(text: str) -> str:
    """Drop XML declarations (garbled or repeated ones too) and undeclared element prefixes."""
    text = _XML_DECLARATIONS.sub("", text)
    declared = set(_DECLARED_PREFIX.findall(text)) | {"xml"}

    def unprefix(match: re.Match[str]) -> str:
        return match.group(0) if match.group(2) in declared else f"<{match.group(1)}"

    return _PREFIXED_TAG.sub(unprefix, text)


def _charset_of(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _problem(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "malformed feed"
    if isinstance(exc, str):
        return exc
    return f"{type(exc).__name__}: {exc}"


def _entry(raw: Any) -> FeedEntry:
    link = str(raw.get("link") or "").strip()
    if link.startswith(("http://", "https://")):
        link = canonical_url(unwrap_redirect(link))
    contents = raw.get("content") or []
    return FeedEntry(
        link=link,
        title=fragment_text(str(raw.get("title", ""))),
        summary_text=fragment_text(str(raw.get("summary", ""))),
        content_text="\n".join(fragment_text(str(c.get("value", ""))) for c in contents).strip(),
        published_on=_entry_date(raw),
        guid=str(raw["id"]) if raw.get("id") else None,
    )


def _entry_date(raw: Any) -> date | None:
    """The date as the feed wrote it; feedparser's parsed tuple (UTC) only as a fallback."""
    for key in ("published", "updated", "created"):
        value = raw.get(key)
        found = parse_date(str(value)) if value else None
        if found is not None:
            return found
    for key in ("published_parsed", "updated_parsed"):
        parsed = raw.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
