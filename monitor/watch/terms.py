"""Term lists: named lists of phrases a rule refers to as ``"@name"``.

Layer: monitor. Two kinds: the built-in lists shipped with the engine (``terms.yaml`` next to
this module: what an event — an arrest, a promulgation, a suspension — looks like in Spanish
and Portuguese), and a demand file's own ``terms:`` mapping (file-scoped; may refer to built-in
lists, never redefine them). ``expand`` replaces one reference by its phrases. No settings read.
docs/rules.md, "Term lists", explains them to editors. Cases: tests/watch/test_watch_terms.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from monitor.watch.checks import Problems, listed_twice
from monitor.watch.normalize import parse_phrase, phrase_key
from monitor.yamlio import line_of

REFERENCE = "@"
EXCEPT = "-"  # in a file's terms: "-phrase" takes a phrase out of the list built so far
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
TermLists = Mapping[str, tuple[str, ...]]


@cache
def builtin_terms() -> dict[str, tuple[str, ...]]:
    """The engine's own lists (read once from ``terms.yaml``)."""
    text = resources.files("monitor.watch").joinpath("terms.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    return {name: tuple(phrases) for name, phrases in data["terms"].items()}


def read_file_terms(data: Any, problems: Problems) -> dict[str, tuple[str, ...]]:
    """A file's ``terms:`` mapping, merged over the built-in lists; problems with their line."""
    lists = dict(builtin_terms())
    node = data.get("terms") if isinstance(data, CommentedMap) else None
    if node is None:
        if isinstance(data, CommentedMap) and "terms" in data:
            problems.at(data, "terms", "terms: is empty; give name: [phrases...] pairs")
        return lists
    if not isinstance(node, CommentedMap):
        problems.at(data, "terms", "terms: must be a mapping of list names to phrase lists, "
                    'e.g. terms: {casa_de_acogida: ["casa de acogida", "refugio"]}')
        return lists
    for name, value in node.items():
        phrases = _read_list(node, str(name), value, lists, problems)
        if phrases is not None:
            lists[str(name)] = phrases
    return lists


def _read_list(node: CommentedMap, name: str, value: Any, known: dict[str, tuple[str, ...]],
               problems: Problems) -> tuple[str, ...] | None:
    where = f"terms: {name}"
    if not NAME.match(name):
        problems.at(node, name, f"{where}: a list name is lower-case letters, digits and '_', "
                    "starting with a letter")
        return None
    if name in builtin_terms():
        problems.at(node, name, f"{where}: {REFERENCE}{name} is a built-in list; choose another "
                    f"name (or extend it: {name}_local: [\"{REFERENCE}{name}\", ...])")
        return None
    if not isinstance(value, list) or not value:
        problems.at(node, name, f"{where}: must be a non-empty list of phrases")
        return None
    phrases: list[str] = []
    listed: dict[str, tuple[str, int]] = {}
    for i, entry in enumerate(value):
        line = line_of(value, i, default=line_of(node, name))
        if not isinstance(entry, str):
            problems.add(line, f"{where}: phrase {entry!r} must be text; put it in quotes")
        elif entry.startswith(EXCEPT):
            _take_out(phrases, entry[len(EXCEPT):].strip(), line=line, problems=problems,
                      what=where)
        else:
            if not is_reference(entry):
                listed_twice(entry, _spelling(entry), listed, line, problems, what=where)
            found = expand(entry, known, line=line, problems=problems, what=where)
            phrases.extend(found or [])
    if not phrases:
        problems.add(line_of(node, name), f"{where}: nothing is left in the list")
        return None
    return tuple(dict.fromkeys(phrases))


def _take_out(phrases: list[str], unwanted: str, *, line: int, problems: Problems,
              what: str) -> None:
    """Remove ``unwanted`` (written as in the list: case, accents and spacing aside) from the
    phrases gathered so far; a problem when it is not among them (a typo would keep it)."""
    key = _spelling(unwanted)
    kept = [phrase for phrase in phrases if _spelling(phrase) != key]
    if len(kept) == len(phrases):
        problems.add(line, f'{what}: "{EXCEPT}{unwanted}" takes out a phrase that is not in the '
                     "list above it; write it as `veeduria rules terms` prints it, after the "
                     "@list it comes from")
        return
    phrases[:] = kept


def _spelling(phrase: str) -> str:
    """The phrase's canonical form (``activ*``, ``archivó``), or the phrase as written when it
    can never match (``rules check`` reports that where it is used)."""
    try:
        return phrase_key(parse_phrase(phrase))
    except ValueError:
        return phrase


def is_reference(entry: object) -> bool:
    return isinstance(entry, str) and entry.startswith(REFERENCE)


def expand(entry: str, lists: TermLists, *, line: int, problems: Problems,
           what: str) -> list[str] | None:
    """``[entry]`` for a phrase; the phrases of the list an ``"@name"`` names; None (and a
    problem) for an unknown list."""
    if not is_reference(entry):
        return [entry]
    name = entry[len(REFERENCE):].strip()
    if name in lists:
        return list(lists[name])
    known = ", ".join(REFERENCE + n for n in sorted(lists))
    problems.add(line, f"{what}: unknown term list {entry!r}; known lists: {known} "
                 "(`veeduria rules terms` prints them; a file adds its own under terms:)")
    return None
