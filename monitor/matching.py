"""Matching stored documents against the rulebook and storing proposals.

Layer: monitor (watch → storage). Only documents whose current version has not been matched
with the current rulebook hash are read, so a second cycle matches nothing. Proposals are
unique on document × rule × demand (storage enforces it). A match that proposes no status (a
press report of a fulfilment, a ``proposes: note`` rule) is stored as a corroborating note:
editors see it in the review list; it moves no status unless an editor reassigns it.
Cases: tests/test_demo_cycle.py, tests/test_review_cmds.py.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from monitor.watch.changes import changed_rules
from monitor.watch.matcher import match_document
from monitor.watch.model import Match, MatchInput, Rulebook
from storage import Store
from storage.inputs import EvidenceIn
from storage.records import NOTE, DocumentRecord, DocumentText

logger = logging.getLogger(__name__)

MARK_BATCH = 500


@dataclass
class MatchReport:
    documents: int = 0
    proposals_new: int = 0
    notes_new: int = 0  # corroborating notes: stored for editors, moving no status
    matches: int = 0
    by_demand: Counter[str] = field(default_factory=Counter)


def as_match_input(doc: DocumentRecord | DocumentText) -> MatchInput:
    return MatchInput(document_id=doc.id, title=doc.title, text=doc.text,
                      source_id=doc.source_id, source_kind=doc.source_kind,
                      country=doc.country, published_on=doc.published_on, url=doc.url)


def one_per_proposal(matches: list[Match]) -> list[Match]:
    """Several rules of one demand proposing the same status for one document make one
    proposal: the first rule's, with every rule's event codes."""
    kept: dict[tuple[str, str | None], Match] = {}
    for match in matches:
        key = (match.demand_id, match.proposes)
        if key not in kept:
            kept[key] = match
            continue
        first = kept[key]
        events = tuple(dict.fromkeys(first.events + match.events))
        kept[key] = replace(first, events=events)
    return list(kept.values())


RuleHashes = Mapping[str, Mapping[str, str]]  # rulebook hash -> {rule id: rule hash}


def rules_to_try(doc: DocumentRecord, rulebook: Rulebook, *,
                 known: RuleHashes) -> set[str] | None:
    """The rules that could change this document's matches: None (all) for new text or an
    unknown earlier rulebook; else only the rules added or changed since it was matched."""
    earlier = known.get(doc.matched_rulebook or "")
    if doc.is_new_content_since_matched or earlier is None:
        return None
    return changed_rules(earlier, rulebook)


def match_pending(store: Store, rulebook: Rulebook, *, now: datetime,
                  known: RuleHashes | None = None,
                  on_document: Callable[[int, int], None] | None = None) -> MatchReport:
    """Match every document not yet matched with this rulebook, each only with the rules that
    could change its matches (``known``: the rule hashes of earlier rulebooks); store new
    proposals. ``on_document(done, total)`` reports progress."""
    report = MatchReport()
    done: list[DocumentRecord] = []
    pending = list(store.documents_to_match(rulebook.hash))
    for number, doc in enumerate(pending, start=1):
        if on_document is not None:
            on_document(number, len(pending))
        report.documents += 1
        only = rules_to_try(doc, rulebook, known=known or {})
        matches = [] if only == set() else match_document(rulebook, as_match_input(doc),
                                                           now=now, only_rules=only)
        for match in one_per_proposal(matches):
            report.matches += 1
            _, is_new = store.add_evidence(EvidenceIn(
                demand_id=match.demand_id, document_id=doc.id, rule_id=match.rule_id,
                proposed_status=match.proposes or NOTE, event_codes=tuple(match.events),
                excerpt=match.excerpt, url=doc.url,
                highlights=tuple(tuple(h) for h in match.highlights),  # type: ignore[misc]
                act_date=doc.published_on))
            if is_new and match.proposes:
                report.proposals_new += 1
                report.by_demand[match.demand_id] += 1
            elif is_new:
                report.notes_new += 1
        done.append(doc)  # the record: marks exactly the version that was matched
        if len(done) >= MARK_BATCH:
            store.mark_matched(done, rulebook.hash)
            done = []
    if done:
        store.mark_matched(done, rulebook.hash)
    logger.info("matched %d documents: %d matches, %d new proposals", report.documents,
                report.matches, report.proposals_new)
    return report
