"""Documents, their versions and alias URLs, and which rulebook has already matched them.

Layer: storage. Settings read: none. A document keeps its id for life: changed text at the same
URL adds a version (the old text stays), the same text at another URL becomes an alias.
Raw bytes are kept zlib-compressed. Cases: tests/storage/test_storage_documents.py.
"""

from __future__ import annotations

import logging
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from storage.errors import NotFound
from storage.inputs import DocumentIn
from storage.records import DocumentRecord, DocumentText, StoredDocument, VersionRecord
from storage.schema import UTCDateTime, document_aliases, document_versions, documents, sources

logger = logging.getLogger(__name__)

_Paged = TypeVar("_Paged", DocumentRecord, DocumentText)


_BY_URL = sa.select(documents.c.id, documents.c.version, documents.c.content_hash).where(
    documents.c.url == sa.bindparam("url"))
_BY_HASH = (sa.select(documents.c.id, documents.c.version, documents.c.url,
                      documents.c.content_hash)
            .join(document_versions, document_versions.c.document_id == documents.c.id)
            .where(document_versions.c.content_hash == sa.bindparam("content_hash"))
            .order_by(documents.c.id).limit(1))
_TOUCH = sa.update(documents).where(documents.c.id == sa.bindparam("document_id")).values(
    last_seen_at=sa.case(
        (documents.c.last_seen_at < sa.bindparam("seen_at", type_=UTCDateTime()),
         sa.bindparam("seen_at", type_=UTCDateTime())), else_=documents.c.last_seen_at))
_INSERT_DOCUMENT = sa.insert(documents).returning(documents.c.id, sort_by_parameter_order=True)
_INSERT_VERSION = sa.insert(document_versions)


def store_document(conn: Connection, doc: DocumentIn, *, now: datetime) -> StoredDocument:
    """Store ``doc`` and say what happened: new, seen, new_version or duplicate."""
    seen_at = doc.seen_at or now
    current = conn.execute(_BY_URL, {"url": doc.url}).mappings().first()
    if current is not None:
        return _store_at_known_url(conn, doc, current, seen_at=seen_at)
    original = conn.execute(_BY_HASH, {"content_hash": doc.content_hash}).mappings().first()
    if original is not None and original["url"] == doc.url:  # another writer just stored it
        return _store_at_known_url(conn, doc, original, seen_at=seen_at)
    if original is not None:
        return _store_alias(conn, doc, original, seen_at=seen_at)
    [stored] = _insert_documents(conn, [doc], now=now)
    return stored


def store_documents(conn: Connection, docs: Sequence[DocumentIn], *,
                    now: datetime) -> list[StoredDocument]:
    """``store_document`` for many; documents sharing no URL or text with anything stored or
    with each other are inserted in bulk, the rest one by one (same outcomes as in order)."""
    fresh = _fresh_positions(conn, docs)
    results: dict[int, StoredDocument] = dict(zip(
        fresh, _insert_documents(conn, [docs[i] for i in fresh], now=now), strict=True))
    for position, doc in enumerate(docs):
        if position not in results:
            results[position] = store_document(conn, doc, now=now)
    return [results[position] for position in range(len(docs))]


def _fresh_positions(conn: Connection, docs: Sequence[DocumentIn]) -> list[int]:
    urls = Counter(doc.url for doc in docs)
    hashes = Counter(doc.content_hash for doc in docs)
    known_urls: set[str] = set()
    known_hashes: set[str] = set()
    for start in range(0, len(docs), 500):
        chunk = docs[start:start + 500]
        known_urls.update(conn.execute(sa.select(documents.c.url).where(
            documents.c.url.in_([d.url for d in chunk]))).scalars())
        known_urls.update(conn.execute(sa.select(document_aliases.c.url).where(
            document_aliases.c.url.in_([d.url for d in chunk]))).scalars())
        known_hashes.update(conn.execute(sa.select(document_versions.c.content_hash).where(
            document_versions.c.content_hash.in_([d.content_hash for d in chunk]))).scalars())
    return [i for i, doc in enumerate(docs)
            if urls[doc.url] == 1 and hashes[doc.content_hash] == 1
            and doc.url not in known_urls and doc.content_hash not in known_hashes]


