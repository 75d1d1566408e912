"""The shared scan index of a rulebook: one Aho-Corasick automaton over every rule's phrases.

Layer: monitor. Each distinct phrase (by folded form) gets one id; phrases sharing a scan key
(a phrase's first word, space-delimited) form a *group*, and the automaton maps each key to its
group number (a plain int, cheap to hash per hit). Rules are compiled into plans of phrase ids,
and ``rules_by_group`` says which rules a key hit may concern, so a document is verified only
against rules whose trigger phrases occur in it. The keys are split in two automata: the
*trigger* keys (each rule's rarest required group) and the rest. A document is scanned with the
trigger automaton first; only when that finds a candidate rule is it scanned with the rest, so
the common document (no rule concerned) costs one pass with almost no hits.
Cases: tests/watch/test_watch_matcher.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from mypy_extensions import mypyc_attr

from monitor.watch.insertions import (
    INSERTION_WORDS,
    TIME_WORDS,
    holds_time,
    insertion,
    kept_places,
)
from monitor.watch.keyscan import KeyScan
from monitor.watch.model import Item, Phrase, Rule
from monitor.watch.normalize import WILDCARD_MIN_STEM, blank_adverbs, is_adverb


# not a native class when compiled (monitor/watch/native.py): its cached properties live in
# the instance's __dict__
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class RulePlan:
    rule: Rule
    all_ids: tuple[tuple[int, ...], ...]
    any_ids: tuple[int, ...]
    none_ids: tuple[int, ...]
    near_ids: tuple[tuple[int, ...], ...]
    about_ids: tuple[tuple[int, ...], ...] = ()

    @cached_property
    def positive_ids(self) -> frozenset[int]:
        ids = {i for item in self.about_ids + self.all_ids + self.near_ids for i in item}
        return frozenset(ids | set(self.any_ids))

    @cached_property
    def object_ids(self) -> frozenset[int]:
        """Phrases in ``all`` or ``near`` but not in ``any``: what the event acts on."""
        items = {i for item in self.all_ids + self.near_ids for i in item}
        return frozenset(items - set(self.any_ids))

    @cached_property
    def uncued_ids(self) -> frozenset[int]:
        """Phrases only in ``about``: their occurrences count whatever the cues say."""
        cued = {i for item in self.all_ids + self.near_ids for i in item} | set(self.any_ids)
        return frozenset(i for item in self.about_ids for i in item if i not in cued)


# not a native class when compiled (monitor/watch/native.py): its cached properties live in
# the instance's __dict__
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class ScanIndex:
    phrases: tuple[Phrase, ...]
    plans: tuple[RulePlan, ...]
    rules_by_phrase: dict[int, tuple[int, ...]]
    group_of: dict[int, int]  # phrase id -> its group number (the automaton value)
    groups: tuple[tuple[int, ...], ...]  # group number -> phrase ids sharing one scan key
    rules_by_group: dict[int, frozenset[int]]  # group number -> rule numbers it may trigger
    triggers: KeyScan = field(default_factory=lambda: KeyScan({}))  # keys of rules_by_group
    others: KeyScan = field(default_factory=lambda: KeyScan({}))  # every other key
    adverbs: frozenset[str] = frozenset()  # adverbs in -mente that are whole phrases (kept)
    # trigger values that mark the last word of an insertion to skip (insertions.py)
    insertion_groups: frozenset[int] = frozenset()
    # adjacent words of the phrases, the second ("una") -> the firsts before it ("abri*"), a
    # wildcard stem with its "*"
    firsts: dict[str, frozenset[str]] = field(default_factory=dict)
    _seconds_seen: dict[str, bool] = field(default_factory=dict)  # text word -> a second
    _pairs_seen: dict[tuple[str, str], bool] = field(default_factory=dict)  # (first, second)
    demand_of: dict[str, str] = field(default_factory=dict)  # full rule id -> demand id

    def demands_of(self, rule_ids: Collection[str]) -> set[str]:
        """The demand ids of these full rule ids (unknown ids are ignored)."""
        return {self.demand_of[r] for r in rule_ids if r in self.demand_of}

    def scan_form(self, folded: str) -> str:
        """``folded`` as phrases are scanned in: adverbs in -mente blanked but the rulebook's
        (insertions are skipped later, where the trigger scan found their last word)."""
        return blank_adverbs(folded, self.adverbs)

    def insertion_gaps(self, compact: str, hits: list[tuple[int, int]],
                       ) -> list[tuple[int, int]]:
        """Spans of the insertions of a compact text ("ayer", "boliviano", "de bolivia") that
        sit between two adjacent words of a phrase ("abrio ayer una investigacion"), from the
        trigger hits of their last words, in order."""
        groups, seen, find = self.insertion_groups, self._seconds_seen, compact.find
        # the common case first, in one pass: no phrase goes on with the word after it
        ends = [(end, stop, word) for end, group in hits if group in groups
                for stop in (find(" ", end + 1),) for word in (compact[end + 1:stop],)
                if seen.get(word) is not False or word.isdigit()]
        spans: list[tuple[int, int]] = []
        for end, stop, word in ends:
            goes_on = seen.get(word)
            if goes_on is None:
                goes_on = self._goes_on(word)
            if not goes_on:
                if not word.isdigit() or stop == -1:
                    continue
                end = stop  # a day's number: "el martes 14 una"
                stop = compact.find(" ", end + 1)
                word = compact[end + 1:stop]
                if stop == -1 or not self._goes_on(word):
                    continue
            span = insertion(compact, compact.rfind(" ", 0, end) - 1 if
                             compact[end - 1].isdigit() else end - 1)
            if span is None or span[1] != end or spans and span[0] < spans[-1][1]:
                continue
            before = compact.rfind(" ", 0, span[0] - 1) + 1
            if self._adjacent(compact[before:span[0] - 1], word):
                spans.append(span)
        return spans

    def _adjacent(self, first: str, second: str) -> bool:
        """Some phrase has these two text words (or stems of them) one after the other
        (memoised: a text's word pairs around its insertions repeat)."""
        known = self._pairs_seen.get((first, second))
        if known is None:
            if len(self._pairs_seen) > SEEN_WORDS:
                self._pairs_seen.clear()
            firsts = _forms(first)
            known = self._pairs_seen[first, second] = any(
                not self.firsts.get(form, _NONE).isdisjoint(firsts) for form in _forms(second))
        return known

    def _goes_on(self, word: str) -> bool:
        """Some phrase has ``word`` (or a stem of it) after its first word (memoised: a text's
        words repeat)."""
        known = self._seconds_seen.get(word)
        if known is None:
            if len(self._seconds_seen) > SEEN_WORDS:
                self._seconds_seen.clear()
            known = self._seconds_seen[word] = any(form in self.firsts for form in _forms(word))
        return known

    def scan_triggers(self, padded: str) -> list[tuple[int, int]]:
        """(key end, group number) of the trigger keys in a compact text."""
        return self.triggers.find(padded)

    def scan_others(self, padded: str) -> list[tuple[int, int]]:
        """(key end, group number) of the other keys in a compact text."""
        return self.others.find(padded)


def build_index(rules: tuple[Rule, ...]) -> ScanIndex:
    ids: dict[str, int] = {}
    phrases: list[Phrase] = []

    def pid(phrase: Phrase) -> int:
        if phrase.canonical not in ids:
            ids[phrase.canonical] = len(phrases)
            phrases.append(phrase)
        return ids[phrase.canonical]

    def item_ids(items: tuple[Item, ...]) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(pid(p) for p in item) for item in items)

    plans = tuple(RulePlan(rule=r, all_ids=item_ids(r.all_items),
                           any_ids=tuple(pid(p) for p in r.any_phrases),
                           none_ids=tuple(pid(p) for p in r.none_phrases),
                           near_ids=item_ids(r.near_terms),
                           about_ids=item_ids(r.about_items)) for r in rules)
    groups = _groups(phrases)
    group_of = {pid: number for number, group in enumerate(groups) for pid in group}
    rules_by_phrase = _rules_by_phrase(plans, phrases)
    rules_by_group: dict[int, set[int]] = defaultdict(set)
    for phrase_id, numbers in rules_by_phrase.items():
        rules_by_group[group_of[phrase_id]].update(numbers)
    keys = [phrases[group[0]].key for group in groups]
    triggers = {g: keys[g] for g in rules_by_group}
    insertions = _insertion_values(triggers, len(groups), phrases) if triggers else {}
    return ScanIndex(phrases=tuple(phrases), plans=plans,
                     rules_by_phrase=rules_by_phrase, group_of=group_of, groups=groups,
                     rules_by_group={g: frozenset(n) for g, n in rules_by_group.items()},
                     triggers=_keyed(triggers, insertions),
                     others=_keyed({g: k for g, k in enumerate(keys) if g not in rules_by_group}),
                     adverbs=frozenset(p.words[0].text for p in phrases
                                       if len(p.words) == 1 and is_adverb(p.words[0].text)),
                     insertion_groups=frozenset(insertions.values()),
                     firsts=_firsts(phrases),
                     demand_of={r.id: r.demand_id for r in rules})


