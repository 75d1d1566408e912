"""Matching one document against a rulebook: scan once, verify only candidate rules.

Layer: monitor. ``match_document`` folds each field once (``normalize.fold_text``), runs the
rulebook's single Aho-Corasick automaton over it (``index``), checks the rest of each phrase at
the hit, and then verifies only the rules whose phrases occurred: filters (source kinds, ids,
countries, date window), all/any/none, near, same_sentence, negation and hedging cues, and the
source-weight rule; then one demand per event (``attribution``) and one status per demand
(``precedence``). No settings read. Cases: tests/watch/test_watch_matcher.py and friends.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Any, overload

from monitor.watch.attribution import Claim, make_claim, one_demand_per_event
from monitor.watch.background import (
    enacts_a_law,
    mentions_a_day,
    operative_start,
    preambles,
    recital_spans,
    recites,
    reviewed_from,
)
from monitor.watch.commentary import PRESS_KINDS, is_commentary
from monitor.watch.corrections import corrected_spans
from monitor.watch.cues import (
    BILL_HINTS,
    COMPARISON_HINT,
    LOCAL_WORDS,
    mentions_an_agenda,
    mentions_another_matter,
    opens_on_another_matter,
)
from monitor.watch.excerpt import cut_excerpt, excerpt_window
from monitor.watch.index import RulePlan, ScanIndex, build_index
from monitor.watch.language import DocumentLanguage
from monitor.watch.model import Match, MatchInput, Rule, Rulebook
from monitor.watch.normalize import FIELD_BREAK, fold_text
from monitor.watch.occurrence import Occurrence, cue_shape
from monitor.watch.phrases import (
    CompactText,
    join_broken_words,
    keeps_stress,
    one_sentence,
    phrase_span,
    squeeze,
)
from monitor.watch.places import country_offsets
from monitor.watch.precedence import one_status_per_demand
from monitor.watch.proximity import near_holds, same_sentence_holds, sentence_starts_of
from monitor.watch.sections import plan_sections, related_links
from monitor.watch.segments import item_parts
from monitor.watch.vocab import CORROBORATION_EVENT, NOTE, OFFICIAL_KINDS

logger = logging.getLogger(__name__)
_SECOND = itemgetter(1)
_ACCENT = re.compile("[óÓáéíúÁÉÍÚãõÃÕâêôÂÊÔ]")  # one pass over a field
_LINE_END = re.compile(r"\s*\n\s*")  # a paragraph break (blank lines between count once)
# Proposals an order does not make yet: "instruyó que se elabore el protocolo" has neither
# started nor done the work. For a partial step or a setback the order is the act itself (a
# judge who orders pre-trial detention or the release of the accused has acted).
ORDER_IS_NOT_THE_ACT = frozenset({"fulfilled", "in_progress"})
# An aim ("tiene diez días para sancionarla o vetarla", "se reunieron para aprobar el
# protocolo") is neither the act nor its undoing; it can still be what progress works towards
# ("instaló una mesa técnica para redactar las directrices" is a step in progress), and a
# training "en el uso del protocolo para identificar víctimas" is a step too.
AIM_IS_NOT_THE_ACT = frozenset({"fulfilled", "setback"})
# For a step done in part the aim holds the event back, not what the event is about: "firmaron
# un memorando para capacitar a agentes" trains no one, while in "capacitó a 90 efectivos en el
# uso del protocolo para identificar a las víctimas" identifying victims is what the training
# was about (an ``all`` phrase).
AIM_IS_NOT_THE_EVENT = frozenset({"partial"})
# A norm's preamble (VISTO, CONSIDERANDO) recites the bills, reports and pilots it rests on:
# earlier steps, not the norm's own act, which its operative part states. Its words still name
# what the norm is about, so only rules looking for those earlier steps skip it.
PREAMBLE_IS_BACKGROUND = frozenset({"in_progress"})
# A present state ("el agresor se encuentra con detención preventiva", "la víctima permanece
# bajo custodia") is no new step, but it is what the demand met looks like: "los tres se
# encuentran alojados en la casa de acogida, con custodia policial" is protection in place.
STATE_IS_FULFILMENT = frozenset({"fulfilled"})
# What a bill or draft would do ("la iniciativa deroga…", "el proyecto de ley que crea el
# registro") meets no part of a demand and undoes nothing; filing or passing it is progress.
CONTENT_IS_NOT_THE_ACT = frozenset({"fulfilled", "partial", "setback"})
# A training or registry named as what a plan, programme or curriculum is of ("aprobó el Plan
# Nacional de Capacitación") is planned, not held in part; approving the plan is progress (or,
# for a demand that asks for the programme itself, its fulfilment), suspending it a setback.
PLAN_IS_NOT_THE_ACT = frozenset({"partial"})
# A draft or proposal of it ("una propuesta de directrices") is a first step at most.
DRAFT_IS_NOT_THE_ACT = frozenset({"partial", "fulfilled"})
# An act done in part ("amparó parcialmente", "aprobación parcial") is no fulfilment.
IN_PART_IS_NOT_FULFILMENT = frozenset({"fulfilled"})
_MAX_OPTIONS = 16  # occurrences tried per item when items must be apart (items_apart)
# For a rule proposing a setback an undoing ("suspendió las medidas", "fue revocada") is the
# news, not a denial, and so is the absence of what it acts on ("quedó sin custodia policial");
# a denial proper ("no se suspendió") still is one. So it is for a rule whose
# event is the repeal a demand asks for ("Deróguese el Decreto Supremo 1234": ``derogacion``).
UNDOING_IS_THE_NEWS = "setback"
UNDOING_EVENT = "derogacion"


def undoing_is_the_news(rule: Rule) -> bool:
    return rule.proposes == UNDOING_IS_THE_NEWS or UNDOING_EVENT in rule.events


class RawSpans:
    """Phrase id -> spans in one field, resolved lazily from the automaton's key hits.

    The scan records only where each key (a phrase's first word) ended, per group number; the
    rest of a phrase is checked the first time a rule asks for it.
    """

    def __init__(self, compact: CompactText, hits: list[tuple[int, int]],
                 index: ScanIndex, *, original: str = "", stress_free: bool = True) -> None:
        self._compact = compact
        self._original = original  # the field as written: a final "ó" is checked there
        self._stress_free = stress_free  # the document writes no accents: "ó" cannot be checked
        self._hits = hits  # (key end, group number), in text order
        self._groups = set(map(_SECOND, hits))  # C speed: no Python code per hit
        self._ends: dict[int, list[int]] = {}
        self._index = index
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def groups(self) -> set[int]:
        """Group numbers whose key occurred (a superset of the phrases that occur)."""
        return self._groups

    def _group_ends(self, group: int) -> list[int]:
        if group not in self._ends:
            self._ends[group] = [end for end, g in self._hits if g == group] \
                if group in self._groups else []
        return self._ends[group]

    def get(self, phrase_id: int) -> list[tuple[int, int]]:
        if phrase_id not in self._spans:
            phrase = self._index.phrases[phrase_id]
            ends = self._group_ends(self._index.group_of.get(phrase_id, -1))
            found = (phrase_span(phrase, self._compact, end) for end in ends)
            several = len(phrase.words) > 1
            self._spans[phrase_id] = [span for span in found if span is not None and (
                self._stress_free or keeps_stress(phrase, self._original, span)) and (
                not several or one_sentence(self._original, span))]
        return self._spans[phrase_id]

    def __contains__(self, phrase_id: object) -> bool:
        if not isinstance(phrase_id, int):
            return False
        phrase = self._index.phrases[phrase_id]
        if phrase.tail is None and (self._stress_free or not phrase.stressed):
            return self._index.group_of.get(phrase_id, -1) in self._groups  # the key is all of it
        return bool(self.get(phrase_id))


@dataclass
class FieldScan:
    """One field of one document: its text, folded twin and phrase occurrences by phrase id."""

    name: str
    text: str
    folded: str
    raw: RawSpans
    # "es" or "pt", guessed on first use: a few cue words differ (language.guess_language)
    language: DocumentLanguage = field(default_factory=lambda: DocumentLanguage(""))
    year: int | None = None  # the document's year: an earlier year dates a step as background
    month: int | None = None  # and month: "em outubro" in a July story is last October
    published_on: date | None = None  # and day: a step dated before a demand is no progress
    press: bool = False  # a press document (news, other): its paragraphs tell several stories
    cache: dict[str, list[int]] = field(default_factory=dict)
    _cued: dict[tuple[int, int], Occurrence] = field(default_factory=dict)
    _sentence_at: dict[int, int] = field(default_factory=dict)  # offset -> sentence_start
    # the occurrences by span and what their cues read of the phrase (``cue_shape``), and the
    # cues read from each span alone (``occurrence.span_cue``): the phrases of other rules,
    # and a second rulebook matching the same document, read the cues already computed
    _shaped: dict[tuple[int, int, tuple[object, ...]], Occurrence] = \
        field(default_factory=dict)
    _at_span: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)

    def occurrences(self, phrase_id: int, index: ScanIndex) -> list[Occurrence]:
        return [self.occurrence(phrase_id, i, index)
                for i in range(len(self.raw.get(phrase_id)))]

    def occurrence(self, phrase_id: int, number: int, index: ScanIndex) -> Occurrence:
        """The ``number``-th occurrence of a phrase (one object per occurrence: each of its
        cues is computed once, when first read)."""
        key = (phrase_id, number)
        if key not in self._cued:
            words = index.phrases[phrase_id].words
            span = self.raw.get(phrase_id)[number]
            shaped = (*span, cue_shape(words))
            if shaped not in self._shaped:
                self._shaped[shaped] = Occurrence(self, span, words,
                                                  self._at_span.setdefault(span, {}))
            self._cued[key] = self._shaped[shaped]
        return self._cued[key]

    def recalled(self, phrase_id: int, number: int, index: ScanIndex) -> bool:
        """The ``number``-th occurrence of a phrase is only recalled (what a ``none`` phrase
        asks): background, a norm's preamble or its closing formula, or what the document
        undoes ("deroga las instrucciones del plan piloto": the pilot is over) or says is over
        ("ya no es un piloto")."""
        occurrence = self.occurrence(phrase_id, number, index)
        return occurrence.is_boilerplate or occurrence.in_preamble or \
            occurrence.is_background or occurrence.is_only_undone or occurrence.is_no_longer

    def mentions_an_agenda(self) -> bool:
        return self._once("agenda", lambda: mentions_an_agenda(self.folded))

    def mentions_a_bill(self) -> bool:
        return self._once("bill", lambda: any(noun in self.folded for noun in BILL_HINTS))

    def mentions_a_day(self) -> bool:
        return self._once("days", lambda: mentions_a_day(self.folded))

    def mentions_another_matter(self) -> bool:
        return self._once("matters", lambda: mentions_another_matter(self.folded))

    def compares(self) -> bool:
        return self._once("compares", lambda: COMPARISON_HINT.occur_in(self.folded))

    def has_questions(self) -> bool:
        return self._once("questions", lambda: "?" in self.text)

    def country_offsets(self) -> list[int]:
        """Where the field names a country (``places.country_offsets``), found once."""
        if "countries" not in self.cache:
            self.cache["countries"] = country_offsets(self.folded)
        return self.cache["countries"]

    def _once(self, key: str, test: Callable[[], bool]) -> bool:
        """A whole-field test, computed the first time a cue asks for it."""
        if key not in self.cache:
            self.cache[key] = [1] if test() else []
        return bool(self.cache[key])

    def paragraph_breaks(self) -> list[int]:
        """Where the field's paragraphs (lines) end, from the end of the first one with text
        (the lead), plus the field's end: one offset per paragraph."""
        if "breaks" not in self.cache:
            lead = len(self.text) - len(self.text.lstrip())
            self.cache["breaks"] = [m.start() for m in _LINE_END.finditer(self.text, lead)] + \
                [len(self.text)]
        return self.cache["breaks"]

    def in_a_preamble(self, start: int) -> bool:
        """In a norm's VISTO/CONSIDERANDO (``background.preambles``)."""
        return within_cached(self, "preambles", preambles, start)

    def in_motives(self, start: int) -> bool:
        """In a norm's VISTO/CONSIDERANDO, not in a law's enacting POR CUANTO
        (``background.enacts_a_law``): the preamble spans, read once, and the heading of the
        one holding ``start``."""
        if not self.in_a_preamble(start):
            return False
        flat = self.cache["preambles"]
        opening = next(flat[i] for i in range(0, len(flat), 2) if flat[i] <= start < flat[i + 1])
        return not enacts_a_law(self.text, opening)

    def in_related_links(self, start: int) -> bool:
        """In a block of links to other stories (``sections.related_links``)."""
        return within_cached(self, "related", related_links, start)

    def in_a_plan_section(self, start: int) -> bool:
        """Under a heading of goals or recommendations ("5. Desafíos 2023.",
        ``sections.plan_sections``)."""
        return within_cached(self, "plans", plan_sections, start)

    def corrected(self, start: int) -> bool:
        """In a claim the document takes back: an erratum's, a correction's or a
        clarification's (``corrections.corrected_spans``)."""
        return within_cached(self, "corrections", corrected_spans, start)

    def recited(self, span: tuple[int, int]) -> bool:
        """In a section or chronology entry that recites the story so far, or after "como
        antecedentes" in its sentence (``background.recital_spans``, ``recites``)."""
        return within_cached(self, "recitals", recital_spans, span[0]) or \
            (self._once("recites", lambda: "anteceden" in self.folded) and
             recites(self.text, self.folded, span))

    def sentence_start(self, start: int) -> int:
        """Where the sentence holding ``start`` begins (or the operative part it enters,
        ``operative_start``)."""
        found = self._sentence_at.get(start)
        if found is None:  # (an occurrence's cues ask for its sentence several times)
            starts = sentence_starts_of(self)
            found = self._sentence_at[start] = operative_start(
                self.text, starts[bisect.bisect_right(starts, start) - 1], start)
        return found

    def sentence_before(self, start: int) -> list[str]:
        """Folded words from ``sentence_start`` up to ``start``."""
        return self.folded[self.sentence_start(start):start].split()


@dataclass
class DocumentCues:
    """What the cues of one document have read, kept for every rulebook that matches it:
    ``rules test`` matches each document with the new rules and then with the rules in force,
    and the second reads the first's cues instead of computing them again. Cues read the
    document alone (its text, date, kind and the spans of phrases), never a rulebook."""

    language: DocumentLanguage | None = None
    fields: dict[str, FieldScan] = field(default_factory=dict)  # the first scan of each field


def scan_index(rulebook: Rulebook) -> ScanIndex:
    """The rulebook's automaton and rule plans, built once and kept on the rulebook."""
    if not isinstance(rulebook._index, ScanIndex):
        rulebook._index = build_index(rulebook.rules)
    return rulebook._index


def scan_field(name: str, text: str, index: ScanIndex, *, folded: str,
               language: DocumentLanguage, published_on: date | None, compact: CompactText,
               trigger_hits: list[tuple[int, int]], stress_free: bool,
               press: bool = False, review: int | None = None,
               cues_of: FieldScan | None = None) -> FieldScan:
    """Every key of the index in one field, given its folded text, its compact text and the
    trigger keys already found in it (``match_document`` scans triggers first);
    ``stress_free``: the document writes no accent anywhere (so no "ó" to check);
    ``review``: the first year of the period the document reviews (``reviewed_from``): no
    month of it is stale, and only earlier years are background; ``cues_of``: another
    rulebook's scan of the same field, whose cues this one shares (``DocumentCues``)."""
    hits = trigger_hits + index.scan_others(compact.text)
    raw = RawSpans(compact, hits, index, original=text, stress_free=stress_free)
    scan = FieldScan(name=name, text=text, folded=folded, raw=raw, language=language,
                     year=review or (published_on.year if published_on else None),
                     month=published_on.month if published_on and review is None else None,
                     published_on=published_on, press=press)
    if cues_of is not None:
        scan.cache, scan._sentence_at = cues_of.cache, cues_of._sentence_at
        scan._shaped, scan._at_span = cues_of._shaped, cues_of._at_span
    return scan


def scan_document(index: ScanIndex, doc: MatchInput, wanted: Collection[str] | None = None,
                  cues: DocumentCues | None = None,
                  ) -> tuple[list[int], dict[str, FieldScan]]:
    """The candidate rule numbers (rules whose trigger phrase occurs) and, when there are any
    (of the ``wanted`` demands, when given), the scan of each field; ``([], {})`` otherwise.
    ``cues``: what another rulebook's match of ``doc`` has read, shared and added to."""
    if not index.phrases:
        return [], {}
    title, text = doc.title or "", doc.text or ""
    folded, joined, compact, hits = _scanned(index, title, text)
    candidates = _candidates(index, hits, wanted)
    if not candidates:
        return [], {}
    split = compact.index(FIELD_BREAK)
    # a rule needs a key of each of its items: a substring test (C speed) spares most
    # candidate documents the second scan and the cues
    candidates = [n for n in candidates if _keys_occur(index, index.plans[n], compact, split)]
    if not _concern(index, candidates, wanted):
        return [], {}
    compacts = {"title": compact[:split], "text": compact[split + 1:]}
    originals = {"title": folded[1:len(title) + 1], "text": folded[len(title) + 4:-1]}
    parts = {"title": joined[1:len(title) + 1], "text": joined[len(title) + 4:-1]}
    triggers: dict[str, list[tuple[int, int]]] = {
        "title": [hit for hit in hits if hit[0] < split],
        "text": [(end - split - 1, group) for end, group in hits if end > split]}
    if cues is not None and cues.language is not None:
        language = cues.language
    else:
        language = DocumentLanguage(f"{originals['title']}\n{originals['text']}")
    # Only a text that writes no accents at all (hurried copy, capitals) cannot tell "archivó"
    # from "archivo"; one that writes "Público" or "são" without any "ó" can.
    stress_free = not (_ACCENT.search(title) or _ACCENT.search(text))
    review = reviewed_from(originals["title"],
                           doc.published_on.year if doc.published_on else None)
    scans = {name: scan_field(name, title if name == "title" else text, index,
                              folded=originals[name], language=language,
                              published_on=doc.published_on,
                              compact=CompactText(parts[name], compacts[name]),
                              trigger_hits=triggers[name], stress_free=stress_free,
                              press=doc.source_kind in PRESS_KINDS, review=review,
                              cues_of=cues.fields.get(name) if cues is not None else None)
             for name in parts}
    if cues is not None and cues.language is None:
        cues.language, cues.fields = language, scans
    return candidates, scans


# The last document's forms, for a second rulebook with the same kept adverbs: ``rules test``
# matches each document with the new rules and then with the rules in force.
_last_forms: tuple[frozenset[str], str, str, tuple[str, str, str]] | None = None


def _scan_forms(index: ScanIndex, title: str, text: str) -> tuple[str, str, str]:
    """Both fields folded in one pass as " title ␟ text " (``FIELD_BREAK``, which no key of
    letters, digits and single spaces can cross), that in scan form (adverbs blanked), and
    that squeezed to the compact form the automaton scans."""
    global _last_forms
    last = _last_forms
    if last is not None and last[1] == title and last[2] == text and last[0] == index.adverbs:
        return last[3]
    key_title, key_text = title, text
    if FIELD_BREAK in title or FIELD_BREAK in text:  # a stray control character in scraped text
        title, text = title.replace(FIELD_BREAK, " "), text.replace(FIELD_BREAK, " ")
    both = f" {title} {FIELD_BREAK} {text} "
    folded = fold_text(both)
    joined = join_broken_words(both, index.scan_form(folded))
    forms = folded, joined, squeeze(joined)
    _last_forms = (index.adverbs, key_title, key_text, forms)
    return forms


def _scanned(index: ScanIndex, title: str, text: str,
             ) -> tuple[str, str, str, list[tuple[int, int]]]:
    """The scan forms of title and text (``_scan_forms``) and the trigger hits of the compact
    form, with the insertions between two words of a phrase skipped ("ayer", "boliviano":
    blanked in the scan form, gone from the compact form, which is scanned again)."""
    folded, joined, compact = _scan_forms(index, title, text)
    hits = index.scan_triggers(compact)
    spans = index.insertion_gaps(compact, hits)
    if not spans:
        return folded, joined, compact, hits
    mapping = CompactText(joined[1:-1], compact)
    pieces, cursor = [], 0
    for start, end in spans:
        first, last = mapping.original(start) + 1, mapping.original(end - 1) + 2
        pieces += [joined[cursor:first], " " * (last - first)]
        cursor = last
    joined = "".join(pieces) + joined[cursor:]
    compact = squeeze(joined)
    return folded, joined, compact, index.scan_triggers(compact)


def compact_fields(index: ScanIndex, doc: MatchInput) -> dict[str, str]:
    """Title and text in the compact form scan keys are looked for in."""
    _, _, compact, _ = _scanned(index, doc.title or "", doc.text or "")
    split = compact.index(FIELD_BREAK)
    return {"title": compact[:split], "text": compact[split + 1:]}


def key_occurs(index: ScanIndex, plan: RulePlan, pid: int, compacts: dict[str, str]) -> bool:
    """The scan key of phrase ``pid`` occurs in a field the rule reads (a cheap first test:
    the phrase itself may still not be there, word for word)."""
    return any(index.phrases[pid].key in compacts[name] for name in plan.rule.fields)


def _keys_occur(index: ScanIndex, plan: RulePlan, compact: str, split: int) -> bool:
    """Every item of the rule has a phrase whose scan key occurs in a field it reads, in the
    compact form of both fields (the title before ``split``, the text after it: no key
    crosses ``FIELD_BREAK``)."""
    fields = plan.rule.fields
    lo, hi = (0, len(compact)) if len(fields) == 2 else \
        (0, split) if fields[0] == "title" else (split + 1, len(compact))
    phrases, find = index.phrases, compact.find
    return _present(plan, lambda pid: find(phrases[pid].key, lo, hi) != -1)


def match_document(rulebook: Rulebook, doc: MatchInput, *, now: datetime,
                   only_rules: Collection[str] | None = None,
                   cues: DocumentCues | None = None) -> list[Match]:
    """Every rule of ``rulebook`` that ``doc`` satisfies, as proposals or notes, with at most
    one status per demand (``precedence.one_status_per_demand``).

    ``only_rules``: full rule ids to return (the others are dropped), e.g. the rules a rulebook
    change touched (``changes.changed_rules``); None returns every rule. What is returned is
    what a run of the whole rulebook returns for those rules: the other rules of the same
    demands decide which status is kept, and once one of them holds, the other demands' rules
    compete for the same event (``attribution``).

    ``cues``: one ``DocumentCues`` passed with the same ``doc`` to several rulebooks, so that
    each cue is read once (what is returned is the same with or without it).
    """
    index = scan_index(rulebook)
    wanted = None if only_rules is None else index.demands_of(only_rules)
    candidates, scans = scan_document(index, doc, wanted, cues)
    if not candidates:
        return []  # the common case: no rule's trigger phrase occurs
    own = [n for n in candidates if wanted is None or index.plans[n].rule.demand_id in wanted]
    held, filtered_out = _held(own, doc, scans, index, now=now)
    if held and len(own) < len(candidates):
        mine = set(own)
        others = _held([n for n in candidates if n not in mine], doc, scans, index, now=now)
        held, filtered_out = held + others[0], filtered_out + others[1]
    matches = [rule.match for rule in held]
    # a rule the document's kind, country or date keeps from proposing still owns its topic's
    # events: "No Equador, a Assembleia votou pelo arquivamento da reforma" in a story from
    # Argentina is not a setback for the Argentine bill (attribution.py)
    rivals = [h for plan in filtered_out if held
              and (h := _holds_on(plan, doc, scans, index)) is not None]
    if len(matches) > 1 or rivals:
        matches = one_status_per_demand(
            one_demand_per_event([h.claim(scans) for h in held],
                                 rivals=[h.claim(scans) for h in rivals]),
            titled_by_its_news=doc.source_kind != "gazette")
    if only_rules is not None:
        kept = set(only_rules)
        matches = [m for m in matches if m.rule_id in kept]
    logger.debug("document %s: %d candidate rules, %d matches", doc.document_id,
                 len(candidates), len(matches))
    return matches


@dataclass
class Held:
    """A rule that holds on a document: its match, and what its claim to the document's events
    is read from (``claim``, built only when several rules compete for them)."""

    plan: RulePlan
    match: Match
    found: Found

    def claim(self, scans: dict[str, FieldScan]) -> Claim:
        """Where its events and topic occur (``attribution.make_claim``)."""
        def sentence_of(name: str, start: int) -> int:
            return bisect.bisect_right(sentence_starts_of(scans[name]), start)
        plan = self.plan
        return make_claim(self.match, plan.any_ids, plan.about_ids + plan.all_ids,
                          self.found.spans, sentence_of)


def _held(numbers: list[int], doc: MatchInput, scans: dict[str, FieldScan],
          index: ScanIndex, *, now: datetime) -> tuple[list[Held], list[RulePlan]]:
    """The rules that hold, and the rules present but kept off by their filters (whether they
    hold is read only when some rule holds: they compete for its events)."""
    held: list[Held] = []
    filtered_out: list[RulePlan] = []
    for number in numbers:
        plan = index.plans[number]
        if not _present(plan, _presence([scans[f] for f in plan.rule.fields])):
            continue
        if not passes_filters(plan.rule, doc, now=now):
            filtered_out.append(plan)
        elif (holding := _holds_on(plan, doc, scans, index)) is not None:
            held.append(holding)
    return held, filtered_out


def _holds_on(plan: RulePlan, doc: MatchInput, scans: dict[str, FieldScan],
              index: ScanIndex) -> Held | None:
    """The rule's match on ``doc``, if it holds."""
    found = verify(plan, [scans[f] for f in plan.rule.fields], index)
    if found is None:
        return None
    return Held(plan, build_match(plan, doc, found, index, scans), found)


def _candidates(index: ScanIndex, hits: list[tuple[int, int]],
                wanted: Collection[str] | None) -> list[int]:
    """Rule numbers the trigger hits may concern (in rulebook order); none when ``wanted``
    (demand ids) is given and no rule of those demands is among them."""
    by_group = index.rules_by_group
    groups = by_group.keys() & set(map(_SECOND, hits))
    if not groups:
        return []  # the common case: only insertions' last words were found
    numbers: set[int] = set()
    for group in groups:
        numbers |= by_group[group]
    return sorted(numbers) if _concern(index, numbers, wanted) else []


def _concern(index: ScanIndex, numbers: Collection[int], wanted: Collection[str] | None) -> bool:
    """Some of these rules, and when ``wanted`` (demand ids) is given one of those demands'."""
    if wanted is None:
        return bool(numbers)
    return any(index.plans[n].rule.demand_id in wanted for n in numbers)


def passes_filters(rule: Rule, doc: MatchInput, *, now: datetime) -> bool:
    """Source kind, source id, country and date window (unknown dates pass)."""
    if rule.source_kinds is not None and doc.source_kind not in rule.source_kinds:
        return False
    if rule.sources is not None and doc.source_id not in rule.sources:
        return False
    if rule.countries is not None and doc.country and doc.country.upper() not in rule.countries:
        return False
    if doc.published_on is None:
        return True
    published = doc.published_on
    if rule.made_on is not None and published < rule.made_on:
        return False
    return rule.since_days is None or published >= now.date() - timedelta(days=rule.since_days)


def why_not_counted(plan: RulePlan, phrase_id: int, occurrence: Occurrence) -> str | None:
    """Why an occurrence of one of the rule's phrases does not count; None when it counts
    (``explain`` prints the reason to editors)."""
    if phrase_id in plan.uncued_ids:
        return topic_discount(occurrence, plan.rule)
    return discount(occurrence, plan.rule, acted_on=phrase_id in plan.object_ids)


def discount(occurrence: Occurrence, rule: Rule, *, acted_on: bool = False) -> str | None:
    """Why an occurrence of an event phrase (``acted_on``: of what an event acts on, an
    ``all`` phrase) does not count for ``rule``; None when it counts."""
    if occurrence.is_boilerplate:
        return "a norm's closing formula (deróganse las disposiciones contrarias, archívese), " \
               "not an act on this"
    # the claim, not what it is about: "informamos erróneamente que la Cámara «aprobó la ley de
    # trabajo sexual». Lo correcto es que la Comisión emitió informe favorable al proyecto"
    if not acted_on and occurrence.is_corrected:
        return "a claim the document takes back (por error, estava errado, ante versiones … aclara)"
    news = undoing_is_the_news(rule) and acted_on and (occurrence.is_only_undone or
                                                       occurrence.is_only_rejected or
                                                       occurrence.is_only_absent)
    if rule.negation == "exclude" and occurrence.is_negated and not news:
        return "denied or undone (negation cue)"
    background = _not_this_news(occurrence, rule) if rule.background == "exclude" else None
    if background is not None:
        return background
    # the act a norm's motives recite is an earlier norm's ("CONSIDERANDO: Que mediante
    # Resolución Administrativa N° 0388/2022 se aprobó el Reglamento"); what it acts on still
    # names what the norm is about, and a law's "Por cuanto … ha sancionado" is its own act
    if not acted_on and rule.background == "exclude" and occurrence.in_motives:
        return "recited in a norm's preamble (VISTO, CONSIDERANDO)"
    # the event itself, not what it acts on: "durante el curso se estudió el protocolo" still
    # names the course
    if not acted_on and rule.background == "exclude" and \
            rule.proposes not in STATE_IS_FULFILMENT and occurrence.frames_a_time:
        return "the time of another step (durante el juicio, hasta el fin del, la proximidad del)"
    if not acted_on and occurrence.names_a_person:
        return "a person the act's participle names (la defensa del condenado), not the act"
    if not acted_on and occurrence.names_a_warrant:
        return "what a warrant is for (orden de aprehensión), not the act"
    if not acted_on and occurrence.names_a_statement:
        return "words said to the press (entrevista concedida, brindadas a medios), not the act"
    if occurrence.is_questioned:
        return "asked about, not reported (informar qué…, explicar quais…)"
    if occurrence.approves_an_agenda:
        return "the agenda or minutes approved (aprobó el orden del día), not what they list"
    if rule.hedging == "allow":
        return None
    # what a question is about, when the rule's event is its own (`any`) phrase, may be told
    # by the answer: only the event asked about is no report
    if occurrence.is_hedged and not (acted_on and rule.any_phrases and
                                     occurrence.is_only_asked) and \
            not (acted_on and rule.any_phrases and occurrence.proposed_by_a_bill):
        return "a plan, request or future (hedging cue)"
    if not acted_on and occurrence.is_asked:
        return "what a request asks for (pedido de, solicitud de)"
    if not acted_on and occurrence.is_a_duty:
        return "a duty a norm lays down (la ley obliga a capacitar), not the act"
    # the rule's status first: a cue is computed only when a rule reads it (occurrence.py)
    if rule.proposes in ORDER_IS_NOT_THE_ACT and occurrence.is_ordered or \
            rule.proposes == "fulfilled" and occurrence.is_ordered_directly:
        return "ordered, not yet done (order cue)"
    if rule.proposes in AIM_IS_NOT_THE_ACT and \
            (occurrence.is_aim or not acted_on and occurrence.in_aim) or \
            rule.proposes in AIM_IS_NOT_THE_EVENT and not acted_on and \
            (occurrence.is_aim or occurrence.in_aim):
        return "an aim, not an act (purpose cue: para, a fin de)"
    if rule.proposes in CONTENT_IS_NOT_THE_ACT and occurrence.is_content:
        return "what a bill or draft would do, not an act (el proyecto que crea…)"
    if occurrence.is_article_content:
        return "what an article in force does, not an act (el artículo 322, que sanciona…)"
    if rule.proposes in DRAFT_IS_NOT_THE_ACT and occurrence.is_drafted:
        return "what a draft or proposal is of, not yet adopted (propuesta de, borrador de)"
    if rule.proposes in PLAN_IS_NOT_THE_ACT and occurrence.is_planned:
        return "what a plan or programme is of, not yet held (plan de capacitación)"
    if rule.proposes in IN_PART_IS_NOT_FULFILMENT and occurrence.is_in_part:
        return "done only in part (parcialmente, en parte)"
    return None


def topic_discount(occurrence: Occurrence, rule: Rule) -> str | None:
    """An ``about`` phrase: a plan or a past step may mention the topic, a denial may not
    ("la reforma no toca el artículo 281 bis") unless it is a rejection and the rule looks for
    a setback ("el Concejo rechazó el proyecto de ordenanza"); None when it counts."""
    if rule.negation == "exclude" and occurrence.is_denied_topic and \
            not (occurrence.is_rejected_topic and undoing_is_the_news(rule)):
        return "denied right before it"
    if rule.background == "exclude":
        if occurrence.in_related_links:
            return RELATED_LINKS
        if occurrence.is_referenced:
            return "named as the case the news follows (después del caso de, padrão visto em)"
        if occurrence.is_time_span:
            return "a span of time dating another event (dos meses después, hace dos meses)"
        return _another_case(occurrence, rule)
    return None


def _not_this_news(occurrence: Occurrence, rule: Rule) -> str | None:
    """Why an event phrase is not this document's news for the rule's demand (``background:
    exclude``): an earlier step, a lasting state, another case or country, a day before the
    demand, a norm's preamble, another story's headline; None when it is."""
    if occurrence.in_related_links:
        return RELATED_LINKS
    if occurrence.is_background:
        return "recalled as background (an earlier step)"
    if rule.proposes not in STATE_IS_FULFILMENT and occurrence.is_state:
        return "a lasting state, not a new step (permanece, se encuentra)"
    another = _another_case(occurrence, rule)
    if another is not None:
        return another
    if rule.made_on and occurrence.dated and occurrence.dated < rule.made_on:
        return f"dated {occurrence.dated.isoformat()}, before the demand was made " \
               f"({rule.made_on.isoformat()})"
    if rule.made_on and occurrence.since_year and occurrence.since_year < rule.made_on.year:
        return f"in force since {occurrence.since_year}, before the demand was made " \
               f"({rule.made_on.isoformat()})"
    if rule.proposes in PREAMBLE_IS_BACKGROUND and occurrence.in_preamble:
        return "recited in a norm's preamble (VISTO, CONSIDERANDO)"
    return None


def _another_case(occurrence: Occurrence, rule: Rule) -> str | None:
    """Another case named as a yardstick, or another country's act (event and topic alike)."""
    if occurrence.is_compared:
        return "another case named as a yardstick (comparison cue: a diferencia de)"
    if occurrence.is_local:
        return "a law of a lower level of government (ley municipal, lei departamental)"
    if LOCAL_WORDS.isdisjoint(rule.words) and occurrence.by_local_body:
        return "a body of a lower level of government acts (Concejo Municipal, Asamblea " \
               "Legislativa Departamental)"
    if rule.countries is not None and (_elsewhere(occurrence.places, rule) or
                                       _elsewhere(occurrence.owners, rule)):
        return ELSEWHERE
    return None


RELATED_LINKS = "in links to other stories (LEIA TAMBÉM, Lea también), not this document's"
ELSEWHERE = "about another country (En Argentina, …; Migraciones del Perú comenzó …)"


def _elsewhere(countries: frozenset[str], rule: Rule) -> bool:
    """Countries an occurrence is placed in, none of them the rule's."""
    return bool(countries) and rule.countries is not None and \
        countries.isdisjoint(rule.countries)


class Counted(Sequence[Occurrence]):
    """The occurrences of a phrase in a field that count for a rule (``why_not_counted``: cues
    applied; phrases only in ``about`` heed negation alone), each judged when first read. A
    rule that holds reads them all only where it needs them all (items apart, proximity,
    attribution); its excerpt reads the first and those around it."""

    def __init__(self, scan: FieldScan, phrase_id: int, plan: RulePlan,
                 index: ScanIndex) -> None:
        self._scan, self._phrase_id, self._plan, self._index = scan, phrase_id, plan, index
        self._spans = scan.raw.get(phrase_id) if phrase_id in scan.raw else []
        self._verdicts: dict[int, bool] = {}
        self._every: list[Occurrence] | None = None

    def _counts(self, number: int) -> bool:
        verdict = self._verdicts.get(number)
        if verdict is None:
            occurrence = self._scan.occurrence(self._phrase_id, number, self._index)
            verdict = self._verdicts[number] = \
                why_not_counted(self._plan, self._phrase_id, occurrence) is None
        return verdict

    def _all(self) -> list[Occurrence]:
        if self._every is None:
            self._every = [self._scan.occurrence(self._phrase_id, n, self._index)
                           for n in range(len(self._spans)) if self._counts(n)]
        return self._every

    def __bool__(self) -> bool:
        return any(self._counts(n) for n in range(len(self._spans)))

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, number: int) -> Occurrence: ...

    @overload
    def __getitem__(self, number: slice) -> list[Occurrence]: ...

    def __getitem__(self, number: int | slice) -> Occurrence | list[Occurrence]:
        return self._all()[number]

    def __iter__(self) -> Iterator[Occurrence]:
        return iter(self._all())

    def first(self) -> tuple[int, int] | None:
        """The span of the first that counts (in text order)."""
        ordered = sorted(range(len(self._spans)), key=self._spans.__getitem__)
        return next((self._spans[n] for n in ordered if self._counts(n)), None)

    def within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans of those that count inside ``[lo, hi)``."""
        return [span for n, span in enumerate(self._spans)
                if span[0] >= lo and span[1] <= hi and self._counts(n)]


def _first_span(occurrences: Sequence[Occurrence]) -> tuple[int, int] | None:
    if isinstance(occurrences, Counted):
        return occurrences.first()
    return min(((o.start, o.end) for o in occurrences), default=None)


def _spans_within(occurrences: Sequence[Occurrence], lo: int,
                  hi: int) -> list[tuple[int, int]]:
    if isinstance(occurrences, Counted):
        return occurrences.within(lo, hi)
    return [(o.start, o.end) for o in occurrences if o.start >= lo and o.end <= hi]


@dataclass
class Found:
    """Counted occurrences per field and phrase id, for the excerpt and highlights."""

    spans: dict[str, dict[int, Sequence[Occurrence]]]


def verify(plan: RulePlan, scans: list[FieldScan], index: ScanIndex, *,
           by_item: bool = True) -> Found | None:
    """The rule's counted occurrences when it holds for these fields, else None.

    Cheap checks first (raw presence, none:), then cues, lazily, item by item. When the text
    is a bulletin (``segments``) the rule must hold within one of its items, read with the
    opening and the title; ``by_item=False`` skips that (``explain`` says why a rule failed).
    """
    text = next((s for s in scans if s.name == "text"), None)
    blocked = _blocked_at(plan, scans, index, text if by_item else None)
    if blocked is None:
        return None
    spans: dict[str, dict[int, Sequence[Occurrence]]] = {
        s.name: {pid: Counted(s, pid, plan, index) for pid in plan.positive_ids
                 if pid in s.raw} for s in scans}
    if not _present_in(plan, spans):
        return None
    if not _holds(plan, scans, spans):
        return None
    if text is None or not by_item or not (items := bulletin_items(text)):
        return Found(spans=spans)
    heads = _pairs(text.cache["heads"])  # filled with the items (bulletin_items)
    opening = min(items[0][0], heads[0][0])
    for (start, end), head in zip(items, heads, strict=True):
        # a bulletin: the rule holds within one item, read with its heading (segments.py),
        # and a none phrase blocks it from there only
        if any(n < opening or start <= n < end or head[0] <= n < head[1] for n in blocked):
            continue
        within = {**spans, "text": _within(spans["text"], opening, (start, end), head)}
        if _present_in(plan, within) and _holds(plan, scans, within):
            return Found(spans=within)
    return None


def _holds(plan: RulePlan, scans: list[FieldScan],
           spans: dict[str, dict[int, Sequence[Occurrence]]]) -> bool:
    """The placement checks: separate occurrences per item, ``near`` and ``same_sentence``."""
    rule = plan.rule
    if not items_apart(plan.about_ids + plan.all_ids, spans):
        return False
    if plan.about_ids and not (_about_frames_the_event(plan, scans, spans) and
                               _event_on_its_topic(plan, scans, spans)):
        return False
    if plan.near_ids and not any(near_holds(s, spans[s.name], plan.near_ids, rule.near_words)
                                 for s in scans):
        return False
    return not rule.same_sentence or any(same_sentence_holds(s, spans[s.name], plan)
                                         for s in scans)


def _about_frames_the_event(plan: RulePlan, scans: list[FieldScan],
                            spans: dict[str, dict[int, Sequence[Occurrence]]]) -> bool:
    """Each ``about`` item occurs in the title, in the text's first paragraph, or in a
    paragraph that holds the rule's event: a feature that names the case in one paragraph and
    reports another victim's case in the next does not join them."""
    text = next((s for s in scans if s.name == "text"), None)
    if text is None or not text.press:
        return True
    breaks = text.paragraph_breaks()
    if len(breaks) < 2:
        return True  # one paragraph: nothing to frame (the lead's end is the first break)
    found = spans.get("text", {})
    event_ids = _event_ids(plan)
    events = [o.start for pid in event_ids for o in found.get(pid, ())]
    if not events:
        return True  # the event is in the title: the title frames the document
    first = breaks[0]

    def paragraph(offset: int) -> int:
        return bisect.bisect_left(breaks, offset)

    event_paragraphs = {paragraph(start) for start in events}
    title = spans.get("title", {})
    for item in plan.about_ids:
        if any(title.get(pid) for pid in item):
            continue
        if not any(o.start < first or paragraph(o.start) in event_paragraphs
                   for pid in item for o in found.get(pid, ())):
            return False
    return True


