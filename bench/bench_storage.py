"""Storage speed: documents stored per second and "latest 50 evidence for a demand" latency.

Layer: bench (a plain script, never a test). Uses only the public ``storage.Store`` API.
Run: ``.venv/bin/python bench/bench_storage.py [--url URL] [--documents N] [--single N]``;
the default URL is a fresh SQLite file in a temporary folder (WAL, synchronous=NORMAL).
Prints one table with wall-clock rates and rates per CPU second of this process (the second
stays meaningful when other jobs share the machine); compare figures side by side.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

from storage import DemandIn, DocumentIn, EvidenceIn, SourceRow, Store, upgrade

TEXT_BYTES = 2048
BATCH = 500
DEMANDS = 100
SOURCE = SourceRow(id="bench_gaceta", name="Gaceta (bench)", country="BO", kind="gazette",
                   language="es")


def make_document(n: int) -> DocumentIn:
    head = f"Decreto Supremo N° {n}: se aprueba el protocolo de atención {n}. "
    text = (head * (TEXT_BYTES // len(head) + 1))[:TEXT_BYTES]
    return DocumentIn(source_id=SOURCE.id, url=f"https://gaceta.example/normas/{n}",
                      title=f"Decreto Supremo N° {n}", text=text,
                      content_hash=hashlib.sha256(text.encode()).hexdigest(),
                      content_type="text/html", raw=f"<p>{text}</p>".encode(),
                      published_on=date(2026, 1, 1 + n % 28), language="es",
                      external_id=str(n))


def make_demand(n: int) -> DemandIn:
    return DemandIn(id=f"bench-{n:03d}", country="BO", kind="structural", is_law=False,
                    visibility="public" if n % 5 else "members",
                    titles={"es": f"Demanda {n}"}, descriptions={"es": "-"}, target="Estado")


class Timing(NamedTuple):
    wall_s: float
    cpu_s: float  # this process only: on a busy shared machine it shows our own cost

    def rate(self, count: int, unit: str) -> str:
        return (f"{count / self.wall_s:,.0f} {unit} wall ({self.wall_s:.1f} s), "
                f"{count / max(self.cpu_s, 1e-9):,.0f} per CPU s")


def timed(work: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def batches(start: int, stop: int) -> Iterator[list[DocumentIn]]:
    for first in range(start, stop, BATCH):
        yield [make_document(n) for n in range(first, min(first + BATCH, stop))]


def bench_batched(store: Store, count: int) -> Timing:
    return timed(lambda: [store.store_documents(batch) for batch in batches(0, count)])


def bench_single(store: Store, start: int, count: int) -> Timing:
    return timed(lambda: [store.store_document(make_document(n))
                          for n in range(start, start + count)])


def seed_evidence(store: Store, count: int) -> Timing:
    store.sync_demands([make_demand(n) for n in range(DEMANDS)])
    return timed(lambda: [store.add_evidence(EvidenceIn(
        demand_id=f"bench-{n % DEMANDS:03d}", document_id=n + 1, rule_id="bench",
        proposed_status="in_progress", event_codes=("anuncio",), excerpt="protocolo",
        url=f"https://gaceta.example/normas/{n}", highlights=((0, 9),)))
        for n in range(count)])


def latest_evidence_ms(store: Store, *, repeats: int) -> tuple[float, float]:
    samples = []
    for n in range(repeats):
        demand_id = f"bench-{1 + n % (DEMANDS - 1):03d}"
        samples.append(timed(lambda demand_id=demand_id: store.list_evidence(
            demand_id=demand_id, states=("proposed", "confirmed"), include_members=False,
            limit=50)).wall_s * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def run(url: str, *, documents: int, single: int, evidence: int) -> list[tuple[str, str]]:
    upgrade(url)
    rows: list[tuple[str, str]] = []
    with Store.open(url) as store:
        store.sync_sources([SOURCE])
        rows.append((f"store_documents, {documents:,} docs of 2 KB, batches of {BATCH}",
                     bench_batched(store, documents).rate(documents, "docs/s")))
        rows.append((f"store_document, {single:,} docs, one transaction each",
                     bench_single(store, documents, single).rate(single, "docs/s")))
        rows.append((f"store_document again (outcome seen), {single:,} docs",
                     bench_single(store, 0, single).rate(single, "docs/s")))
        rows.append((f"add_evidence, {evidence:,} proposals over {DEMANDS} demands",
                     seed_evidence(store, evidence).rate(evidence, "rows/s")))
        median, p95 = latest_evidence_ms(store, repeats=300)
        rows.append(("latest 50 evidence for a demand (list_evidence)",
                     f"median {median:.2f} ms, p95 {p95:.2f} ms"))
        rows.append(("documents in the database", f"{store.count_documents():,}"))
    return rows


def print_table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(title)
    print(f"{'measure':<{width}}  result")
    print(f"{'-' * width}  {'-' * 56}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--single", type=int, default=5_000)
    parser.add_argument("--evidence", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.db'}"
        rows = run(url, documents=args.documents, single=args.single, evidence=args.evidence)
        shown = url if args.url is None else "given --url"
        print_table(f"bench_storage on {shown.split(':')[0]}", rows)


if __name__ == "__main__":
    main()
