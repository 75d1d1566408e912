"""Words skipped between two words of a phrase: time adverbials and nationalities.

Layer: monitor. As adverbs in -mente are (``normalize.blank_adverbs``), these insertions are
skipped when they sit between two adjacent words of some phrase of the rulebook: "abrió ayer
una investigación", "abriu na segunda-feira (30) uma investigação", "el Senado boliviano
aprobó", "a Câmara dos Deputados da Bolívia aprovou" are "abrió una investigación", "abriu uma
investigação", "el Senado aprobó", "a Câmara dos Deputados aprovou". The trigger scan finds
their last words (``INSERTION_WORDS``) for free; ``index.ScanIndex.insertion_gaps`` decides,
and the matcher blanks them in the scan form. The cues still read them ("ayer" dates the step,
"peruano" places it: ``places.owners``). Cases: tests/watch/test_watch_background.py.
"""

from __future__ import annotations

import re

from monitor.watch.normalize import Word
from monitor.watch.places import COUNTRIES as PLACE_COUNTRIES
from monitor.watch.places import NATIONALITIES as PLACE_NATIONALITIES

# Portuguese weekdays need "feira" ("segunda instância" is no Monday); "sábado" and "domingo"
# need their article ("Santo Domingo" is a place).
_ES_DAYS = "lunes|martes|miercoles|jueves|viernes"
_PT_DAYS = "(?:segunda|terca|quarta|quinta|sexta) feira"
_WEEKEND = "sabado|domingo"
_TIME_ADVERBIAL = re.compile(  # the longer forms first: "hoje cedo" before "hoje"
    r"(?<= )(?:"
    r"el dia de (?:hoy|ayer)|esta semana|nesta semana|esta manana|esta tarde|esta noche"
    r"|nesta manha|nesta tarde|nesta noite|hoje cedo"
    r"|ayer|hoy|anoche|anteayer|ontem|hoje|anteontem"
    r"|(?:(?:el|este|el pasado|este pasado|na|nesta|nessa|neste|nesse|no|na ultima|no ultimo"
    rf"|el ultimo|este ultimo) )?(?:{_ES_DAYS}|{_PT_DAYS})(?: \d{{1,2}})?"
    rf"|(?:el|este|el pasado|no|neste|nesse|no ultimo|el ultimo) (?:{_WEEKEND})(?: \d{{1,2}})?"
    r")(?= )")
# Every time adverbial ends with one of these words (or a day's number after it).
TIME_WORDS = ("ayer", "hoy", "anoche", "anteayer", "ontem", "hoje", "anteontem", "lunes",
              "martes", "miercoles", "jueves", "viernes", "feira", "sabado", "domingo",
              "esta semana", "nesta semana", "esta manana", "esta tarde", "esta noche",
              "nesta manha", "nesta tarde", "nesta noite", "cedo")
# How far before its last time word an adverbial may start ("na ultima segunda feira").
_TIME_REACH = 24
_TIME_ADVERBS = frozenset({"ayer", "hoy", "anoche", "anteayer", "ontem", "hoje", "anteontem"})
_THAT_DAY_OF = " el dia de "


# The nationalities (places.py): "la Policía boliviana activó", "o Senado paraguaio aprovou";
# and the one-word country names after "de": "a Câmara dos Deputados da Bolívia aprovou".
NATIONALITIES = frozenset(PLACE_NATIONALITIES)
COUNTRIES = frozenset(name for name in PLACE_COUNTRIES if " " not in name)
_PLACE_WORDS = NATIONALITIES | COUNTRIES
OF_A_PLACE = frozenset({"de", "del", "da", "do"})  # "… da Bolívia", "Valle de Aburrá"
# The last word of every insertion.
INSERTION_WORDS = TIME_WORDS + tuple(sorted(_PLACE_WORDS))


def insertion(compact: str, end: int) -> tuple[int, int] | None:
    """The span of the insertion of a compact text (single spaces between words) whose last
    word ends at ``end`` (its last letter): "abrio este martes 14 una" -> the span of "este
    martes 14", "camara de diputados de bolivia aprobo" -> "de bolivia"; None when the word is
    none there ("Santo Domingo", "Bolivia" without "de")."""
    start = compact.rfind(" ", 0, end) + 1
    word = compact[start:end + 1]
    if word in NATIONALITIES:
        return start, end + 1
    if word in COUNTRIES:
        before = compact.rfind(" ", 0, start - 1) + 1
        return (before, end + 1) if compact[before:start - 1] in OF_A_PLACE else None
    if word in _TIME_ADVERBS:  # most time adverbials: one word, no regex
        if compact.endswith(_THAT_DAY_OF, 0, start):
            start -= len(_THAT_DAY_OF) - 1
        return start, end + 1
    for found in _TIME_ADVERBIAL.finditer(compact, max(0, end - _TIME_REACH), end + 5):
        if found.start() <= end < found.end():
            return found.span()
    return None


def holds_time(words: tuple[Word, ...]) -> bool:
    """The words hold a time adverbial ("hoy", "abrió el martes"): a rulebook with such a
    phrase keeps time adverbials in the text."""
    return _TIME_ADVERBIAL.search(" " + " ".join(w.text for w in words) + " ") is not None


def kept_places(words: tuple[Word, ...]) -> set[str]:
    """The nationalities and country names a phrase's words name ("migrantes venezolan*",
    "Estado de Bolivia"): a rulebook keeps those in the text."""
    kept: set[str] = set()
    for word in words:
        if word.is_wildcard:
            kept.update(w for w in _PLACE_WORDS if w.startswith(word.text))
        elif word.text in _PLACE_WORDS:
            kept.add(word.text)
    return kept