def _event_ids(plan: RulePlan) -> tuple[int, ...]:
    """The phrases that name the rule's event: its ``any`` phrases, or when it has none its
    ``all`` and ``near`` phrases."""
    return plan.any_ids or tuple(i for item in plan.all_ids + plan.near_ids for i in item)


def _event_on_its_topic(plan: RulePlan, scans: list[FieldScan],
                        spans: dict[str, dict[int, Sequence[Occurrence]]]) -> bool:
    """Some occurrence of the rule's event lies outside a sentence that opens on another
    matter (``cues.opens_on_another_matter``), or in one that names the topic itself: "Por
    otra parte, el juzgado dispuso el sobreseimiento de un hombre denunciado por lesiones
    contra otra trabajadora sexual" is not about the case the rule follows."""
    event_ids = _event_ids(plan)
    for scan in scans:
        found = spans.get(scan.name, {})
        if not scan.mentions_another_matter():
            if any(found.get(pid) for pid in event_ids):
                return True
            continue
        starts = sentence_starts_of(scan)
        for pid in event_ids:
            for o in found.get(pid, ()):
                n = bisect.bisect_right(starts, o.start) - 1
                start = starts[n] if n >= 0 else 0
                end = starts[n + 1] if n + 1 < len(starts) else len(scan.text)
                if not opens_on_another_matter(scan.folded, start, end):
                    return True
                if any(start <= a.start < end for item in plan.about_ids for aid in item
                       for a in found.get(aid, ())):
                    return True
    return False


