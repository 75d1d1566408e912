"""Text folding for matching: lower case, no accents, every non-letter a space, offsets kept.

Layer: monitor. ``fold_text`` returns a string exactly as long as its input, so an offset into
the folded text is an offset into the original (highlights and excerpts rely on it). It runs at
C speed: Latin-1 characters go through one byte table; the rare others are folded one by one with
unidecode in a codec error handler.
Cases: tests/watch/test_watch_matcher.py, tests/watch/test_watch_language.py.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from unidecode import unidecode

_ERROR_HANDLER = "veeduria-fold"
# A control character kept by folding, which no scan key holds: the matcher folds a document's
# title and text in one pass, joined by it, and no phrase matches across it.
FIELD_BREAK = "\x1f"
# Ordinal and degree signs are "letters" to Python but mean "number" in "Nº 5637" / "N° 5".
_NOT_LETTERS = frozenset("ºª°")


def _fold_char(char: str) -> str:
    """One character folded to one lower-case ASCII letter or digit, or a space."""
    if not char.isalnum() or char in _NOT_LETTERS:
        return " "
    folded = unidecode(char).lower()
    if len(folded) == 1 and folded.isalnum():
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else " "


def _build_byte_table() -> bytes:
    table = bytearray(256)
    for code in range(256):
        folded = _fold_char(chr(code))
        table[code] = ord(folded) if ord(folded) < 256 else 32
    table[0] = 0  # the marker of a character to fold outside Latin-1 (see fold_text)
    table[ord(FIELD_BREAK)] = ord(FIELD_BREAK)
    return bytes(table)


_BYTE_TABLE = _build_byte_table()


def _fold_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    span = error.object[error.start:error.end]
    out = []
    for char in span:
        folded = _fold_char(char)
        out.append(folded if ord(folded) < 256 else "\x00")
    return "".join(out), error.end


codecs.register_error(_ERROR_HANDLER, _fold_errors)


def fold_text(text: str) -> str:
    """``text`` folded for matching; ``len(fold_text(t)) == len(t)`` always."""
    raw = text.encode("latin-1", _ERROR_HANDLER)
    # Characters folded to a non-Latin-1 letter were marked \x00 above; keep them as themselves.
    folded = raw.translate(_BYTE_TABLE).decode("latin-1")
    if "\x00" in folded:
        folded = "".join(_fold_char(c) if f == "\x00" else f for c, f in zip(text, folded,
                                                                           strict=True))
    return folded


# Adverbs in -mente between a verb and its object are skipped when phrases are matched, so
# "abrió una investigación" also finds "abrió formalmente una investigación" and "fue
# promulgada" finds "fue finalmente promulgada" and "anuló la sentencia" finds "ANULÓ
# TOTALMENTE la Sentencia". Inside a phrase an adverb is skipped too ("denunció formalmente"
# is "denunció"); an adverb that is a whole phrase of the rulebook ("progresivamente") is kept
# in the text (``kept``), and so are these hedges: "activó supuestamente el protocolo" is no
# activation.
KEPT_ADVERBS = frozenset({
    "presuntamente", "supuestamente", "supostamente", "posiblemente", "possivelmente",
    "probablemente", "provavelmente", "aparentemente", "eventualmente", "proximamente",
})
_ADVERB_END = "mente"
_ADVERB_MIN = 8  # "mente", "demente", "siempre" are not adverbs in -mente
# Verbs and adjectives that end in -mente: "el Consulado desmente", "que el Estado implemente".
_NOT_ADVERBS = frozenset({
    "desmente", "implemente", "complemente", "incremente", "suplemente", "experimente",
    "alimente", "reimplemente", "clemente", "vehemente",
})


def is_adverb(word: str) -> bool:
    """A folded word that is an adverb in -mente ("formalmente", "finalmente")."""
    return len(word) >= _ADVERB_MIN and word.endswith(_ADVERB_END) and word.isalpha() and \
        word not in _NOT_ADVERBS


def blank_adverbs(folded: str, kept: frozenset[str] = frozenset()) -> str:
    """``folded`` with every adverb in -mente but ``KEPT_ADVERBS`` and ``kept`` (the rulebook's
    own) replaced by spaces: same length, so offsets still point into the original."""
    pieces: list[str] = []
    cursor = 0
    end = folded.find(_ADVERB_END)
    while end != -1:  # str.find runs in C; most words never reach the Python below
        stop = end + len(_ADVERB_END)
        if stop == len(folded) or not folded[stop].isalnum():
            start = folded.rfind(" ", 0, end) + 1
            adverb = folded[start:stop]
            if is_adverb(adverb) and adverb not in KEPT_ADVERBS and adverb not in kept:
                pieces.append(folded[cursor:start])
                pieces.append(" " * (stop - start))
                cursor = stop
        end = folded.find(_ADVERB_END, stop)
    if not pieces:
        return folded
    pieces.append(folded[cursor:])
    return "".join(pieces)


@dataclass(frozen=True)
class Word:
    """One word of a phrase, folded; ``is_wildcard``: the editor wrote ``stem*``;
    ``stressed``: the editor wrote a final "ó" ("archivó"), which tells a verb from its noun
    ("archivo") and must be in the text too (``phrases.keeps_stress``)."""

    text: str
    is_wildcard: bool
    stressed: bool = False

    @property
    def written(self) -> str:
        """The word as its canonical form shows it: ``activ*``, ``archivó``."""
        if self.stressed:
            return self.text[:-1] + "ó"
        return self.text + ("*" if self.is_wildcard else "")


WILDCARD_MIN_STEM = 3
# A Spanish preterite's final stress, the only accent a match heeds: "archivó" (it archived)
# is not "archivo" (an archive, "Foto: Archivo"), nor "registró" "registro", "rechazó"
# "rechazo", "activó" "activo".
STRESSED_ENDING = "ó"
# Articles, prepositions, conjunctions and pronouns (folded, es and pt): a phrase made only of
# them matches almost any text. Negations are not here ("no", "não" can be a ``none`` phrase),
# nor "dos" (Portuguese "of the", Spanish "two").
FUNCTION_WORDS = frozenset({
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "a", "en",
    "y", "e", "o", "u", "que", "con", "por", "para", "se", "le", "les", "su", "sus", "es",
    "son", "como", "mas", "pero", "si", "sobre", "entre", "hasta", "desde", "ante", "tras",
    "os", "as", "um", "uma", "uns", "umas", "do", "da", "das", "ao", "aos", "em", "na",
    "nas", "nos", "num", "numa", "pelo", "pela", "pelos", "pelas", "com", "seu", "sua", "seus",
    "suas", "ou", "porque", "pois", "ate", "the", "of", "and", "in", "to", "on", "for", "by",
})
_STAR_WORD = re.compile(r"\S+")


def parse_phrase(phrase: str) -> tuple[Word, ...]:
    """The folded words of an editor's phrase; ValueError says why it can never match."""
    words: list[Word] = []
    for chunk in _STAR_WORD.findall(phrase):
        words.extend(_parse_chunk(chunk, phrase))
    if not words:
        raise ValueError(f"phrase {phrase!r} has no letters or digits, so it can never match")
    if len(words) > 1:  # inside a phrase an adverb is skipped, as in the text
        words = [w for w in words if w.is_wildcard or w.text in KEPT_ADVERBS or
                 not is_adverb(w.text)] or words
    if all(w.text in FUNCTION_WORDS and not w.is_wildcard for w in words):
        left = " ".join(w.text for w in words)
        raise ValueError(f"phrase {phrase!r} is only the common word(s) {left!r} (adverbs in "
                         "-mente inside a phrase are skipped), so it would match almost any "
                         "text; name the thing itself")
    return tuple(words)


