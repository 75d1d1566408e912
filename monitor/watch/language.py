"""Spanish or Portuguese? A cheap guess from function words, for the language-aware cues.

Layer: monitor. Pure function over folded text (``normalize.fold_text``), no settings. Only
documents that are candidates for some rule are guessed (after the trigger scan). The guess
counts words that occur in one language only ("el", "los", "y" against "do", "em", "não");
a tie is Spanish. ``cues`` uses it: Portuguese "no" is "in the", not a denial.
Cases: tests/watch/test_watch_language.py.
"""

from __future__ import annotations

from collections import Counter

SPANISH_ONLY = frozenset({"el", "los", "del", "un", "una", "y", "con", "fue", "fueron", "pero",
                          "tambien", "hay", "muy", "sus", "ella", "la", "las"})
PORTUGUESE_ONLY = frozenset({"nao", "do", "dos", "em", "um", "uma", "ao", "aos", "com", "pelo",
                             "pela", "pelos", "foi", "foram", "tambem", "mais", "seu", "sua",
                             "ela", "isso", "nas", "na", "as", "o"})
_SAMPLE_CHARS = 4000


def guess_language(folded: str) -> str:
    """``"pt"`` when Portuguese-only words outnumber Spanish-only ones, else ``"es"``."""
    counts = Counter(folded[:_SAMPLE_CHARS].split())
    spanish = sum(counts[w] for w in SPANISH_ONLY)
    portuguese = sum(counts[w] for w in PORTUGUESE_ONLY)
    return "pt" if portuguese > spanish else "es"
