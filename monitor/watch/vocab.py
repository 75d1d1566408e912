"""The watch-rule vocabulary: statuses, responses, demand kinds and event codes.

Layer: monitor. Pure constants, no I/O, no settings. Statuses and responses are storage's
(``storage.records``); event labels are the digest catalogs'; docs/rules.md lists them for
editors.
Cases: tests/watch/test_watch_vocab.py.
"""

from __future__ import annotations

from spiders.specs import OFFICIAL_KINDS, SOURCE_KINDS
from storage.records import NOTE, RESPONSES, STATUSES

DEMAND_KINDS = ("structural", "case")
VISIBILITIES = ("public", "members")
LANGUAGES = ("es", "pt", "en")
FIELDS = ("title", "text")
CUE_MODES = ("exclude", "allow")
# ``proposes: note`` records the match as a note (corroboration) and proposes no status.
PROPOSALS = (*STATUSES, NOTE)

# The event codes (docs/domain.md, "Evidence events"). Their es/pt/en labels live in one
# place, the digest catalogs (digests/locale/*/LC_MESSAGES, context "event").
EVENT_CODES = (
    "demanda_publicada", "respuesta_oficial", "anuncio", "proyecto_presentado", "comision",
    "comision_favorable", "comision_desfavorable", "aprobacion_camara", "rechazo_camara",
    "promulgacion", "veto", "publicacion_oficial", "reglamentacion", "protocolo_activado",
    "directriz_emitida", "registro_creado", "presupuesto", "capacitacion",
    "investigacion_abierta", "imputacion", "sentencia", "defensoria", "fallo_judicial",
    "examen_internacional", "retroceso", "derogacion", "retiro", "nota_prensa",
)

# Events that on their own never show a demand met (domain.md: "never fulfilled alone").
NEVER_FULFILLED_ALONE = frozenset({
    "anuncio", "capacitacion", "nota_prensa", "examen_internacional", "proyecto_presentado",
    "comision", "comision_favorable", "aprobacion_camara", "investigacion_abierta",
    "demanda_publicada", "respuesta_oficial",
})
# What a news match of a rule proposing ``fulfilled`` is recorded as (see docs/rules.md).
CORROBORATION_EVENT = "nota_prensa"

__all__ = [
    "CORROBORATION_EVENT", "CUE_MODES", "DEMAND_KINDS", "EVENT_CODES", "FIELDS",
    "LANGUAGES", "NEVER_FULFILLED_ALONE", "NOTE", "OFFICIAL_KINDS", "PROPOSALS", "RESPONSES",
    "SOURCE_KINDS", "STATUSES", "VISIBILITIES",
]
