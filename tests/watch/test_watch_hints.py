"""One-pass hint tests (monitor/watch/hints.py) find what the patterns they replace find."""

from __future__ import annotations

import random
import re

from monitor.watch.hints import Hints
from monitor.watch.places import COUNTRIES, NATIONALITIES, country_offsets


def test_any_hint_occurs_as_a_substring():
    hints = Hints(["leia", "veja", "noticias"])
    assert hints.occur_in("LEIA TAMBÉM. Notícias. Veja mais".lower().replace("í", "i"))
    assert hints.occur_in("xxveja")
    assert not hints.occur_in("nada que ver")
    assert not hints.occur_in("")


def test_word_spans_find_what_a_word_bounded_alternation_finds():
    words = list(COUNTRIES) + list(NATIONALITIES)
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternation})\b")
    hints = Hints(words)
    rng = random.Random(3)
    pieces = words + ["de", "la", "republica", "costa", "x", "_", "2", " ", "  ", "ñ", "é",
                      "bolivianos2", "peruanas", "dominicana", "el salvador", "salvador"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  ", "_"])
                       for _ in range(rng.randint(0, 12)))
        assert hints.word_spans(text) == [m.span() for m in pattern.finditer(text)], text


def test_country_offsets_are_where_names_start():
    text = "la fiscalia de bolivia y la republica dominicana, no los bolivianos2"
    assert country_offsets(text) == [text.index("bolivia "), text.index("republica")]
