"""A document's own date read from its words, for pages and PDFs whose metadata, listing card
and URL carry none: the last resort when every other date source is empty.

Layer: spiders (pure; never raises). Settings read: none (the caller passes ``today``, the fetch
day). Cases: tests/parsing/test_datelines.py; end to end in tests/crawling/test_crawl_datelines.py.

What counts, in this order (the first plausible date wins; a date after ``today`` or before
1990 is skipped and the search goes on):

1. ``dateline``: a line in the opening (first ``OPENING_CHARS`` characters of the text) that
   starts with a place and a date, "La Paz, 12 de marzo de 2024.-", "Cochabamba, 3 sep
   (ABI).-", "Brasília, 14/05/2024", a line that is only a date ("Martes, 12 de marzo de
   2024 - 10:30"), or a gazette masthead ("Edição N° 1657 Sexta-feira • 04 de dezembro de
   2020"). An agency dateline without a year takes the latest year not after ``today``.
2. ``published``: "Publicado el 3 de septiembre de 2021", "Publicado em 03/09/2021", "Fecha de
   publicación: ...", a "Fecha: ..." / "Data: ..." label line, or a document heading line with
   "de fecha" ("Nota CITE 12/2024 de fecha 3 de mayo de 2024"), in the opening. A "publicada el"
   whose sentence names a law, decree or letter first is a reference and is skipped.
3. ``heading``: a norm's heading, "Decreto Supremo N° 4712 de 14 de junio de 2022" or "PORTARIA
   Nº 45, DE 3 DE MAIO DE 2021", at the start of the title, or on a line of the first
   ``HEADING_CHARS`` characters of the text when the norm's name is in capitals (or the line is
   the text's first).
4. ``signature``: the signing clause of a norm anywhere in the text, "a los veinte días del mes
   de mayo de dos mil veinticuatro" or "a los 20 días del mes de mayo del año 2024".

Dates inside a sentence ("conforme a la Ley 348 de 9 de marzo de 2013") are never taken: every
form above is anchored at a line start, a label or a clause, and relative dates ("hace 2 horas")
are not read at all.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from unidecode import unidecode

from spiders.text_dates import MONTH_WORDS_PATTERN, checked_date, month_number

logger = logging.getLogger(__name__)

OPENING_CHARS = 600
HEADING_CHARS = 1500
EARLIEST = date(1990, 1, 1)
_LOOKBACK_CHARS = 120

_WEEKDAY = (r"(?:(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|segunda|"
            r"ter[cç]a|quarta|quinta|sexta)(?:-feira)?,?[ \t]+)?")
_ORDINAL = r"(?:º|°|ero|ro|er|o)?"
_DATE = (
    r"(?:(?P<nd>\d{1,2})(?P<sep>[/.\-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4})(?!\d|[/.\-]\d)"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
    rf"|(?P<wd>\d{{1,2}}){_ORDINAL}(?:\s+de)?\s+(?P<wm>{MONTH_WORDS_PATTERN})\.?"
    r"(?:,?\s+(?:del?\s+)?(?P<wy>\d{4}))?(?![\w-]))"
)
_WHEN = rf"(?i:{_WEEKDAY}{_DATE})"
_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE_WORD = rf"[{_UPPER}][^\s,\d()]*"
_PLACE = (rf"{_PLACE_WORD}(?:[ \t]+(?:(?:de|del|la|las|los|el|do|da|dos|das|y|e)|{_PLACE_WORD}))"
          r"{0,5}(?:[ \t]*\([^)\n]{1,20}\))?")
_DATELINE = re.compile(rf"^[ \t]*{_PLACE}[ \t]*(?:,|[-–—])[ \t]*{_WHEN}", re.M)
_MASTHEAD = re.compile(rf"^[ \t]*(?i:edi[cç][aã]o|edici[oó]n)\b[^\n]{{0,40}}?{_WHEN}", re.M)
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[.,:;\-–—]|$)", re.M)
_DATE_ONLY_LINE = re.compile(
    rf"^[ \t]*{_WHEN}[ \t]*(?:[-–|,·]?[ \t]*\d{{1,2}}[:h]\d{{2}}(?:[ \t]*[a-zA-Z.]{{1,4}})?)?"
    r"[ \t]*\.?[ \t]*$", re.M)
_PUBLISHED = re.compile(
    r"(?i:\b(?:publicad[oa]|fecha\s+de\s+publicaci[oó]n|data\s+de\s+publica[cç][aã]o)"
    r"(?:\s+(?:el|em|en|on)(?:\s+(?:d[ií]a|fecha))?)?\s*:?\s*)" + _WHEN)
_LABEL = re.compile(rf"^[ \t]*(?i:fecha|data)[ \t]*:[ \t]*{_WHEN}", re.M)
_NORM_KIND = (r"ley|lei|decreto(?:[\s-]+(?:supremo|presidencial|legislativo|ley|lei|ejecutivo|"
              r"reglamentario|municipal|departamental|de\s+urgencia))?|resoluci[oó]n|"
              r"resolu[cç][aã]o|portaria|instru[cç][aã]o\s+normativa|medida\s+provis[oó]ria|"
              r"ordenanza|acuerdo|acordo|edital|deliberaç[aã]o|sentencia|alvar[aá]|ato|"
              r"despacho")
_DOC_KIND = (rf"{_NORM_KIND}|nota|cite|comunicado|informe|oficio|of[ií]cio|carta|circular|"
             r"instructivo|memor[aá]ndum")
_DE_FECHA = re.compile(
    rf"^[ \t]*(?P<kind>(?i:{_DOC_KIND}))\b[^\n]{{0,80}}?\b(?i:de\s+fecha)[ \t]*:?[ \t]*{_WHEN}",
    re.M)
_HEADING = re.compile(
    rf"^[ \t]*(?P<kind>(?i:{_NORM_KIND}))\b[^\n]{{0,40}}?\d[\w./\-]*"
    rf"(?:[ \t]+[{_UPPER}][\w./\-]*)?[ \t]*,?\s{{1,4}}"
    rf"(?i:de\s+fecha|del?)\s+{_WHEN}", re.M)
_REFERENCE = re.compile(
    r"\b(?:ley|lei|decreto|resoluci[oó]n|resolu[cç][aã]o|portaria|sentencia|nota|oficio|"
    r"of[ií]cio|carta|norma|reglamento|c[oó]digo|constituci[oó]n)\b", re.I)
_SIGNATURE = re.compile(
    r"\ba\s+los\s+(?P<day>\d{1,2}|[^\W\d_]+(?:\s+y\s+[^\W\d_]+)?)\s+d[ií]as\s+del\s+mes\s+de\s+"
    r"(?P<month>[^\W\d_]+)\s+(?:del?\s+)?(?:a[ñn]o\s+)?(?P<year>\d{4}|[^\W\d_]+(?:\s+[^\W\d_]+)"
    r"{0,5}?)(?=\s*(?:[.,;:]|$))", re.I | re.M)


@dataclass(frozen=True)
class BodyDate:
    """A date found in a document's words and the form it was found in (see the module doc)."""

    value: date
    kind: str  # dateline | published | heading | signature


