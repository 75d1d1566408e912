"""Many keys looked for in one pass: where each of a fixed set of strings occurs in a text.

Layer: monitor. The matcher scans every document for its rules' keys (``index``), and cues ask
whether a field holds any of many hints (``hints``). Both read the text once with an
Aho-Corasick automaton built by ahocorasick_rs (in Rust): a deterministic automaton over bytes
for ASCII texts, which is what folding leaves of nearly every document, and one over ``str``
for the rest (a folded text keeps letters outside Latin-1 as they are). Every occurrence is
reported, overlapping ones included, as a search for each key on its own would find them.
Cases: tests/watch/test_watch_keyscan.py.
"""

from __future__ import annotations

from collections.abc import Mapping

import ahocorasick_rs

_STANDARD = ahocorasick_rs.MatchKind.Standard  # the only kind that reports overlapping matches
_DFA = ahocorasick_rs.Implementation.DFA  # measured the fastest over bytes and over str


class KeyScan:
    """A fixed mapping of keys to values, compiled once; ``find`` reports where keys end.

    Keys are scanned with their closing space: scanning for the letters alone and checking
    both outer spaces in Python was faster over generated text, but a third slower over the
    labelled documents, whose short words also occur at the start of longer ones. The opening
    space is left out when every key has one (``_lead``), and checked on the few hits.
    """

    def __init__(self, keys: Mapping[str, int]) -> None:
        self._keys = [key for key in keys if key]
        self._values = [keys[key] for key in self._keys]
        self._lengths = [len(key) for key in self._keys]
        # Keys that all open with a space (a word's start: the matcher's) are scanned without
        # it, and a hit is kept when a space stands before it: a space opening every key
        # defeats the automaton's search for the keys' first bytes (measured a third slower).
        self._lead = 1 if self._keys and all(len(key) > 1 and key[0] == " "
                                              for key in self._keys) else 0
        scanned = [key[self._lead:] for key in self._keys]
        ascii_keys = [n for n, key in enumerate(scanned) if key.isascii()]
        self._ascii_values = [self._values[n] for n in ascii_keys]
        self._ascii_lengths = [self._lengths[n] for n in ascii_keys]
        self._ascii = ahocorasick_rs.BytesAhoCorasick(
            [scanned[n].encode("ascii") for n in ascii_keys], matchkind=_STANDARD,
            implementation=_DFA) if ascii_keys else None
        self._scanned = scanned
        self._any: ahocorasick_rs.AhoCorasick | None = None  # built for the first other text
        self._utf8: ahocorasick_rs.BytesAhoCorasick | None = None  # its UTF-8, likewise

    def __bool__(self) -> bool:
        return bool(self._keys)

    def find(self, text: str) -> list[tuple[int, int]]:
        """``(end, value)`` of every occurrence of a key, ``end`` the offset of its last
        character (overlapping occurrences included), in order of ``end``."""
        if text.isascii() and self._lead and self._ascii is not None:
            # the matcher's scans, on nearly every text: filtered and converted in one pass
            data = text.encode("ascii")
            values = self._ascii_values
            return [(end - 1, values[n]) for n, start, end
                    in self._ascii.find_matches_as_indexes(data, overlapping=True)
                    if start and data[start - 1] == 32]
        values = self._ascii_values if text.isascii() else self._values
        return [(end - 1, values[n]) for n, _, end in self._matches(text)]

    def find_lengths(self, text: str) -> list[tuple[int, int]]:
        """``(end, length)`` of every occurrence, as ``find``: the key's length instead of
        its value."""
        lengths = self._ascii_lengths if text.isascii() else self._lengths
        return [(end - 1, lengths[n]) for n, _, end in self._matches(text)]

    def occur_in(self, text: str) -> bool:
        """Some key occurs in ``text``."""
        if not text.isascii() and self._keys:
            return bool(self._utf8_matches(text))
        return bool(self._matches(text))

    def values_in(self, text: str) -> set[int]:
        """The values of the keys that occur in ``text``."""
        if text.isascii():
            values = self._ascii_values
            return {values[n] for n, _, _ in self._matches(text)}
        return {self._values[n] for n, _, _ in self._utf8_matches(text)} if self._keys else set()

    def _utf8_matches(self, text: str) -> list[tuple[int, int, int]]:
        """(key number, start, end) of the occurrences in a text that is not ASCII, its
        offsets in UTF-8 bytes: where offsets do not matter, the byte automaton reads such a
        text faster than the one over ``str`` (a key occurs in the bytes just where it occurs
        in the text)."""
        if self._utf8 is None:
            self._utf8 = ahocorasick_rs.BytesAhoCorasick(
                [key.encode("utf-8") for key in self._scanned], matchkind=_STANDARD,
                implementation=_DFA)
        data = text.encode("utf-8")
        found = self._utf8.find_matches_as_indexes(data, overlapping=True)
        if self._lead:
            return [hit for hit in found if hit[1] and data[hit[1] - 1] == 32]
        return found

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """(key number, start, end past the key) of the occurrences in ``text``; the key
        numbers count the ASCII keys alone when ``text`` is ASCII (CPython knows whether it
        is without reading it)."""
        if text.isascii():
            if self._ascii is None:
                return []
            data = text.encode("ascii")
            found = self._ascii.find_matches_as_indexes(data, overlapping=True)
            if self._lead:  # the space before the key (a byte's value: 32)
                return [hit for hit in found if hit[1] and data[hit[1] - 1] == 32]
            return found
        if not self._keys:
            return []
        if self._any is None:
            self._any = ahocorasick_rs.AhoCorasick(self._scanned, matchkind=_STANDARD,
                                                   implementation=_DFA)
        found = self._any.find_matches_as_indexes(text, overlapping=True)
        if self._lead:
            return [hit for hit in found if hit[1] and text[hit[1] - 1] == " "]
        return found
