"""Storage's exceptions (see the tree in ``monitor/errors.py``): exit code 3 at the CLI.

Layer: storage. Imports nothing of ours.
"""

from __future__ import annotations


class StorageError(Exception):
    """A database problem: unreachable, out of date, or a broken invariant."""


class SchemaOutOfDate(StorageError):
    """The database schema is older than the code; run ``veeduria db upgrade``."""


class NotFound(StorageError):
    """No row with the id asked for."""


class Conflict(StorageError):
    """The row is not in the state the caller expected (for example already decided)."""
