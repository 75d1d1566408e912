"""Reading editors' YAML with line numbers: the one place rules, demands and sources are parsed.

Layer: monitor. Uses ruamel.yaml's round-trip loader, which keeps every mapping's and item's
line (``.lc``) and refuses duplicate keys. Problems are ``RuleError`` ("path:line: message");
callers collect them and carry on with the next item or file. Cases: tests/test_yamlio.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from monitor.errors import RuleError

MAX_YAML_BYTES = 1024 * 1024  # an editor's file is a few KB; 1 MiB is already suspicious


def load_yaml(path: Path, *, max_bytes: int = MAX_YAML_BYTES) -> Any:
    """Parse one YAML file; raise RuleError with the line of the first syntax problem."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise RuleError(str(path), 1, f"file is {size} bytes; the limit is {max_bytes} "
                            "(split it into several files)")
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(str(path), 1, f"not UTF-8 text: {exc.reason} at byte {exc.start}") \
            from exc
    except OSError as exc:
        raise RuleError(str(path), 1, f"cannot read file: {exc.strerror}") from exc
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        if "\t" in text.splitlines()[line - 1] if line <= len(text.splitlines()) else False:
            problem += " (tabs are not allowed for indentation; use spaces)"
        elif "mapping values are not allowed" in problem or "but got ':'" in problem:
            problem += (" (a text holding ': ' must be quoted, \"like: this\", or written as a "
                        "block after '>-' on the lines below)")
        raise RuleError(str(path), line, f"YAML syntax: {_one_line(problem)}") from exc
    except YAMLError as exc:
        raise RuleError(str(path), 1, f"YAML syntax: {_one_line(str(exc))}") from exc
    except ValueError as exc:  # ruamel builds dates eagerly: 2021-13-45 raises here
        line, token = _bad_date(text)
        what = f"{token!r} is not a valid date" if token else f"invalid value ({exc})"
        raise RuleError(str(path), line, f"{what}; write it as YYYY-MM-DD, e.g. 2021-08-20")\
            from exc


DATE_LIKE = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])")


def _bad_date(text: str) -> tuple[int, str | None]:
    """The first line holding something shaped like a date that is not one, and that text."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in DATE_LIKE.finditer(line.split("#", 1)[0]):
            try:
                date(*(int(g) for g in match.groups()))
            except ValueError:
                return number, match.group(0)
    return 1, None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def line_of(node: Any, key: str | int | None = None, default: int = 1) -> int:
    """1-based line of a mapping (or of one of its keys, or a sequence item)."""
    try:
        if key is None:
            return int(node.lc.line) + 1
        if isinstance(node, CommentedMap):
            return int(node.lc.key(key)[0]) + 1
        if isinstance(node, CommentedSeq) and isinstance(key, int):
            return int(node.lc.item(key)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        pass
    return default


def check_keys(node: Mapping[str, Any], *, allowed: Iterable[str], required: Iterable[str] = (),
               path: str, what: str) -> list[RuleError]:
    """Unknown keys (with the allowed list) and missing required keys, each with its line."""
    allowed_set = set(allowed)
    errors: list[RuleError] = []
    for key in node:
        if key not in allowed_set:
            errors.append(RuleError(path, line_of(node, key), f"unknown key {key!r} in {what}; "
                                    f"allowed: {', '.join(sorted(allowed_set))}"))
    for key in required:
        if key not in node:
            errors.append(RuleError(path, line_of(node), f"{what} is missing required key "
                                    f"{key!r}"))
    return errors


def expect_type(node: Mapping[str, Any], key: str, kinds: type | tuple[type, ...], *,
                path: str, what: str) -> RuleError | None:
    """An error when ``node[key]`` exists and is not of ``kinds``."""
    if key not in node or isinstance(node[key], kinds):
        return None
    names = " or ".join(k.__name__ for k in (kinds if isinstance(kinds, tuple) else (kinds,)))
    names = names.replace("CommentedMap", "mapping").replace("CommentedSeq", "list")
    names = names.replace("str", "text").replace("int", "whole number")
    return RuleError(path, line_of(node, key), f"{what}: {key} must be {names}, got "
                     f"{_describe(node[key])}")


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def yaml_files(folder: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml`` below ``folder``, sorted, hidden files skipped."""
    found = [p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file()
             and not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    return sorted(found)
