"""Compiling an editor's phrase into a scan key and a checker, and finding its occurrences.

Layer: monitor. The folded text is padded with one space at each end so that every word, even
the first and last, has a space on both sides: word boundaries are then plain spaces. No user
regular expression exists anywhere: the only patterns are built here from escaped literals.
Cases: tests/watch/test_phrases.py.
"""

from __future__ import annotations

import re

from monitor.watch.model import Phrase
from monitor.watch.normalize import Word, parse_phrase


def compile_phrase(text: str) -> Phrase:
    """A Phrase from the editor's text; ValueError (with the reason) when it can never match."""
    words = parse_phrase(text)
    first = words[0]
    key = " " + first.text + ("" if first.is_wildcard else " ")
    tail = _tail_pattern(words) if len(words) > 1 else None
    return Phrase(text=text, words=words, key=key, tail=tail)


def _tail_pattern(words: tuple[Word, ...]) -> re.Pattern[str]:
    parts = [re.escape(w.text) + ("[^ ]*" if w.is_wildcard else "") for w in words]
    return re.compile(" +".join(parts) + "(?= )")


def phrase_span(phrase: Phrase, padded: str, key_end: int) -> tuple[int, int] | None:
    """Span in the *unpadded* text of the occurrence whose key ends at ``key_end`` (inclusive).

    ``padded`` is `` `` + folded + `` ``; returns None when the rest of the phrase is missing.
    """
    start = key_end - len(phrase.key) + 2  # first letter, in padded coordinates
    if phrase.tail is not None:
        found = phrase.tail.match(padded, start)
        if found is None:
            return None
        return start - 1, found.end() - 1
    if phrase.words[0].is_wildcard:
        return start - 1, padded.index(" ", key_end + 1) - 1
    return start - 1, key_end - 1
