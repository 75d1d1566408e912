"""A small seeded world for the status-page tests, inserted through Store methods only.

Layer: tests. ``seed_world(url)`` upgrades the schema and inserts:

* ``bo-ley-trabajo-sexual`` public law demand (BO): bill filed and passed chamber 1, both
  confirmed, so the stage bar shows 2 of 4 steps; status in_progress.
* ``bo-base-datos-trata`` public structural demand (BO): the State claims it is done, target
  date passed, one proposal awaiting review whose document title and excerpt carry a scraped
  ``<script>`` tag and highlight offsets.
* ``ar-protocolo-policial`` public case demand (AR): no evidence at all (no news).
* ``py-secreto`` a MEMBERS-ONLY demand in Paraguay whose title, target, excerpt, source and
  note carry the marker ``SECRET_MARKER``; it has a confirmed change and a proposal, so every
  page, feed, API and count would show it if the filter failed.
* users ``editora`` (editor), ``miembro`` (member), ``admin`` (admin); password ``PASSWORD``.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from argon2 import PasswordHasher

from storage import db
from storage.inputs import DemandIn, DocumentIn, EvidenceIn, FetchRow, SourceRow
from storage.store import Store

SECRET_MARKER = "ZQX-MIEMBROS-7731"
PASSWORD = "clave-de-prueba-1"
SCRIPT = "<script>alert('xss')</script>"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _titles(es: str, pt: str, en: str) -> dict[str, str]:
    return {"es": es, "pt": pt, "en": en}


DEMANDS = [
    DemandIn(id="bo-ley-trabajo-sexual", country="BO", kind="structural", is_law=True,
             visibility="public",
             titles=_titles("Ley de reconocimiento del trabajo sexual",
                            "Lei de reconhecimento do trabalho sexual",
                            "Law recognising sex work"),
             descriptions=_titles("Aprobar la ley.", "Aprovar a lei.", "Pass the law."),
             target="Asamblea Legislativa Plurinacional", made_on=date(2025, 3, 8),
             status="pending"),
    DemandIn(id="bo-base-datos-trata", country="BO", kind="structural", is_law=False,
             visibility="public",
             titles=_titles("Base de datos de casos de trata", "Base de dados de casos de tráfico",
                            "Database of trafficking cases"),
             descriptions=_titles("Crear la base.", "Criar a base.", "Create the database."),
             target="Ministerio de Justicia", made_on=date(2020, 6, 25),
             target_date=date(2021, 12, 31), response="claims_done", status="pending"),
    DemandIn(id="ar-protocolo-policial", country="AR", kind="case", is_law=False,
             visibility="public",
             titles=_titles("Protocolo policial de trato digno",
                            "Protocolo policial de trato digno",
                            "Police protocol of dignified treatment"),
             descriptions=_titles("", "", ""), target="Ministerio de Seguridad",
             made_on=date(2024, 1, 10), status="pending"),
    DemandIn(id="py-secreto", country="PY", kind="case", is_law=False, visibility="members",
             titles=_titles(f"Caso {SECRET_MARKER}", f"Caso {SECRET_MARKER}",
                            f"Case {SECRET_MARKER}"),
             descriptions=_titles(SECRET_MARKER, SECRET_MARKER, SECRET_MARKER),
             target=f"Fiscalía {SECRET_MARKER}", made_on=date(2025, 1, 5), status="pending",
             source_url=f"https://red.example/{SECRET_MARKER}"),
]

SOURCES = [
    SourceRow(id="bo_gaceta", name="Gaceta Oficial de Bolivia", country="BO", kind="gazette",
              language="es"),
    SourceRow(id="ar_boletin", name="Boletín Oficial", country="AR", kind="gazette",
              language="es"),
]


def document(store: Store, *, source_id: str, number: int, title: str, text: str) -> int:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    stored = store.store_document(DocumentIn(
        source_id=source_id, url=f"https://gaceta.example/normas/{number}", title=title,
        text=text, content_hash=digest, content_type="text/html", raw=text.encode("utf-8"),
        published_on=date(2026, 2, 20), language="es", external_id=str(number)))
    return stored.id


def evidence(store: Store, *, demand_id: str, document_id: int, rule: str, status: str,
             codes: tuple[str, ...], excerpt: str, url: str,
             highlights: tuple[tuple[int, int], ...] = ()) -> int:
    evidence_id, _ = store.add_evidence(EvidenceIn(
        demand_id=demand_id, document_id=document_id, rule_id=f"{demand_id}/{rule}",
        proposed_status=status, event_codes=codes, excerpt=excerpt, url=url,
        highlights=highlights, act_date=date(2026, 2, 20)))
    return evidence_id


def seed_law(store: Store) -> None:
    for number, code, rule in ((101, "proyecto_presentado", "filed"),
                               (102, "aprobacion_camara", "chamber")):
        doc = document(store, source_id="bo_gaceta", number=number, title=f"Ley {number}",
                       text=f"Proyecto de ley {number} sobre trabajo sexual")
        item = evidence(store, demand_id="bo-ley-trabajo-sexual", document_id=doc, rule=rule,
                        status="in_progress", codes=(code,), excerpt=f"Proyecto {number}",
                        url=f"https://gaceta.example/normas/{number}")
        store.confirm(item, editor="editora", note="ok")


def seed_scraped_proposal(store: Store) -> int:
    excerpt = f"Se crea el registro {SCRIPT} de casos de trata"
    start = excerpt.index("registro")
    doc = document(store, source_id="bo_gaceta", number=201, title=f"Decreto {SCRIPT}",
                   text=excerpt)
    return evidence(store, demand_id="bo-base-datos-trata", document_id=doc, rule="registro",
                    status="fulfilled", codes=("registro_creado", "publicacion_oficial"),
                    excerpt=excerpt, url="https://gaceta.example/normas/201",
                    highlights=((start, start + len("registro")), (excerpt.index("<script>"),
                                                                  excerpt.index("</script>"))))


def seed_secret(store: Store) -> None:
    doc = document(store, source_id="bo_gaceta", number=301, title=f"Resolución {SECRET_MARKER}",
                   text=f"Texto {SECRET_MARKER}")
    first = evidence(store, demand_id="py-secreto", document_id=doc, rule="a",
                     status="in_progress", codes=("investigacion_abierta",),
                     excerpt=f"Investigación {SECRET_MARKER}",
                     url=f"https://fiscalia.example/{SECRET_MARKER}")
    store.confirm(first, editor="editora", note=f"nota {SECRET_MARKER}")
    doc2 = document(store, source_id="bo_gaceta", number=302, title=f"Imputación {SECRET_MARKER}",
                    text=f"Imputación {SECRET_MARKER}")
    evidence(store, demand_id="py-secreto", document_id=doc2, rule="b", status="partial",
             codes=("imputacion",), excerpt=f"Imputación {SECRET_MARKER}",
             url=f"https://fiscalia.example/2/{SECRET_MARKER}")


def seed_world(url: str) -> dict[str, int]:
    """Create the schema and the world above; return ids tests need."""
    db.upgrade(url)
    with Store.open(url) as store:
        store.sync_sources(SOURCES)
        store.record_fetch(FetchRow(source_id="bo_gaceta", url="https://gaceta.example/",
                                    started_at=datetime.now(UTC), duration_ms=100, status=200))
        store.sync_demands(DEMANDS)
        seed_law(store)
        proposal = seed_scraped_proposal(store)
        seed_secret(store)
        for username, role in (("editora", "editor"), ("miembro", "member"),
                               ("admin", "admin")):
            store.add_user(username, FAST_HASHER.hash(PASSWORD), role)
    return {"proposal": proposal}
