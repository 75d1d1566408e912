"""A watched page that changes keeps dated versions; ``veeduria changes`` shows the diff."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from monitor.cli import main
from monitor.pagechanges import diff_excerpt
from storage import Store
from storage.db import upgrade
from storage.inputs import DocumentIn, SourceRow

OLD = ("La Defensoría del Pueblo presenta su informe anual. El protocolo de atención está en "
       "revisión. Contacto: 800-10-8004.")
NEW = ("La Defensoría del Pueblo presenta su informe anual. El protocolo de atención fue "
       "aprobado por Resolución 12/2026. Contacto: 800-10-8004.")


def page(text: str) -> DocumentIn:
    return DocumentIn(source_id="bo_defensoria", url="http://127.0.0.1/defensoria/informe",
                      title="Informe", text=text,
                      content_hash=hashlib.sha256(text.encode()).hexdigest(),
                      content_type="text/html", raw=text.encode(),
                      published_on=date(2026, 11, 20), language="es",
                      seen_at=datetime.now(UTC))


def test_diff_excerpt_shows_removed_and_added_sentences():
    assert diff_excerpt(OLD, NEW) == [
        "- El protocolo de atención está en revisión.",
        "+ El protocolo de atención fue aprobado por Resolución 12/2026."]


def test_long_diffs_are_cut_with_a_count():
    old = " ".join(f"Frase {n}." for n in range(30))
    new = " ".join(f"Oración {n}." for n in range(30))
    lines = diff_excerpt(old, new, max_lines=4)
    assert lines[-1] == "  … and 56 more changed sentence(s)"


def test_changes_command_lists_a_changed_page(monkeypatch, tmp_path, database_url, capsys):
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", database_url)
    upgrade(database_url)
    with Store.open(database_url) as store:
        store.sync_sources([SourceRow(id="bo_defensoria", name="Defensoría", country="BO",
                                      kind="ombudsman", language="es")])
        assert store.store_document(page(OLD)).outcome == "new"
        assert store.store_document(page(NEW)).outcome == "new_version"
    assert main(["changes", "bo_defensoria"]) == 0
    out = capsys.readouterr().out
    assert "bo_defensoria: Informe — version 2" in out
    assert "  + El protocolo de atención fue aprobado por Resolución 12/2026." in out
    assert main(["changes", "otra_fuente"]) == 0
    assert "No watched page changed in the last 7 days." in capsys.readouterr().out
