"""Re-poll cost: poll a set of sources twice against the fixture site; the second poll sends the
first poll's validators (ETag / Last-Modified) and should cost almost nothing.

Reports the body bytes the server sent in the second poll as % of the first (target <= 5%) and
the new documents of the second poll (target 0: unchanged pages are 304s, known listing items are
not fetched again). Each poll runs in a child process (one reactor per process), through
tests/crawling/run_crawl_child.py. Usage: .venv/bin/python bench/bench_repoll.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
CHILD = ROOT / "tests" / "crawling" / "run_crawl_child.py"

from fixture_server import FIXTURES_DIR, FixtureServer  # noqa: E402

SOURCES = """sources:
  - {id: boletin, name: Boletín, country: BO, kind: gazette, language: es,
     page: {url: "${site}/etag/boletin.html"}}
  - {id: comunicado, name: Comunicado, country: BO, kind: police, language: es,
     page: {url: "${site}/etag/comunicado.html"}}
  - {id: informe, name: Informe, country: BO, kind: ombudsman, language: es,
     page: {url: "${site}/etag/informe.html"}}
  - id: gaceta
    name: Gaceta
    country: BO
    kind: gazette
    language: es
    listing:
      url: ${site}/etag/listado.html
      items: div.norma
      link: a
      date: span.fecha::text
"""
LISTING = ("<html><head><meta charset='utf-8'><title>Normas</title></head><body>" + "".join(
    f"<div class='norma'><a href='/crawling/listing/norma/{n}.html'>Decreto {n}</a>"
    f"<span class='fecha'>0{n % 9 + 1}/01/2024</span></div>" for n in (101, 102, 99))
    + "</body></html>").encode()
# Pages of a realistic size (LatAm news and gazette pages weigh 30-200 KB of HTML).
PAGE = ("<html><head><meta charset='utf-8'><title>{name}</title></head><body><main>"
        + "<p>La Defensoría del Pueblo presentó su informe sobre trata y tráfico de personas, "
          "con recomendaciones al Ministerio de Justicia y a la Policía.</p>" * 200
        + "</main></body></html>")
OPTIONS = {"timeout_s": 10, "retries": 0, "delay_s": 0, "autothrottle": False,
           "chromium_path": ""}


def poll(folder: Path, site: str, *, validators: dict[str, Any], known: dict[str, list[str]]
         ) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, str(CHILD), str(folder), "--var", f"site={site}",
         "--options", json.dumps(OPTIONS), "--validators", json.dumps(validators),
         "--known", json.dumps(known)], capture_output=True, text=True, timeout=300, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def next_state(records: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """What storage would hand the next poll: validators per URL, known document URLs."""
    validators: dict[str, dict[str, list[str | None]]] = {}
    known: dict[str, list[str]] = {}
    for r in records:
        if r["type"] == "fetch" and (r["etag"] or r["last_modified"]):
            validators.setdefault(r["source_id"], {})[r["url"]] = [r["etag"], r["last_modified"]]
        if r["type"] == "document":
            known.setdefault(r["source_id"], []).append(r["url"])
    return validators, known


def set_bodies(site: FixtureServer) -> None:
    site.set_etag_body("listado.html", LISTING)
    for name in ("boletin", "comunicado", "informe"):
        site.set_etag_body(f"{name}.html", PAGE.format(name=name).encode())


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-repoll-"))
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    with FixtureServer(FIXTURES_DIR) as site:
        set_bodies(site)
        started = time.perf_counter()
        first = poll(folder, site.url, validators={}, known={})
        first_bytes, first_requests = site.bytes_sent, len(site.requests)
        first_s = time.perf_counter() - started
        validators, known = next_state(first)
        site.reset_counters()
        set_bodies(site)  # unchanged content: the same bodies as in the first poll
        started = time.perf_counter()
        second = poll(folder, site.url, validators=validators, known=known)
        second_bytes, second_requests = site.bytes_sent, len(site.requests)
        second_s = time.perf_counter() - started
    report(first, second, bytes_sent=(first_bytes, second_bytes),
           requests=(first_requests, second_requests), seconds=(first_s, second_s))
    return 0


def report(first: list[dict[str, Any]], second: list[dict[str, Any]], *,
           bytes_sent: tuple[int, int], requests: tuple[int, int],
           seconds: tuple[float, float]) -> None:
    docs = [sum(r["type"] == "document" for r in poll_) for poll_ in (first, second)]
    not_modified = [sum(bool(r.get("is_not_modified")) for r in poll_) for poll_ in (first, second)]
    errors = [sum(bool(r.get("error")) for r in poll_) for poll_ in (first, second)]
    print(f"{'poll':8} {'requests':>9} {'body bytes':>11} {'documents':>10} {'304s':>5} "
          f"{'errors':>7} {'seconds':>8}")
    for i, name in enumerate(("first", "second")):
        print(f"{name:8} {requests[i]:9d} {bytes_sent[i]:11d} {docs[i]:10d} "
              f"{not_modified[i]:5d} {errors[i]:7d} {seconds[i]:8.2f}")
    share = 100 * bytes_sent[1] / max(1, bytes_sent[0])
    print(f"\nsecond poll bytes = {share:.1f}% of the first (target <= 5%); "
          f"new documents in the second poll: {docs[1]} (target 0)")


if __name__ == "__main__":
    sys.exit(main())
