"""The watch-rule vocabulary: statuses, responses, demand kinds, event codes and their labels.

Layer: monitor. Pure constants, no I/O, no settings. The Spanish/Portuguese/English labels follow
docs/domain.md ("Evidence events"); docs/rules.md lists them for editors.
Cases: tests/watch/test_vocab.py.
"""

from __future__ import annotations

from spiders.specs import OFFICIAL_KINDS, SOURCE_KINDS

STATUSES = ("pending", "in_progress", "partial", "fulfilled", "setback", "closed")
RESPONSES = ("no_response", "accepted", "partly_accepted", "noted", "rejected", "claims_done")
DEMAND_KINDS = ("structural", "case")
VISIBILITIES = ("public", "members")
LANGUAGES = ("es", "pt", "en")
FIELDS = ("title", "text")
CUE_MODES = ("exclude", "allow")
# ``proposes: note`` records the match as a note (corroboration) and proposes no status.
NOTE = "note"
PROPOSALS = (*STATUSES, NOTE)

# Event code -> (es, pt, en) label.
EVENT_LABELS: dict[str, tuple[str, str, str]] = {
    "demanda_publicada": ("Demanda publicada", "Demanda publicada", "Demand published"),
    "respuesta_oficial": ("Respuesta oficial", "Resposta oficial", "Official response"),
    "anuncio": ("Anuncio oficial", "Anúncio oficial", "Official announcement"),
    "proyecto_presentado": ("Proyecto de ley presentado", "Projeto de lei apresentado",
                            "Bill filed"),
    "comision": ("Dictamen de comisión", "Parecer de comissão", "Committee report"),
    "comision_favorable": ("Dictamen de comisión favorable", "Parecer de comissão favorável",
                           "Favourable committee report"),
    "comision_desfavorable": ("Dictamen de comisión desfavorable",
                              "Parecer de comissão desfavorável", "Unfavourable committee report"),
    "aprobacion_camara": ("Aprobado en cámara", "Aprovado na câmara", "Passed a chamber"),
    "rechazo_camara": ("Rechazado en cámara", "Rejeitado na câmara", "Rejected by a chamber"),
    "promulgacion": ("Promulgado", "Promulgado", "Promulgated"),
    "veto": ("Vetado", "Vetado", "Vetoed"),
    "publicacion_oficial": ("Publicado en Gaceta/Boletín/Diário", "Publicado no Diário Oficial",
                            "Published in the gazette"),
    "reglamentacion": ("Reglamentación (decreto, resolución)", "Regulamentação (decreto, portaria)",
                       "Implementing regulation"),
    "protocolo_activado": ("Protocolo activado / aplicado", "Protocolo ativado / aplicado",
                           "Protocol activated / applied"),
    "directriz_emitida": ("Directriz / guía emitida", "Diretriz / guia emitida",
                          "Guideline issued"),
    "registro_creado": ("Base de datos / registro creado", "Base de dados / registro criado",
                        "Database / registry created"),
    "presupuesto": ("Presupuesto asignado", "Orçamento alocado", "Budget allocated"),
    "capacitacion": ("Capacitación realizada", "Capacitação realizada", "Training held"),
    "investigacion_abierta": ("Investigación abierta", "Investigação aberta",
                              "Investigation opened"),
    "imputacion": ("Imputación", "Denúncia / indiciamento", "Charges filed"),
    "sentencia": ("Sentencia", "Sentença", "Judgment"),
    "defensoria": ("Pronunciamiento de la Defensoría", "Pronunciamento da Defensoria",
                   "Ombudsman statement"),
    "fallo_judicial": ("Fallo judicial", "Decisão judicial", "Court ruling"),
    "examen_internacional": ("Examen internacional (EPU, CIDH, TIP)",
                             "Exame internacional (RPU, CIDH, TIP)",
                             "International review (UPR, IACHR, TIP)"),
    "retroceso": ("Retroceso (derogación, archivo)", "Retrocesso (revogação, arquivamento)",
                  "Setback (repeal, case archived)"),
    # A repeal the network asked for (a demand to repeal a law, decree or article): a
    # ``fulfilled`` event; an unwanted repeal of something demanded is ``retroceso``.
    "derogacion": ("Derogación", "Revogação", "Repeal"),
    "retiro": ("Retirada por la red", "Retirada pela rede", "Withdrawn by the network"),
    "nota_prensa": ("Nota de prensa", "Nota de imprensa", "Press report"),
}
EVENT_CODES = tuple(EVENT_LABELS)

# Events that on their own never show a demand met (domain.md: "never fulfilled alone").
NEVER_FULFILLED_ALONE = frozenset({
    "anuncio", "capacitacion", "nota_prensa", "examen_internacional", "proyecto_presentado",
    "comision", "comision_favorable", "aprobacion_camara", "investigacion_abierta",
    "demanda_publicada", "respuesta_oficial",
})
# What a news match of a rule proposing ``fulfilled`` is recorded as (see docs/rules.md).
CORROBORATION_EVENT = "nota_prensa"

__all__ = [
    "CORROBORATION_EVENT", "CUE_MODES", "DEMAND_KINDS", "EVENT_CODES", "EVENT_LABELS", "FIELDS",
    "LANGUAGES", "NEVER_FULFILLED_ALONE", "NOTE", "OFFICIAL_KINDS", "PROPOSALS", "RESPONSES",
    "SOURCE_KINDS", "STATUSES", "VISIBILITIES",
]
