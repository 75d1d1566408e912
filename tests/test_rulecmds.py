"""``veeduria rules check|test`` and the last-good-version rule for broken files."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.loading import load_folder
from monitor.settings import BUNDLED_RULES_DIR, read_settings

GOOD_DEMAND = textwrap.dedent("""\
    demands:
      - id: xx-ley-prueba
        country: BO
        kind: structural
        is_law: true
        visibility: public
        made_on: 2024-01-10
        title: {es: Ley de prueba, pt: Lei de teste, en: Test law}
        rules:
          - id: promulgada
            proposes: fulfilled
            events: [promulgacion]
            source_kinds: [gazette]
            all: ["ley de prueba", "promulg*"]
    """)


@pytest.fixture
def rules_dir(tmp_path, monkeypatch, database_url):
    folder = tmp_path / "rules"
    shutil.copytree(BUNDLED_RULES_DIR / "sources", folder / "sources")
    (folder / "demands").mkdir()
    (folder / "demands" / "prueba.yaml").write_text(GOOD_DEMAND, encoding="utf-8")
    monkeypatch.setenv("VEEDURIA_RULES_DIR", str(folder))
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", database_url)
    return folder


def test_bundled_rules_check_clean(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path))
    assert main(["rules", "check"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_typo_in_rule_file_exits_2_with_file_line_and_allowed_keys(rules_dir, capsys):
    path = rules_dir / "demands" / "prueba.yaml"
    path.write_text(GOOD_DEMAND.replace("    visibility: public", "    visibilty: public"),
                    encoding="utf-8")
    assert main(["rules", "check"]) == 2
    err = capsys.readouterr().err
    assert f"veeduria: {path}:6: unknown key 'visibilty' in demand xx-ley-prueba; allowed: " \
        in err
    assert "visibility" in err.split("allowed:", 1)[1]
    assert "Traceback" not in err


def test_check_of_one_file_names_unknown_source_ids(rules_dir, capsys, tmp_path):
    other = tmp_path / "otra.yaml"
    other.write_text(GOOD_DEMAND.replace("source_kinds: [gazette]", "sources: [no_existe]")
                     .replace("xx-ley-prueba", "xx-otra"), encoding="utf-8")
    assert main(["rules", "check", str(other)]) == 2
    assert "no_existe" in capsys.readouterr().err



def test_check_warns_of_a_phrase_listed_twice_and_still_loads_the_rule(rules_dir, capsys):
    path = rules_dir / "demands" / "prueba.yaml"
    path.write_text(GOOD_DEMAND.replace(
        '        all: ["ley de prueba", "promulg*"]',
        '        all: ["ley de prueba", "ley de prueba", ["promulg*", "Promulg*"]]\n'
        '        any: ["publicó", "@publicada", "fue publicada", "Publicó"]\n'
        '        none: ["vetó", "vetó"]') + textwrap.dedent("""\
        terms:
          publicada: ["publicada", "publicação",
                      "Publicação"]
        """), encoding="utf-8")
    assert main(["rules", "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    what = "rule promulgada of demand xx-ley-prueba"
    same = "the same phrase as {!r} (case, accents and hyphens aside)"
    assert lines == [  # not the two all: items: each needs an occurrence of its own
        f"{path}:14: warning: {what}: all: 'Promulg*' is {same.format('promulg*')}, in the "
        "same list; the second one adds nothing",
        f"{path}:15: warning: {what}: any: 'Publicó' is {same.format('publicó')}, in the "
        "same list; the second one adds nothing",
        f"{path}:16: warning: {what}: none: 'vetó' is listed twice, in the same list; the "
        "second one adds nothing",
        f"{path}:19: warning: terms: publicada: 'Publicação' is {same.format('publicação')}, "
        "also on line 18; the second one adds nothing",
        "ok: 2 file(s) checked: 1 of sources, 1 of demands; 1 demand(s), 1 rule(s); "
        "4 warning(s)"]
    loaded = load_folder(read_settings(), variables={})
    assert [r.id for r in loaded.rulebook.rules] == ["xx-ley-prueba/promulgada"]


def test_check_warns_of_a_phrase_holding_a_time_adverbial(rules_dir, capsys):
    path = rules_dir / "demands" / "prueba.yaml"
    path.write_text(GOOD_DEMAND.replace('        all: ["ley de prueba", "promulg*"]',
                                        '        all: ["ley de prueba", "promulgada hoy"]'),
                    encoding="utf-8")
    assert main(["rules", "check"]) == 0
    out = capsys.readouterr().out
    assert f"{path}:14: warning: rule promulgada of demand xx-ley-prueba: phrase " \
        "'promulgada hoy' holds a time adverbial, so no rule skips time adverbials" in out


def test_broken_file_keeps_last_good_version_running(rules_dir):
    settings = read_settings()
    first = load_folder(settings, variables={})
    assert [d.id for d in first.rulebook.demands] == ["xx-ley-prueba"]
    path = rules_dir / "demands" / "prueba.yaml"
    path.write_text(GOOD_DEMAND.replace("proposes: fulfilled", "proposes: aprobada"),
                    encoding="utf-8")
    second = load_folder(read_settings(), variables={})
    assert [d.id for d in second.rulebook.demands] == ["xx-ley-prueba"]
    assert any("aprobada" in str(e) and e.path == str(path) for e in second.errors)


def test_broken_file_without_a_good_version_loads_nothing_but_others_load(rules_dir):
    (rules_dir / "demands" / "rota.yaml").write_text("demands:\n  - id: [\n", encoding="utf-8")
    loaded = load_folder(read_settings(), variables={})
    assert [d.id for d in loaded.rulebook.demands] == ["xx-ley-prueba"]
    assert any(Path(e.path).name == "rota.yaml" for e in loaded.errors)


def test_rules_test_writes_nothing_and_reports(rules_dir, capsys):
    assert main(["db", "upgrade"]) == 0
    assert main(["rules", "test", "--since", "2024-01-01"]) == 0
    assert "0 documents, 1 rules, 0 matches" in capsys.readouterr().out


def test_rules_test_bad_since_exits_2(rules_dir, capsys):
    assert main(["rules", "test", "--since", "ayer"]) == 2
    assert "bad --since 'ayer'" in capsys.readouterr().err


def test_rules_test_since_counts_the_publication_date(rules_dir, capsys, database_url):
    from datetime import date

    from storage import Store
    from storage.db import upgrade
    from storage.inputs import DocumentIn, SourceRow

    upgrade(database_url)
    with Store.open(database_url) as store:
        store.sync_sources([SourceRow(id="bo_gaceta", name="G", country="BO", kind="gazette",
                                      language="es")])
        for n, day in enumerate((date(2024, 3, 1), date(2026, 3, 1), None)):
            text = f"Nota {n}: se promulga la ley de prueba."
            store.store_document(DocumentIn(
                source_id="bo_gaceta", url=f"http://127.0.0.1/n/{n}", title=f"Nota {n}",
                text=text, content_hash=f"h{n}", content_type="text/html", raw=text.encode(),
                published_on=day))
    assert main(["rules", "test", "--since", "2025-01-01"]) == 0
    assert "2 documents, 1 rules, 2 matches" in capsys.readouterr().out


def test_rules_try_explains_a_typed_text(rules_dir, capsys):
    text = "La Gaceta publicó la ley de prueba, que el Presidente promulgó el lunes."
    assert main(["rules", "try", "--text", text]) == 0
    out = capsys.readouterr().out
    assert "xx-ley-prueba/promulgada (fulfilled): proposes fulfilled" in out
    assert "all 2: 'promulg*' … de prueba, que el Presidente «promulgó» el lunes.… -> counts" in out


def test_rules_try_says_why_a_plan_does_not_count(rules_dir, capsys, tmp_path):
    sample = tmp_path / "muestra.txt"
    sample.write_text("El Ministro anunció que se promulgará la ley de prueba.", encoding="utf-8")
    assert main(["rules", "try", "--file", str(sample), "--kind", "news"]) == 0
    out = capsys.readouterr().out
    assert "xx-ley-prueba/promulgada (fulfilled): no match: the document is outside" in out
    assert main(["rules", "try", "--file", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "no match: nothing counts for all 1, all 2" in out
    assert "a plan, request or future (hedging cue)" in out


def test_rules_try_needs_exactly_one_text_and_reads_utf8_only(rules_dir, capsys, tmp_path):
    assert main(["rules", "try"]) == 2
    sample = tmp_path / "latin1.txt"
    sample.write_bytes("promulgó la ley de prueba".encode("latin-1"))
    assert main(["rules", "try", "--file", str(sample)]) == 2
    assert "cannot read it as UTF-8 text" in capsys.readouterr().err


def test_rules_test_scores_the_rule_on_the_editors_decisions(rules_dir, capsys, database_url,
                                                             monkeypatch):
    from datetime import date

    from monitor.loading import sync_folder
    from storage import Store
    from storage.db import upgrade
    from storage.inputs import DocumentIn, EvidenceIn

    upgrade(database_url)
    texts = ("Se promulga la ley de prueba.", "Promulgada la ley de prueba, dice un rumor.",
             "La ley de prueba rige desde hoy.")
    with Store.open(database_url) as store:
        sync_folder(store, load_folder(read_settings(), variables={}), run_id=None)
        ids = [store.store_document(DocumentIn(
            source_id="bo_gaceta", url=f"http://127.0.0.1/n/{n}", title=f"Nota {n}", text=text,
            content_hash=f"h{n}", content_type="text/html", raw=text.encode(),
            published_on=date(2024, 3, 1))).id for n, text in enumerate(texts)]
        evidence = [store.add_evidence(EvidenceIn(
            demand_id="xx-ley-prueba", document_id=doc_id, rule_id="xx-ley-prueba/promulgada",
            proposed_status="fulfilled", event_codes=("promulgacion",), excerpt=texts[n],
            url=f"http://127.0.0.1/n/{n}", act_date=date(2024, 3, 1)))[0]
            for n, doc_id in enumerate(ids)]
        store.confirm(evidence[0], editor="ana")
        store.reject(evidence[1], editor="ana", why="un rumor no es la Gaceta")
        store.confirm(evidence[2], editor="ana", status="fulfilled")
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps at the terminal's width
    assert main(["rules", "test"]) == 0
    out = capsys.readouterr().out
    assert "xx-ley-prueba/promulgada: 2 matches (on documents editors reviewed: 1 agree with " \
        "editors, 1 rejected by editors)" in out
    assert f"doc {ids[1]} [2024-03-01] xx-ley-prueba/promulgada -> fulfilled (promulgacion) " \
        "[rejected by editors]" in out
    assert f"Confirmed by editors but proposed by no rule: 1\n  doc {ids[2]} xx-ley-prueba " \
        "(confirmed as fulfilled)" in out


def _store_notes(database_url, texts):
    from storage import Store
    from storage.db import upgrade
    from storage.inputs import DocumentIn, SourceRow

    upgrade(database_url)
    with Store.open(database_url) as store:
        store.sync_sources([SourceRow(id="bo_gaceta", name="G", country="BO", kind="gazette",
                                      language="es")])
        for n, text in enumerate(texts):
            store.store_document(DocumentIn(
                source_id="bo_gaceta", url=f"http://127.0.0.1/w/{n}", title=f"Nota {n}",
                text=text, content_hash=f"w{n}", content_type="text/html", raw=text.encode()))


def test_rules_words_lists_what_each_star_reaches_in_stored_documents(rules_dir, capsys,
                                                                      database_url):
    _store_notes(database_url, [
        "La iniciativa de la Defensoría: el Ministerio inició el tamizaje.",
        "Otra iniciativa. Se promulgó la ley de prueba y fue promulgada ayer.",
    ])
    assert main(["rules", "words", "--phrase", "inici*"]) == 0
    out = capsys.readouterr().out
    assert "2 stored document(s)" in out
    assert "inici*: iniciativa (2), inició (1)" in out
    # without --phrase: every '*' phrase of the rules
    assert main(["rules", "words", "--top", "1"]) == 0
    assert "promulg*: promulgó (1), and 1 more" in capsys.readouterr().out


def test_rules_words_rejects_a_phrase_that_cannot_match(rules_dir, capsys):
    assert main(["rules", "words", "--phrase", "ab*"]) == 2
    assert "shorter than" in capsys.readouterr().err
