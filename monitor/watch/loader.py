"""Loading the editors' demand files (``rules/demands/**/*.yaml``) into a ``Rulebook``.

Layer: monitor. Reads YAML through ``monitor.yamlio`` (ruamel round-trip: lines kept, duplicate
keys refused, 1 MiB limit). Every problem in a file is collected as ``path:line: message``; a
file with any problem contributes nothing, the other files still load. No settings read: the
caller passes the folder and, when known, the source ids. Cases: tests/watch/test_watch_loader.py,
tests/fixtures/watch/invalid/*.yaml (``# Expect-error: LINE: message`` headers).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Collection
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from monitor.errors import RuleError
from monitor.watch.checks import Problems
from monitor.watch.demands import read_demand
from monitor.watch.model import Demand, Rulebook
from monitor.watch.rules import ENGINE_VERSION
from monitor.watch.terms import read_file_terms
from monitor.yamlio import check_keys, load_yaml, yaml_files

logger = logging.getLogger(__name__)

FILE_KEYS = ("demands", "terms")
REQUIRED_FILE_KEYS = ("demands",)


def load_rulebook(folder: Path, *, source_ids: Collection[str] | None = None) -> Rulebook:
    """Every demand file below ``folder`` (recursively), or the one file ``folder`` names.

    Broken files are listed in ``errors`` and contribute nothing; the others still load.
    """
    demands: list[Demand] = []
    errors: list[RuleError] = []
    warnings: list[RuleError] = []
    seen: dict[str, str] = {}
    paths = [folder] if folder.is_file() else yaml_files(folder) if folder.is_dir() else []
    for path in paths:
        found, problems, advice = load_demand_file(path, source_ids=source_ids, seen=seen)
        errors.extend(problems)
        warnings.extend(advice)
        if problems:
            # INFO, not WARNING: the problems themselves are returned (``errors``) and shown by
            # ``veeduria rules check``, the digest and the status page; a warning here would
            # print them twice.
            logger.info("demand file %s skipped: %d problems", path, len(problems))
            continue
        for demand in found:
            seen[demand.id] = f"{demand.path}:{demand.line}"
        demands.extend(found)
    if not folder.exists():
        errors.append(RuleError(str(folder), 1, "no such demands folder or file"))
    logger.info("rulebook: %d demands, %d rules, %d problems", len(demands),
                sum(len(d.rules) for d in demands), len(errors))
    return make_rulebook(demands, errors, warnings)


def load_demand_file(path: Path, *, source_ids: Collection[str] | None = None,
                     seen: dict[str, str] | None = None,
                     ) -> tuple[list[Demand], list[RuleError], list[RuleError]]:
    """The demands of one file, its errors (no demands when there is any) and its warnings."""
    try:
        data = load_yaml(path)
    except RuleError as exc:
        return [], [exc], []
    except ValueError:  # ruamel builds dates while parsing: 2021-13-45 raises here
        return [], [_bad_date(path)], []
    problems = Problems(str(path))
    raw = _demand_list(data, problems)
    terms = read_file_terms(data, problems)
    demands: list[Demand] = []
    seen = dict(seen or {})
    for node in raw:
        demand = read_demand(node, problems, source_ids=source_ids, terms=terms)
        if demand is None:
            continue
        if demand.id in seen:
            problems.add(demand.line, f"duplicate demand id {demand.id!r} (already defined "
                         f"at {seen[demand.id]})")
            continue
        seen[demand.id] = f"{path}:{demand.line}"
        demands.append(demand)
    by_line = attrgetter("line")
    return ([] if problems.errors else demands), sorted(problems.errors, key=by_line), \
        sorted(problems.warnings, key=by_line)


_DATE_LIKE = re.compile(r"(?<![\w-])(\d{4}-\d{1,2}-\d{1,2})(?![\w-])")


def _bad_date(path: Path) -> RuleError:
    """The first date-looking value in the file that is not a real date."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for found in _DATE_LIKE.finditer(line.split("#", 1)[0]):
            try:
                date.fromisoformat(_zero_pad(found.group(1)))
            except ValueError:
                return RuleError(str(path), number, f"{found.group(1)!r} is not a valid date; "
                                 "write it as YYYY-MM-DD, e.g. 2021-08-20")
    return RuleError(str(path), 1, "a value that looks like a date is not a valid date")


def _zero_pad(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _demand_list(data: Any, problems: Problems) -> list[Any]:
    if not isinstance(data, CommentedMap):
        problems.add(1, "a demand file must be a mapping with a 'demands:' list at the top")
        return []
    problems.errors.extend(check_keys(data, allowed=FILE_KEYS, required=REQUIRED_FILE_KEYS,
                                      path=problems.path, what="demand file"))
    raw = data.get("demands")
    if raw is None and "demands" in data:
        problems.at(data, "demands", "demands: is empty; list at least one demand")
    if raw is not None and not isinstance(raw, list):
        problems.at(data, "demands", "demands: must be a list (each demand starts with '- id:')")
        return []
    return list(raw or [])


def make_rulebook(demands: list[Demand], errors: list[RuleError],
                  warnings: list[RuleError] | None = None) -> Rulebook:
    rules = tuple(rule for demand in demands for rule in demand.rules)
    rule_hashes = {rule.id: rule.hash for rule in rules}
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    for rule_id in sorted(rule_hashes):
        digest.update(f"{rule_id}={rule_hashes[rule_id]};".encode())
    return Rulebook(demands=tuple(demands), rules=rules, errors=errors, warnings=warnings or [],
                    hash=digest.hexdigest()[:16], rule_hashes=rule_hashes)
