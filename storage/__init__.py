"""Veeduría's storage: every SQLAlchemy import and SQL statement, Alembic migrations, records.

Layer: storage (imports nothing of ours). Settings read: ``database_url`` and
``failing_after``, passed in by monitor. Use ``Store.open(url)``; ``upgrade(url)`` is
``veeduria db upgrade``. Cases: tests/storage/.
"""

from __future__ import annotations

from storage.db import redact, safe_url, upgrade
from storage.errors import Conflict, NotFound, SchemaOutOfDate, StorageError
from storage.inputs import DemandIn, DocumentIn, EvidenceIn, FetchRow, SourceRow
from storage.store import Store

__all__ = [
    "Conflict", "DemandIn", "DocumentIn", "EvidenceIn", "FetchRow", "NotFound",
    "SchemaOutOfDate", "SourceRow", "Store", "StorageError", "redact", "safe_url", "upgrade",
]