SEEN_WORDS = 50_000  # text words whose answer ``ScanIndex._goes_on`` keeps


def _forms(word: str) -> list[str]:
    """A text word and the wildcard stems ("stem*") that would match it."""
    return [word] + [word[:n] + "*" for n in range(WILDCARD_MIN_STEM, len(word))]


def _firsts(phrases: list[Phrase]) -> dict[str, frozenset[str]]:
    """The adjacent words of every phrase, a wildcard stem written with its "*": the second
    word -> the first words before it."""
    found: dict[str, set[str]] = defaultdict(set)
    for phrase in phrases:
        for first, second in pairwise(w.text + "*" if w.is_wildcard else w.text
                                      for w in phrase.words):
            found[second].add(first)
    return {second: frozenset(firsts) for second, firsts in found.items()}


_NONE: frozenset[str] = frozenset()


def _insertion_values(triggers: dict[int, str], first_free: int,
                      phrases: list[Phrase]) -> dict[str, int]:
    """The value of each insertion's last word in the trigger automaton: the group of a
    trigger key that is that very word, or a value no group has (the trigger scan finds them
    for free). Not the time words when a phrase holds a time adverbial ("vigente desde hoy"),
    nor the places a phrase names ("migrantes venezolan*"): the text keeps those."""
    kept: set[str] = set()
    for phrase in phrases:
        kept |= kept_places(phrase.words)
    times = not any(holds_time(p.words) for p in phrases)
    by_key = {key: group for group, key in triggers.items()}
    return {f" {word} ": by_key.get(f" {word} ", first_free) for word in INSERTION_WORDS
            if word not in kept and (times or word not in TIME_WORDS)}


