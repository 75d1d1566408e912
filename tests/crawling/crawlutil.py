"""Helpers for crawl tests: write a sources YAML, run a real crawl in a child process.

Layer: tests. A crawl starts Twisted's reactor, which cannot be restarted in one process, so
every real crawl runs ``run_crawl_child.py`` in a subprocess against the loopback fixture site.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

CHILD = Path(__file__).resolve().parent / "run_crawl_child.py"
FAST = {"timeout_s": 5, "retries": 0, "delay_s": 0, "autothrottle": False,
        "concurrent_requests": 8, "backoff_base_s": 0.1, "retry_after_cap_s": 2,
        "chromium_path": ""}


def source_yaml(source_id: str, body: str, *, kind: str = "news") -> str:
    """One source entry (indented list item) with the common keys filled in."""
    lines = [f"  - id: {source_id}", f"    name: Fuente {source_id}", "    country: BO",
             f"    kind: {kind}", "    language: es"]
    lines += [f"    {line}" for line in body.strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


def crawl(tmp_path: Path, sources: list[str], *, site: str, timeout_s: float = 120,
          **overrides: Any) -> list[dict[str, Any]]:
    """Crawl the given source entries; every JSON line the child printed, in order."""
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    (folder / "test.yaml").write_text("sources:\n" + "".join(sources), encoding="utf-8")
    options = {**FAST, **overrides.pop("options", {})}
    args = [sys.executable, str(CHILD), str(folder), "--var", f"site={site}",
            "--options", json.dumps(options),
            "--validators", json.dumps(overrides.pop("validators", {})),
            "--known", json.dumps({k: sorted(v) for k, v in overrides.pop("known", {}).items()})]
    assert not overrides, overrides
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout_s, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def of_type(records: list[dict[str, Any]], kind: str, source_id: str | None = None) -> list[
        dict[str, Any]]:
    return [r for r in records if r["type"] == kind
            and (source_id is None or r.get("source_id") == source_id)]
