"""Proximity checks: ``near`` (terms within N words of one sentence) and ``same_sentence``.

Layer: monitor. Word positions and sentence starts are computed only for documents where a rule
using them is a candidate, and cached on the field scan. Cases: tests/watch/test_watch_matcher.py.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from monitor.watch.normalize import sentence_starts

if TYPE_CHECKING:
    from monitor.watch.index import RulePlan

_WORD = re.compile(r"[^ ]+")


class _Spanned(Protocol):
    start: int


class _Scan(Protocol):
    text: str
    folded: str
    cache: dict[str, list[int]]


def _word_starts(scan: _Scan) -> list[int]:
    if "words" not in scan.cache:
        scan.cache["words"] = [m.start() for m in _WORD.finditer(scan.folded)]
    return scan.cache["words"]


def sentence_starts_of(scan: _Scan) -> list[int]:
    """Offsets where the field's sentences begin (computed once per field)."""
    if "sentences" not in scan.cache:
        scan.cache["sentences"] = sentence_starts(scan.text)
    return scan.cache["sentences"]


def near_holds(scan: _Scan, spans: Mapping[int, Sequence[_Spanned]],
               items: tuple[tuple[int, ...], ...], words: int) -> bool:
    """Some window of at most ``words`` words within one sentence holds one occurrence of every
    item ("rechazada el año pasado. Según los legisladores, el proyecto..." is not near)."""
    starts, sentences = _word_starts(scan), sentence_starts_of(scan)
    points = sorted((bisect.bisect_right(starts, o.start) - 1,
                     bisect.bisect_right(sentences, o.start) - 1, n)
                    for n, item in enumerate(items) for pid in item for o in spans.get(pid, ()))
    need = len(items)
    seen: Counter[int] = Counter()
    left = 0
    for position, sentence, term in points:
        seen[term] += 1
        while position - points[left][0] > words or points[left][1] != sentence:
            seen[points[left][2]] -= 1
            if seen[points[left][2]] == 0:
                del seen[points[left][2]]
            left += 1
        if len(seen) == need:
            return True
    return False


def same_sentence_holds(scan: _Scan, spans: Mapping[int, Sequence[_Spanned]],
                        plan: RulePlan) -> bool:
    """One sentence holds every ``all`` item, every ``near`` term and, if any, one ``any``
    phrase."""
    starts = sentence_starts_of(scan)
    items = list(plan.all_ids) + list(plan.near_ids) + ([plan.any_ids] if plan.any_ids else [])
    by_sentence: dict[int, set[int]] = {}
    for number, item in enumerate(items):
        for pid in item:
            for occurrence in spans.get(pid, ()):
                sentence = bisect.bisect_right(starts, occurrence.start) - 1
                by_sentence.setdefault(sentence, set()).add(number)
    return any(len(found) == len(items) for found in by_sentence.values())