def _keyed(keys: dict[int, str], extra: dict[str, int] | None = None) -> KeyScan:
    """A scan mapping each key to its group number (and each ``extra`` key to its value; a
    group's own key wins over an extra one)."""
    values = dict(extra or {})
    values.update((key, group) for group, key in keys.items())
    return KeyScan(values)


def _groups(phrases: list[Phrase]) -> tuple[tuple[int, ...], ...]:
    """The phrase ids sharing each scan key, in order of first appearance (group numbers)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, phrase in enumerate(phrases):
        by_key[phrase.key].append(i)
    return tuple(tuple(phrase_ids) for phrase_ids in by_key.values())


def _rules_by_phrase(plans: tuple[RulePlan, ...],
                     phrases: list[Phrase]) -> dict[int, tuple[int, ...]]:
    """Phrase id -> rules it may trigger: each rule is triggered only by its rarest-looking
    required group (every rule needs one phrase of each group, so any group would do)."""
    found: dict[int, list[int]] = defaultdict(list)
    for number, plan in enumerate(plans):
        for phrase_id in _trigger_group(plan, phrases):
            found[phrase_id].append(number)
    return {k: tuple(v) for k, v in found.items()}


def _trigger_group(plan: RulePlan, phrases: list[Phrase]) -> tuple[int, ...]:
    groups = list(plan.about_ids + plan.all_ids + plan.near_ids)
    if plan.any_ids:
        groups.append(plan.any_ids)

    def rarity(group: tuple[int, ...]) -> tuple[int, int]:
        weakest = min(group, key=lambda i: _phrase_rarity(phrases[i]))
        return _phrase_rarity(phrases[weakest]), -len(group)

    return max(groups, key=rarity) if groups else ()


def _phrase_rarity(phrase: Phrase) -> int:
    """Longer phrases and longer first words are rarer; wildcard stems are common."""
    first = phrase.words[0]
    return 10 * len(phrase.words) + len(first.text) - (4 if first.is_wildcard else 0)