def within_cached(scan: FieldScan, key: str, find: Callable[[str], list[tuple[int, int]]],
                  start: int) -> bool:
    """``start`` lies in one of the spans ``find(scan.text)`` (computed once per field, kept
    flat in the scan's int cache; most fields have none, and then nothing is built)."""
    if key not in scan.cache:
        scan.cache[key] = [n for span in find(scan.text) for n in span]
    flat = scan.cache[key]
    return any(flat[i] <= start < flat[i + 1] for i in range(0, len(flat), 2))


def bulletin_items(scan: FieldScan) -> list[tuple[int, int]]:
    """The field's bulletin items, ``segments.item_parts`` (cached on the scan with their
    headings, under "heads")."""
    if "items" not in scan.cache:
        parts = item_parts(scan.text, press=scan.press)
        scan.cache["items"] = [n for span, _ in parts for n in span]
        scan.cache["heads"] = [n for _, head in parts for n in head]
    return _pairs(scan.cache["items"])


def _pairs(flat: list[int]) -> list[tuple[int, int]]:
    return list(zip(flat[::2], flat[1::2], strict=True))


def _within(found: dict[int, Sequence[Occurrence]], opening: int, item: tuple[int, int],
            head: tuple[int, int]) -> dict[int, Sequence[Occurrence]]:
    """Occurrences in the shared opening (before ``opening``), in the item or in its
    heading (``[start, end)`` each)."""
    return {pid: [o for o in occurrences if o.start < opening or item[0] <= o.start < item[1]
                  or head[0] <= o.start < head[1]]
            for pid, occurrences in found.items()}


