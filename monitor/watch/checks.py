"""Small validators shared by the demand and rule readers; each collects RuleErrors.

Layer: monitor. Everything here takes the raw ruamel node (lines kept) and returns plain values,
appending a ``path:line: message`` RuleError for each problem instead of raising.
Cases: tests/fixtures/watch/invalid/*.yaml (one file per problem).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from monitor.errors import RuleError
from monitor.yamlio import line_of

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass
class Problems:
    """The errors found so far in one file, and the warnings: things that load and work but
    that the editor most likely did not mean (a phrase listed twice)."""

    path: str
    errors: list[RuleError] = field(default_factory=list)
    warnings: list[RuleError] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.errors.append(RuleError(self.path, line, message))

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(RuleError(self.path, line, f"warning: {message}"))

    def at(self, node: Any, key: str | int | None, message: str) -> None:
        self.add(line_of(node, key), message)


def text_value(node: Mapping[str, Any], key: str, problems: Problems, *, what: str) -> str | None:
    value = node.get(key)
    if value is None or isinstance(value, str) and value.strip():
        return value.strip() if isinstance(value, str) else None
    problems.at(node, key, f"{what}: {key} must be non-empty text, got {_describe(value)}")
    return None


def choice(node: Mapping[str, Any], key: str, allowed: Collection[str], problems: Problems, *,
           what: str, default: str | None = None) -> str | None:
    value = node.get(key, default)
    if value in allowed:
        return str(value)
    if key in node:
        noun = {"proposes": "status to propose"}.get(key, key.replace("_", " "))
        problems.at(node, key, f"{what}: unknown {noun} {value!r}; allowed: "
                    f"{', '.join(allowed)}")
    return None


def slug(node: Mapping[str, Any], key: str, problems: Problems, *, what: str) -> str | None:
    value = text_value(node, key, problems, what=what)
    if value is not None and not SLUG.match(value):
        problems.at(node, key, f"{what}: {key} {value!r} must be a slug: lower-case letters, "
                    "digits, '-' or '_'")
        return None
    return value


def date_value(node: Mapping[str, Any], key: str, problems: Problems, *,
               what: str) -> date | None:
    value = node.get(key)
    if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.at(node, key, f"{what}: {key} {value!r} is not a valid date; write it as "
                    "YYYY-MM-DD, e.g. 2021-08-20")
        return None


def flag(node: Mapping[str, Any], key: str, problems: Problems, *, what: str) -> bool:
    value = node.get(key, False)
    if isinstance(value, bool):
        return value
    problems.at(node, key, f"{what}: {key} must be true or false, got {_describe(value)}")
    return False


def whole_number(node: Mapping[str, Any], key: str, problems: Problems, *, what: str,
                 low: int, high: int) -> int | None:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    problems.at(node, key, f"{what}: {key} must be a whole number from {low} to {high}, "
                f"got {_describe(value)}")
    return None


def text_list(node: Mapping[str, Any], key: str, problems: Problems, *,
              what: str) -> list[str] | None:
    """A list of text items; a single text is accepted as a list of one."""
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    problems.at(node, key, f"{what}: {key} must be a non-empty list of text, got "
                f"{_describe(value)}")
    return None


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"number {value}"
    if isinstance(value, str):
        return f"text {str(value)!r}"
    return f"{type(value).__name__} {value!r}"


def listed_twice(text: str, canonical: str, listed: dict[str, tuple[str, int]], line: int,
                 problems: Problems, *, what: str) -> None:
    """Warn of a phrase the editor wrote twice in one list, or wrote again differing only in
    case, accents or hyphens (which matching ignores): harmless, but often a slip. ``listed``
    maps the canonical forms met so far in the list to their first text and line."""
    if canonical in listed:
        first, first_line = listed[canonical]
        again = "listed twice" if first == text else \
            f"the same phrase as {first!r} (case, accents and hyphens aside)"
        where = "in the same list" if first_line == line else f"also on line {first_line}"
        problems.warn(line, f"{what}: {text!r} is {again}, {where}; the second one adds nothing")
    listed.setdefault(canonical, (text, line))
