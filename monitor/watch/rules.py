"""Reading one watch rule (a mapping under a demand's ``rules:``) into a compiled ``Rule``.

Layer: monitor. Collects every problem with its line; returns None when the rule is unusable.
The schema is documented for editors in docs/rules.md. Cases: tests/fixtures/watch/invalid/.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap

from monitor.watch.checks import (
    Problems,
    choice,
    flag,
    listed_twice,
    slug,
    text_list,
    whole_number,
)
from monitor.watch.insertions import holds_time
from monitor.watch.model import Item, Phrase, Rule
from monitor.watch.normalize import fold_text, is_adverb
from monitor.watch.phrases import compile_phrase, spelling_variants
from monitor.watch.terms import EXCEPT, TermLists, builtin_terms, expand, is_reference
from monitor.watch.vocab import (
    CUE_MODES,
    EVENT_CODES,
    FIELDS,
    NEVER_FULFILLED_ALONE,
    OFFICIAL_KINDS,
    PROPOSALS,
    SOURCE_KINDS,
)
from monitor.yamlio import check_keys, line_of

ENGINE_VERSION = "watch-55"
RULE_KEYS = ("id", "proposes", "events", "source_kinds", "sources", "countries", "fields",
             "since_days", "all", "any", "none", "near", "same_sentence", "negation", "hedging",
             "background", "note", "about")
NEAR_KEYS = ("words", "terms")
MAX_NEAR_WORDS = 200
MAX_SINCE_DAYS = 36500


@dataclass(frozen=True)
class DemandContext:
    demand_id: str
    country: str | None
    made_on: date | None
    source_ids: Collection[str] | None
    terms: TermLists = field(default_factory=builtin_terms)  # "@name" lists (watch.terms)


def read_rule(node: Any, ctx: DemandContext, problems: Problems) -> Rule | None:
    before = len(problems.errors)
    if not isinstance(node, CommentedMap):
        problems.at(node, None, f"demand {ctx.demand_id}: each rule must be a mapping "
                    "(id:, proposes:, events:, all:/any:/near: ...)")
        return None
    what = f"rule {node.get('id', '?')!s} of demand {ctx.demand_id}"
    problems.errors.extend(check_keys(node, allowed=RULE_KEYS, required=("id", "proposes",
                                      "events"), path=problems.path, what=what))
    rule_id = slug(node, "id", problems, what=what)
    proposes = choice(node, "proposes", PROPOSALS, problems, what=what)
    events = _codes(node, "events", EVENT_CODES, problems, what=what)
    kinds = _codes(node, "source_kinds", SOURCE_KINDS, problems, what=what)
    conditions = _conditions(node, ctx.terms, problems, what=what)
    rule = Rule(id=f"{ctx.demand_id}/{rule_id}", demand_id=ctx.demand_id,
                proposes=proposes or "note", events=tuple(events or ()),
                source_kinds=frozenset(kinds) if kinds else None,
                sources=_sources(node, ctx, problems, what=what),
                countries=_countries(node, ctx, problems, what=what),
                fields=tuple(_codes(node, "fields", FIELDS, problems, what=what) or FIELDS),
                since_days=whole_number(node, "since_days", problems, what=what, low=1,
                                        high=MAX_SINCE_DAYS),
                made_on=ctx.made_on,
                negation=choice(node, "negation", CUE_MODES, problems, what=what,
                                default="exclude") or "exclude",
                hedging=choice(node, "hedging", CUE_MODES, problems, what=what,
                               default="exclude") or "exclude",
                background=choice(node, "background", CUE_MODES, problems, what=what,
                                  default="exclude") or "exclude",
                same_sentence=flag(node, "same_sentence", problems, what=what),
                path=problems.path, line=line_of(node), **conditions)
    _check_weight(node, rule, problems, what=what)
    _check_logic(node, rule, problems, what=what)
    if len(problems.errors) > before:
        return None
    return _with_hash(rule)


def _codes(node: Any, key: str, allowed: tuple[str, ...], problems: Problems, *,
           what: str) -> list[str] | None:
    values = text_list(node, key, problems, what=what)
    if values is None:
        return None
    unknown = [v for v in values if v not in allowed]
    for value in unknown:
        problems.at(node, key, f"{what}: unknown {key.rstrip('s').replace('_', ' ')} {value!r}; "
                    f"allowed: {', '.join(allowed)}")
    return [v for v in values if v in allowed]


def _sources(node: Any, ctx: DemandContext, problems: Problems, *,
             what: str) -> frozenset[str] | None:
    values = text_list(node, "sources", problems, what=what)
    if values is None:
        return None
    if ctx.source_ids is not None:
        for value in values:
            if value not in ctx.source_ids:
                known = ", ".join(sorted(ctx.source_ids)) or "(none defined)"
                problems.at(node, "sources", f"{what}: unknown source id {value!r}; known "
                            f"sources: {known}")
    return frozenset(values)


def _countries(node: Any, ctx: DemandContext, problems: Problems, *,
               what: str) -> frozenset[str] | None:
    values = text_list(node, "countries", problems, what=what)
    if values is None:
        return frozenset({ctx.country}) if ctx.country else None
    if "*" in values:
        return None
    bad = [v for v in values if not (len(v) == 2 and v.isalpha() and v.isupper())]
    for value in bad:
        problems.at(node, "countries", f"{what}: country {value!r} must be a two-letter ISO "
                    "code such as BO, PE, BR (or '*' for any country)")
    return frozenset(values)


def _conditions(node: Any, terms: TermLists, problems: Problems, *,
                what: str) -> dict[str, Any]:
    def items(parent: Any, key: str, *, nested: bool = True) -> list[Item]:
        return _items(parent, key, problems, terms=terms, what=what, nested=nested)
    all_items = items(node, "all")
    any_phrases = [p for item in items(node, "any", nested=False) for p in item]
    none_phrases = [p for item in items(node, "none", nested=False) for p in item]
    near_terms, near_words = _near(node, problems, items, what=what)
    about_items = items(node, "about")
    return {"about_items": tuple(about_items), "all_items": tuple(all_items),
            "any_phrases": tuple(any_phrases),
            "none_phrases": tuple(none_phrases), "near_terms": tuple(near_terms),
            "near_words": near_words}


def _items(node: Any, key: str, problems: Problems, *, terms: TermLists, what: str,
           nested: bool = True) -> list[Item]:
    value = node.get(key)
    if value is None:
        return []
    if isinstance(value, str):  # "any: derog*" reads as one phrase by mistake too often
        problems.at(node, key, f"{what}: {key}: must be a list, e.g. {key}: "
                    f"[{json.dumps(value, ensure_ascii=False)}]")
        return []
    if not isinstance(value, list) or not value:
        problems.at(node, key, f"{what}: {key} must be a non-empty list of phrases")
        return []
    items: list[Item] = []
    listed: dict[str, tuple[str, int]] = {}  # canonical form -> first text written, its line
    for i, entry in enumerate(value):
        line = line_of(value, i, default=line_of(node, key))
        written = list(entry) if isinstance(entry, list) and nested else [entry]
        parts = _expanded(written, terms, line=line, problems=problems, what=what)
        compiled = tuple(p for p in (_phrase(x, line, problems, what=what) for x in parts) if p)
        if nested:  # all:, about:, near: each item needs its own occurrence; only the
            listed = {}  # alternatives inside one item can repeat each other
        for phrase in (p for p in compiled if p.text in written):
            listed_twice(phrase.text, phrase.canonical, listed, line, problems,
                         what=f"{what}: {key}")
        if len(compiled) == len(parts) and parts:
            items.append(tuple(v for p in compiled for v in (p, *spelling_variants(p))))
        elif not written:
            problems.add(line, f"{what}: {key} has an empty list of alternatives")
    return items


def _expanded(parts: list[Any], terms: TermLists, *, line: int, problems: Problems,
              what: str) -> list[Any]:
    """``parts`` with every ``"@name"`` replaced by the phrases of that term list."""
    if not any(is_reference(p) for p in parts):
        return parts
    out: list[Any] = []
    for part in parts:
        found = expand(part, terms, line=line, problems=problems, what=what) \
            if is_reference(part) else [part]
        out.extend(found or [])
    return list(dict.fromkeys(out))


def _phrase(raw: Any, line: int, problems: Problems, *, what: str) -> Phrase | None:
    if not isinstance(raw, str):
        problems.add(line, f"{what}: phrase {raw!r} must be text; put it in quotes")
        return None
    if raw.startswith(EXCEPT):
        # the minus takes a phrase out of a term list; in a rule it would add the phrase
        problems.add(line, f'{what}: "{raw}" takes a phrase out only inside a terms: list; '
                     f'write the list under terms: (mine: ["@name", "{raw}"]) and use "@mine"')
        return None
    try:
        phrase = compile_phrase(raw)
    except ValueError as exc:
        problems.add(line, f"{what}: {exc}")
        return None
    if holds_time(phrase.words):
        problems.warn(line, f"{what}: phrase {raw!r} holds a time adverbial, so no rule skips "
                      "time adverbials between a phrase's words (\"abrió ayer una "
                      "investigación\" is no longer \"abrió una investigación\"); leave the "
                      "time out of the phrase")
    return phrase


def _near(node: Any, problems: Problems, items: Callable[..., list[Item]], *,
          what: str) -> tuple[list[Item], int]:
    near = node.get("near")
    if near is None:
        return [], 0
    if not isinstance(near, CommentedMap):
        problems.at(node, "near", f"{what}: near must be a mapping with words: and terms:")
        return [], 0
    problems.errors.extend(check_keys(near, allowed=NEAR_KEYS, required=NEAR_KEYS,
                                      path=problems.path, what=f"{what}, near"))
    words = whole_number(near, "words", problems, what=f"{what}, near", low=1,
                         high=MAX_NEAR_WORDS) or 0
    terms = items(near, "terms")
    if "terms" in near and len(near.get("terms") or []) < 2:
        problems.at(near, "terms", f"{what}: near needs at least two terms")
    return terms, words


def _check_weight(node: Any, rule: Rule, problems: Problems, *, what: str) -> None:
    """``fulfilled`` needs an official source kind and an event that can show it."""
    if rule.proposes != "fulfilled":
        return
    if rule.source_kinds is not None and not rule.source_kinds & OFFICIAL_KINDS:
        problems.at(node, "proposes", f"{what}: proposes fulfilled but source_kinds has no "
                    f"official kind; fulfilled needs one of: {', '.join(sorted(OFFICIAL_KINDS))}"
                    " (use proposes: note for press reports)")
    if rule.events and set(rule.events) <= NEVER_FULFILLED_ALONE:
        problems.at(node, "proposes", f"{what}: events {', '.join(rule.events)} never show a "
                    "demand fulfilled on their own; propose partial or in_progress instead")


def _check_logic(node: Any, rule: Rule, problems: Problems, *, what: str) -> None:
    if not (rule.all_items or rule.any_phrases or rule.near_terms):
        if "about" in node and not any(k in node for k in ("all", "any", "near")):
            problems.at(node, "about", f"{what}: about: only says what a document is about; "
                        "give at least one of all:, any:, near: for what happened")
        elif not any(k in node for k in ("all", "any", "near")):
            problems.at(node, None, f"{what}: no conditions; give at least one of all:, any:, "
                        "near: (a rule with only none: would match everything)")
        return
    for banned in rule.none_phrases:
        lost = _skipped_adverbs(banned)
        if lost:
            problems.at(node, "none", f"{what}: none phrase {banned.text!r} loses its adverb "
                        f"{lost[0]!r} (adverbs in -mente inside a phrase are skipped), so it "
                        f"would block every {banned.canonical!r}; write the adverb as a phrase "
                        f"of its own (none: [{lost[0]!r}]) or use near")
    required = [item[0] for item in rule.all_items + rule.about_items if len(item) == 1]
    if len(rule.any_phrases) == 1:
        required.append(rule.any_phrases[0])
    for banned in rule.none_phrases:
        for needed in required:
            if _contains(needed, banned):
                problems.at(node, "none", f"{what}: contradictory: none phrase "
                            f"{banned.text!r} is part of required phrase {needed.text!r}, "
                            "so the rule can never match")


def _skipped_adverbs(phrase: Phrase) -> list[str]:
    """The adverbs in -mente the editor wrote in a phrase of several words that the phrase no
    longer holds (``normalize.parse_phrase`` skips them)."""
    kept = {w.text for w in phrase.words}
    written = fold_text(phrase.text).split()
    return [w for w in written if len(written) > 1 and is_adverb(w) and w not in kept]


def _contains(needed: Phrase, banned: Phrase) -> bool:
    """Whenever ``needed`` occurs, ``banned`` occurs too (same words, in order)."""
    big, small = needed.words, banned.words
    for i in range(len(big) - len(small) + 1):
        window = big[i:i + len(small)]
        if all(_covers(b, s) for b, s in zip(window, small, strict=True)):
            return True
    return False


def _covers(word: Any, banned: Any) -> bool:
    if banned.is_wildcard:
        return bool(word.text.startswith(banned.text))
    return bool(not word.is_wildcard and word.text == banned.text)


def _with_hash(rule: Rule) -> Rule:
    described = {
        "engine": ENGINE_VERSION, "id": rule.id, "proposes": rule.proposes,
        "events": rule.events,
        "all": [[p.canonical for p in item] for item in rule.all_items],
        "about": [[p.canonical for p in item] for item in rule.about_items],
        "any": [p.canonical for p in rule.any_phrases],
        "none": [p.canonical for p in rule.none_phrases],
        "near": [[[p.canonical for p in item] for item in rule.near_terms], rule.near_words],
        "kinds": sorted(rule.source_kinds or []), "sources": sorted(rule.sources or []),
        "countries": sorted(rule.countries or []), "fields": rule.fields,
        "since_days": rule.since_days, "made_on": str(rule.made_on),
        "cues": [rule.negation, rule.hedging, rule.background, rule.same_sentence],
    }
    digest = hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:16]
    return replace(rule, hash=digest)