def _present_in(plan: RulePlan, spans: dict[str, dict[int, Sequence[Occurrence]]]) -> bool:
    return _present(plan, lambda pid: any(found.get(pid) for found in spans.values()))


def _blocked_at(plan: RulePlan, scans: list[FieldScan], index: ScanIndex,
                bulletin: FieldScan | None) -> list[int] | None:
    """Where the rule's ``none`` phrases block it: None when they block it outright, else the
    offsets in ``bulletin`` (the text, when it lists items) of those that block only the item
    they occur in (``verify``). A none phrase blocks wherever it occurs, denied or not, unless
    it is only recalled: as background ("Depois do piloto em Pisiga, ... passou a aplicar"),
    among a norm's motives (CONSIDERANDO: "que el plan piloto ... arrojó resultados"), or in
    the formula every norm ends with ("Quedan derogadas las disposiciones contrarias")."""
    starts: list[int] = []
    for scan in scans:
        for pid in plan.none_ids:
            if pid not in scan.raw:
                continue
            found = scan.raw.get(pid)
            for number in range(len(found)):
                if scan.recalled(pid, number, index):
                    continue
                if scan is not bulletin or not bulletin_items(scan):
                    return None
                starts.append(found[number][0])
    return starts


def items_apart(items: tuple[tuple[int, ...], ...],
                spans: dict[str, dict[int, Sequence[Occurrence]]]) -> bool:
    """Each ``about``/``all`` item has an occurrence of its own: "privación de libertad" in two
    lists satisfies one of them, not both (a longer phrase around a shorter one is another
    occurrence: "caso de la trabajadora sexual" and "trabajadora sexual")."""
    if len(items) < 2:
        return True
    # the first occurrence of each item, when no two are one: each item has its own (most
    # rules; the others are read in full)
    firsts = [min(((name, *span) for name, found in spans.items() for pid in item
                   if (span := _first_span(found.get(pid, ()))) is not None), default=None)
              for item in items]
    if None in firsts:
        return False
    if len(set(firsts)) == len(firsts):
        return True
    options = [sorted({(name, o.start, o.end) for name, found in spans.items()
                       for pid in item for o in found.get(pid, ())})[:_MAX_OPTIONS]
               for item in items]
    options.sort(key=len)
    used: list[tuple[str, int, int]] = []

    def place(number: int) -> bool:
        if number == len(options):
            return True
        for option in options[number]:
            if option not in used:
                used.append(option)
                if place(number + 1):
                    return True
                used.pop()
        return False
    return place(0)




