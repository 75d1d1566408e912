"""Why a rule did or did not match one text: what ``veeduria rules try`` prints for editors.

Layer: monitor. Pure functions over a rulebook and one ``MatchInput``, no I/O, no settings.
For every rule with more than its topic (``about``) in the text, ``explain_document`` says
whether the rule proposes something and, phrase by phrase, what each occurrence counted as:
counts, denied, a plan, an order, background, or blocking (a ``none`` phrase); the filters
(source kind, country, date) that kept a rule out; and a match that another status or demand
outranked.
docs/rules.md, "Trying a rule on a sentence". Cases: tests/watch/test_watch_explain.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from monitor.watch.commentary import is_commentary
from monitor.watch.index import RulePlan, ScanIndex
from monitor.watch.matcher import (
    FieldScan,
    bulletin_items,
    compact_fields,
    key_occurs,
    match_document,
    passes_filters,
    scan_document,
    scan_index,
    verify,
    why_not_counted,
)
from monitor.watch.model import Match, MatchInput, Rulebook
from monitor.watch.occurrence import Occurrence

CONTEXT_CHARS = 30
BLOCKS = "blocks the rule"


@dataclass(frozen=True)
class PhraseNote:
    """One occurrence of one of a rule's phrases, and what it counted as."""

    part: str  # "about 1", "all 2", "any", "near", "none"
    phrase: str
    context: str  # the words around it, the phrase in «»
    verdict: str


@dataclass(frozen=True)
class RuleExplanation:
    rule_id: str
    proposes: str
    outcome: str  # "proposes partial", "no match: ...", ...
    notes: tuple[PhraseNote, ...]


def explain_document(rulebook: Rulebook, doc: MatchInput, *,
                     now: datetime) -> list[RuleExplanation]:
    """An explanation for every rule one of whose phrases occurs in ``doc``."""
    index = scan_index(rulebook)
    candidates, scans = scan_document(index, doc)
    kept = {m.rule_id: m for m in match_document(rulebook, doc, now=now)}
    explained = []
    for number in candidates:
        plan = index.plans[number]
        field_scans = [scans[f] for f in plan.rule.fields]
        notes = tuple(_notes(plan, field_scans, index))
        if any(not n.part.startswith("about") for n in notes):  # more than its topic occurs
            explained.append(RuleExplanation(plan.rule.id, plan.rule.proposes,
                                             _outcome(plan, field_scans, index, doc, kept,
                                                      notes, now=now), notes))
    return explained + _near_misses(index, doc, set(candidates))


def _near_misses(index: ScanIndex, doc: MatchInput, candidates: set[int]) -> list[RuleExplanation]:
    """Rules that were never candidates but are one part short, and more than their topic
    occurs: the part none of whose phrases is in the text ("any" when none of the verbs the
    editor listed is there)."""
    compacts = compact_fields(index, doc)
    missed = []
    for number, plan in enumerate(index.plans):
        if number in candidates:
            continue
        parts = [(part, any(key_occurs(index, plan, pid, compacts) for pid in ids))
                 for part, ids in _parts(plan) if part != "none"]
        absent = [part for part, present in parts if not present]
        if len(absent) == 1 and any(present and not part.startswith("about")
                                    for part, present in parts):
            missed.append(RuleExplanation(
                plan.rule.id, plan.rule.proposes,
                f"no match: no phrase of {absent[0]} occurs", ()))
    return missed


def _outcome(plan: RulePlan, scans: list[FieldScan], index: ScanIndex, doc: MatchInput,
             kept: dict[str, Match], notes: tuple[PhraseNote, ...], *, now: datetime) -> str:
    rule = plan.rule
    if rule.id in kept:
        match = kept[rule.id]
        if match.proposes is None and is_commentary(doc.title, doc.text, doc.source_kind):
            return f"a note: opinion or commentary proposes nothing (it reads as " \
                   f"{match.corroborates})"
        if match.proposes is None and match.corroborates:
            return f"a corroborating note ({match.corroborates} needs an official source)"
        return f"proposes {match.proposes}" if match.proposes else "a note"
    if not passes_filters(rule, doc, now=now):
        return ("no match: the document is outside the rule's source kinds, sources, "
                "countries or dates")
    if verify(plan, scans, index) is not None:
        return ("no match here: it holds, but a stronger status of its demand or another "
                "demand's nearer topic took the document")
    if any(n.verdict == BLOCKS for n in notes):
        return "no match: a none phrase blocks it"
    missing = [part for part, _ in _parts(plan) if part != "none" and
               not any(n.part == part and n.verdict.startswith("counts") for n in notes)]
    if missing:
        return f"no match: nothing counts for {', '.join(missing)}"
    if verify(plan, scans, index, by_item=False) is not None:
        text = next(s for s in scans if s.name == "text")
        return (f"no match: the text lists {len(bulletin_items(text))} items (a bulletin) "
                "and the rule holds in none of them alone")
    return ("no match: every item counts, but not within the rule's near/same_sentence "
            "distance, or two items rest on one occurrence")


def _parts(plan: RulePlan) -> list[tuple[str, tuple[int, ...]]]:
    parts = [(f"about {n}", item) for n, item in enumerate(plan.about_ids, 1)]
    parts += [(f"all {n}", item) for n, item in enumerate(plan.all_ids, 1)]
    parts += [("any", plan.any_ids)] if plan.any_ids else []
    parts += [(f"near {n}", item) for n, item in enumerate(plan.near_ids, 1)]
    return parts + ([("none", plan.none_ids)] if plan.none_ids else [])


def _notes(plan: RulePlan, scans: list[FieldScan], index: ScanIndex) -> list[PhraseNote]:
    notes = []
    for part, ids in _parts(plan):
        for pid in ids:
            for scan in scans:
                if pid not in scan.raw:
                    continue
                for occurrence in scan.occurrences(pid, index):
                    notes.append(PhraseNote(part, index.phrases[pid].text,
                                            _context(scan.text, occurrence),
                                            _verdict(plan, pid, part, occurrence)))
    return notes


def _context(text: str, occurrence: Occurrence) -> str:
    before = text[max(0, occurrence.start - CONTEXT_CHARS):occurrence.start]
    after = text[occurrence.end:occurrence.end + CONTEXT_CHARS]
    return " ".join(f"…{before}«{text[occurrence.start:occurrence.end]}»{after}…".split())


def _verdict(plan: RulePlan, pid: int, part: str, occurrence: Occurrence) -> str:
    if part == "none":
        return "recalled as background, does not block" if occurrence.is_background \
            else BLOCKS
    return why_not_counted(plan, pid, occurrence) or \
        ("counts (topic)" if pid in plan.uncued_ids else "counts")


def format_explanations(explained: list[RuleExplanation]) -> str:
    """Plain text: one block per rule (what the CLI prints; scraped text is not markup here)."""
    if not explained:
        return "No rule has a phrase in this text."
    blocks = []
    for item in explained:
        lines = [f"{item.rule_id} ({item.proposes}): {item.outcome}"]
        lines += [f"  {n.part}: {n.phrase!r} {n.context} -> {n.verdict}" for n in item.notes]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
