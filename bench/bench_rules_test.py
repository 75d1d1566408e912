"""Backtest speed: one rule over 100,000 short Spanish documents (the ``rules test`` path).

Layer: bench (plain script; prints a table; never run by pytest). Usage:

    .venv/bin/python bench/bench_rules_test.py [--docs 100000] [--sqlite]

Documents are generated in memory (or, with ``--sqlite``, written to a temporary SQLite file
with plain sqlite3 and streamed back, as ``veeduria rules test`` reads stored documents). Times
``backtest()`` with the new rule against a current rulebook (the diff path) and without one.
Target: <= 5 s for 100,000 documents. Then times ``rules words`` (``wordforms.count_forms``)
over the same documents, for the rule's '*' phrases and for the bundled rules' (no target).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.watch import MatchInput, Rulebook, backtest, load_rulebook  # noqa: E402
from monitor.watch.wordforms import count_forms, wildcard_phrases  # noqa: E402

NOW = datetime(2023, 6, 1)
HEADER = """demands:
  - id: bo-redtrasex-proteccion
    country: BO
    kind: case
    title: {es: Activar protocolos de protección}
    made_on: 2021-08-25
    rules:
"""
NEW_RULE = """      - id: proteccion-activada
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["trabajadora sexual"]
        near:
          words: 8
          terms: [["activ*", "aplic*", "otorg*"], ["protocolo*", "medidas de protección"]]
"""
OLD_RULE = """      - id: proteccion-activada
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["activó", "protocolo", "trabajadora sexual"]
"""
SENTENCES = (
    "La Alcaldía inauguró una nueva obra de alcantarillado en la zona sur.",
    "El precio del pollo subió en los mercados de La Paz durante la semana.",
    "La Policía informó sobre un accidente de tránsito en la carretera a Oruro.",
    "Se registraron lluvias intensas en el oriente del país, según el Senamhi.",
    "El Tribunal Supremo Electoral presentó el calendario de las elecciones subnacionales.",
    "La Policía activó el protocolo de protección para la trabajadora sexual y sus hijos.",
    "Trabajadoras sexuales denunciaron que no se activó el protocolo de protección.",
    "La Defensoría del Pueblo pidió activar medidas de protección para la trabajadora sexual.",
    "El Ministerio de Salud amplió la campaña de vacunación en escuelas y colegios.",
    "Los transportistas anunciaron un paro de 24 horas por el precio del diésel.",
)


def generate(count: int) -> Iterator[MatchInput]:
    rng = random.Random(3)
    start = date(2021, 9, 1)
    for number in range(count):
        body = " ".join(rng.choice(SENTENCES[:5] if rng.random() < 0.97 else SENTENCES)
                        for _ in range(rng.randint(2, 4)))
        yield MatchInput(document_id=number, title=rng.choice(SENTENCES[:5])[:60], text=body,
                         source_id="bo_policia", source_kind="police", country="BO",
                         published_on=start + timedelta(days=number % 600))


def via_sqlite(docs: list[MatchInput], folder: Path) -> Iterator[MatchInput]:
    db = sqlite3.connect(folder / "docs.sqlite")
    db.execute("create table documents (id integer primary key, title text, text text, "
               "source_id text, source_kind text, country text, published_on text)")
    db.executemany("insert into documents values (?,?,?,?,?,?,?)",
                   [(d.document_id, d.title, d.text, d.source_id, d.source_kind, d.country,
                     d.published_on.isoformat() if d.published_on else None) for d in docs])
    db.commit()
    for row in db.execute("select * from documents order by id"):
        yield MatchInput(document_id=row[0], title=row[1], text=row[2], source_id=row[3],
                         source_kind=row[4], country=row[5],
                         published_on=date.fromisoformat(row[6]) if row[6] else None)
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "new.yaml").write_text(HEADER + NEW_RULE, encoding="utf-8")
        (folder / "old.yaml").write_text(HEADER + OLD_RULE, encoding="utf-8")
        new, old = load_rulebook(folder / "new.yaml"), load_rulebook(folder / "old.yaml")
        assert not new.errors and not old.errors
        docs = list(generate(args.docs))
        size_mb = sum(len(d.title) + len(d.text) for d in docs) / 1_000_000
        print(f"{len(docs)} documents, {size_mb:.1f} MB, 1 rule")
        print(f"{'path':<36} {'s':>6} {'docs/s':>9} {'matches':>8} {'new':>5} {'lost':>5}")
        for name, current in (("backtest, no baseline", None), ("backtest + diff", old)):
            source = via_sqlite(docs, folder) if args.sqlite else iter(docs)
            start = time.perf_counter()
            report = backtest(new, current, source, now=NOW)
            secs = time.perf_counter() - start
            print(f"{name + (' (sqlite)' if args.sqlite else ''):<36} {secs:>6.2f} "
                  f"{len(docs) / secs:>9.0f} {report.total:>8} {len(report.new_matches):>5} "
                  f"{len(report.lost_matches):>5}")
            if args.sqlite:
                (folder / "docs.sqlite").unlink()
        print("target: <= 5 s for 100,000 documents")
        word_forms_rows(docs, new)


def word_forms_rows(docs: list[MatchInput], new: Rulebook) -> None:
    """``rules words`` over the same documents: the rule's '*' phrases, then every '*' phrase
    of the bundled rules (no target; reported so editors know what to expect)."""
    bundled = load_rulebook(ROOT / "rules" / "demands")
    print(f"\n{'rules words':<36} {'s':>6} {'docs/s':>9} {'phrases':>8}")
    for name, book in (("the rule's * phrases", new), ("the bundled rules' * phrases", bundled)):
        phrases = wildcard_phrases(book.rules)
        start = time.perf_counter()
        count_forms(phrases, (f"{d.title}\n{d.text}" for d in docs))
        secs = time.perf_counter() - start
        print(f"{name:<36} {secs:>6.2f} {len(docs) / secs:>9.0f} {len(phrases):>8}")


if __name__ == "__main__":
    main()