def _presence(scans: list[FieldScan]) -> Callable[[int], bool]:
    def has(phrase_id: int) -> bool:
        return any(phrase_id in scan.raw for scan in scans)
    return has


def _present(plan: RulePlan, has: Callable[[int], bool]) -> bool:
    """Every all/near item and (if given) one any phrase satisfy ``has``."""
    if plan.any_ids and not any(has(pid) for pid in plan.any_ids):
        return False
    return all(any(has(pid) for pid in item)
               for item in plan.about_ids + plan.all_ids + plan.near_ids)


def build_match(plan: RulePlan, doc: MatchInput, found: Found, index: ScanIndex,
                scans: dict[str, FieldScan]) -> Match:
    """The match of ``found``, its excerpt cut at the sentences the field's scan has read."""
    rule = plan.rule
    field_name = "text" if any(found.spans.get("text", {}).values()) else "title"
    per_phrase = found.spans[field_name]
    first = min(span for occ in per_phrase.values() if (span := _first_span(occ)) is not None)
    source_text = doc.text if field_name == "text" else doc.title
    lo, hi = excerpt_window(source_text, first, starts=sentence_starts_of(scans[field_name]))
    excerpt, highlights = cut_excerpt(source_text, lo, hi, [
        span for occ in per_phrase.values() for span in _spans_within(occ, lo, hi)])
    terms = tuple(sorted({index.phrases[pid].text for pid, occ in per_phrase.items() if occ}))
    proposes, events, corroborates = _weigh(rule, doc)
    return Match(rule_id=rule.id, demand_id=rule.demand_id, document_id=doc.document_id,
                 proposes=proposes, events=events, excerpt=excerpt, highlights=highlights,
                 matched_terms=terms, field=field_name, corroborates=corroborates,
                 published_on=doc.published_on, url=doc.url,
                 in_title=_event_in_title(plan, found))


def _event_in_title(plan: RulePlan, found: Found) -> bool:
    """The rule's event counts in the title: one of its ``any`` phrases, or, for a rule without
    ``any``, every ``all``/``near`` item (its topic words alone are no event). The headline
    states the document's news."""
    title = found.spans.get("title", {})
    if plan.any_ids:
        return any(title.get(pid) for pid in plan.any_ids)
    items = plan.all_ids + plan.near_ids
    return bool(items) and all(any(title.get(pid) for pid in item) for item in items)


def _weigh(rule: Rule, doc: MatchInput) -> tuple[str | None, tuple[str, ...], str | None]:
    """Source weight: ``fulfilled`` only from official kinds; elsewhere a corroborating note.
    An opinion column reports no step: its match is a note of what it would have proposed."""
    if rule.proposes == NOTE:
        return None, rule.events, None
    if is_commentary(doc.title, doc.text, doc.source_kind):
        return None, (CORROBORATION_EVENT,), rule.proposes
    if rule.proposes == "fulfilled" and doc.source_kind not in OFFICIAL_KINDS:
        return None, (CORROBORATION_EVENT,), "fulfilled"
    return rule.proposes, rule.events, None
