"""The error tree in monitor/errors.py's docstring matches the exception classes in the code.

Layer: tests. Imports every module of spiders/, monitor/, digests/ and storage/ (Alembic
migration scripts excepted: they run only inside Alembic), collects every exception class
defined there, and checks that each appears in the drawn tree under a top entry that says
``exit N``, ``recorded`` or ``base``; that each ``x`` child subclasses its ``*`` parent; and
that the tree names no class that does not exist.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

import pytest

import monitor.errors

PACKAGES = ("spiders", "monitor", "digests", "storage")
SKIPPED_PARTS = {"migrations", "alembic", "versions"}
TOP = re.compile(r"^\* (?P<name>[A-Z]\w+)\s+(?P<rule>.*)$")
CHILD = re.compile(r"^  x (?P<name>[A-Z]\w+)\b")
TOP_RULE = re.compile(r"\bexit \d\b|\brecorded\b|\bbase\b")


IMPORT_PROBLEMS: list[str] = []


def import_or_note(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except Exception as exc:  # noted, then reported by test_every_module_imports
        IMPORT_PROBLEMS.append(f"{name}: {type(exc).__name__}: {exc}")
        return None


def all_modules() -> list[ModuleType]:
    modules = []
    for package_name in PACKAGES:
        package = import_or_note(package_name)
        if package is None:
            continue
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}.",
                                          onerror=IMPORT_PROBLEMS.append):
            if SKIPPED_PARTS & set(info.name.split(".")):
                continue
            module = import_or_note(info.name)
            if module is not None:
                modules.append(module)
    return modules


def defined_exceptions() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for module in all_modules():
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, BaseException) \
                    and value.__module__ == module.__name__:
                found[value.__name__] = value
    return found


def drawn_tree() -> dict[str, tuple[str | None, str]]:
    """name -> (parent name or None, the top entry's rule text) from the docstring."""
    tree: dict[str, tuple[str | None, str]] = {}
    top: tuple[str, str] | None = None
    for line in (monitor.errors.__doc__ or "").splitlines():
        if match := TOP.match(line):
            top = (match["name"], match["rule"])
            tree[match["name"]] = (None, match["rule"])
        elif (match := CHILD.match(line)) and top is not None:
            tree[match["name"]] = (top[0], top[1])
    return tree


EXCEPTIONS = defined_exceptions()
TREE = drawn_tree()


def test_every_module_imports():
    assert IMPORT_PROBLEMS == []


def test_the_tree_is_drawn():
    assert len(TREE) >= 10


def test_every_exception_class_is_in_the_tree():
    assert sorted(set(EXCEPTIONS) - set(TREE)) == []


def test_the_tree_names_only_existing_classes():
    assert sorted(set(TREE) - set(EXCEPTIONS)) == []


@pytest.mark.parametrize("name", sorted(TREE))
def test_every_entry_has_an_exit_code_or_is_recorded(name):
    parent, rule = TREE[name]
    assert TOP_RULE.search(rule), f"{name}: its top entry says neither 'exit N' nor 'recorded'"


@pytest.mark.parametrize("name", sorted(n for n, (parent, _) in TREE.items() if parent))
def test_children_subclass_their_parent(name):
    parent = TREE[name][0]
    assert parent is not None
    assert issubclass(EXCEPTIONS[name], EXCEPTIONS[parent])
