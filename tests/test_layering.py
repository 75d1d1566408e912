"""Layering: every import arrow between our packages is one the architecture allows.

Layer: tests. Parses each module of spiders/, monitor/, digests/ and storage/ with ``ast``
(imports inside functions and ``if TYPE_CHECKING:`` blocks count too). Allowed arrows
(docs/architecture.md): monitor -> spiders, digests, storage; spiders -> none of ours;
digests -> storage.records only; storage -> none of ours. sqlalchemy and alembic are imported
only in storage/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("spiders", "monitor", "digests", "storage")
DB_LIBRARIES = ("sqlalchemy", "alembic")
ALLOWED: dict[str, tuple[str, ...]] = {
    "monitor": ("monitor", "spiders", "digests", "storage"),
    "spiders": ("spiders",),
    "digests": ("digests", "storage.records"),
    "storage": ("storage",),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, module: str, *, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of everything a module imports; relative names resolved."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = resolve_from(node, module, is_package=is_package)
            # `from storage import records` names the module storage.records
            found.extend((node.lineno, f"{base}.{alias.name}" if base else alias.name)
                         for alias in node.names)
    return found


def resolve_from(node: ast.ImportFrom, module: str, *, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    anchor = package[: len(package) - (node.level - 1)]
    return ".".join([*anchor, *([node.module] if node.module else [])])


def is_within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Every import of ``module`` that breaks the layering table, as 'module:line: message'."""
    layer = module.split(".")[0]
    problems = []
    for line, name in imported_names(source, module, is_package=is_package):
        top = name.split(".")[0]
        if top in DB_LIBRARIES and layer != "storage":
            problems.append(f"{module}:{line}: imports {name}; SQL libraries live in storage/")
        elif top in OURS and not any(is_within(name, ok) for ok in ALLOWED[layer]):
            problems.append(f"{module}:{line}: {layer} may not import {name} "
                            f"(allowed: {', '.join(ALLOWED[layer])})")
    return problems


def package_modules() -> list[Path]:
    return sorted(p for package in OURS for p in (ROOT / package).rglob("*.py"))


def test_every_package_exists():
    assert [p for p in OURS if not (ROOT / p / "__init__.py").is_file()] == []


def test_no_import_breaks_the_layering():
    problems = []
    for path in package_modules():
        problems += violations(path.read_text(encoding="utf-8"), module_name(path),
                               is_package=path.name == "__init__.py")
    assert problems == []


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("spiders.gazette", "from monitor.settings import Settings", ["spiders may not import"]),
    ("spiders.gazette", "from ..storage import records", ["spiders may not import"]),
    ("digests.render", "from storage.records import DemandRecord", []),
    ("digests.render", "from storage import records", []),
    ("digests.render", "from storage import repo", ["digests may not import storage.repo"]),
    ("digests.render", "import spiders.items", ["digests may not import"]),
    ("storage.repo", "from monitor import errors", ["storage may not import monitor.errors"]),
    ("monitor.cycle", "from spiders.items import DocumentItem\nimport storage.repo", []),
    ("monitor.cycle", "import sqlalchemy", ["SQL libraries live in storage/"]),
    ("monitor.cycle", "def f():\n    from alembic import command\n",
     ["SQL libraries live in storage/"]),
    ("storage.repo", "from sqlalchemy import select\nfrom .errors import NotFound", []),
    ("spiders.x", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import digests\n",
     ["spiders may not import digests"]),
])
def test_checker_flags_forbidden_arrows(module, source, expected):
    found = violations(source, module)
    assert len(found) == len(expected)
    for problem, fragment in zip(found, expected, strict=True):
        assert fragment in problem
