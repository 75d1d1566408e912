"""Which matching engine runs: the compiled one (the hot modules built by mypyc,
``scripts/build_engine.py``) or the Python sources, which stay the reference.

Layer: monitor (imported first by ``monitor.watch``; imports no other module of the package).
Compiling is optional: without a build, or with ``VEEDURIA_ENGINE=python``, or when any
compiled module's source has changed since the build (``STAMP`` records their hashes), the
Python sources are imported and a stale build is reported once. Both engines give the same
matches (tests/watch/test_watch_native.py). Cases: tests/watch/test_watch_native.py.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

logger = logging.getLogger(__name__)

PACKAGE = __name__.rpartition(".")[0]  # "monitor.watch"
PACKAGE_DIR = Path(__file__).resolve().parent
# The modules a document's matching runs through. Rule loading and checking, backtests and
# the rest run once per rulebook or per command and stay Python, and so do the data classes of
# model.py, which are pickled and copied with dataclasses.replace.
COMPILED = (
    "attribution", "background", "commentary", "corrections", "cues", "excerpt", "hints",
    "index", "insertions", "keyscan", "language", "matcher", "normalize",
    "occurrence", "phrases", "places", "precedence", "proximity", "sections", "segments",
    "terms", "vocab", "wordforms",
)
GROUP = f"{PACKAGE}._engine"  # the build's shared library: monitor/watch/_engine__mypyc.*.so
STAMP = "_engine.stamp.json"  # the hashes of the sources the build was compiled from
ENGINE_ENV = "VEEDURIA_ENGINE"  # "python": import the Python sources even when built
ENGINES = ("auto", "python")


def source_hashes(folder: Path = PACKAGE_DIR) -> dict[str, str]:
    """The SHA-256 of each compiled module's source in ``folder``."""
    return {name: hashlib.sha256((folder / f"{name}.py").read_bytes()).hexdigest()
            for name in COMPILED}


def write_stamp(folder: Path = PACKAGE_DIR) -> None:
    """Record that the build in ``folder`` was compiled from its sources as they are now."""
    stamp = {"python": sys.implementation.cache_tag, "sources": source_hashes(folder)}
    (folder / STAMP).write_text(json.dumps(stamp, indent=1, sort_keys=True), encoding="utf-8")


def extension_modules(folder: Path = PACKAGE_DIR) -> set[str]:
    """The modules of this Python that lie compiled in ``folder``."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    with os.scandir(folder) as entries:
        return {entry.name.split(".")[0] for entry in entries if entry.name.endswith(suffixes)}


def built(folder: Path = PACKAGE_DIR) -> bool:
    """Some module lies compiled in ``folder``."""
    return bool(extension_modules(folder))


def stale(folder: Path = PACKAGE_DIR) -> str | None:
    """Why the build in ``folder`` must not be used (its stamp is missing, from another
    Python, or names sources that have changed since); None when it matches its sources."""
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"no readable {STAMP}"
    if not isinstance(stamp, dict) or stamp.get("python") != sys.implementation.cache_tag:
        return f"built for another Python than {sys.implementation.cache_tag}"
    unlisted = sorted(extension_modules(folder) - set(COMPILED) - {GROUP.rpartition(".")[2]
                                                                   + "__mypyc"})
    if unlisted:
        return f"compiled modules no longer in the list: {', '.join(unlisted)}"
    recorded = stamp.get("sources")
    current = source_hashes(folder)
    changed = sorted(name for name in current
                     if not isinstance(recorded, dict) or recorded.get(name) != current[name])
    return f"changed since the build: {', '.join(changed)}" if changed else None


class PythonSources(importlib.abc.MetaPathFinder):
    """Finds the package's modules in their Python sources, ahead of any extension module."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        source = PACKAGE_DIR / f"{name}.py"
        if package != PACKAGE or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def choose(environ: Mapping[str, str] = os.environ) -> str:
    """Make the imports that follow take the engine to run, and name it: ``"compiled"``, or
    ``"python"`` (no build, ``VEEDURIA_ENGINE=python``, or a stale build, logged)."""
    wanted = environ.get(ENGINE_ENV, "auto")
    if wanted not in ENGINES:
        logger.warning("%s=%s is not one of %s: using the compiled engine when built",
                       ENGINE_ENV, wanted, ", ".join(ENGINES))
    if not built():
        return "python"
    if wanted != "python":
        reason = stale()
        if reason is None:
            return "compiled"
        logger.warning("compiled matching engine not used (%s): matching runs on the Python "
                       "sources; rebuild it with scripts/build_engine.py", reason)
    if not any(isinstance(finder, PythonSources) for finder in sys.meta_path):
        sys.meta_path.insert(0, PythonSources())
    return "python"


def running() -> str:
    """The engine this process imported: ``"compiled"`` or ``"python"``."""
    matcher = sys.modules.get(f"{PACKAGE}.matcher")
    if matcher is None or matcher.__file__ is None:
        return ENGINE
    return "python" if matcher.__file__.endswith(".py") else "compiled"


@contextmanager
def python_sources() -> Iterator[ModuleType]:
    """The package imported afresh from its Python sources, for the length of the block
    (tests that wrap an engine function to count its calls need the Python one); the modules
    imported before are put back after."""
    def ours(name: str) -> bool:  # this module stays: it has chosen for the process
        return (name == PACKAGE or name.startswith(f"{PACKAGE}.")) and name != __name__
    saved = {name: sys.modules.pop(name) for name in [n for n in sys.modules if ours(n)]}
    parent = sys.modules[PACKAGE.rpartition(".")[0]]
    finder = PythonSources()
    sys.meta_path.insert(0, finder)
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.meta_path.remove(finder)
        for name in [n for n in sys.modules if ours(n)]:
            del sys.modules[name]
        sys.modules.update(saved)
        setattr(parent, PACKAGE.rpartition(".")[2], saved[PACKAGE])


ENGINE = choose()
