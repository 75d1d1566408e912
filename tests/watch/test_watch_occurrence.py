"""Occurrences read their cues lazily: a cue is computed when a rule first reads it, once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from types import ModuleType

import pytest
from watch_helpers import HEADER, NOW, doc, rulebook_from

from monitor.watch import native
from monitor.watch.matcher import (
    discount,
    scan_document,
    scan_index,
)

RULE = """\
      - id: protocolo
        proposes: in_progress
        events: [protocolo_activado]
        all: ["activ* el protocolo"]
"""


def _occurrence(tmp_path, text):
    rulebook = rulebook_from(tmp_path, RULE)
    index = scan_index(rulebook)
    _, scans = scan_document(index, doc(text))
    scan = scans["text"]
    (pid,) = [p for p in range(len(index.phrases)) if p in scan.raw]
    return scan.occurrence(pid, 0, index), index.plans[0].rule, scan, pid, index


def test_a_denied_occurrence_is_discounted_before_its_plan_cues_are_read(tmp_path):
    occurrence, rule, *_ = _occurrence(tmp_path, "La Policía negó que se activara el protocolo.")
    assert discount(occurrence, rule) == "denied or undone (negation cue)"
    assert "_plan" not in vars(occurrence)  # hedging, order and aim cues never computed
    assert "_places" not in vars(occurrence)


def test_a_rule_reads_only_the_cues_its_status_needs(tmp_path):
    occurrence, rule, *_ = _occurrence(tmp_path, "La Policía activó el protocolo ayer.")
    assert discount(occurrence, rule) is None
    # a bill's content and an act in part matter to other statuses, not to in_progress
    assert {"is_content", "is_in_part", "is_planned"}.isdisjoint(vars(occurrence))
    assert occurrence.is_content is False  # still there when read


def test_each_occurrence_and_cue_is_computed_once(tmp_path):
    occurrence, _, scan, pid, index = _occurrence(
        tmp_path, "El Ministerio prevé que se activará el protocolo.")
    assert scan.occurrence(pid, 0, index) is occurrence
    assert occurrence.is_hedged is True
    assert occurrence._plan is vars(occurrence)["_plan"]  # kept, not recomputed


def test_a_none_phrase_recalled_as_background_reads_no_other_cue(tmp_path):
    # the document is from 2022 (watch_helpers.doc): a step of 2019 is recalled
    _, _, scan, pid, index = _occurrence(
        tmp_path, "Tras activar el protocolo en 2019, la Policía informó su balance.")
    assert scan.recalled(pid, 0, index) is True
    assert "_plan" not in vars(scan.occurrence(pid, 0, index))


STRESSED_RULE = """\
      - id: protocolo-activado
        proposes: in_progress
        events: [protocolo_activado]
        all: ["activó el protocolo"]
