"""Language of a text among the network's three: es, pt, en (or None when unsure).

Layer: spiders (pure). Settings read: none. Re-exported by ``spiders.text``.
Cases: tests/parsing/test_text.py (short and long samples in each language).

First a stopword count: each language scores the function words only it uses (``el``/``los``/
``del`` for es, ``o``/``os``/``do``/``não`` for pt, ``the``/``and``/``of`` for en) and spellings
only it has (ñ, -ción / ç, ã, -ção). That is decisive on articles and on most headlines, where
langdetect alone sometimes confuses es and pt. When the count gives no answer (a four-word
headline with no function word), langdetect decides, with a fixed seed and a 0.9 threshold.
"""

from __future__ import annotations

import logging
import re

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

logger = logging.getLogger(__name__)

DetectorFactory.seed = 0  # langdetect is random otherwise
_LANGDETECT_MIN_PROB = 0.9
_LANGUAGES = ("es", "pt", "en")

_STOPWORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        "el en los del las la lo un una unos unas y es con su sus al le les pero más muy "
        "también fue son están estos ese esa hay sin cuando donde quien ya ha han había "
        "después hasta según sí yo él ella ellos nosotros usted mismo otra otro año años "
        "dijo tras ante".split()
    ),
    "pt": frozenset(
        "o os do dos da das nos na nas um uma uns umas e é em com pelo pela pelos pelas ao "
        "aos à às não mais muito também foi são estão isso isto esse essa estes há sem "
        "quando onde quem já tem têm depois até sim eu ele ela eles nós você mesmo outra "
        "outro ano anos disse após seu sua seus suas".split()
    ),
    "en": frozenset(
        "the and of to is in that for with was on are as by at from his her it its this "
        "be have has had not but or an they which were been their will would said after "
        "who when there about into more also than".split()
    ),
}
# Words both Iberian languages share are left out ("que", "de", "a", "para", "se", "no",
# "por", "como", "este", "está", "entre", "sobre", "desde"...).
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Spelling only one Iberian language uses: ñ, ¿, -ción for es; ç, ã, õ, lh, -ção for pt.
_SPELLING = {
    "es": re.compile(r"ñ|ción$|ciones$|^ll|ll[aeo]"),
    "pt": re.compile(r"ç|ã|õ|lh|nh|ção$|ções$"),
}
_MIN_HITS = 2
_MARGIN = 1.25  # the winner must beat the runner-up by this factor


def detect_language(text: str) -> str | None:
    """es, pt or en by distinctive stopwords; None for too little signal or a close call."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if not words:
        return None
    return _by_stopwords(words) or _by_langdetect(text[:2000])


def _by_stopwords(words: list[str]) -> str | None:
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPWORDS.items()}
    for lang, spelling in _SPELLING.items():
        scores[lang] += sum(1 for w in words if spelling.search(w))
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, second_hits) = ranked[0], ranked[1]
    if best_hits < _MIN_HITS and not (best_hits == 1 and second_hits == 0):
        return None
    if best_hits < second_hits * _MARGIN:
        return None
    return best


def _by_langdetect(text: str) -> str | None:
    try:
        guesses = detect_langs(text)
    except LangDetectException:
        return None
    best = guesses[0] if guesses else None
    if best is None or best.lang not in _LANGUAGES or best.prob < _LANGDETECT_MIN_PROB:
        return None
    return str(best.lang)
