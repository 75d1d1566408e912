"""A module binds each top-level name once: a second ``_DETERMINERS = …`` further down a long
module silently replaces the first for every function, the ones written above it included.

Layer: tests. Parses each module of spiders/, monitor/, digests/ and storage/ with ``ast``.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(path for package in ("spiders", "monitor", "digests", "storage")
                 for path in (ROOT / package).rglob("*.py"))


def bound_names(tree: ast.Module) -> Counter[str]:
    """Names the module's top-level statements assign, define or declare."""
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_top_level_name_is_bound_once(path):
    names = bound_names(ast.parse(path.read_text(encoding="utf-8")))
    assert [name for name, count in names.items() if count > 1] == []


def test_a_second_binding_is_found():
    tree = ast.parse("_WORDS = {'a'}\ndef f():\n    return _WORDS\n_WORDS = {'b'}\n")
    assert bound_names(tree)["_WORDS"] == 2
