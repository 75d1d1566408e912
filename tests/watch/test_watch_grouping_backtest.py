"""Grouping matches into proposals, backtesting a new rulebook against the current one."""

from __future__ import annotations

from datetime import date

from watch_helpers import HEADER, NOW, doc, rulebook_from

from monitor.watch import Match, Verdict, backtest, format_report, group_matches


def _match(number: int, day: date | None, *, proposes: str = "fulfilled",
           events: tuple[str, ...] = ("protocolo_activado",)) -> Match:
    return Match(rule_id="d/r", demand_id="d", document_id=number, proposes=proposes,
                 events=events, excerpt="x", highlights=(), matched_terms=(),
                 published_on=day)


def test_documents_about_one_event_group_together():
    matches = [_match(1, date(2022, 1, 1)), _match(2, date(2022, 1, 5)),
               _match(3, date(2022, 3, 1)), _match(4, date(2022, 1, 3), proposes="partial"),
               _match(5, None)]
    groups = group_matches(matches, window_days=14)
    shapes = [(g.proposes, g.document_ids, g.first_on) for g in groups]
    assert shapes == [("fulfilled", (1, 2), date(2022, 1, 1)),
                      ("partial", (4,), date(2022, 1, 3)),
                      ("fulfilled", (3,), date(2022, 3, 1)),
                      ("fulfilled", (5,), None)]


def test_different_events_do_not_group():
    groups = group_matches([_match(1, date(2022, 1, 1)),
                            _match(2, date(2022, 1, 2), events=("sentencia",))])
    assert len(groups) == 2


OLD = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["activó", "protocolo"]
"""
NEW = """\
      - id: protocolo
        proposes: fulfilled
        events: [protocolo_activado]
        all: ["activ*", "protocolo"]
        none: ["simulacro"]
"""


def test_backtest_lists_matches_and_the_diff(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    current = rulebook_from(tmp_path / "old", OLD)
    new = rulebook_from(tmp_path / "new", NEW)
    docs = [doc("La Policía activó el protocolo.", number=1),
            doc("Los agentes activaron el protocolo.", number=2),
            doc("La Policía activó el protocolo en un simulacro.", number=3),
            doc("Nada que ver.", number=4)]
    report = backtest(new, current, docs, now=NOW)
    assert report.documents_seen == 4
    assert [m.document_id for m in report.by_rule["bo-demo/protocolo"]] == [1, 2]
    assert [m.document_id for m in report.new_matches] == [2]
    assert [m.document_id for m in report.lost_matches] == [3]
    assert report.unchanged == 1
    plain = format_report(report, style="plain")
    assert "«activaron»" in plain and "1 new, 1 lost, 1 unchanged" in plain
    assert "[bold reverse]" in format_report(report)


def test_backtest_ignores_current_demands_not_in_the_new_file(tmp_path):
    other = HEADER.replace("bo-demo", "bo-otra")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    current = rulebook_from(tmp_path / "a", OLD, header=other)
    new = rulebook_from(tmp_path / "b", NEW)
    report = backtest(new, current, [doc("La Policía activó el protocolo.")], now=NOW)
    assert report.lost_matches == [] and len(report.new_matches) == 1


def test_backtest_scores_matches_on_the_editors_decisions(tmp_path):
    new = rulebook_from(tmp_path, NEW)
    docs = [doc("La Policía activó el protocolo.", number=1),
            doc("Los agentes activaron el protocolo.", number=2),
            doc("El protocolo fue activado ayer.", number=3),
            doc("El protocolo de protección rige desde el lunes.", number=4),
            doc("La Policía activó el protocolo.", number=5)]
    verdicts = {("1", "bo-demo"): Verdict("confirmed", "fulfilled"),
                ("2", "bo-demo"): Verdict("rejected", "fulfilled"),
                ("3", "bo-demo"): Verdict("confirmed", "partial"),
                ("4", "bo-demo"): Verdict("confirmed", "fulfilled"),  # no rule finds it
                ("9", "bo-demo"): Verdict("confirmed", "fulfilled"),  # not among the documents
                ("1", "bo-otra"): Verdict("rejected", "partial")}  # another demand
    report = backtest(new, None, docs, now=NOW, verdicts=verdicts)
    counts = report.reviewed_counts("bo-demo/protocolo")
    assert counts == {"agrees": 1, "rejected": 1, "other status": 1}
    assert [key for key, _ in report.missed] == [("4", "bo-demo")]
    plain = format_report(report, style="plain")
    assert "bo-demo/protocolo: 4 matches (on documents editors reviewed: 1 agree with editors, " \
        "1 editors confirmed another status, 1 rejected by editors)" in plain
    assert "doc 2 [2022-05-01] bo-demo/protocolo -> fulfilled (protocolo_activado) " \
        "[rejected by editors]: " in plain
    assert "Confirmed by editors but proposed by no rule: 1\n  doc 4 bo-demo " \
        "(confirmed as fulfilled)" in plain
