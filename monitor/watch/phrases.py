"""Compiling an editor's phrase into a scan key and a checker, and finding its occurrences.

Layer: monitor. Matching runs on the *compact* text: the folded text (``normalize.fold_text``)
padded with one space at each end and with every run of spaces squeezed to one, so every word
has exactly one space on each side and word boundaries are plain spaces. A phrase's scan key is
its literal words up to the first wildcard (`` base de datos ``, `` activ``); only a phrase with
a wildcard before its last word needs a further check (``tail``). ``CompactText`` maps offsets
back to the original text. No user regular expression exists anywhere: the only patterns are
built here from escaped literals. A final "ó" the editor wrote must be in the text too
(``keeps_stress``), and a phrase of several words never spans two sentences
(``one_sentence``). A word broken at a line's end ("huma-\\nnos") is scanned whole
(``join_broken_words``). Cases: tests/watch/test_watch_matcher.py,
tests/watch/test_watch_terms.py.
"""

from __future__ import annotations

import bisect
import re

from monitor.watch.model import Phrase
from monitor.watch.normalize import (
    STRESSED_ENDING,
    Word,
    fold_text,
    parse_phrase,
    sentence_starts,
)

_RUNS = re.compile(r"  [ ]*")  # (measured a third faster than "  +" on the bench)
_GAPS = re.compile(r"  [ ]*|\x02+")  # what the compact form squeezes or drops


def compile_phrase(text: str) -> Phrase:
    """A Phrase from the editor's text; ValueError (with the reason) when it can never match."""
    return compile_words(text, parse_phrase(text))


_LAST_O = re.compile(r"o(?=[^aeiou]+$)")


def spelling_variants(phrase: Phrase) -> list[Phrase]:
    """The same phrase with a Spanish stem change on its wildcard stems, if any: a stem ending
    in ``y`` also matches ``i`` and back (``sobresey*``: sobreseyó, sobreseimiento; ``instruy*``:
    instruido), and an ``o`` in the stem's last syllable also matches ``ue`` (``aprob*``:
    aprueba; ``resolv*``: resuelve). docs/rules.md, "Writing phrases"."""
    variants: list[Phrase] = []
    for i, word in enumerate(phrase.words):
        if not word.is_wildcard:
            continue
        for stem in _stem_changes(word.text):
            words = phrase.words[:i] + (Word(stem, is_wildcard=True),) + phrase.words[i + 1:]
            variants.append(compile_words(phrase.text, words))
    return variants


def _stem_changes(stem: str) -> list[str]:
    changed = []
    if stem.endswith("y"):
        changed.append(stem[:-1] + "i")
    elif stem.endswith("i") and len(stem) > 3 and stem[-2] in "aeiou":
        changed.append(stem[:-1] + "y")
    if _LAST_O.search(stem) and not stem.endswith("o"):
        changed.append(_LAST_O.sub("ue", stem, count=1))
    return changed


def compile_words(text: str, words: tuple[Word, ...]) -> Phrase:
    """A Phrase from already-folded words (``text``: what the editor wrote)."""
    literal: list[str] = []
    for word in words:
        literal.append(word.text)
        if word.is_wildcard:
            break
    is_open = words[len(literal) - 1].is_wildcard
    key = " " + " ".join(literal) + ("" if is_open else " ")
    tail = _tail_pattern(words) if len(literal) < len(words) else None
    return Phrase(text=text, words=words, key=key, tail=tail)


def _tail_pattern(words: tuple[Word, ...]) -> re.Pattern[str]:
    parts = [re.escape(w.text) + ("[^ ]*" if w.is_wildcard else "") for w in words]
    return re.compile(" ".join(parts) + "(?= )")


def compact_form(folded: str) -> str:
    """``folded`` with every run of spaces squeezed to one and one space at each end."""
    squeezed = squeeze(folded).strip(" ")
    return f" {squeezed} " if squeezed else " "


def squeeze(folded: str) -> str:
    """``folded`` with every run of spaces squeezed to one, and the marks of a word broken at
    a line's end removed (``JOIN``, ``join_broken_words``): the compact form of a text that
    already starts and ends with a space."""
    # Folded text holds only letters, digits and spaces: one regex pass squeezes the runs
    # (measured twice as fast as split/join, which builds a list of every word).
    squeezed = _RUNS.sub(" ", folded)
    return squeezed.replace(JOIN, "") if JOIN in squeezed else squeezed


