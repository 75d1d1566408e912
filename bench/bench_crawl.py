"""Crawl speed: bare Scrapy vs our listing pipeline (with SQLite storage) vs with extraction.

Generates a 2,000-page linked site (two sections of 50 listing pages x 20 detail pages), serves
it with nginx on loopback, and crawls it in child processes (one reactor per process):

  bare            a plain Scrapy spider following every link, no items
  no storage      run_crawl + ListingSpider, on_item only counts (the spiders' own cost)
  pipeline        run_crawl + ListingSpider (detail_text selector) + monitor.pipeline -> SQLite
                  through storage.Store (the real store, not plain sqlite3)
  extract         the same with the article extractor (trafilatura + readability) on each page
  extract x2      the two sections in two crawl processes at once (both cores)
  extractor alone extract_html over the 2,000 detail bodies, in this process, no crawling

Targets: pipeline >= 0.7 x bare; extract x2 >= 0.5 x min(bare, extractor alone).
Usage: .venv/bin/python bench/bench_crawl.py [--pages-per-listing 20] [--listings 50]
Prints a table; timings vary run to run (compare the columns side by side).
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
SECTIONS = ("a", "b")
PARAGRAPHS = (
    "El Ministerio de Justicia informó que el protocolo de atención a víctimas de trata fue "
    "aprobado mediante resolución ministerial y entrará en vigencia en todo el territorio.",
    "Las organizaciones de trabajadoras sexuales pidieron que la Policía deje de realizar "
    "operativos sin orden fiscal y que se registre cada intervención en un sistema público.",
    "La Defensoría del Pueblo anunció que hará un seguimiento trimestral del cumplimiento de "
    "las recomendaciones aceptadas por el Estado en el último Examen Periódico Universal.",
)


def detail_html(section: str, number: int) -> str:
    body = "".join(f"<p>{p} (nota {section}-{number}, párrafo {i}).</p>"
                   for i, p in enumerate(PARAGRAPHS * 2))
    return (f"<!DOCTYPE html><html lang='es'><head><meta charset='utf-8'><title>Nota {section}-"
            f"{number} | Diario</title></head><body><nav>Inicio · Nacional · Policiales</nav>"
            f"<h1>Nota {section}-{number}</h1><div class='texto'>{body}</div>"
            "<footer>Diario de prueba — todos los derechos reservados</footer></body></html>")


def listing_html(section: str, page: int, *, listings: int, per_page: int) -> str:
    cards = "".join(
        f"<div class='card'><a href='nota-{n}.html'>Nota {section}-{n}</a>"
        f"<span class='fecha'>0{1 + n % 9}/03/2025</span></div>"
        for n in range((page - 1) * per_page + 1, page * per_page + 1))
    nxt = f"<a class='next' href='listado-{page + 1}.html'>Siguiente</a>" if page < listings else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Listado {page}</title>"
            f"</head><body>{cards}{nxt}</body></html>")


def generate_site(folder: Path, *, listings: int, per_page: int) -> int:
    for section in SECTIONS:
        target = folder / section
        target.mkdir(parents=True)
        for page in range(1, listings + 1):
            (target / f"listado-{page}.html").write_text(
                listing_html(section, page, listings=listings, per_page=per_page),
                encoding="utf-8")
        for number in range(1, listings * per_page + 1):
            (target / f"nota-{number}.html").write_text(detail_html(section, number),
                                                        encoding="utf-8")
    return len(SECTIONS) * listings * (per_page + 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_nginx(tmp: Path, site: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(f"""worker_processes 1;
daemon off;
user root;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  types {{ text/html html; }}
  server {{ listen 127.0.0.1:{port}; root {site}; }}
}}
""", encoding="utf-8")
    process = subprocess.Popen(["nginx", "-p", str(tmp), "-c", str(conf)])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("nginx did not start; see nginx-error.log")


# --- child modes ---------------------------------------------------------------------------

def bench_options() -> Any:
    from spiders.scrapy_settings import CrawlOptions

    return CrawlOptions(timeout_s=30, retries=0, delay_s=0, autothrottle=False,
                        obey_robots=False, concurrent_requests=16, log_level="WARNING",
                        allow_hosts=frozenset({"127.0.0.1"}), chromium_path="")


def child_bare(url: str, sections: list[str]) -> dict[str, Any]:
    import scrapy
    from scrapy.crawler import AsyncCrawlerProcess

    from spiders.scrapy_settings import build_settings

    counted = {"pages": 0}

    class BareSpider(scrapy.Spider):
        name = "bare"

        async def start(self) -> Any:
            for section in sections:
                yield scrapy.Request(f"{url}/{section}/listado-1.html")

        def parse(self, response: Any) -> Any:
            counted["pages"] += 1
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href)

    full = build_settings(bench_options(), specs=[])
    settings = {k: full[k] for k in ("CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
                                     "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "ROBOTSTXT_OBEY",
                                     "LOG_LEVEL", "TWISTED_REACTOR")}
    process = AsyncCrawlerProcess(settings)
    process.crawl(BareSpider)
    started = time.perf_counter()
    process.start()
    return {"pages": counted["pages"], "seconds": time.perf_counter() - started}


def child_nostore(url: str, sections: list[str]) -> dict[str, Any]:
    """Our spiders with an on_item that only counts: the spiders' own cost."""
    from spiders.crawl import run_crawl

    counted = {"pages": 0, "documents": 0}

    def on_item(item: Any) -> None:
        counted["documents" if hasattr(item, "content_hash") else "pages"] += 1

    started = time.perf_counter()
    run_crawl(_specs(url, sections, use_extractor=False), options=bench_options(),
              validators={}, known_urls={}, on_item=on_item)
    return {**counted, "seconds": time.perf_counter() - started}


