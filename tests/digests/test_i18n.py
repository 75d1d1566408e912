"""Catalogs: every msgid translated in es, pt and en; every slug and every used string present."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from digests.flags import FLAGS, STAGES
from digests.health import COVERAGE, SOURCE_STATES
from digests.i18n import (
    LANGUAGES,
    catalog_path,
    country_name,
    date_text,
    event_label,
    label,
    negotiate,
)
from monitor.web.auth import ROLES
from storage.records import RESPONSES, STATUSES

ROOT = Path(__file__).resolve().parents[2]
EVENT_CODES = ("demanda_publicada", "respuesta_oficial", "anuncio", "proyecto_presentado",
               "comision", "aprobacion_camara", "rechazo_camara", "promulgacion", "veto",
               "publicacion_oficial", "reglamentacion", "protocolo_activado",
               "directriz_emitida", "registro_creado", "presupuesto", "capacitacion",
               "investigacion_abierta", "imputacion", "sentencia", "defensoria",
               "fallo_judicial", "examen_internacional", "retroceso", "retiro", "nota_prensa")
SLUGS = {"status": STATUSES, "response": RESPONSES, "event": EVENT_CODES, "flag": FLAGS,
         "stage": STAGES, "source_state": SOURCE_STATES, "coverage": COVERAGE, "role": ROLES,
         "kind": ("structural", "case")}


def catalog(language):
    with catalog_path(language).open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_msgid_has_a_translation(language):
    untranslated = [m.id for m in catalog(language) if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []


def test_the_three_catalogs_hold_the_same_msgids():
    keys = [{(m.context, m.id) for m in catalog(language) if m.id} for language in LANGUAGES]
    assert keys[0] == keys[1] == keys[2]


@pytest.mark.parametrize("context", sorted(SLUGS))
def test_every_slug_is_in_the_catalog(context):
    keys = {(m.context, m.id) for m in catalog("es")}
    assert [s for s in SLUGS[context] if (context, s) not in keys] == []


def test_every_string_in_code_and_templates_is_in_the_catalog():
    keys = {m.id for m in catalog("es")}
    method_map = [("**.py", "python"), ("templates/**.j2", "jinja2")]
    options = {"templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
    missing = []
    for folder in ("digests", "monitor/web"):
        for name, line, message, _, _ in extract_from_dir(ROOT / folder, method_map=method_map,
                                                          options_map=options):
            if message not in keys:
                missing.append(f"{folder}/{name}:{line}: {message}")
    assert missing == []


def test_domain_labels_match_domain_notes():
    assert label("status", "in_progress", language="es") == "En curso"
    assert label("status", "partial", language="pt") == "Cumprimento parcial"
    assert label("response", "claims_done", language="en") == "State claims it is done"
    assert label("event", "aprobacion_camara", language="es") == "Aprobado en cámara"


def test_qualified_event_codes_join_both_labels():
    assert event_label("comision:desfavorable", language="es") == \
        "Dictamen de comisión (desfavorable)"


def test_dates_and_countries_are_localised():
    day = date(2026, 6, 20)
    assert date_text(day, language="es", form="long") == "20 de junio de 2026"
    assert date_text(day, language="pt", form="long") == "20 de junho de 2026"
    assert date_text(day, language="en", form="long") == "June 20, 2026"
    assert country_name("BR", language="pt") == "Brasil"


def test_accept_language_negotiation():
    assert negotiate("pt-BR,pt;q=0.9,en;q=0.8") == "pt"
    assert negotiate("fr, en;q=0.5, es;q=0.7") == "es"
    assert negotiate("fr") is None
    assert negotiate("es;q=0") is None


@pytest.mark.parametrize(("language", "one", "many"), [("es", "1 demanda", "2 demandas"),
                                                       ("pt", "1 demanda", "2 demandas"),
                                                       ("en", "1 demand", "2 demands")])
def test_counts_agree_in_number(language, one, many):
    from digests.i18n import translations

    plural = translations(language).ngettext
    assert plural("%(num)s demand", "%(num)s demands", 1) % {"num": 1} == one
    assert plural("%(num)s demand", "%(num)s demands", 2) % {"num": 2} == many
