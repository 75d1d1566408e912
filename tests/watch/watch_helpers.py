"""Shared helpers for the watch tests: build a rulebook from YAML text, match a text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from monitor.watch import Match, MatchInput, Rulebook, load_rulebook

NOW = datetime(2022, 6, 1, 12, 0)
HEADER = """demands:
  - id: bo-demo
    country: BO
    kind: case
    title: {es: Demanda de prueba}
    made_on: 2021-08-25
    rules:
"""


def rulebook_from(tmp_path: Path, rules_yaml: str, *, header: str = HEADER) -> Rulebook:
    folder = tmp_path / "demands"
    folder.mkdir(exist_ok=True)
    (folder / "demo.yaml").write_text(header + rules_yaml, encoding="utf-8")
    rulebook = load_rulebook(folder)
    assert rulebook.errors == [], [str(e) for e in rulebook.errors]
    return rulebook


def doc(text: str, *, title: str = "Comunicado", kind: str = "police", country: str = "BO",
        published_on: date | None = date(2022, 5, 1), number: int = 1) -> MatchInput:
    return MatchInput(document_id=number, title=title, text=text, source_id=f"bo_{kind}",
                      source_kind=kind, country=country, published_on=published_on,
                      url=f"http://127.0.0.1/{number}")


def match(rulebook: Rulebook, text: str, **kwargs: object) -> list[Match]:
    from monitor.watch import match_document
    return match_document(rulebook, doc(text, **kwargs), now=NOW)  # type: ignore[arg-type]