"""


@pytest.fixture
def python_engine() -> Iterator[ModuleType]:
    """The watch package imported from its Python sources: the tests below wrap one of its
    functions to count the calls, which a compiled module's callers would not go through
    (monitor/watch/native.py)."""
    with native.python_sources() as package:
        yield package


def _python_rulebook(watch: ModuleType, tmp_path, rules_yaml: str):
    folder = tmp_path / "demands"
    folder.mkdir(exist_ok=True)
    (folder / "demo.yaml").write_text(HEADER + rules_yaml, encoding="utf-8")
    return watch.load_rulebook(folder)


def _python_doc(watch: ModuleType, text: str):
    return watch.MatchInput(**dataclasses.asdict(doc(text)))


def _counting_clauses(watch: ModuleType, monkeypatch) -> list[int]:
    """Count the clause readings (``cues.clause_words``) that occurrences make."""
    calls: list[int] = []
    real = watch.occurrence.clause_words

    def counted(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(watch.occurrence, "clause_words", counted)
    return calls


def test_the_python_engine_is_the_one_these_tests_count(python_engine):
    assert python_engine.matcher.__file__.endswith("matcher.py")
    assert python_engine.occurrence.__file__.endswith("occurrence.py")


def test_phrases_found_at_one_span_read_its_cues_once(tmp_path, monkeypatch, python_engine):
    watch = python_engine
    rulebook = _python_rulebook(watch, tmp_path, RULE + STRESSED_RULE)
    index = watch.matcher.scan_index(rulebook)
    _, scans = watch.matcher.scan_document(
        index, _python_doc(watch, "La Policía activó el protocolo de atención."))
    scan = scans["text"]
    stem, stressed = [p for p in range(len(index.phrases)) if p in scan.raw]
    calls = _counting_clauses(watch, monkeypatch)
    first, second = scan.occurrence(stem, 0, index), scan.occurrence(stressed, 0, index)
    assert first is not second  # "activ*" is checked for its ending, "activó" is not
    assert (first.start, first.end) == (second.start, second.end)
    assert first.is_negated is False and second.is_negated is False
    assert len(calls) == 1  # the clause was read for the first phrase only
    # what depends on the phrase's own words is read for each
    assert first._matched and not second._matched
    assert "_plan" not in first.at_span


def test_two_rulebooks_matching_one_document_share_its_cues(tmp_path, monkeypatch,
                                                           python_engine):
    watch = python_engine
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    stem_book = _python_rulebook(watch, tmp_path / "a", RULE)
    stressed_book = _python_rulebook(watch, tmp_path / "b", STRESSED_RULE)
    for text, expected in (("La Policía activó el protocolo de atención.", 1),
                           ("La Policía negó que se activó el protocolo.", 0)):
        document = _python_doc(watch, text)
        alone = [watch.match_document(book, document, now=NOW)
                 for book in (stem_book, stressed_book)]
        calls = _counting_clauses(watch, monkeypatch)
        cues = watch.matcher.DocumentCues()
        shared = [watch.match_document(book, document, now=NOW, cues=cues)
                  for book in (stem_book, stressed_book)]
        assert shared == alone
        assert [len(found) for found in shared] == [expected, expected]
        assert len(calls) == 1  # the second rulebook read the first one's clause
        monkeypatch.undo()



FILLER = " ".join(["La reunión siguió con otros temas de la agenda municipal."] * 8)


def test_a_rule_that_holds_judges_only_the_occurrences_its_excerpt_shows(tmp_path,
                                                                        monkeypatch,
                                                                        python_engine):
    watch = python_engine
    rulebook = _python_rulebook(watch, tmp_path, RULE)
    text = (f"La Policía activó el protocolo en Cochabamba. {FILLER} La Fiscalía no activó el "
            f"protocolo. {FILLER} La Policía activó el protocolo en Sacaba.")
    judged = []
    judge = watch.matcher.why_not_counted

    def counting(plan, phrase_id, occurrence):
        judged.append(occurrence.start)
        return judge(plan, phrase_id, occurrence)
    monkeypatch.setattr(watch.matcher, "why_not_counted", counting)
    (found,) = watch.match_document(rulebook, _python_doc(watch, text), now=NOW)
    assert judged == [text.index("activó")]  # the two further on are outside its excerpt
    assert found.highlights and found.excerpt.startswith("La Policía activó el protocolo")


def test_counted_occurrences_read_in_full_are_those_a_filter_keeps(tmp_path):
    from monitor.watch.matcher import Counted, why_not_counted
    text = (f"La Policía activó el protocolo. {FILLER} La Fiscalía no activó el protocolo. "
            "Luego la Policía activó el protocolo otra vez.")
    _, rule, scan, pid, index = _occurrence(tmp_path, text)
    plan = index.plans[0]
    kept = Counted(scan, pid, plan, index)
    every = [o for o in scan.occurrences(pid, index) if why_not_counted(plan, pid, o) is None]
    assert [o.start for o in kept] == [o.start for o in every] and len(kept) == 2
    assert kept.first() == (every[0].start, every[0].end) and kept[1] is every[1]
    assert kept.within(every[1].start, len(text)) == [(every[1].start, every[1].end)]
