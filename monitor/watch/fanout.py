"""Matching many documents with one or two rulebooks, on one core or several.

Layer: monitor. ``rules test`` matches every stored document with the new rules and the rules
in force; on a machine with several cores the documents are split into as many contiguous
slices, each matched in a forked process (the rulebooks' automata, built first, and the
documents are inherited, never pickled; only the matches come back), and the results are
returned in document order, as one process returns them. Below ``DOCUMENTS_PER_WORKER``
documents a process, one process is faster than starting others.
Cases: tests/watch/test_watch_fanout.py.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from monitor.watch.matcher import DocumentCues, match_document, scan_index
from monitor.watch.model import Match, MatchInput, Rulebook

DOCUMENTS_PER_WORKER = 5000


@dataclass(frozen=True)
class MatchJob:
    """The rulebooks to match each document with: ``first`` (its ``first_only`` rules), then
    ``second`` (its ``second_only`` rules) when given, both reading one document's cues."""

    first: Rulebook
    now: datetime
    first_only: list[str] | None = None
    second: Rulebook | None = None
    second_only: list[str] | None = None


Matched = tuple[str, list[Match], list[Match]]  # document id, first's matches, second's


def match_one(job: MatchJob, doc: MatchInput) -> Matched:
    """One document's id and its matches: the first rulebook's, then the second's."""
    cues = DocumentCues()  # the second rulebook reads the cues the first one read
    first = match_document(job.first, doc, now=job.now, only_rules=job.first_only, cues=cues)
    second = match_document(job.second, doc, now=job.now, only_rules=job.second_only,
                            cues=cues) if job.second is not None else []
    return str(doc.document_id), first, second


def match_all(job: MatchJob, documents: Iterable[MatchInput], *,
              workers: int = 1) -> Iterator[Matched]:
    """``match_one`` for each document, in order; with ``workers`` > 1 and enough documents,
    in that many forked processes (the caller must hold no other thread; where processes
    cannot fork, in this one)."""
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        documents = documents if isinstance(documents, list) else list(documents)
        if len(documents) >= workers * DOCUMENTS_PER_WORKER:
            yield from _forked(job, documents, workers)
            return
    for doc in documents:
        yield match_one(job, doc)


# What the forked processes read: set before the fork, copied with the process memory.
_SHARED: tuple[MatchJob, Sequence[MatchInput]] | None = None


def _slice(bounds: tuple[int, int]) -> list[tuple[int, list[Match], list[Match]]]:
    """The matches of the documents in ``bounds``, by position, for those with any (most
    documents have none: only the others travel back)."""
    assert _SHARED is not None
    job, documents = _SHARED
    found = []
    for position in range(*bounds):
        _, first, second = match_one(job, documents[position])
        if first or second:
            found.append((position, first, second))
    return found


def _forked(job: MatchJob, documents: Sequence[MatchInput], workers: int) -> Iterator[Matched]:
    global _SHARED
    scan_index(job.first)  # built once here, inherited by every process
    if job.second is not None:
        scan_index(job.second)
    size = -(-len(documents) // workers)
    _SHARED = (job, documents)
    # the collector of each process would walk (and so copy) every inherited object
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_slice, [(start, min(start + size, len(documents)))
                                      for start in range(0, len(documents), size)])
    finally:
        gc.unfreeze()
        _SHARED = None
    matched = {position: (first, second) for part in parts for position, first, second in part}
    for position, doc in enumerate(documents):
        first, second = matched.get(position, ([], []))
        yield str(doc.document_id), first, second
