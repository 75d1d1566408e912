"""Reading one demand (an item of a file's ``demands:`` list) into a ``Demand`` with its rules.

Layer: monitor. Collects every problem with its line; returns None when the demand is unusable.
Cases: tests/fixtures/watch/invalid/*.yaml.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ruamel.yaml.comments import CommentedMap

from monitor.watch.checks import Problems, choice, date_value, flag, slug, text_value
from monitor.watch.model import Demand, Rule
from monitor.watch.rules import DemandContext, read_rule
from monitor.watch.terms import TermLists, builtin_terms
from monitor.watch.vocab import DEMAND_KINDS, LANGUAGES, RESPONSES, STATUSES, VISIBILITIES
from monitor.yamlio import check_keys, line_of

DEMAND_KEYS = ("id", "country", "kind", "is_law", "visibility", "title", "description", "target",
               "made_on", "source_url", "response", "status", "target_date", "rules")
REQUIRED_DEMAND_KEYS = ("id", "country", "kind", "title", "made_on")


def read_demand(node: Any, problems: Problems, *, source_ids: Collection[str] | None,
                terms: TermLists | None = None) -> Demand | None:
    before = len(problems.errors)
    if not isinstance(node, CommentedMap):
        problems.at(node, None, "each item under demands: must be a mapping (id:, country:, "
                    "kind:, title: ...)")
        return None
    what = f"demand {node.get('id', '?')!s}"
    problems.errors.extend(check_keys(node, allowed=DEMAND_KEYS, required=REQUIRED_DEMAND_KEYS,
                                      path=problems.path, what=what))
    demand_id = slug(node, "id", problems, what=what) or "?"
    country = _country(node, problems, what=what)
    made_on = date_value(node, "made_on", problems, what=what)
    ctx = DemandContext(demand_id=demand_id, country=country, made_on=made_on,
                        source_ids=source_ids, terms=terms or builtin_terms())
    demand = Demand(
        id=demand_id, country=country or "", made_on=made_on,
        kind=choice(node, "kind", DEMAND_KINDS, problems, what=what) or "",
        is_law=flag(node, "is_law", problems, what=what),
        visibility=choice(node, "visibility", VISIBILITIES, problems, what=what,
                          default="public") or "public",
        titles=_texts(node, "title", problems, what=what, required=("es",)),
        descriptions=_texts(node, "description", problems, what=what, required=()),
        target=text_value(node, "target", problems, what=what) or "",
        source_url=text_value(node, "source_url", problems, what=what),
        response=choice(node, "response", RESPONSES, problems, what=what,
                        default="no_response") or "no_response",
        status=choice(node, "status", STATUSES, problems, what=what,
                      default="pending") or "pending",
        target_date=date_value(node, "target_date", problems, what=what),
        rules=_rules(node, ctx, problems, what=what), path=problems.path, line=line_of(node))
    return demand if len(problems.errors) == before else None


def _country(node: Any, problems: Problems, *, what: str) -> str | None:
    value = text_value(node, "country", problems, what=what)
    if value is not None and not (len(value) == 2 and value.isalpha() and value.isupper()):
        problems.at(node, "country", f"{what}: country {value!r} must be a two-letter ISO code "
                    "in capitals, such as BO, PE, BR")
        return None
    return value


def _texts(node: Any, key: str, problems: Problems, *, what: str,
           required: tuple[str, ...]) -> dict[str, str]:
    value = node.get(key)
    if value is None:
        return {}
    if isinstance(value, str):
        value = CommentedMap({"es": value})
    if not isinstance(value, CommentedMap):
        problems.at(node, key, f"{what}: {key} must be a mapping of languages (es:, pt:, en:)")
        return {}
    problems.errors.extend(check_keys(value, allowed=LANGUAGES, path=problems.path,
                                      what=f"{what}, {key}"))
    for language in required:
        if not isinstance(value.get(language), str) or not value[language].strip():
            problems.at(node, key, f"{what}: {key} needs a Spanish text ({key}: {{es: ...}})")
    return {k: str(v).strip() for k, v in value.items() if isinstance(v, str) and v.strip()}


def _rules(node: Any, ctx: DemandContext, problems: Problems, *, what: str) -> tuple[Rule, ...]:
    raw = node.get("rules")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.at(node, "rules", f"{what}: rules must be a list of rules")
        return ()
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        rule = read_rule(item, ctx, problems)
        if rule is None:
            continue
        if rule.id in seen:
            problems.add(line_of(raw, i), f"{what}: duplicate rule id {rule.id.split('/')[-1]!r}"
                         f" (first at line {seen[rule.id]})")
            continue
        seen[rule.id] = line_of(raw, i)
        rules.append(rule)
    return tuple(rules)
