"""Spanish or Portuguese? A cheap guess from function words, for the language-aware cues.

Layer: monitor. Pure functions over folded text (``normalize.fold_text``), no settings. A
document is guessed only when a cue is first checked in it (``DocumentLanguage``). The guess
counts words that occur in one language only ("el", "los", "y" against "do", "em", "não");
a tie is Spanish. ``cues`` uses it: Portuguese "no" is "in the", not a denial.
Cases: tests/watch/test_watch_language.py.
"""

from __future__ import annotations

from itertools import repeat

SPANISH_ONLY = frozenset({"el", "los", "del", "un", "una", "y", "con", "fue", "fueron", "pero",
                          "tambien", "hay", "muy", "sus", "ella", "la", "las", "al", "lo", "le",
                          "les", "dijo", "segun", "ya", "hasta", "despues"})
PORTUGUESE_ONLY = frozenset({"nao", "do", "dos", "em", "um", "uma", "ao", "aos", "com", "pelo",
                             "pela", "pelos", "foi", "foram", "tambem", "mais", "seu", "sua",
                             "ela", "isso", "nas", "na", "as", "o", "da", "das", "e", "diz",
                             "disse", "sao", "tem", "seus", "suas", "apos", "ainda", "ate",
                             "nesta", "neste", "essa", "esse", "pelas", "num", "numa"})
_SAMPLE_CHARS = 4000
# +1 for a Spanish-only word, -1 for a Portuguese-only one (the two sets share no word)
_LEANING = {**dict.fromkeys(SPANISH_ONLY, 1), **dict.fromkeys(PORTUGUESE_ONLY, -1)}


def guess_language(folded: str) -> str:
    """``"pt"`` when Portuguese-only words outnumber Spanish-only ones, else ``"es"``."""
    words = folded[:_SAMPLE_CHARS].split()
    # one C loop over the words, no Python code per word
    return "pt" if sum(map(_LEANING.get, words, repeat(0, len(words)))) < 0 else "es"


class DocumentLanguage:
    """One document's language, guessed the first time it is asked for (most documents never
    need it: no rule's phrases occur in them)."""

    def __init__(self, folded: str) -> None:
        self._folded = folded
        self._value: str | None = None

    @property
    def value(self) -> str:
        if self._value is None:
            self._value = guess_language(self._folded)
        return self._value
