"""Matching on several cores: the same matches, in the same order, as one process."""

from __future__ import annotations

import pytest
from test_watch_grouping_backtest import NEW, OLD
from watch_helpers import NOW, doc, rulebook_from

from monitor.watch import Verdict, backtest, fanout

TEXTS = ("La Policía activó el protocolo.", "Los agentes activaron el protocolo.",
         "La Policía activó el protocolo en un simulacro.", "Nada que ver.",
         "La Policía no activó el protocolo.", "Se activará el protocolo.")


@pytest.fixture
def books(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    return rulebook_from(tmp_path / "new", NEW), rulebook_from(tmp_path / "old", OLD)


def _documents(count: int) -> list:
    return [doc(TEXTS[n % len(TEXTS)], number=n) for n in range(count)]


def test_forked_processes_return_what_one_process_returns(books, monkeypatch):
    new, old = books
    monkeypatch.setattr(fanout, "DOCUMENTS_PER_WORKER", 5)
    job = fanout.MatchJob(first=new, now=NOW, second=old)
    documents = _documents(31)  # slices of 16 and 15
    alone = list(fanout.match_all(job, documents))
    forked = list(fanout.match_all(job, documents, workers=2))
    assert forked == alone
    assert [document_id for document_id, _, _ in forked] == [str(n) for n in range(31)]
    # the new rules: "activó" and "activaron"; the old: "activó", the simulacro's included
    assert sum(len(first) for _, first, _ in forked) == 11
    assert sum(len(second) for _, _, second in forked) == 11


def test_a_backtest_on_two_cores_reports_the_same(books, monkeypatch):
    new, old = books
    monkeypatch.setattr(fanout, "DOCUMENTS_PER_WORKER", 4)
    documents = _documents(24)
    verdicts = {("0", "bo-demo"): Verdict("confirmed", "fulfilled"),
                ("2", "bo-demo"): Verdict("rejected")}
    alone = backtest(new, old, documents, now=NOW, verdicts=verdicts)
    forked = backtest(new, old, iter(documents), now=NOW, verdicts=verdicts, workers=2)
    assert forked.documents_seen == alone.documents_seen == 24
    assert forked.by_rule == alone.by_rule
    assert (forked.new_matches, forked.lost_matches, forked.unchanged) == \
        (alone.new_matches, alone.lost_matches, alone.unchanged)
    assert forked.missed == alone.missed
    assert len(alone.lost_matches) == 4  # the simulacro, now a none phrase


def test_few_documents_are_matched_in_this_process(books, monkeypatch):
    new, _ = books

    def no_fork(*args, **kwargs):
        raise AssertionError("forked for a handful of documents")

    monkeypatch.setattr(fanout.multiprocessing, "get_context", no_fork)
    job = fanout.MatchJob(first=new, now=NOW)
    found = list(fanout.match_all(job, iter(_documents(12)), workers=4))
    assert [document_id for document_id, _, _ in found] == [str(n) for n in range(12)]
