"""Wall time and peak memory of one cold demo cycle and of the immediate second cycle.

Runs ``veeduria demo --once`` twice on a fresh data folder (SQLite by default; set
VEEDURIA_DATABASE_URL for PostgreSQL) and prints a table. Peak memory is the largest resident
set of any process of the run (the CLI, the crawl child or Chromium), from getrusage.
The second cycle must add no row beyond its fetch records: the table shows the rows it added.

    .venv/bin/python bench/bench_demo_cycle.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VEEDURIA = Path(sys.executable).with_name("veeduria")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_once(data_dir: Path, port: int) -> tuple[float, int, str]:
    """(seconds, peak RSS in MiB of the largest process so far, 'Rows added' line)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VEEDURIA_")}
    env["VEEDURIA_DATA_DIR"] = str(data_dir)
    env["VEEDURIA_DEMO_WORLD_PORT"] = str(port)
    env["COLUMNS"] = "200"
    if "VEEDURIA_DATABASE_URL" in os.environ:
        env["VEEDURIA_DATABASE_URL"] = os.environ["VEEDURIA_DATABASE_URL"]
    started = time.perf_counter()
    done = subprocess.run([str(VEEDURIA), "demo", "--once"], env=env, cwd=data_dir,
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"demo failed (exit {done.returncode}):\n{done.stdout[-2000:]}\n"
                 f"{done.stderr[-2000:]}")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rows = re.search(r"Rows added: (.*)", done.stdout.replace("\n", " "))
    return seconds, peak_kib // 1024, rows.group(1).strip() if rows else "(none)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold+warm pairs to run")
    args = parser.parse_args()
    print(f"{'run':<6} {'cycle':<7} {'wall s':>7} {'peak MiB':>9}  rows added")
    for n in range(1, args.runs + 1):
        port = free_port()
        with tempfile.TemporaryDirectory(prefix="veeduria-bench-") as tmp:
            for label in ("cold", "second"):
                seconds, peak, rows = run_once(Path(tmp), port)
                print(f"{n:<6} {label:<7} {seconds:>7.1f} {peak:>9}  {rows}", flush=True)
    print("(peak MiB is cumulative: the largest process of the bench so far; each pair "
          "uses one demo-world port, so its URLs are the same in both cycles)")


if __name__ == "__main__":
    main()
