"""Which countries a sentence is about when it opens by naming them: a regional roundup moves
from country to country ("En Argentina, …", "No México e na Colômbia, …"), and a step it
reports for another country is no step on a demand made of this one.

Layer: monitor. Pure functions over the folded text (``normalize.fold_text``). Only a sentence
that *opens* with "en / no / na / em" and a country name is placed; a country named later in a
sentence ("la ley, inspirada en la de Argentina") places nothing. The matcher discounts an
occurrence whose sentence is placed in other countries than the rule's (docs/rules.md, "Past
steps recalled as background"). Cases: tests/watch/test_watch_places.py.
"""

from __future__ import annotations

import re

# Folded country names (es and pt) -> ISO 3166 code.
COUNTRIES = {
    "argentina": "AR", "bolivia": "BO", "brasil": "BR", "brazil": "BR", "chile": "CL",
    "colombia": "CO", "costa rica": "CR", "cuba": "CU", "ecuador": "EC", "equador": "EC",
    "el salvador": "SV", "guatemala": "GT", "haiti": "HT", "honduras": "HN", "mexico": "MX",
    "nicaragua": "NI", "panama": "PA", "paraguay": "PY", "paraguai": "PY", "peru": "PE",
    "republica dominicana": "DO", "uruguay": "UY", "uruguai": "UY", "venezuela": "VE",
    "espana": "ES", "espanha": "ES", "estados unidos": "US", "eeuu": "US", "eua": "US",
}
_NAMES = "|".join(sorted((re.escape(name) for name in COUNTRIES), key=len, reverse=True))
_OPENER = r"(?:en|no|na|nos|em|in)(?: (?:el|la|los|the))?"
# "En Argentina, …", "No México e na Colômbia, …", "En Perú y Chile, …"
_PLACED = re.compile(rf" *{_OPENER} ({_NAMES})\b(?:(?: y| e| ni|,)(?: {_OPENER})? ({_NAMES})\b)?")
HINTS = tuple(f" {name}" for name in COUNTRIES)  # a cheap whole-field test first


def mentions_a_country(folded: str) -> bool:
    """Whether a folded field names any country at all (``placed_in`` is then worth asking)."""
    return any(hint in folded for hint in HINTS)


def placed_in(folded: str, sentence_start: int) -> frozenset[str]:
    """The countries the sentence starting at ``sentence_start`` opens with (empty when it
    opens with none)."""
    found = _PLACED.match(folded, sentence_start)
    if found is None:
        return frozenset()
    return frozenset(COUNTRIES[name] for name in found.groups() if name)
