"""Plain records for the digest tests (no database): one week in June 2026.

Layer: tests. ``records()`` returns keyword arguments for ``build_digest``; override any.
The members-only demand carries MEMBERS_MARKER; the scraped evidence carries SCRIPT.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from storage.records import (
    DemandRecord,
    EvidenceRecord,
    ProblemRecord,
    SourceHealthRecord,
    StatusChangeRecord,
)

NOW = datetime(2026, 6, 22, 7, 0, tzinfo=UTC)  # Monday after ISO week 25
WEEK = (2026, 25)
SITE = "https://veeduria.example.org"
MEMBERS_MARKER = "ZQX-MIEMBROS-7731"
SCRIPT = "<script>alert('xss')</script>"


def demand(id: str, **overrides: Any) -> DemandRecord:
    values: dict[str, Any] = {
        "id": id, "country": "BO", "kind": "structural", "is_law": False,
        "visibility": "public",
        "titles": {"es": f"Demanda {id}", "pt": f"Demanda {id} (pt)", "en": f"Demand {id}"},
        "descriptions": {}, "target": "Ministerio", "made_on": date(2025, 1, 1),
        "target_date": None, "response": "no_response", "status": "pending",
        "status_since": date(2026, 6, 1)}
    return DemandRecord(**{**values, **overrides})


def change(id: int, demand_id: str, **overrides: Any) -> StatusChangeRecord:
    values: dict[str, Any] = {
        "id": id, "demand_id": demand_id, "from_status": "pending", "to_status": "in_progress",
        "act_date": date(2026, 6, 16), "changed_at": datetime(2026, 6, 18, 15, tzinfo=UTC),
        "evidence_id": id, "editor": "editora", "note": None,
        "url": f"https://gaceta.example/normas/{id}"}
    return StatusChangeRecord(**{**values, **overrides})


def proposal(id: int, demand_id: str, **overrides: Any) -> EvidenceRecord:
    values: dict[str, Any] = {
        "id": id, "demand_id": demand_id, "document_id": id, "rule_id": f"{demand_id}/r",
        "proposed_status": "fulfilled", "event_codes": ("registro_creado",),
        "excerpt": f"Se crea el registro {SCRIPT}", "highlights": ((7, 11),),
        "source_id": "bo_gaceta", "source_kind": "gazette",
        "url": f"https://gaceta.example/normas/{id}", "title": f"Decreto {SCRIPT}",
        "act_date": date(2026, 6, 17), "found_at": datetime(2026, 6, 19, tzinfo=UTC),
        "state": "proposed"}
    return EvidenceRecord(**{**values, **overrides})


def source(id: str, **overrides: Any) -> SourceHealthRecord:
    values: dict[str, Any] = {
        "id": id, "name": f"Fuente {id}", "country": "BO", "kind": "gazette",
        "last_attempt_at": datetime(2026, 6, 21, tzinfo=UTC),
        "last_success_at": datetime(2026, 6, 21, tzinfo=UTC), "consecutive_failures": 0,
        "last_error_kind": None, "last_error": None, "documents_total": 40,
        "last_document_at": datetime(2026, 6, 20, tzinfo=UTC), "state": "ok"}
    return SourceHealthRecord(**{**values, **overrides})


def records(**overrides: Any) -> dict[str, Any]:
    """A week with one change, one proposal, one failing source and a members-only demand."""
    demands = [
        demand("bo-ley", is_law=True, titles={"es": f"Ley {SCRIPT}", "pt": "Lei", "en": "Law"}),
        demand("bo-trata", response="claims_done", target_date=date(2021, 12, 31)),
        demand("ar-quieta", country="AR", status_since=date(2025, 1, 1)),
        demand("py-secreto", country="PY", visibility="members",
               titles={"es": MEMBERS_MARKER, "pt": MEMBERS_MARKER, "en": MEMBERS_MARKER}),
    ]
    values: dict[str, Any] = {
        "week": WEEK, "language": "es", "demands": demands,
        "changes": [change(1, "bo-ley"), change(2, "py-secreto")],
        "awaiting": {"bo-trata": 2, "ar-quieta": 1, "py-secreto": 1},  # at the week's end
        "proposals": [proposal(10, "bo-trata"), proposal(11, "py-secreto")],
        "health": [source("bo_gaceta"),
                   source("bo_policia", state="failing", consecutive_failures=4,
                          last_error_kind="timeout")],
        "problems": [ProblemRecord(where="rules/demands/bo.yaml:14",
                                   message="unknown key 'estatus'", seen_at=NOW)],
        "now": NOW, "no_news_days": 90, "site_url": SITE}
    return {**values, **overrides}
