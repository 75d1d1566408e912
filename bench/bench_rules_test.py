"""Backtest speed: one rule over 100,000 short Spanish documents (the ``rules test`` path).

Layer: bench (plain script; prints a table; never run by pytest). Usage:

    .venv/bin/python bench/bench_rules_test.py [--docs 100000] [--store]

Documents are generated in memory and ``backtest()`` is timed with the new rule against a
current rulebook (the diff path) and without one. With ``--store``, they are then stored in a
fresh SQLite database through ``storage.Store`` (untimed), and what is timed is the command
itself, ``veeduria rules test`` (``rulecmds.try_rules``): reading every stored document back,
the backtest (in one process per core, setting ``rules_test_workers``) and the report, with
no rules in force and then with the old rule in force.
Target: <= 5 s for 100,000 stored documents. Then times ``rules words``
(``wordforms.count_forms``) over the same documents, for the rule's '*' phrases and for the
bundled rules' (no target).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.lastgood import in_force_dir  # noqa: E402
from monitor.rulecmds import try_rules  # noqa: E402
from monitor.runtime import upgrade_database  # noqa: E402
from monitor.settings import Settings, read_settings  # noqa: E402
from monitor.watch import MatchInput, Rulebook, backtest, load_rulebook  # noqa: E402
from monitor.watch.wordforms import count_forms, wildcard_phrases  # noqa: E402
from storage import DocumentIn, SourceRow, Store  # noqa: E402

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


def store_all(docs: list[MatchInput], folder: Path) -> Settings:
    """``docs`` stored in a fresh SQLite database under ``folder`` as a crawl stores them, and
    the settings of a Veeduría whose rules folder holds the new rule."""
    rules = folder / "rules"
    shutil.copytree(ROOT / "rules" / "sources", rules / "sources")
    (rules / "demands").mkdir()
    (rules / "demands" / "new.yaml").write_text(HEADER + NEW_RULE, encoding="utf-8")
    settings = read_settings({"VEEDURIA_RULES_DIR": str(rules),
                              "VEEDURIA_DATA_DIR": str(folder / "data")}, folder / "none.toml")
    upgrade_database(settings)
    source = SourceRow(id="bo_policia", name="Policía Boliviana", country="BO", kind="police",
                       language="es")
    with Store.open(settings.database_url_resolved) as store:
        store.sync_sources([source])
        for first in range(0, len(docs), 1000):
            store.store_documents([DocumentIn(
                source_id=source.id, url=f"https://policia.example/{d.document_id}",
                title=d.title, text=d.text, content_type="text/html", raw=d.text.encode(),
                content_hash=hashlib.sha256(f"{d.document_id} {d.text}".encode()).hexdigest(),
                published_on=d.published_on, language="es", external_id=str(d.document_id))
                for d in docs[first:first + 1000]])
    return settings


def command_rows(docs: list[MatchInput], folder: Path) -> None:
    """``veeduria rules test`` over the stored documents, without and with rules in force."""
    settings = store_all(docs, folder)
    in_force = in_force_dir(settings) / "demands"
    for name, old in (("rules test, no rules in force", False),
                      ("rules test + diff", True)):
        if old:
            in_force.mkdir(parents=True)
            (in_force / "old.yaml").write_text(HEADER + OLD_RULE, encoding="utf-8")
        out = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(out):
            try_rules(settings, None, since=None)
        secs = time.perf_counter() - start
        printed = out.getvalue()
        total = re.search(r"(\d+) documents, \d+ rules?, (\d+) match", printed)
        diff = re.search(r"(\d+) new, (\d+) lost", printed)
        assert total is not None and int(total.group(1)) == len(docs), printed[:300]
        new, lost = diff.groups() if diff else ("-", "-")
        print(f"{name + ' (stored)':<46} {secs:>6.2f} {len(docs) / secs:>9.0f} "
              f"{total.group(2):>8} {new:>5} {lost:>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--store", action="store_true",
                        help="also store the documents in SQLite and time `rules test` itself")
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
        print(f"{'path':<46} {'s':>6} {'docs/s':>9} {'matches':>8} {'new':>5} {'lost':>5}")
        for name, current in (("backtest, no baseline", None), ("backtest + diff", old)):
            start = time.perf_counter()
            report = backtest(new, current, iter(docs), now=NOW)
            secs = time.perf_counter() - start
            print(f"{name + ' (in memory, 1 process)':<46} {secs:>6.2f} {len(docs) / secs:>9.0f} "
                  f"{report.total:>8} {len(report.new_matches):>5} "
                  f"{len(report.lost_matches):>5}")
        if args.store:
            command_rows(docs, folder / "store")
        print("target: <= 5 s for 100,000 stored documents (rules test + diff)")
        word_forms_rows(docs, new)


def word_forms_rows(docs: list[MatchInput], new: Rulebook) -> None:
    """``rules words`` over the same documents: the rule's '*' phrases, then every '*' phrase
    of the bundled rules (no target; reported so editors know what to expect)."""
    bundled = load_rulebook(ROOT / "rules" / "demands")
    print(f"\n{'rules words':<46} {'s':>6} {'docs/s':>9} {'phrases':>8}")
    for name, book in (("the rule's * phrases", new), ("the bundled rules' * phrases", bundled)):
        phrases = wildcard_phrases(book.rules)
        start = time.perf_counter()
        count_forms(phrases, (f"{d.title}\n{d.text}" for d in docs))
        secs = time.perf_counter() - start
        print(f"{name:<46} {secs:>6.2f} {len(docs) / secs:>9.0f} {len(phrases):>8}")


if __name__ == "__main__":
    main()