def _parse_chunk(chunk: str, phrase: str) -> list[Word]:
    stripped = chunk.rstrip(".,;:!?)»\"'”")
    is_wildcard = stripped.endswith("*")
    body = stripped[:-1] if is_wildcard else stripped
    if "*" in body:
        raise ValueError(f"phrase {phrase!r}: '*' may only end a word (as in 'activ*')")
    parts = fold_text(unicodedata.normalize("NFC", body)).split()
    if is_wildcard and not parts:
        raise ValueError(f"phrase {phrase!r}: '*' needs at least {WILDCARD_MIN_STEM} letters "
                         "before it")
    if is_wildcard and len(parts[-1]) < WILDCARD_MIN_STEM:
        raise ValueError(f"phrase {phrase!r}: the stem {parts[-1]!r} before '*' is shorter than "
                         f"{WILDCARD_MIN_STEM} letters and would match too much")
    stressed = not is_wildcard and unicodedata.normalize("NFC", body).lower().endswith(
        STRESSED_ENDING) and bool(parts) and parts[-1].endswith("o")
    last = len(parts) - 1
    return [Word(part, is_wildcard and i == last, stressed and i == last)
            for i, part in enumerate(parts)]


def phrase_key(words: tuple[Word, ...]) -> str:
    """Canonical text of a phrase: folded words, ``*`` and a final "ó" kept (``activ*
    protocolo``, ``archivó el caso``)."""
    return " ".join(w.written for w in words)


