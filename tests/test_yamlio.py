"""Reading editors' YAML: every problem is a RuleError "path:line: message" an editor can fix.

Layer: tests (checks monitor/yamlio.py). Each case writes its small file into tmp_path.
"""

from __future__ import annotations

import pytest
from ruamel.yaml.comments import CommentedSeq

from monitor.errors import RuleError
from monitor.yamlio import check_keys, expect_type, line_of, load_yaml, yaml_files


def write(tmp_path, text, name="reglas.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path, **kwargs) -> RuleError:
    with pytest.raises(RuleError) as caught:
        load_yaml(path, **kwargs)
    return caught.value


def test_accented_yaml_loads_with_line_numbers(tmp_path):
    path = write(tmp_path, "# demanda\nid: bo-protocolo\ntítulo: Protocolo de protección\n"
                           "reglas:\n  - fuente: bo_policia\n    palabras: [protocolo]\n")
    data = load_yaml(path)
    assert data["título"] == "Protocolo de protección"
    assert (line_of(data), line_of(data, "reglas"), line_of(data["reglas"], 0)) == (2, 4, 5)


def test_duplicate_key_is_reported_at_its_line(tmp_path):
    path = write(tmp_path, "id: bo-1\nstatus: pending\nnote: x\nstatus: fulfilled\n")
    error = load_error(path)
    assert (error.path, error.line) == (str(path), 4)
    assert str(error).startswith(f"{path}:4: YAML syntax: ")
    assert "duplicate key" in str(error) and "status" in str(error)


def test_tab_indentation_is_reported_with_a_hint(tmp_path):
    path = write(tmp_path, "demanda:\n  id: bo-1\n\tstatus: pending\n")
    error = load_error(path)
    assert error.line == 3
    assert "tabs are not allowed for indentation; use spaces" in str(error)


def test_syntax_error_points_at_the_broken_line(tmp_path):
    path = write(tmp_path, "id: bo-1\nwatch:\n  - source: bo_gaceta\n    match: [ley, \n"
                           "  - source: bo_policia\nstatus: [pending\n")
    error = load_error(path)
    assert error.line >= 4
    assert str(error) == f"{path}:{error.line}: {error.message}"
    assert "\n" not in error.message


def test_unclosed_quote_reports_a_line(tmp_path):
    path = write(tmp_path, 'id: bo-1\ntitle: "Protocolo de protección\nstatus: pending\n')
    error = load_error(path)
    assert error.line in (2, 3, 4)
    assert error.message.startswith("YAML syntax: ")


def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = write(tmp_path, "id: bo-1\n" + "# relleno\n" * 200)
    error = load_error(path, max_bytes=1000)
    assert (error.line, error.message) == (
        1, f"file is {path.stat().st_size} bytes; the limit is 1000 (split it into several "
           "files)")


def test_non_utf8_file_is_reported(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("título: Protección\n".encode("latin-1"))
    error = load_error(path)
    assert error.line == 1
    assert error.message.startswith("not UTF-8 text: invalid continuation byte at byte 1")


def test_missing_file_is_a_rule_error(tmp_path):
    error = load_error(tmp_path / "no-existe.yaml")
    assert "cannot read file: No such file or directory" in str(error)


def test_unknown_keys_list_the_allowed_keys_with_their_lines(tmp_path):
    data = load_yaml(write(tmp_path, "demand: bo-1\nestatus: pending\nsource: bo_gaceta\n"
                                     "windw: 30\n"))
    errors = check_keys(data, allowed=["demand", "match", "source", "status", "window"],
                        path="rules/bolivia.yaml", what="rule")
    assert [str(e) for e in errors] == [
        "rules/bolivia.yaml:2: unknown key 'estatus' in rule; allowed: demand, match, source, "
        "status, window",
        "rules/bolivia.yaml:4: unknown key 'windw' in rule; allowed: demand, match, source, "
        "status, window",
    ]


def test_missing_required_key_is_reported_at_the_mapping(tmp_path):
    data = load_yaml(write(tmp_path, "# cabecera\n\ndemand: bo-1\n"))
    errors = check_keys(data, allowed=["demand", "source"], required=["source"],
                        path="r.yaml", what="rule")
    assert [str(e) for e in errors] == ["r.yaml:3: rule is missing required key 'source'"]


def test_wrong_type_names_the_kind_in_plain_words(tmp_path):
    data = load_yaml(write(tmp_path, "id: bo-1\nkeywords: protocolo\nwindow: [1]\n"))
    error = expect_type(data, "keywords", CommentedSeq, path="r.yaml", what="rule bo-1")
    assert str(error) == "r.yaml:2: rule bo-1: keywords must be list, got str 'protocolo'"
    error = expect_type(data, "window", int, path="r.yaml", what="rule bo-1")
    assert str(error) == "r.yaml:3: rule bo-1: window must be whole number, got a list"
    assert expect_type(data, "id", str, path="r.yaml", what="rule bo-1") is None


def test_yaml_files_are_sorted_and_skip_hidden_ones(tmp_path):
    for name in ("b.yaml", "a.yml", ".oculto.yaml", "notas.txt"):
        write(tmp_path, "x: 1\n", name)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "x: 1\n", "c.yaml")
    assert [p.name for p in yaml_files(tmp_path)] == ["a.yml", "b.yaml"]


def test_impossible_date_is_a_rule_error_with_its_line(tmp_path):
    path = tmp_path / "fecha.yaml"
    path.write_text("demands:\n  - id: x\n    made_on: 2021-13-45\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_yaml(path)
    assert str(caught.value) == (f"{path}:3: '2021-13-45' is not a valid date; "
                                  "write it as YYYY-MM-DD, e.g. 2021-08-20")


def test_a_colon_in_unquoted_text_gets_a_hint(tmp_path):
    path = write(tmp_path, "titulo: {es: La red exige: protección}\n")
    assert "must be quoted" in str(load_error(path))
