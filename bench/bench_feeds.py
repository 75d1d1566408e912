"""Feeds: entries found, failures and time, ours (spiders.feeds) vs plain feedparser.

Layer: bench (plain script, prints a table). Reads the realdata folder from env
VEEDURIA_REALDATA_DIR (default ../shared/realdata, relative to the repo root).

Run: .venv/bin/python bench/bench_feeds.py

Both get the same bytes and the same Content-Type the realworld server sends (the UOL feed with
``charset=ISO-8859-1``; the ``.gz`` feed as raw gzip bytes, as a server that forgot
``Content-Encoding`` would send it). Plain feedparser "fails" on a feed when it returns no
entries and sets bozo; ours fails when it raises SourceUnreadable. The last column shows
whether the UOL feed's first title came out with its accents right.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import feedparser

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from spiders.errors import SourceUnreadable  # noqa: E402
from spiders.feeds import parse_feed  # noqa: E402
from spiders.realworld import served_headers  # noqa: E402

REALDATA = Path(os.environ.get("VEEDURIA_REALDATA_DIR", REPO.parent / "shared" / "realdata"))
UOL_TITLE_WORD = "simulações"


def feeds() -> list[tuple[str, bytes, str]]:
    found = []
    for path in sorted((REALDATA / "feeds").glob("*.*")):
        if path.is_file():
            found.append((path.name, path.read_bytes(), served_headers(path)["Content-Type"]))
    return found


def run_ours(items: list[tuple[str, bytes, str]]) -> tuple[int, list[str], float, bool]:
    entries, failures, uol_ok = 0, [], False
    start = time.perf_counter()
    for name, body, content_type in items:
        try:
            parsed = parse_feed(body, url=f"http://127.0.0.1/{name}", content_type=content_type)
        except SourceUnreadable:
            failures.append(name)
            continue
        entries += len(parsed.entries)
        if name.startswith("uol") and parsed.entries:
            uol_ok = UOL_TITLE_WORD in parsed.entries[0].title
    return entries, failures, time.perf_counter() - start, uol_ok


def run_plain(items: list[tuple[str, bytes, str]]) -> tuple[int, list[str], float, bool]:
    entries, failures, uol_ok = 0, [], False
    start = time.perf_counter()
    for name, body, content_type in items:
        parsed = feedparser.parse(body, response_headers={"content-type": content_type})
        if not parsed.entries and parsed.bozo:
            failures.append(name)
        entries += len(parsed.entries)
        if name.startswith("uol") and parsed.entries:
            uol_ok = UOL_TITLE_WORD in parsed.entries[0].get("title", "")
    return entries, failures, time.perf_counter() - start, uol_ok


def main() -> None:
    items = feeds()
    print(f"{len(items)} feeds in {REALDATA / 'feeds'}")
    print(f"{'parser':22} | {'entries':>7} | {'failed':>6} | {'seconds':>7} | UOL accents | failed")
    print("-" * 110)
    for label, run in (("ours (spiders.feeds)", run_ours), ("plain feedparser", run_plain)):
        entries, failures, seconds, uol_ok = run(items)
        print(f"{label:22} | {entries:7} | {len(failures):6} | {seconds:7.2f} | "
              f"{'right' if uol_ok else 'WRONG':11} | {', '.join(failures)}")


if __name__ == "__main__":
    main()
