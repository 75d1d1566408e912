"""Loader validation: one fixture file per problem, expectations in its header."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from monitor.watch import load_rulebook
from monitor.watch.loader import load_demand_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "watch"
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"^# Expect-error: (\d+): (.*)$")
SOURCES = {"bo_gaceta", "bo_policia"}


def expected_errors(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(int(m.group(1)), m.group(2)) for m in map(EXPECT.match, lines) if m]


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_reports_every_problem_with_its_line(path):
    demands, errors, _ = load_demand_file(path, source_ids=SOURCES)
    assert demands == []
    assert sorted((e.line, e.message) for e in errors) == sorted(expected_errors(path))
    assert all(str(e).startswith(f"{path}:{e.line}: ") for e in errors)


def test_every_invalid_fixture_states_its_errors():
    assert INVALID and all(expected_errors(p) for p in INVALID)


def test_broken_file_does_not_stop_the_others(tmp_path):
    shutil.copy(FIXTURES / "valid" / "bo_demo.yaml", tmp_path / "a_good.yaml")
    shutil.copy(FIXTURES / "invalid" / "yaml_tab.yaml", tmp_path / "b_tab.yaml")
    shutil.copy(FIXTURES / "invalid" / "unknown_vocab.yaml", tmp_path / "c_vocab.yaml")
    rulebook = load_rulebook(tmp_path)
    assert [d.id for d in rulebook.demands] == ["bo-demo-proteccion", "bo-demo-ley"]
    assert {Path(e.path).name for e in rulebook.errors} == {"b_tab.yaml", "c_vocab.yaml"}


def test_valid_file_loads_typed_demands_and_compiled_rules():
    rulebook = load_rulebook(FIXTURES / "valid" / "bo_demo.yaml")
    assert rulebook.errors == []
    demand = rulebook.demand("bo-demo-proteccion")
    assert demand is not None and demand.is_members_only and demand.kind == "case"
    assert demand.titles["es"].startswith("Activar") and str(demand.made_on) == "2021-08-25"
    rule = rulebook.rule("bo-demo-proteccion/protocolo-activado")
    assert rule is not None and rule.proposes == "fulfilled" and rule.line == 13
    assert rule.countries == frozenset({"BO"})


def test_duplicate_demand_ids_across_files_are_errors(tmp_path):
    shutil.copy(FIXTURES / "valid" / "bo_demo.yaml", tmp_path / "a.yaml")
    shutil.copy(FIXTURES / "valid" / "bo_demo.yaml", tmp_path / "b.yaml")
    rulebook = load_rulebook(tmp_path)
    assert len(rulebook.demands) == 2
    messages = [str(e) for e in rulebook.errors]
    assert len(messages) == 2 and all("duplicate demand id" in m for m in messages)
    assert all(m.startswith(str(tmp_path / "b.yaml")) for m in messages)


def test_file_over_one_mebibyte_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * (1024 * 1024) + "\ndemands: []\n", encoding="utf-8")
    rulebook = load_rulebook(tmp_path)
    assert rulebook.demands == () and "limit is 1048576" in str(rulebook.errors[0])


def test_hash_is_stable_and_changes_with_a_rule(tmp_path):
    source = (FIXTURES / "valid" / "bo_demo.yaml").read_text(encoding="utf-8")
    (tmp_path / "d.yaml").write_text(source, encoding="utf-8")
    first, again = load_rulebook(tmp_path), load_rulebook(tmp_path)
    assert first.hash == again.hash and first.rule_hashes == again.rule_hashes
    (tmp_path / "d.yaml").write_text(source.replace('"activ*"', '"aplic*"'), encoding="utf-8")
    changed = load_rulebook(tmp_path)
    assert changed.hash != first.hash
    differing = {k for k in first.rule_hashes if first.rule_hashes[k] != changed.rule_hashes[k]}
    assert differing == {"bo-demo-proteccion/protocolo-activado"}


def test_missing_folder_is_an_error(tmp_path):
    rulebook = load_rulebook(tmp_path / "nope")
    assert rulebook.demands == () and "no such demands folder" in str(rulebook.errors[0])


def test_duplicate_demand_id_points_at_the_duplicate_line():
    path = FIXTURES / "other" / "duplicate_demand_ids.yaml"
    demands, errors, _ = load_demand_file(path)
    assert demands == []
    assert [str(e) for e in errors] == [
        f"{path}:19: duplicate demand id 'bo-demo' (already defined at {path}:4)"]


def test_a_skipped_file_is_logged_at_info_not_warning(tmp_path, caplog):
    shutil.copy(FIXTURES / "invalid" / "unknown_vocab.yaml", tmp_path / "bad.yaml")
    with caplog.at_level("INFO", logger="monitor.watch.loader"):
        rulebook = load_rulebook(tmp_path)
    assert rulebook.errors
    skipped = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert [r.levelname for r in skipped] == ["INFO"]
