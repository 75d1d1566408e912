"""Matching stored documents against the rulebook and storing proposals.

Layer: monitor (watch → storage). Only documents whose current version has not been matched
with the current rulebook hash are read, so a second cycle matches nothing. Proposals are
unique on document × rule × demand (storage enforces it). Cases: tests/test_cycle.py.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from monitor.watch.loader import Rulebook
from monitor.watch.matcher import MatchInput, match_document
from storage import Store
from storage.inputs import EvidenceIn
from storage.records import DocumentRecord

logger = logging.getLogger(__name__)

MARK_BATCH = 500


@dataclass
class MatchReport:
    documents: int = 0
    proposals_new: int = 0
    matches: int = 0
    by_demand: Counter[str] = field(default_factory=Counter)


def as_match_input(doc: DocumentRecord) -> MatchInput:
    return MatchInput(document_id=doc.id, title=doc.title, text=doc.text,
                      source_id=doc.source_id, source_kind=doc.source_kind,
                      country=doc.country, published_on=doc.published_on, url=doc.url)


def match_pending(store: Store, rulebook: Rulebook, *, now: datetime) -> MatchReport:
    """Match every document not yet matched with this rulebook; store new proposals."""
    report = MatchReport()
    done: list[int] = []
    for doc in list(store.documents_to_match(rulebook.hash)):
        report.documents += 1
        for match in match_document(rulebook, as_match_input(doc), now=now):
            report.matches += 1
            if not match.proposes:
                continue
            _, is_new = store.add_evidence(EvidenceIn(
                demand_id=match.demand_id, document_id=doc.id, rule_id=match.rule_id,
                proposed_status=match.proposes, event_codes=tuple(match.events),
                excerpt=match.excerpt, url=doc.url,
                highlights=tuple(tuple(h) for h in match.highlights),  # type: ignore[misc]
                act_date=doc.published_on))
            if is_new:
                report.proposals_new += 1
                report.by_demand[match.demand_id] += 1
        done.append(doc.id)
        if len(done) >= MARK_BATCH:
            store.mark_matched(done, rulebook.hash)
            done = []
    if done:
        store.mark_matched(done, rulebook.hash)
    logger.info("matched %d documents: %d matches, %d new proposals", report.documents,
                report.matches, report.proposals_new)
    return report
