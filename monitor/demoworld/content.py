"""The demo world's documents: ``content.yaml`` read into records with dates relative to today.

Layer: monitor (demo world only). No settings. ``load_documents(today)`` is pure: the same
``today`` always gives the same documents. Cases: tests/demoworld/test_content.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from monitor.yamlio import load_yaml

logger = logging.getLogger(__name__)

CONTENT_PATH = Path(__file__).with_name("content.yaml")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SOURCES = {  # content section -> (source id or by-layout, source kind)
    "gaceta": ("bo_gaceta", "gazette"),
    "policia": ("bo_policia", "police"),
    "policia_js": ("bo_policia_js", "police"),
    "defensoria": ("bo_defensoria", "ombudsman"),
    "noticias": ("bo_noticias", "news"),
}


@dataclass(frozen=True)
class DemoDocument:
    """One document of the demo world, at the path a spider ends up storing it under."""

    section: str  # content.yaml section: gaceta, policia, policia_js, defensoria, noticias
    source_id: str
    source_kind: str
    path: str
    slug: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    published_on: date
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def is_pdf(self) -> bool:
        return self.path.startswith("/gaceta/normas/descargarNrms/")


def resolve_date(spec: Any, today: date) -> date:
    """``{days_ago: N}``, ``{last_week: mon..sun}`` (the week before today's week), or
    ``{fixed: YYYY-MM-DD}`` for the few documents that must predate every demand."""
    if "fixed" in spec:
        return date.fromisoformat(str(spec["fixed"]))
    if "days_ago" in spec:
        return today - timedelta(days=int(spec["days_ago"]))
    monday = today - timedelta(days=today.weekday()) - timedelta(days=7)
    return monday + timedelta(days=WEEKDAYS.index(str(spec["last_week"])))


def last_week_range(today: date) -> tuple[date, date]:
    """Monday and Sunday of the week just ended."""
    monday = today - timedelta(days=today.weekday()) - timedelta(days=7)
    return monday, monday + timedelta(days=6)


@cache
def _raw_content() -> Any:
    return load_yaml(CONTENT_PATH)


def most_read_slugs() -> list[str]:
    return [str(s) for s in _raw_content()["noticias_mas_leidas"]]


def load_documents(today: date) -> list[DemoDocument]:
    """Every document of the demo world, newest first within each section."""
    raw = _raw_content()
    documents: list[DemoDocument] = []
    for section in SOURCES:
        documents.extend(_build(section, entry, today) for entry in raw[section])
    documents.sort(key=lambda d: (d.section, -d.published_on.toordinal(), d.path))
    logger.debug("demo world: %d documents for %s", len(documents), today)
    return documents


def _fill(text: str, day: date) -> str:
    return " ".join(str(text).replace("{anio}", str(day.year)).split())


def _build(section: str, entry: Any, today: date) -> DemoDocument:
    day = resolve_date(entry["fecha"], today)
    if section == "gaceta":
        return _build_norm(entry, day)
    source_id, kind = SOURCES[section]
    paths = {"policia": "/policia/comunicados/{}.html", "policia_js": "/policia/boletines/{}.html",
             "defensoria": "/defensoria/noticias/{}.html", "noticias": "/noticias/articulo/{}.html"}
    slug = str(entry["slug"])
    return DemoDocument(
        section=section, source_id=source_id, source_kind=kind,
        path=paths[section].format(slug), slug=slug, title=_fill(entry["titulo"], day),
        summary=_fill(entry["resumen"], day),
        paragraphs=tuple(_fill(p, day) for p in entry.get("texto", [])),
        published_on=day, extra={"seccion": str(entry.get("seccion", ""))})


def _build_norm(entry: Any, day: date) -> DemoDocument:
    norm_id = str(entry["id"])
    is_pdf_only = bool(entry.get("pdf_only", False))
    layout = str(entry["layout"])
    tipo, numero = str(entry["tipo"]), _fill(entry["numero"], day)
    sumario = _fill(entry["sumario"], day)
    texto = entry.get("texto") or _generic_norm_text(tipo, sumario)
    path = (f"/gaceta/normas/descargarNrms/{norm_id}" if is_pdf_only
            else f"/gaceta/normas/verGratis_gob/{norm_id}")
    return DemoDocument(
        section="gaceta", source_id="bo_gaceta" if layout == "tabla" else "bo_gaceta_cards",
        source_kind="gazette", path=path, slug=norm_id, title=f"{tipo} N° {numero}",
        summary=sumario, paragraphs=tuple(_fill(p, day) for p in texto), published_on=day,
        extra={"layout": layout, "tipo": tipo, "numero": numero, "edicion": edition_code(day),
               "pdf_only": "1" if is_pdf_only else ""})


def edition_code(day: date) -> str:
    """An edition code like the real gazette's ``2061NEC``; grows with the date."""
    return f"{(day.toordinal() - 735000) % 10000:04d}NEC"


def _generic_norm_text(tipo: str, sumario: str) -> list[str]:
    objeto = sumario[0].lower() + sumario[1:] if sumario else ""
    if tipo == "Ley":
        return ["LA ASAMBLEA LEGISLATIVA PLURINACIONAL, DECRETA:",
                f"ARTÍCULO 1.- (OBJETO). La presente Ley {objeto}",
                "Remítase al Órgano Ejecutivo para fines constitucionales."]
    if tipo == "Decreto Supremo":
        return ["EN CONSEJO DE MINISTROS, DECRETA:",
                f"ARTÍCULO 1.- (OBJETO). El presente Decreto Supremo {objeto}",
                "Los señores Ministros de Estado en sus respectivos despachos quedan encargados "
                "de la ejecución y cumplimiento del presente Decreto Supremo."]
    return [f"PRIMERO.- {sumario}", "Regístrese, comuníquese y archívese."]
