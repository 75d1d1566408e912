"""``veeduria changes``: what changed on watched pages, as dated versions with a readable diff.

Layer: monitor. A document whose text changes at the same URL keeps every version (storage);
this module shows the difference between consecutive versions sentence by sentence, the way
urlwatch and changedetection.io report a change. Settings read: database_url.
Cases: tests/test_pagechanges.py.
"""

from __future__ import annotations

import difflib
import re
from datetime import UTC, datetime, timedelta

from monitor.runtime import open_store, upgrade_database
from monitor.settings import Settings
from storage.records import VersionRecord

SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
MAX_DIFF_LINES = 12
LINE_WIDTH = 160


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def diff_excerpt(old: str, new: str, *, max_lines: int = MAX_DIFF_LINES) -> list[str]:
    """Removed (``- ``) and added (``+ ``) sentences, at most ``max_lines`` of them."""
    lines = []
    for line in difflib.unified_diff(sentences(old), sentences(new), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        text = line[1:]
        clipped = text if len(text) <= LINE_WIDTH else text[: LINE_WIDTH - 1] + "…"
        lines.append(f"{line[0]} {clipped}")
    if len(lines) > max_lines:
        hidden = len(lines) - max_lines
        lines = lines[:max_lines] + [f"  … and {hidden} more changed sentence(s)"]
    return lines


def describe_change(old: VersionRecord, new: VersionRecord) -> list[str]:
    head = (f"{new.source_id}: {new.title or new.url} — version {new.version}, "
            f"seen {new.seen_at:%Y-%m-%d %H:%M} UTC (before: {old.seen_at:%Y-%m-%d})")
    return [head, f"  {new.url}"] + [f"  {line}" for line in diff_excerpt(old.text, new.text)]


def list_changes(settings: Settings, *, days: int, source_ids: list[str]) -> str:
    upgrade_database(settings)
    since = datetime.now(UTC) - timedelta(days=days)
    with open_store(settings) as store:
        pairs = store.changed_versions(since=since, source_ids=source_ids or None)
    if not pairs:
        return f"No watched page changed in the last {days} days."
    blocks = ["\n".join(describe_change(old, new)) for old, new in pairs]
    return "\n\n".join(blocks)
