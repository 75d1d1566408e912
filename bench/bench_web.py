"""Status page latency on SQLite (TestClient): 200 demands × 50 evidence rows, or 50 × 2,000.

Layer: bench (a plain script, not a test). Builds a throwaway database in a temp folder through
Store methods, then times N requests per page, anonymous and logged in as an editor, and prints
p50/p95 in milliseconds and the page size. ``--case many`` is the evidence-heavy world (50
demands, 2,000 evidence rows each: 100,000 rows, about 90 s to seed); ``--demands`` and
``--evidence`` override either case.

    .venv/bin/python bench/bench_web.py [--case standard|many] [--requests 50]
                                        [--demands N] [--evidence N]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from argon2 import PasswordHasher
from starlette.testclient import TestClient

from monitor.web.app import create_app
from storage import db
from storage.inputs import DemandIn, DocumentIn, EvidenceIn, FetchRow, SourceRow
from storage.store import Store

COUNTRIES = ("BO", "AR", "BR", "PE", "MX", "CL", "CO", "EC")
EVENTS = ("proyecto_presentado", "aprobacion_camara", "registro_creado", "nota_prensa")
STATUSES = ("in_progress", "partial", "fulfilled", "setback")
PASSWORD = "bench-password"
CASES = {"standard": (200, 10_000), "many": (50, 100_000)}  # (demands, evidence rows)


def demand(number: int) -> DemandIn:
    country = COUNTRIES[number % len(COUNTRIES)]
    title = f"Demanda {number}: protocolo de atención y registro de casos"
    return DemandIn(id=f"{country.lower()}-demanda-{number}", country=country,
                    kind="structural" if number % 3 else "case", is_law=number % 4 == 0,
                    visibility="members" if number % 10 == 0 else "public",
                    titles={"es": title, "pt": title, "en": title},
                    descriptions={"es": "", "pt": "", "en": ""}, target="Ministerio",
                    made_on=date(2024, 1, 1),
                    target_date=date(2025, 12, 31) if number % 5 else None,
                    response="claims_done" if number % 7 == 0 else "no_response")


def seed(url: str, *, demands: int, evidence: int) -> None:
    db.upgrade(url)
    with Store.open(url) as store:
        store.sync_sources([SourceRow(id=f"{c.lower()}_gaceta", name=f"Gaceta {c}", country=c,
                                      kind="gazette", language="es") for c in COUNTRIES])
        for c in COUNTRIES:
            store.record_fetch(FetchRow(source_id=f"{c.lower()}_gaceta", url="https://x.example/",
                                        started_at=datetime.now(UTC), duration_ms=50, status=200))
        rows = [demand(n) for n in range(demands)]
        store.sync_demands(rows)
        documents = max(evidence // 10, 1)
        doc_ids = [store_document(store, n, COUNTRIES[n % len(COUNTRIES)])
                   for n in range(documents)]
        for n in range(evidence):
            item = EvidenceIn(
                demand_id=rows[n % demands].id, document_id=doc_ids[n % documents],
                rule_id=f"{rows[n % demands].id}/r{n // documents}",
                proposed_status=STATUSES[n % len(STATUSES)], event_codes=(EVENTS[n % 4],),
                excerpt="Se aprueba el protocolo de atención " * 4, url=f"https://x.example/{n}",
                highlights=((3, 10),), act_date=date(2026, 1, 1 + n % 28))
            evidence_id, _ = store.add_evidence(item)
            if n % 10 == 3:  # one in ten confirmed, across public and members-only demands
                store.confirm(evidence_id, editor="bench", allow_older=True)
        store.add_user("editora", PasswordHasher().hash(PASSWORD), "editor")


def store_document(store: Store, number: int, country: str) -> int:
    text = f"Decreto {number}: se aprueba el protocolo de atención"
    return store.store_document(DocumentIn(
        source_id=f"{country.lower()}_gaceta", url=f"https://x.example/doc/{number}",
        title=f"Decreto {number}", text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), content_type="text/html",
        raw=text.encode(), published_on=date(2026, 1, 1))).id


def timed(client: TestClient, path: str, requests: int) -> tuple[float, float, int, int]:
    client.get(path)  # warm-up (templates compiled, connections opened)
    times, size, wire = [], 0, 0
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path, headers={"Accept-Encoding": "gzip"})
        times.append((time.perf_counter() - start) * 1000)
        size, wire = len(response.content), response.num_bytes_downloaded
    times.sort()
    return statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)], size, wire


def summary_query(store: Store, requests: int, *, include_members: bool) -> tuple[float, float]:
    """The per-demand evidence summary alone (one GROUP BY query), as every status list runs it."""
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        store.evidence_summary(include_members=include_members)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)]


def show(path: str, viewer: str, p50: float, p95: float, size: int, wire: int) -> None:
    print(f"{path:<34}{viewer:<10}{p50:>9.1f}{p95:>9.1f}{size / 1024:>8.1f}{wire / 1024:>9.1f}")


def log_in(client: TestClient) -> None:
    page = client.get("/login").text
    token = page.split('name="csrftoken" value="', 1)[1].split('"', 1)[0]
    client.post("/login", data={"username": "editora", "password": PASSWORD, "csrftoken": token})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), default="standard")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--demands", type=int)
    parser.add_argument("--evidence", type=int)
    args = parser.parse_args()
    args.demands = args.demands or CASES[args.case][0]
    args.evidence = args.evidence or CASES[args.case][1]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        seed(url, demands=args.demands, evidence=args.evidence)
        print(f"seeded {args.demands} demands, {args.evidence} evidence rows "
              f"in {time.perf_counter() - started:.1f} s")
        app = create_app(store_url=url, secret_key="bench", site_url="http://bench.example")
        anonymous, editor = TestClient(app), TestClient(app)
        log_in(editor)
        print(f"{'page':<34}{'viewer':<10}{'p50 ms':>9}{'p95 ms':>9}{'KB':>8}{'gzip KB':>9}")
        detail = f"/d/{demand(1).id}"
        for path in ("/", "/?country=BO", detail, "/fuentes", "/feed.xml", "/api/demands.json"):
            for name, client in (("anonymous", anonymous), ("editor", editor)):
                show(path, name, *timed(client, path, args.requests))
        show("/revisar", "editor", *timed(editor, "/revisar", args.requests))
        for name, members in (("anonymous", False), ("member", True)):
            show("Store.evidence_summary()", name,
                 *summary_query(app.state.web.store, args.requests, include_members=members), 0, 0)
        app.state.web.store.close()


if __name__ == "__main__":
    main()
