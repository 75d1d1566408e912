"""Loading the editors' source files (``rules/sources/*.yaml``) into ``spiders.specs.SourceSpec``.

Layer: monitor (imports spiders.specs and spiders.selectors). Every
problem is a ``RuleError`` ("path:line: message"), all of a file's problems are collected, and a
file with any problem contributes no source while the other files still load. Checked: unknown
keys (listing the allowed ones), missing required keys, wrong types, exactly one of
feed/listing/page (unless ``spider`` names a custom class), kind in SOURCE_KINDS, enumerations
(render, robots, fetch_linked, schedule), URLs, selectors, id_pattern and page_pattern, and ids
unique across files. ``${name}`` in any text value is replaced from ``variables`` (e.g.
``${demo_world}``); an unknown variable is an error.
Settings read: none (the folder and variables are passed in). Cases: tests/crawling/test_sources.py
with one file per case in tests/fixtures/crawling/sources/ (``# Expect-error: LINE: text``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cssselect import SelectorError
from parsel import Selector

from monitor.errors import RuleError
from monitor.yamlio import check_keys, line_of, load_yaml, yaml_files
from spiders.selectors import select
from spiders.specs import SOURCE_KINDS, FeedSpec, ListingSpec, PageSpec, SourceSpec

logger = logging.getLogger(__name__)

TEXT = (str,)
NUMBER = (int, float)
MAPPING = (Mapping,)
SOURCE_FIELDS: dict[str, tuple[type, ...]] = {
    "id": TEXT, "name": TEXT, "country": TEXT, "kind": TEXT, "language": TEXT,
    "schedule": TEXT, "feed": MAPPING, "listing": MAPPING, "page": MAPPING, "render": TEXT,
    "wait_for": TEXT, "robots": TEXT, "delay_s": NUMBER, "revisit_days": (int,),
    "spider": TEXT, "options": MAPPING}
SOURCE_REQUIRED = ("id", "name", "country", "kind", "language")
FEED_FIELDS: dict[str, tuple[type, ...]] = {"url": TEXT, "fetch_linked": TEXT}
LISTING_FIELDS: dict[str, tuple[type, ...]] = {
    "url": TEXT, "items": TEXT, "link": TEXT, "title": TEXT, "date": TEXT, "summary": TEXT,
    "next_page": TEXT, "page_pattern": TEXT, "max_pages": (int,), "detail_text": TEXT,
    "detail_title": TEXT, "detail_date": TEXT, "id_pattern": TEXT}
PAGE_FIELDS: dict[str, tuple[type, ...]] = {"url": TEXT, "selector": TEXT}
PARTS = {"feed": (FEED_FIELDS, ("url",), FeedSpec),
         "listing": (LISTING_FIELDS, ("url", "items", "link"), ListingSpec),
         "page": (PAGE_FIELDS, ("url",), PageSpec)}
SELECTOR_KEYS = ("items", "link", "title", "date", "summary", "next_page", "detail_text",
                 "detail_title", "detail_date", "selector", "wait_for")
CHOICES: dict[str, tuple[str, ...]] = {"render": ("html", "js"), "robots": ("obey", "ignore"),
                                       "fetch_linked": ("auto", "always", "never"),
                                       "kind": SOURCE_KINDS}
SCHEDULE_WORDS = ("hourly", "daily", "weekly")
_VARIABLE = re.compile(r"\$\{([^}]*)\}")
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_DOTTED = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$")


@dataclass
class SourceLoad:
    """What loading a folder gave: the usable sources and every problem found."""

    specs: list[SourceSpec] = field(default_factory=list)
    errors: list[RuleError] = field(default_factory=list)


@dataclass
class _Context:
    path: str
    variables: Mapping[str, str]
    errors: list[RuleError] = field(default_factory=list)

    def error(self, line: int, message: str) -> None:
        self.errors.append(RuleError(self.path, line, message))


def load_sources(folder: Path, *, variables: Mapping[str, str]) -> SourceLoad:
    """Every source of every YAML file under ``folder``; broken files are skipped and reported."""
    result = SourceLoad()
    if not folder.is_dir():
        logger.warning("sources folder %s does not exist; no sources loaded", folder)
        return result
    first_seen: dict[str, str] = {}
    for path in yaml_files(folder):
        specs, errors = load_source_file(path, variables=variables)
        errors += _duplicates(specs, first_seen)
        if errors:
            result.errors.extend(errors)
            logger.warning("sources file %s skipped: %d problems", path, len(errors))
            continue
        for spec in specs:
            first_seen[spec.id] = f"{spec.path}:{spec.line}"
        result.specs.extend(specs)
    logger.info("loaded %d sources, %d problems", len(result.specs), len(result.errors))
    return result


def load_source_file(path: Path, *, variables: Mapping[str, str]) -> tuple[list[SourceSpec],
                                                                              list[RuleError]]:
    """The sources of one file and the problems found in it (sources are useless if any)."""
    try:
        document = load_yaml(path)
    except RuleError as exc:
        return [], [exc]
    ctx = _Context(str(path), variables)
    items = _source_list(document, ctx)
    specs = []
    seen: dict[str, int] = {}
    for index, node in enumerate(items):
        spec = _source(node, ctx, line=line_of(items, index))
        if spec is None:
            continue
        if spec.id in seen:
            ctx.error(spec.line, f"duplicate source id {spec.id!r} (first at line {seen[spec.id]})")
        seen.setdefault(spec.id, spec.line)
        specs.append(spec)
    return specs, ctx.errors


def _duplicates(specs: list[SourceSpec], first_seen: Mapping[str, str]) -> list[RuleError]:
    return [RuleError(s.path, s.line, f"duplicate source id {s.id!r} (already defined at "
                      f"{first_seen[s.id]})") for s in specs if s.id in first_seen]


def _source_list(document: Any, ctx: _Context) -> list[Any]:
    if document is None:
        return []
    if not isinstance(document, Mapping):
        ctx.error(1, "a sources file must be a mapping with the key 'sources'")
        return []
    ctx.errors += check_keys(document, allowed=("sources",), required=("sources",),
                             path=ctx.path, what="sources file")
    items = document.get("sources")
    if items is None:
        return []
    if not isinstance(items, list):
        ctx.error(line_of(document, "sources"), "'sources' must be a list of sources")
        return []
    return items


def _source(node: Any, ctx: _Context, *, line: int) -> SourceSpec | None:
    """One source mapping as a SourceSpec, or None when it has problems (all recorded)."""
    if not isinstance(node, Mapping):
        ctx.error(line, "each source must be a mapping (id, name, country, kind, ...)")
        return None
    before = len(ctx.errors)
    what = f"source {node.get('id')!r}" if isinstance(node.get("id"), str) else "source"
    ctx.errors += check_keys(node, allowed=SOURCE_FIELDS, required=SOURCE_REQUIRED,
                             path=ctx.path, what=what)
    values = _typed(node, SOURCE_FIELDS, ctx, what=what)
    parts = {name: _part(node, name, ctx, what=what) for name in PARTS if name in values}
    _check_source_values(node, values, ctx, what=what)
    options = _options(node, ctx, what=what)
    if len(ctx.errors) > before:
        return None
    values.update(parts)
    values["options"] = options
    return SourceSpec(**values, path=ctx.path, line=line_of(node))


def _typed(node: Mapping[str, Any], table: Mapping[str, tuple[type, ...]], ctx: _Context, *,
           what: str) -> dict[str, Any]:
    """Known keys whose values have the right type, as plain values (``${var}`` replaced)."""
    values: dict[str, Any] = {}
    for key, kinds in table.items():
        if key not in node:
            continue
        value = node[key]
        if not _is_kind(value, kinds):
            ctx.error(line_of(node, key), f"{what}: {key} must be {_kind_name(kinds)}, got "
                      f"{_describe(value)}")
            continue
        if isinstance(value, str):
            value = _substitute(str(value), ctx, line=line_of(node, key), what=f"{what}: {key}")
        elif isinstance(value, float):
            value = float(value)
        elif isinstance(value, int):
            value = int(value)
        values[key] = value
    return values


def _is_kind(value: Any, kinds: tuple[type, ...]) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, kinds)


def _kind_name(kinds: tuple[type, ...]) -> str:
    if kinds is MAPPING:
        return "a mapping"
    if kinds is NUMBER:
        return "a number"
    return "text" if kinds is TEXT else "a whole number"


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{value!r}"


def _substitute(value: str, ctx: _Context, *, line: int, what: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in ctx.variables:
            return ctx.variables[name]
        known = ", ".join(sorted(ctx.variables)) or "none are set"
        ctx.error(line, f"{what}: unknown variable ${{{name}}}; known: {known}")
        return match.group(0)

    return _VARIABLE.sub(replace, value)


def _part(node: Mapping[str, Any], name: str, ctx: _Context, *, what: str) -> Any:
    """The feed, listing or page mapping as its spec, or None (problems recorded)."""
    fields, required, spec_class = PARTS[name]
    part = node[name]
    if not isinstance(part, Mapping):
        return None
    label = f"{what} {name}"
    before = len(ctx.errors)
    ctx.errors += check_keys(part, allowed=fields, required=required, path=ctx.path, what=label)
    values = _typed(part, fields, ctx, what=label)
    _check_part_values(part, values, ctx, what=label)
    if len(ctx.errors) > before:
        return None
    return spec_class(**values)


def _check_source_values(node: Mapping[str, Any], values: Mapping[str, Any], ctx: _Context, *,
                         what: str) -> None:
    _check_choices(node, values, ctx, what=what)
    if "id" in values and not _ID.match(values["id"]):
        ctx.error(line_of(node, "id"), f"{what}: id must be lower-case letters, digits and _ "
                  f"(it names the spider), got {values['id']!r}")
    if "country" in values and not re.fullmatch(r"[A-Z]{2}", values["country"]):
        ctx.error(line_of(node, "country"), f"{what}: country must be an ISO 3166 code like "
                  f"BO or BR, got {values['country']!r}")
    if "language" in values and not re.fullmatch(r"[a-z]{2}", values["language"]):
        ctx.error(line_of(node, "language"), f"{what}: language must be a code like es, pt "
                  f"or en, got {values['language']!r}")
    if "schedule" in values:
        _check_schedule(values["schedule"], ctx, line=line_of(node, "schedule"), what=what)
    for key in ("delay_s", "revisit_days"):
        if key in values and values[key] < 0:
            ctx.error(line_of(node, key), f"{what}: {key} must not be negative")
    if "spider" in values and not _DOTTED.match(values["spider"]):
        ctx.error(line_of(node, "spider"), f"{what}: spider must be a dotted class path like "
                  f"mypackage.spiders.GacetaSpider, got {values['spider']!r}")
    if "wait_for" in values:
        _check_selector(values["wait_for"], ctx, line=line_of(node, "wait_for"),
                        what=f"{what}: wait_for")
    _check_one_part(node, ctx, what=what)


def _check_choices(node: Mapping[str, Any], values: Mapping[str, Any], ctx: _Context, *,
                   what: str) -> None:
    for key, allowed in CHOICES.items():
        if key in values and values[key] not in allowed:
            ctx.error(line_of(node, key), f"{what}: unknown {key} {values[key]!r}; allowed: "
                      f"{', '.join(allowed)}")


def _check_one_part(node: Mapping[str, Any], ctx: _Context, *, what: str) -> None:
    present = [name for name in PARTS if name in node]
    if len(present) > 1:
        ctx.error(line_of(node, present[1]), f"{what}: give only one of feed, listing, page "
                  f"(found {', '.join(present)})")
    elif not present and "spider" not in node:
        ctx.error(line_of(node), f"{what}: needs one of feed, listing or page (or a custom "
                  "spider)")


def _check_schedule(value: str, ctx: _Context, *, line: int, what: str) -> None:
    if value in SCHEDULE_WORDS:
        return
    from apscheduler.triggers.cron import CronTrigger

    problem = "it needs 5 fields" if len(value.split()) != 5 else None
    if problem is None:
        try:
            CronTrigger.from_crontab(value)
        except ValueError as exc:
            problem = str(exc)
    if problem:
        ctx.error(line, f"{what}: schedule must be hourly, daily, weekly or a cron line "
                  f"\"m h dom mon dow\"; {value!r}: {problem}")


def _check_part_values(part: Mapping[str, Any], values: Mapping[str, Any], ctx: _Context, *,
                       what: str) -> None:
    _check_choices(part, values, ctx, what=what)
    if "url" in values:
        _check_url(values["url"], ctx, line=line_of(part, "url"), what=f"{what}: url")
    for key in SELECTOR_KEYS:
        if key in values:
            _check_selector(values[key], ctx, line=line_of(part, key), what=f"{what}: {key}")
    if "max_pages" in values and not 1 <= values["max_pages"] <= 1000:
        ctx.error(line_of(part, "max_pages"), f"{what}: max_pages must be 1..1000")
    if "id_pattern" in values:
        _check_id_pattern(values["id_pattern"], ctx, line=line_of(part, "id_pattern"), what=what)
    if "page_pattern" in values:
        _check_page_pattern(values["page_pattern"], ctx, line=line_of(part, "page_pattern"),
                            what=what)


def _check_url(url: str, ctx: _Context, *, line: int, what: str) -> None:
    if "${" in url:
        return  # the unknown variable is already reported
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        ctx.error(line, f"{what} must be an http(s) address, got {url!r}")


def _check_selector(selector: str, ctx: _Context, *, line: int, what: str) -> None:
    try:
        select(Selector(text="<html><body></body></html>"), selector)
    except (ValueError, SelectorError) as exc:
        ctx.error(line, f"{what}: invalid selector {selector!r}: {' '.join(str(exc).split())}")


def _check_id_pattern(pattern: str, ctx: _Context, *, line: int, what: str) -> None:
    try:
        groups = re.compile(pattern).groups
    except re.error as exc:
        ctx.error(line, f"{what}: id_pattern is not a valid regex: {exc}")
        return
    if groups != 1:
        ctx.error(line, f"{what}: id_pattern must have exactly one (group), found {groups}")


def _check_page_pattern(pattern: str, ctx: _Context, *, line: int, what: str) -> None:
    try:
        filled = pattern.format(n=2)
    except (KeyError, IndexError, ValueError) as exc:
        ctx.error(line, f"{what}: page_pattern may only use {{n}}: {exc!r}")
        return
    if filled == pattern:
        ctx.error(line, f"{what}: page_pattern must contain {{n}} (the page number)")


def _options(node: Mapping[str, Any], ctx: _Context, *, what: str) -> tuple[tuple[str, str], ...]:
    raw = node.get("options")
    if not isinstance(raw, Mapping):
        return ()
    pairs = []
    for key, value in raw.items():
        if not isinstance(key, str) or isinstance(value, Mapping | list) or value is None:
            ctx.error(line_of(raw, key), f"{what}: options must map names to single values")
            continue
        pairs.append((key, str(value)))
    return tuple(pairs)
