"""Typed records of the watch engine: demands, compiled rules, documents to match, matches.

Layer: monitor. Plain frozen dataclasses; ``loader`` builds them from YAML, ``matcher`` reads
them. Cases: tests/watch/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from monitor.errors import RuleError
from monitor.watch.normalize import Word


@dataclass(frozen=True)
class Phrase:
    """One phrase as the editor wrote it, folded into words, with its scan key and checker.

    ``key`` is what the shared Aho-Corasick automaton looks for in `` `` + folded text + `` ``:
    the first word with a leading space (and a trailing one unless it is a wildcard stem).
    ``tail`` matches the rest of the phrase from the first word's start, when there is a rest.
    """

    text: str
    words: tuple[Word, ...]
    key: str
    tail: re.Pattern[str] | None

    @cached_property  # asked once per occurrence test: kept in the instance's __dict__
    def stressed(self) -> bool:
        """A word of it must keep its final "ó" in the text (``phrases.keeps_stress``)."""
        return any(w.stressed for w in self.words)

    @property
    def canonical(self) -> str:
        return " ".join(w.written for w in self.words)


# An item is satisfied when any one of its phrases occurs (a plain phrase is a 1-item list).
Item = tuple[Phrase, ...]


@dataclass(frozen=True)
class Rule:
    id: str  # "<demand id>/<rule id>"
    demand_id: str
    proposes: str  # a status slug, or "note"
    events: tuple[str, ...]
    all_items: tuple[Item, ...]
    any_phrases: tuple[Phrase, ...]
    none_phrases: tuple[Phrase, ...]
    near_terms: tuple[Item, ...] = ()
    near_words: int = 0
    about_items: tuple[Item, ...] = ()  # required, but never negated nor hedged
    same_sentence: bool = False
    source_kinds: frozenset[str] | None = None
    sources: frozenset[str] | None = None
    countries: frozenset[str] | None = None  # None: any country
    fields: tuple[str, ...] = ("title", "text")
    since_days: int | None = None
    made_on: date | None = None
    negation: str = "exclude"
    hedging: str = "exclude"
    background: str = "exclude"
    path: str = ""
    line: int = 0
    hash: str = ""

    @cached_property
    def words(self) -> frozenset[str]:
        """Every folded word of its positive phrases (a wildcard's stem as written)."""
        return frozenset(w.text for item in self.positive_items for p in item for w in p.words)

    @property
    def positive_items(self) -> tuple[Item, ...]:
        """Every item whose occurrences are highlighted (about, all, any, near)."""
        items = list(self.about_items) + list(self.all_items) + list(self.near_terms)
        if self.any_phrases:
            items.append(self.any_phrases)
        return tuple(items)


@dataclass(frozen=True)
class Demand:
    id: str
    country: str
    kind: str
    is_law: bool
    visibility: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    target: str
    made_on: date | None
    source_url: str | None
    response: str
    status: str
    target_date: date | None
    rules: tuple[Rule, ...]
    path: str = ""
    line: int = 0

    @property
    def is_members_only(self) -> bool:
        return self.visibility == "members"


@dataclass
class Rulebook:
    """Every demand and compiled rule that loaded, the problems found, and content hashes.

    ``hash`` changes whenever any compiled rule (or the engine version) changes; ``rule_hashes``
    maps each full rule id to its own hash, so only documents a changed rule could match need
    re-matching.
    """

    demands: tuple[Demand, ...]
    rules: tuple[Rule, ...]
    errors: list[RuleError]
    hash: str
    rule_hashes: dict[str, str]
    warnings: list[RuleError] = field(default_factory=list)  # loaded, but likely a slip
    _index: object | None = field(default=None, repr=False, compare=False)

    def demand(self, demand_id: str) -> Demand | None:
        return next((d for d in self.demands if d.id == demand_id), None)

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


@dataclass(frozen=True)
class MatchInput:
    """A stored document as the matcher sees it."""

    document_id: int | str
    title: str
    text: str
    source_id: str
    source_kind: str
    country: str | None = None
    published_on: date | None = None
    url: str = ""


@dataclass(frozen=True)
class Match:
    """One rule matching one document: a lead for editors, never a fact.

    ``proposes`` is the status to propose, or None for a note. A rule proposing ``fulfilled``
    that matches a non-official source (news, other) gives ``proposes=None``,
    ``corroborates="fulfilled"`` and the event ``nota_prensa`` (docs/rules.md, "Source weight").
    ``highlights`` are (start, end) offsets into ``excerpt``.
    """

    rule_id: str
    demand_id: str
    document_id: int | str
    proposes: str | None
    events: tuple[str, ...]
    excerpt: str
    highlights: tuple[tuple[int, int], ...]
    matched_terms: tuple[str, ...]
    field: str = "text"
    corroborates: str | None = None
    published_on: date | None = None
    url: str = ""
    in_title: bool = False  # the rule's event words count in the title (``precedence``)