def _store_at_known_url(conn: Connection, doc: DocumentIn, current: RowMapping, *,
                        seen_at: datetime) -> StoredDocument:
    document_id, version = int(current["id"]), int(current["version"])
    if current["content_hash"] == doc.content_hash:
        conn.execute(_TOUCH, {"document_id": document_id, "seen_at": seen_at})
        return StoredDocument(id=document_id, outcome="seen", version=version)
    version += 1
    conn.execute(_INSERT_VERSION, [_version_values(document_id, version, doc, seen_at=seen_at)])
    conn.execute(sa.update(documents).where(documents.c.id == document_id).values(
        version=version, content_hash=doc.content_hash, title=doc.title,
        published_on=doc.published_on or documents.c.published_on,
        language=doc.language or documents.c.language, content_type=doc.content_type,
        external_id=doc.external_id or documents.c.external_id, last_seen_at=seen_at))
    logger.info("document %d: new version %d", document_id, version)
    return StoredDocument(id=document_id, outcome="new_version", version=version)


def _store_alias(conn: Connection, doc: DocumentIn, original: RowMapping, *,
                 seen_at: datetime) -> StoredDocument:
    document_id = int(original["id"])
    updated = conn.execute(sa.update(document_aliases)
                           .where(document_aliases.c.url == doc.url)
                           .values(last_seen_at=seen_at, document_id=document_id))
    if updated.rowcount == 0:
        conn.execute(sa.insert(document_aliases).values(
            url=doc.url, document_id=document_id, source_id=doc.source_id,
            first_seen_at=seen_at, last_seen_at=seen_at))
    return StoredDocument(id=document_id, outcome="duplicate", version=int(original["version"]))


def _insert_documents(conn: Connection, docs: Sequence[DocumentIn], *,
                      now: datetime) -> list[StoredDocument]:
    """Insert brand-new documents (version 1) with two executemany statements."""
    if not docs:
        return []
    rows = [{"source_id": doc.source_id, "url": doc.url, "external_id": doc.external_id,
             "title": doc.title, "published_on": doc.published_on, "language": doc.language,
             "content_type": doc.content_type, "content_hash": doc.content_hash, "version": 1,
             "first_seen_at": doc.seen_at or now, "last_seen_at": doc.seen_at or now}
            for doc in docs]
    ids = [int(i) for i in conn.execute(_INSERT_DOCUMENT, rows).scalars()]
    conn.execute(_INSERT_VERSION, [_version_values(document_id, 1, doc, seen_at=doc.seen_at or now)
                                   for document_id, doc in zip(ids, docs, strict=True)])
    return [StoredDocument(id=document_id, outcome="new", version=1) for document_id in ids]


def _version_values(document_id: int, version: int, doc: DocumentIn, *,
                    seen_at: datetime) -> dict[str, object]:
    return {"document_id": document_id, "version": version, "content_hash": doc.content_hash,
            "title": doc.title, "text": doc.text, "content_type": doc.content_type,
            "raw_zlib": zlib.compress(doc.raw, 6), "seen_at": seen_at}


def _current(*columns: sa.ColumnElement[object] | sa.Table) -> sa.Select[tuple[object, ...]]:
    """``columns`` of documents joined with their current version and their source."""
    return (sa.select(*columns)
            .join(document_versions, sa.and_(
                document_versions.c.document_id == documents.c.id,
                document_versions.c.version == documents.c.version))
            .join(sources, sources.c.id == documents.c.source_id))


def _document_query() -> sa.Select[tuple[object, ...]]:
    return _current(documents, document_versions.c.text, sources.c.kind.label("source_kind"),
                    sources.c.country)


def _record(row: RowMapping) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"], source_id=row["source_id"], url=row["url"], title=row["title"],
        text=row["text"], published_on=row["published_on"], language=row["language"],
        content_hash=row["content_hash"], first_seen_at=row["first_seen_at"],
        last_seen_at=row["last_seen_at"], version=row["version"],
        source_kind=row["source_kind"], country=row["country"],
        content_type=row["content_type"], external_id=row["external_id"],
        matched_rulebook=row["matched_rulebook"], matched_version=row["matched_version"])


def get_document(conn: Connection, document_id: int) -> DocumentRecord:
    row = conn.execute(_document_query().where(documents.c.id == document_id)).mappings().first()
    if row is None:
        raise NotFound(f"no document {document_id}")
    return _record(row)


def get_raw(conn: Connection, document_id: int, *, version: int | None) -> bytes:
    """The bytes a version (default: the current one) came as, decompressed."""
    query = sa.select(document_versions.c.raw_zlib).where(
        document_versions.c.document_id == document_id)
    if version is None:
        query = query.order_by(document_versions.c.version.desc()).limit(1)
    else:
        query = query.where(document_versions.c.version == version)
    raw = conn.execute(query).scalar()
    if raw is None:
        raise NotFound(f"no document {document_id} version {version or 'current'}")
    return zlib.decompress(raw)