# A word broken at the end of a line, as PDF and OCR text keeps it: "derechos huma-\nnos",
# "las Fuer- zas Armadas" (a lower-case letter on each side of a hyphen and the spaces after
# it). "segunda-feira", "vetá-lo" and "ex-presidente" have no space after the hyphen.
# (the hyphen first: the engine looks for it alone, and checks the letter before it there)
_BROKEN = re.compile(r"-(?<=[^\W\d_]-)(?=[ \t\n])[ \t]*\n?[ \t]*(?=[a-záéíóúñçãõâêôàü])")
JOIN = "\x02"  # marks the hyphen and spaces of a broken word in the scan form (never a key's)


def join_broken_words(text: str, joined: str) -> str:
    """``joined`` (the scan form of ``text``, as long) with the hyphen and spaces of each word
    ``text`` breaks at a line's end marked ``JOIN``, which the compact form drops: "huma-\nnos"
    is scanned as "humanos"."""
    if "-" not in text:
        return joined  # a one-character test (C's memchr) spares the pattern
    pieces, cursor = [], 0
    for found in _BROKEN.finditer(text):
        pieces += [joined[cursor:found.start()], JOIN * (found.end() - found.start())]
        cursor = found.end()
    return "".join(pieces) + joined[cursor:] if pieces else joined


class CompactText:
    """The compact twin of a folded text, and the map from its offsets back to the original."""

    def __init__(self, folded: str, compact: str | None = None) -> None:
        self.text = compact_form(folded) if compact is None else compact
        self.folded = folded
        self._starts: list[int] | None = None
        self._shifts: list[int] = []

    def original(self, compact: int) -> int:
        """Offset in the original (unpadded) text of compact offset ``compact``."""
        if len(self.text) == len(self.folded) + 2:
            return compact - 1
        if self._starts is None:
            self._index_runs()
        assert self._starts is not None
        runs_before = bisect.bisect_left(self._starts, compact)
        return compact + (self._shifts[runs_before - 1] if runs_before else 0) - 1

    def _index_runs(self) -> None:
        starts, removed, shifts = [], 0, []
        # (the pattern without marks is seven times faster: it opens with a literal)
        gaps = _GAPS if JOIN in self.folded else _RUNS
        for run in gaps.finditer(" " + self.folded + " "):
            if run.group()[0] == JOIN:  # dropped whole: what follows starts at its offset
                starts.append(run.start() - removed - 1)
                removed += len(run.group())
            else:  # squeezed to one space
                starts.append(run.start() - removed)
                removed += len(run.group()) - 1
            shifts.append(removed)
        self._starts, self._shifts = starts, shifts


def phrase_span(phrase: Phrase, compact: CompactText, key_end: int) -> tuple[int, int] | None:
    """Original-text span of the occurrence whose key ends at ``key_end`` (inclusive, compact),
    or None when the rest of the phrase is missing."""
    text = compact.text
    start = key_end - len(phrase.key) + 2  # first letter, compact coordinates
    if phrase.tail is not None:
        found = phrase.tail.match(text, start)
        if found is None:
            return None
        end = found.end()
    elif phrase.key.endswith(" "):
        end = key_end
    else:
        end = text.index(" ", key_end + 1)
    return compact.original(start), compact.original(end)


_EDGE_MARKS = ".,;:!?\"'()«»“”[]"


def keeps_stress(phrase: Phrase, text: str, span: tuple[int, int]) -> bool:
    """Each word the editor wrote with a final "ó" ends with it in ``text[span]`` too, unless the
    text writes no "ó" at all (then it cannot tell "archivó" from "archivo")."""
    stressed = [w.text for w in phrase.words if w.stressed]
    if not stressed:
        return True
    written = text[span[0]:span[1]].split()
    folded = [fold_text(word.strip(_EDGE_MARKS)) for word in written]
    return all(any(f == word and w.strip(_EDGE_MARKS).lower().endswith(STRESSED_ENDING)
                   for w, f in zip(written, folded, strict=True)) for word in stressed)


_BREAKS = ".!?…\n"


def one_sentence(text: str, span: tuple[int, int]) -> bool:
    """``text[span]`` lies in one sentence: "hospital de tercer nivel. 2. Decreto" holds no
    "nivel 2", while "Art. 281 bis" (an abbreviation) is one run of words."""
    inside = text[span[0]:span[1]]
    if not any(mark in inside for mark in _BREAKS):
        return True
    return len(sentence_starts(inside)) == 1
