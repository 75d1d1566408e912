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

# With ``spaces_apart``, a key's own outer spaces are checked in Python, not scanned for: keys
# padded with spaces (" ley ", the matcher's whole words) all begin with the text's commonest
# byte, which keeps the automaton from skipping ahead (measured a third slower on a scan of
# every document, where the letters alone rarely occur without the spaces). A scan with many
# hits (the keys of a candidate document's every rule) is faster without the Python check.
_Entry = tuple[int, int, int, int]  # (value, spaces before the core, spaces after, key length)


class KeyScan:
    """A fixed mapping of keys to values, compiled once; ``find`` reports where keys end."""

    def __init__(self, keys: Mapping[str, int], *, spaces_apart: bool = False) -> None:
        entries: dict[str, list[_Entry]] = {}
        for key, value in keys.items():
            if not key:
                continue
            # (a key of spaces alone is scanned for as it is)
            core = (key.strip(" ") or key) if spaces_apart else key
            left = key.index(core)
            right = len(key) - len(core) - left
            entries.setdefault(core, []).append((value, left, right, len(key)))
        self._cores = list(entries)
        self._entries = [tuple(entries[core]) for core in self._cores]
        ascii_cores = [core for core in self._cores if core.isascii()]
        self._ascii_entries = [tuple(entries[core]) for core in ascii_cores]
        self._ascii = ahocorasick_rs.BytesAhoCorasick(
            [core.encode("ascii") for core in ascii_cores], matchkind=_STANDARD,
            implementation=_DFA) if ascii_cores else None
        self._any: ahocorasick_rs.AhoCorasick | None = None  # built for the first other text
        # every core its own key, no space to check: hits are read as the automaton gives them
        self._plain = all(len(found) == 1 and found[0][1] == found[0][2] == 0
                          for found in entries.values())

    def __bool__(self) -> bool:
        return bool(self._cores)

    def find(self, text: str) -> list[tuple[int, int]]:
        """``(end, value)`` of every occurrence of a key, ``end`` the offset of its last
        character (overlapping occurrences included), in order of ``end``."""
        return [(end, entry[0]) for end, entry in self._occurrences(text)]

    def find_lengths(self, text: str) -> list[tuple[int, int]]:
        """``(end, length)`` of every occurrence, as ``find``: the key's length instead of
        its value."""
        return [(end, entry[3]) for end, entry in self._occurrences(text)]

    def occur_in(self, text: str) -> bool:
        """Some key occurs in ``text``."""
        return bool(self._occurrences(text))

    def _occurrences(self, text: str) -> list[tuple[int, _Entry]]:
        """(offset of the last character, entry) of each key occurrence, in order."""
        if text.isascii():  # (CPython knows it without reading the text)
            if self._ascii is None:
                return []
            entries = self._ascii_entries
            matches = self._ascii.find_matches_as_indexes(text.encode("ascii"),
                                                          overlapping=True)
        else:
            if not self._cores:
                return []
            if self._any is None:
                self._any = ahocorasick_rs.AhoCorasick(self._cores, matchkind=_STANDARD,
                                                       implementation=_DFA)
            entries = self._entries
            matches = self._any.find_matches_as_indexes(text, overlapping=True)
        if self._plain:
            return [(end - 1, entries[n][0]) for n, _, end in matches]
        found = []
        for n, start, end in matches:
            for entry in entries[n]:
                left, right = entry[1], entry[2]
                if (left == 0 or start >= left and text[start - left:start] == " " * left) \
                        and (right == 0 or text[end:end + right] == " " * right):
                    found.append((end + right - 1, entry))
        if len(found) > 1:
            found.sort(key=_first)  # (a space after one key may end it after the next)
        return found


def _first(pair: tuple[int, _Entry]) -> int:
    return pair[0]
