"""Builders of storage inputs for the storage tests (defaults model a Bolivian gazette).

Layer: tests. Each builder takes overrides as keyword arguments.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

from storage import DemandIn, DocumentIn, EvidenceIn, FetchRow, SourceRow, Store

GAZETTE = SourceRow(id="bo_gaceta", name="Gaceta Oficial de Bolivia", country="BO",
                    kind="gazette", language="es")
POLICE = SourceRow(id="bo_policia", name="Policía Boliviana", country="BO", kind="police",
                   language="es")
NEWS_BR = SourceRow(id="br_noticias", name="Notícias do Brasil", country="BR", kind="news",
                    language="pt")


def source(**overrides: Any) -> SourceRow:
    values = {**GAZETTE.__dict__, **overrides}
    return SourceRow(**values)


def fetch(**overrides: Any) -> FetchRow:
    values: dict[str, Any] = {
        "source_id": "bo_gaceta", "url": "https://gaceta.example/normas/listadonor/10",
        "started_at": datetime(2026, 3, 2, 12, 0, tzinfo=UTC), "duration_ms": 120,
        "status": 200, "bytes": 2048}
    return FetchRow(**{**values, **overrides})


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document(**overrides: Any) -> DocumentIn:
    text = overrides.pop("text", "Decreto Supremo N° 5637: se aprueba el protocolo de atención.")
    values: dict[str, Any] = {
        "source_id": "bo_gaceta", "url": "https://gaceta.example/normas/verGratis_gob/5637",
        "title": "Decreto Supremo N° 5637", "text": text, "content_hash": text_hash(text),
        "content_type": "text/html", "raw": f"<html><body><p>{text}</p></body></html>".encode(),
        "published_on": date(2026, 2, 20), "language": "es", "external_id": "5637"}
    return DocumentIn(**{**values, **overrides})


def demand(**overrides: Any) -> DemandIn:
    values: dict[str, Any] = {
        "id": "bo-protocolo-policia", "country": "BO", "kind": "structural", "is_law": False,
        "visibility": "public",
        "titles": {"es": "Protocolo policial", "pt": "Protocolo policial",
                   "en": "Police protocol"},
        "descriptions": {"es": "Adoptar un protocolo de actuación policial.",
                         "pt": "Adotar um protocolo de atuação policial.",
                         "en": "Adopt a police action protocol."},
        "target": "Ministerio de Gobierno", "made_on": date(2025, 11, 24),
        "target_date": date(2026, 12, 31), "response": "no_response", "status": "pending",
        "source_url": "https://red.example/demandas/1"}
    return DemandIn(**{**values, **overrides})


MEMBERS_DEMAND = demand(id="bo-caso-reservado", kind="case", visibility="members",
                        titles={"es": "Caso reservado", "pt": "Caso reservado",
                                "en": "Reserved case"})


def evidence(document_id: int, **overrides: Any) -> EvidenceIn:
    values: dict[str, Any] = {
        "demand_id": "bo-protocolo-policia", "document_id": document_id,
        "rule_id": "bo-protocolo-publicado", "proposed_status": "fulfilled",
        "event_codes": ("publicacion_oficial",),
        "excerpt": "se aprueba el protocolo de atención", "highlights": ((3, 10), (14, 23)),
        "act_date": date(2026, 2, 20),
        "url": "https://gaceta.example/normas/verGratis_gob/5637"}
    return EvidenceIn(**{**values, **overrides})


def seed_world(store: Store) -> tuple[int, int]:
    """Sources, a public and a members-only demand, one document; return (doc id, doc2 id)."""
    store.sync_sources([GAZETTE, POLICE, NEWS_BR])
    store.sync_demands([demand(), MEMBERS_DEMAND])
    first = store.store_document(document()).id
    second = store.store_document(document(
        url="https://gaceta.example/normas/verGratis_gob/5700", text="Resolución 5700: caso.",
        external_id="5700")).id
    return first, second