def changed_versions(conn: Connection, *, since: datetime,
                     source_ids: Sequence[str] | None) -> list[tuple[VersionRecord,
                                                                     VersionRecord]]:
    """(previous, new) for every version after the first that was seen since ``since``."""
    old = document_versions.alias("old")
    new = document_versions.alias("new")
    query = (sa.select(documents.c.source_id, documents.c.url,
                       *(c.label(f"old_{c.name}") for c in old.c),
                       *(c.label(f"new_{c.name}") for c in new.c))
             .join(new, new.c.document_id == documents.c.id)
             .join(old, sa.and_(old.c.document_id == new.c.document_id,
                                old.c.version == new.c.version - 1))
             .where(new.c.seen_at >= since)
             .order_by(new.c.seen_at, new.c.id))
    if source_ids:
        query = query.where(documents.c.source_id.in_(list(source_ids)))
    return [(_version(row, "old_"), _version(row, "new_"))
            for row in conn.execute(query).mappings()]


def _version(row: RowMapping, prefix: str) -> VersionRecord:
    return VersionRecord(document_id=row[f"{prefix}document_id"],
                         version=row[f"{prefix}version"], source_id=row["source_id"],
                         url=row["url"], title=row[f"{prefix}title"],
                         text=row[f"{prefix}text"], seen_at=row[f"{prefix}seen_at"])


def document_page(conn: Connection, *, after_id: int, batch: int, since: date | None,
                  source_ids: Sequence[str] | None) -> list[DocumentRecord]:
    """One page of documents with id > ``after_id`` (keyset pagination keeps memory flat)."""
    query = _document_query().where(documents.c.id > after_id)
    if since is not None:
        query = query.where(documents.c.first_seen_at >= datetime.combine(since, time(), UTC))
    if source_ids is not None:
        query = query.where(documents.c.source_id.in_(list(source_ids)))
    query = query.order_by(documents.c.id).limit(batch)
    return [_record(row) for row in conn.execute(query).mappings()]


_TEXT_COLUMNS = (documents.c.id, documents.c.source_id, documents.c.url, documents.c.title,
                 document_versions.c.text, documents.c.published_on, sources.c.kind,
                 sources.c.country)


def text_page(conn: Connection, *, after_id: int, batch: int) -> list[DocumentText]:
    """One page of documents' current texts with id > ``after_id``: only the columns matching
    reads, as plain tuples (no dates of crawling to convert, no record to build)."""
    query = _current(*_TEXT_COLUMNS).where(documents.c.id > after_id) \
        .order_by(documents.c.id).limit(batch)
    return [DocumentText._make(row) for row in conn.execute(query)]


def unmatched_page(conn: Connection, rulebook_hash: str, *, after_id: int,
                   batch: int) -> list[DocumentRecord]:
    """One page of documents whose current version that rulebook has not matched yet."""
    is_unmatched = sa.or_(documents.c.matched_rulebook.is_(None),
                          documents.c.matched_rulebook != rulebook_hash,
                          documents.c.matched_version != documents.c.version)
    query = (_document_query().where(documents.c.id > after_id, is_unmatched)
             .order_by(documents.c.id).limit(batch))
    return [_record(row) for row in conn.execute(query).mappings()]


_MARK_VERSION = (sa.update(documents).where(documents.c.id == sa.bindparam("document_id"))
                 .values(matched_rulebook=sa.bindparam("rulebook"),
                         matched_version=sa.bindparam("matched")))


def mark_matched(conn: Connection, matched: Sequence[int | DocumentRecord],
                 rulebook_hash: str) -> None:
    """Remember that ``rulebook_hash`` matched these documents.

    A ``DocumentRecord`` marks the version it holds (a version stored meanwhile is still to
    match); a bare id marks whatever version is current."""
    records = [{"document_id": d.id, "matched": d.version, "rulebook": rulebook_hash}
               for d in matched if isinstance(d, DocumentRecord)]
    if records:
        conn.execute(_MARK_VERSION, records)
    ids = [d for d in matched if not isinstance(d, DocumentRecord)]
    for start in range(0, len(ids), 500):
        conn.execute(sa.update(documents).where(documents.c.id.in_(ids[start:start + 500]))
                     .values(matched_rulebook=rulebook_hash, matched_version=documents.c.version))


def iter_pages(fetch_page: Callable[[int], list[_Paged]]) -> Iterator[_Paged]:
    """Walk pages from ``fetch_page(after_id)`` until one comes back empty."""
    after_id = 0
    while True:
        page = fetch_page(after_id)
        if not page:
            return
        yield from page
        after_id = page[-1].id


def count_documents(conn: Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one())