def _specs(url: str, sections: list[str], *, use_extractor: bool) -> list[Any]:
    from spiders.specs import ListingSpec, SourceSpec

    return [SourceSpec(id=f"diario_{s}", name=f"Diario {s}", country="BO", kind="news",
                       language="es", listing=ListingSpec(
                           url=f"{url}/{s}/listado-1.html", items="div.card", link="a",
                           title="a::text", date="span.fecha::text", next_page="a.next",
                           max_pages=1000, detail_text=None if use_extractor else "div.texto"))
            for s in sections]


def child_ours(url: str, sections: list[str], db_path: str, *, use_extractor: bool
               ) -> dict[str, Any]:
    from monitor.pipeline import WriterProcess
    from spiders.crawl import run_crawl
    from storage import Store
    from storage.db import upgrade
    from storage.inputs import SourceRow

    specs = _specs(url, sections, use_extractor=use_extractor)
    db_url = f"sqlite:///{db_path}"
    upgrade(db_url)
    counted = {"pages": 0, "documents": 0}
    with Store.open(db_url) as store:
        store.sync_sources([SourceRow(id=s.id, name=s.name, country=s.country, kind=s.kind,
                                      language=s.language) for s in specs])
        writer = WriterProcess(db_url, run_id=None, failing_after=3, emit_events=False)

        def on_item(item: Any) -> None:
            key = "documents" if hasattr(item, "content_hash") else "pages"
            counted[key] += 1
            writer.put(item)

        started = time.perf_counter()
        run_crawl(specs, options=bench_options(), validators={}, known_urls={}, on_item=on_item)
        writer.close()
        seconds = time.perf_counter() - started
    return {**counted, "seconds": seconds}


def run_child(mode: str, url: str, sections: list[str], db_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(HERE), "--child", mode, "--url", url,
                             "--db", str(db_path), *sections], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)


def collect(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = process.communicate(timeout=900)
    if process.returncode != 0:
        raise RuntimeError(f"child failed with {process.returncode}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def extractor_alone(site: Path) -> dict[str, Any]:
    from spiders.extract import extract_html

    bodies = [p.read_bytes() for s in SECTIONS for p in sorted((site / s).glob("nota-*.html"))]
    started = time.perf_counter()
    for body in bodies:
        extract_html(body, url="http://127.0.0.1/nota.html")
    return {"pages": len(bodies), "seconds": time.perf_counter() - started}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--url")
    parser.add_argument("--db")
    parser.add_argument("--listings", type=int, default=50)
    parser.add_argument("--pages-per-listing", type=int, default=20)
    parser.add_argument("sections", nargs="*")
    args = parser.parse_args()
    if args.child:
        if args.child == "bare":
            result = child_bare(args.url, args.sections)
        elif args.child == "nostore":
            result = child_nostore(args.url, args.sections)
        else:
            result = child_ours(args.url, args.sections, args.db,
                                use_extractor=args.child == "extract")
        print(json.dumps(result))
        return 0
    return run_all(listings=args.listings, per_page=args.pages_per_listing)


def run_all(*, listings: int, per_page: int) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    site = tmp / "site"
    total = generate_site(site, listings=listings, per_page=per_page)
    nginx, url = start_nginx(tmp, site)
    rows: list[tuple[str, dict[str, Any]]] = []
    try:
        both = list(SECTIONS)
        rows.append(("bare Scrapy", collect(run_child("bare", url, both, tmp / "bare.db"))))
        rows.append(("our spiders, no storage", collect(run_child("nostore", url, both,
                                                                    tmp / "n.db"))))
        rows.append(("pipeline + SQLite", collect(run_child("pipeline", url, both,
                                                              tmp / "p.db"))))
        rows.append(("extract, 1 process", collect(run_child("extract", url, both,
                                                               tmp / "e.db"))))
        rows.append(("extract, 2 processes", _two_processes(url, tmp)))
        rows.append(("extractor alone (no crawl)", extractor_alone(site)))
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    print_table(rows, total=total)
    return 0


def _two_processes(url: str, tmp: Path) -> dict[str, Any]:
    started = time.perf_counter()
    children = [run_child("extract", url, [s], tmp / f"e2-{s}.db") for s in SECTIONS]
    results = [collect(c) for c in children]
    return {"pages": sum(r["pages"] for r in results),
            "documents": sum(r.get("documents", 0) for r in results),
            "seconds": time.perf_counter() - started}


def print_table(rows: list[tuple[str, dict[str, Any]]], *, total: int) -> None:
    rate = {name: r["pages"] / r["seconds"] for name, r in rows}
    print(f"site: {total} pages on nginx (loopback)\n")
    print(f"{'run':30} {'pages':>6} {'docs':>6} {'seconds':>8} {'pages/s':>8}")
    for name, r in rows:
        print(f"{name:30} {r['pages']:6d} {r.get('documents', 0):6d} {r['seconds']:8.2f} "
              f"{rate[name]:8.1f}")
    bare = rate["bare Scrapy"]
    slower = min(bare, rate["extractor alone (no crawl)"])
    print(f"\npipeline / bare            = {rate['pipeline + SQLite'] / bare:.2f}  "
          "(target >= 0.70)")
    print(f"spiders, no storage / bare = {rate['our spiders, no storage'] / bare:.2f}")
    print(f"extract x2 / min(bare, extractor alone) = "
          f"{rate['extract, 2 processes'] / slower:.2f}  (target >= 0.50)")
    print(f"extract x1 / min(bare, extractor alone) = "
          f"{rate['extract, 1 process'] / slower:.2f}")


if __name__ == "__main__":
    sys.exit(main())
