"""What an editor's ``*`` reaches: the word forms each wildcard phrase matches in a set of texts,
counted, so that an everyday word the stem also covers shows before the rule proposes noise
("inici*" reaches *iniciativa* as well as *inició*; "institu*" reaches *institución*).

Layer: monitor. Pure: rules or phrases and texts in, counts out; ``rulecmds.word_forms`` reads
the stored documents and prints the table (``veeduria rules words``). The forms are read as the
matcher reads them (folded, on word boundaries, one sentence) and counted in their written form,
lower-cased. Cases: tests/watch/test_watch_wordforms.py; docs/rules.md, "Everyday words".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from monitor.watch.model import Phrase, Rule
from monitor.watch.normalize import fold_text
from monitor.watch.phrases import CompactText, compile_phrase, one_sentence, spelling_variants

_EDGE_MARKS = ".,;:!?\"'()«»“”[]—–-"


def wildcard_phrases(rules: Iterable[Rule]) -> list[Phrase]:
    """Every phrase of these rules with a ``*`` in it (``none`` included), once each, in the
    order the rules list them."""
    seen: dict[str, Phrase] = {}
    for rule in rules:
        items = list(rule.positive_items) + [rule.none_phrases]
        for phrase in (p for item in items for p in item):
            if any(word.is_wildcard for word in phrase.words):
                seen.setdefault(phrase.text, phrase)
    return list(seen.values())


def phrases_from_text(texts: Iterable[str]) -> list[Phrase]:
    """Phrases the editor typed on the command line; ValueError when one can never match."""
    return [compile_phrase(text) for text in texts]


def count_forms(phrases: list[Phrase], texts: Iterable[str]) -> dict[str, Counter[str]]:
    """For each phrase (by its written text), how often each written form of it occurs; the
    Spanish stem changes the matcher allows count too ("aprob*": aprueba)."""
    patterns = [(phrase.text, variant.key, _pattern(variant)) for phrase in phrases
                for variant in [phrase, *spelling_variants(phrase)]]
    counts: dict[str, Counter[str]] = {text: Counter() for text, _, _ in patterns}
    for text in texts:
        compact = CompactText(fold_text(text))
        for phrase_text, key, pattern in patterns:
            if key not in compact.text:
                continue  # its first word is absent: no regex to run
            for found in pattern.finditer(compact.text):
                span = (compact.original(found.start()), compact.original(found.end()))
                if one_sentence(text, span):
                    counts[phrase_text][_written(text, span)] += 1
    return counts


def _pattern(phrase: Phrase) -> re.Pattern[str]:
    """The whole phrase on the compact text: literal words, a stem followed by any letters."""
    parts = [re.escape(w.text) + ("[^ ]*" if w.is_wildcard else "") for w in phrase.words]
    return re.compile("(?<= )" + " ".join(parts) + "(?= )")


def _written(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0]:span[1]].split()).strip(_EDGE_MARKS).lower()


def format_forms(counts: dict[str, Counter[str]], *, top: int) -> str:
    """One line per phrase: its forms, most frequent first (``top`` of them), and how many
    other forms were left out."""
    lines = []
    for phrase_text, forms in counts.items():
        if not forms:
            lines.append(f"{phrase_text}: no match in these documents")
            continue
        shown = ", ".join(f"{form} ({n})" for form, n in forms.most_common(top))
        rest = len(forms) - min(top, len(forms))
        lines.append(f"{phrase_text}: {shown}" + (f", and {rest} more" if rest else ""))
    return "\n".join(lines)
