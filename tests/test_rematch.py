"""A changed rule re-matches stored documents with only the rules that changed."""

from __future__ import annotations

import shutil
import textwrap
from datetime import UTC, date, datetime

import pytest

from monitor.cycle import MATCH_ONLY, run_cycle
from monitor.settings import BUNDLED_RULES_DIR, read_settings
from storage import Store
from storage.db import upgrade
from storage.inputs import DocumentIn, SourceRow

DEMAND = textwrap.dedent("""\
    demands:
      - id: xx-registro
        country: BO
        kind: structural
        visibility: public
        made_on: 2024-01-10
        title: {es: Registro de casos, pt: Registro de casos, en: Case registry}
        rules:
          - id: creado
            proposes: fulfilled
            events: [registro_creado]
            source_kinds: [gazette]
            all: ["registro", "trata"]
          - id: anunciado
            proposes: in_progress
            events: [anuncio]
            source_kinds: [gazette]
            all: ["PALABRA"]
    """)


@pytest.fixture
def folder(tmp_path, database_url):
    rules = tmp_path / "rules"
    shutil.copytree(BUNDLED_RULES_DIR / "sources", rules / "sources")
    (rules / "demands").mkdir()
    (rules / "demands" / "registro.yaml").write_text(DEMAND.replace("PALABRA", "piloto"),
                                                     encoding="utf-8")
    settings = read_settings(environ={"VEEDURIA_DATA_DIR": str(tmp_path / "data"),
                                      "VEEDURIA_DATABASE_URL": database_url,
                                      "VEEDURIA_RULES_DIR": str(rules)})
    upgrade(database_url)
    with Store.open(database_url) as store:
        store.sync_sources([SourceRow(id="bo_gaceta", name="Gaceta", country="BO",
                                      kind="gazette", language="es")])
        text = "Decreto Supremo que crea el registro nacional de casos de trata. Plan piloto."
        store.store_document(DocumentIn(
            source_id="bo_gaceta", url="http://127.0.0.1/n/1", title="Decreto", text=text,
            content_hash="h1", content_type="text/html", raw=text.encode(),
            published_on=date(2026, 11, 20), language="es",
            seen_at=datetime(2026, 11, 20, tzinfo=UTC)))
    return settings, rules


def test_editing_one_rule_rematches_with_that_rule_only(folder, monkeypatch):
    settings, rules = folder
    first = run_cycle(settings, steps=MATCH_ONLY)
    assert first.match.proposals_new == 1  # one status per demand per document
    tried: list[object] = []
    import monitor.matching as matching

    real = matching.match_document

    def spy(rulebook, doc, *, now, only_rules=None):
        tried.append(only_rules)
        return real(rulebook, doc, now=now, only_rules=only_rules)

    monkeypatch.setattr(matching, "match_document", spy)
    (rules / "demands" / "registro.yaml").write_text(DEMAND.replace("PALABRA", "plan piloto"),
                                                     encoding="utf-8")
    second = run_cycle(settings, steps=MATCH_ONLY)
    assert tried == [{"xx-registro/anunciado"}]
    assert second.match.documents == 1 and second.match.proposals_new == 0


def test_unchanged_rules_match_nothing_again(folder):
    settings, _ = folder
    run_cycle(settings, steps=MATCH_ONLY)
    assert run_cycle(settings, steps=MATCH_ONLY).match.documents == 0