# Sentence ends: . ! ? followed by space and a capital/digit/opening mark, or a line break.
# (the leading lookahead names every branch's first character, so the engine skips to those:
# measured a quarter faster than the branches alone)
_SENTENCE_END = re.compile(r"(?=[.!?…\n])"
                           r"(?:[.!?…]+[\"'”»)]*\s+(?=[\"'“«(¿¡]*[A-ZÁÉÍÓÚÑÜÇÂÊÔÃÕÀ0-9])"
                           r"|\n\s*\n|\n(?=\s*[-•*·]))")
_ABBREVIATIONS = frozenset({"art", "arts", "n", "nro", "nº", "no", "num", "dr", "dra", "sr",
                            "sra", "srta", "lic", "ing", "av", "inc", "núm", "pág", "ee", "uu",
                            "cf", "etc", "gral", "cnel", "tte", "sto", "sta", "prof", "dip"})


# A dateline opening the text ends there: "COCHABAMBA.- La audiencia…", "La Paz.— El juez…".
_DATELINE = re.compile(r"[ \t]*[A-ZÁÉÍÓÚÑ][\w ]{0,30}?\.[ ]?[-–—]+[ \t]+(?=[A-ZÁÉÍÓÚÑ«\"“])")


# Every sentence end opens with one of these (``_SENTENCE_END``'s lookahead): found first by
# a one-class pattern, which the regex engine skips to at C speed.
_END_MARK = re.compile(r"[.!?…\n]")


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """What ``_SENTENCE_END.finditer(text)`` finds, tried only where an end may open (twice as
    fast over prose: the pattern's lookahead is no prefix the engine can skip to)."""
    found: list[re.Match[str]] = []
    last, match = 0, _SENTENCE_END.match
    for mark in _END_MARK.finditer(text):
        at = mark.start()
        if at >= last and (end := match(text, at)) is not None:
            found.append(end)
            last = end.end()
    return found


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin (always starts with 0); abbreviations are not ends."""
    starts = [0]
    dateline = _DATELINE.match(text)
    if dateline is not None:
        starts.append(dateline.end())
    for match in _sentence_ends(text):
        end = match.start()
        if text[end] == "." and \
                (before := text[max(0, end - 6):end].split()) and \
                before[-1].lower() in _ABBREVIATIONS:
            continue
        starts.append(match.end())
    return starts


def after_label(text: str, start: int) -> int:
    """Where a sentence starting at ``start`` goes on after its section label or dateline
    ("REGIÓN.- En Perú, …", "COCHABAMBA.- …"), or ``start`` when it has none."""
    label = _DATELINE.match(text, start)
    return start if label is None else label.end()