def body_date(*, title: str, text: str, today: date) -> BodyDate | None:
    """The document's own date from its title and text, or None (see the module docstring)."""
    opening = text[:OPENING_CHARS]
    tiers = (
        ("dateline", _datelines(opening, today=today)),
        ("published", _publication_dates(opening, today=today)),
        ("heading", _heading_dates(title, text[:HEADING_CHARS], today=today)),
        ("signature", _signature_dates(text)),
    )
    for kind, candidates in tiers:
        for found in candidates:
            if found is not None and EARLIEST <= found <= today:
                return BodyDate(found, kind)
    return None


def _datelines(opening: str, *, today: date) -> Iterator[date | None]:
    found = [(m.start(), m, True) for m in _DATELINE.finditer(opening)]
    found += [(m.start(), m, False) for m in _DATE_ONLY_LINE.finditer(opening)]
    found += [(m.start(), m, False) for m in _MASTHEAD.finditer(opening)]
    for _, match, has_place in sorted(found, key=lambda entry: entry[0]):
        is_agency_style = has_place and _DATELINE_TAIL.match(opening, match.end()) is not None
        yield _match_date(match, today=today if is_agency_style else None)


def _publication_dates(opening: str, *, today: date) -> Iterator[date | None]:
    found = [m for m in _PUBLISHED.finditer(opening) if not _is_referenced(opening, m.start())]
    found += list(_LABEL.finditer(opening))
    found += [m for m in _DE_FECHA.finditer(opening) if m.group("kind")[0].isupper()]
    for match in sorted(found, key=lambda m: m.start()):
        yield _match_date(match, today=None)


def _heading_dates(title: str, head: str, *, today: date) -> Iterator[date | None]:
    in_title = _HEADING.match(" ".join(title.split()))
    if in_title is not None:
        yield _match_date(in_title, today=None)
    for match in _HEADING.finditer(head):
        kind = match.group("kind")
        is_first_line = not head[:match.start()].strip()
        if kind.isupper() or (kind[0].isupper() and is_first_line):
            yield _match_date(match, today=None)


def _signature_dates(text: str) -> Iterator[date | None]:
    for match in _SIGNATURE.finditer(text):
        day, year = _number(match.group("day")), _number(match.group("year"))
        month = month_number(match.group("month"))
        yield checked_date(year, month, day) if day and month and year else None


def _is_referenced(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` names a law, decree or letter (a reference)."""
    before = text[max(0, start - _LOOKBACK_CHARS):start]
    sentence = re.split(r"[.;]\s|\n", before)[-1]
    return _REFERENCE.search(sentence) is not None


def _match_date(match: re.Match[str], *, today: date | None) -> date | None:
    """The date a ``_DATE`` match names; a year-less one only with ``today`` to place it."""
    groups = match.groupdict()
    if groups["nd"]:
        return checked_date(int(groups["ny"]), int(groups["nm"]), int(groups["nd"]))
    if groups["iy"]:
        return checked_date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    month = month_number(groups["wm"] or "")
    if month is None:
        return None
    day = int(groups["wd"])
    if groups["wy"]:
        return checked_date(int(groups["wy"]), month, day)
    return _latest_year(month, day, today=today) if today is not None else None


def _latest_year(month: int, day: int, *, today: date) -> date | None:
    """``day``/``month`` in the latest year that does not put it after ``today``."""
    this_year = checked_date(today.year, month, day)
    if this_year is not None and this_year <= today:
        return this_year
    return checked_date(today.year - 1, month, day)


_UNITS = {"un": 1, "uno": 1, "primer": 1, "primero": 1, "dos": 2, "tres": 3, "cuatro": 4,
          "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9}
_WORD_NUMBERS = {
    **_UNITS, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    **{f"veinti{word}": 20 + value for word, value in _UNITS.items() if word != "primer"},
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "novecientos": 900,
}


def _number(words: str) -> int | None:
    """12, "veintiún", "treinta y uno", "dos mil veinticuatro", "mil novecientos noventa"."""
    if words.isdigit():
        return int(words)
    total = current = 0
    for word in unidecode(words).lower().split():
        if word == "mil":
            total, current = total + (current or 1) * 1000, 0
        elif word in _WORD_NUMBERS:
            current += _WORD_NUMBERS[word]
        elif word != "y":
            return None
    return total + current or None
