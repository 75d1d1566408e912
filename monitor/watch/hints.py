"""Whole-field substring tests in one pass: does any of many hint strings occur in a text?

Layer: monitor. A cue that needs a costly pattern first asks whether the field holds any of its
hints ("leia", " bolivia", "recuerda"); testing them one ``in`` at a time reads the field once
per hint, an Aho-Corasick automaton (``keyscan``) reads it once for all. ``Hints`` also
finds whole words (``word_spans``), as ``\\b(?:a|b)\\b`` would on a folded text, for the place
names the matcher looks for in every candidate document.
Cases: tests/watch/test_watch_hints.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from monitor.watch.keyscan import KeyScan


class Hints:
    """A fixed set of hint strings, compiled once (module level)."""

    def __init__(self, hints: Iterable[str]) -> None:
        self._scan = KeyScan(dict.fromkeys(hints, 0))

    def occur_in(self, text: str) -> bool:
        """Any hint occurs in ``text`` (``any(hint in text for hint in hints)``)."""
        return self._scan.occur_in(text)

    def word_spans(self, folded: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each hint standing as whole words in a folded text, leftmost
        first, the longest where several start at one offset, none overlapping: what
        ``re.finditer(r"\\b(?:hints, longest first)\\b")`` finds."""
        padded = f" {folded} "
        found = sorted((end - length + 1, end + 1)  # (start, end) in ``padded``
                       for end, length in self._scan.find_lengths(padded)
                       if _boundary(padded[end - length]) and _boundary(padded[end + 1]))
        spans: list[tuple[int, int]] = []
        for start, end in found:
            if spans and start < spans[-1][1] + 1:
                if start == spans[-1][0] + 1 and end - 1 > spans[-1][1]:
                    spans[-1] = (start - 1, end - 1)  # a longer one at the same offset
                continue
            spans.append((start - 1, end - 1))
        return spans


def _boundary(char: str) -> bool:
    """No word character (``\\w``: a letter, digit or "_") continues a word into ``char``."""
    return not (char.isalnum() or char == "_")
