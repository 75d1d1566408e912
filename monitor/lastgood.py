"""The last good version of each editors' file: what keeps running while a file is broken.

Layer: monitor. After each load, every file that loaded cleanly is copied into
``data_dir/rules-in-force/`` (same relative path). When a file later fails to load, its last
good copy is loaded instead and the problem is still reported. ``veeduria rules test`` compares
an edited rule with this copy: "the rules now in force". Also keeps ``rulebooks.json``, the
rule hashes of the rulebooks that matched documents, so a changed rule re-matches only what it
could change. Settings read: data_dir, rules_dir.
Cases: tests/test_rulecmds.py.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterable, Mapping
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


RULEBOOKS_FILE = "rulebooks.json"
RULEBOOKS_KEPT = 50


def known_rulebooks(settings: Settings) -> dict[str, dict[str, str]]:
    """Rule hashes of the rulebooks that matched documents before (newest last)."""
    path = settings.data_path / RULEBOOKS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        logger.warning("%s is unreadable; every rule re-matches changed documents", path)
        return {}
    return data if isinstance(data, dict) else {}


def remember_rulebook(settings: Settings, rulebook_hash: str,
                      rule_hashes: Mapping[str, str]) -> None:
    known = known_rulebooks(settings)
    known.pop(rulebook_hash, None)
    known[rulebook_hash] = dict(rule_hashes)
    kept = dict(list(known.items())[-RULEBOOKS_KEPT:])
    path = settings.data_path / RULEBOOKS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_suffix(".tmp")
    scratch.write_text(json.dumps(kept), encoding="utf-8")
    scratch.replace(path)


def last_good_copy(settings: Settings, broken: Path) -> Path | None:
    """The in-force copy of a file that no longer loads, if one was ever remembered."""
    rel = relative_to_rules(settings, broken)
    if rel is None:
        return None
    copy = in_force_dir(settings) / rel
    return copy if copy.is_file() else None
