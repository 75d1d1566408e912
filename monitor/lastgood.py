"""The last good version of each editors' file: what keeps running while a file is broken.

Layer: monitor. After each load, every file that loaded cleanly is copied into
``data_dir/rules-in-force/`` (same relative path). When a file later fails to load, its last
good copy is loaded instead and the problem is still reported. ``veeduria rules test`` compares
an edited rule with this copy: "the rules now in force". Settings read: data_dir, rules_dir.
Cases: tests/test_rulecmds.py.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

from monitor.settings import Settings

logger = logging.getLogger(__name__)

IN_FORCE_DIR = "rules-in-force"


def in_force_dir(settings: Settings) -> Path:
    return settings.data_path / IN_FORCE_DIR


def relative_to_rules(settings: Settings, path: Path) -> Path | None:
    try:
        return path.resolve().relative_to(settings.rules_path.resolve())
    except ValueError:
        return None


def remember_good(settings: Settings, good_files: Iterable[Path]) -> None:
    """Copy each cleanly loaded file into the in-force folder."""
    root = in_force_dir(settings)
    for path in good_files:
        rel = relative_to_rules(settings, path)
        if rel is None:
            continue
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != path.read_bytes():
            shutil.copyfile(path, target)


def last_good_copy(settings: Settings, broken: Path) -> Path | None:
    """The in-force copy of a file that no longer loads, if one was ever remembered."""
    rel = relative_to_rules(settings, broken)
    if rel is None:
        return None
    copy = in_force_dir(settings) / rel
    return copy if copy.is_file() else None
