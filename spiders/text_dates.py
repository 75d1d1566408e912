"""Dates as sites write them: ISO, RFC 822, DD/MM/YYYY, "20 de junio de 2026", "Seg, 24 Set 2018".

Layer: spiders (pure; never raises). Settings read: none. Re-exported by ``spiders.text``.
Cases: tests/parsing/test_text.py. Dates in a document's body text (datelines, "publicado
el", a norm's heading) are found by ``spiders.text_datelines``, which uses ``month_number`` and
``checked_date`` from here.

Fast paths (ISO 8601, RFC 822, numeric day-first, "D de MES de YYYY") are hand-written regexes;
anything else goes to ``dateparser`` (already installed with trafilatura/htmldate) restricted to
absolute dates, so "hace 2 horas" does not silently become today.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime

logger = logging.getLogger(__name__)

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_MONTHS = {
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # pt
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    # en
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# The 3-letter cuts of the names above never collide ("mar" is March in all three languages).
_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items()}
# Every month word ``month_number`` knows, longest first, for a regex (use it case-insensitively).
MONTH_WORDS_PATTERN = "|".join(
    sorted({*_MONTHS, *_ABBREVIATIONS, "sept"}, key=lambda word: (-len(word), word))
)
_LONG_FORM = re.compile(r"\b(\d{1,2})(?:º|°|o)?\s+de\s+([a-zç]+)\s+(?:de|del)\s+(\d{4})\b", re.I)
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["timestamp", "absolute-time"],
    "STRICT_PARSING": False,
}


def parse_date(value: str, *, languages: Sequence[str] = ("es", "pt", "en")) -> date | None:
    """The calendar date in ``value`` as the site wrote it (local date, no timezone shift)."""
    text = " ".join(str(value).split())
    if not text or len(text) > 200:
        return None
    for parser in (_parse_iso, _parse_rfc822, _parse_dmy, _parse_long_form):
        found = parser(text)
        if found is not None:
            return found
    return _parse_with_dateparser(text, languages=languages)


def month_number(name: str) -> int | None:
    """1-12 for a month name in es/pt/en, full ("setiembre", "MARÇO") or cut to 3 letters with
    an optional dot ("sep", "set.", "dez") or "sept"; None for anything else."""
    word = name.lower().rstrip(".")
    if word in _MONTHS:
        return _MONTHS[word]
    if word == "sept":
        return 9
    return _ABBREVIATIONS.get(word) if len(word) == 3 else None


def checked_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist or its year is outside 1900-2100."""
    return _checked(year, month, day)


def _checked(year: int, month: int, day: int) -> date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_iso(text: str) -> date | None:
    match = _ISO.match(text) or _COMPACT.match(text)
    return _checked(*map(int, match.groups()[:3])) if match else None


def _parse_rfc822(text: str) -> date | None:
    if not re.match(r"^([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _checked(parsed.year, parsed.month, parsed.day)


def _parse_dmy(text: str) -> date | None:
    match = _DMY.match(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    return _checked(year, month, day)


def _parse_long_form(text: str) -> date | None:
    match = _LONG_FORM.search(text)
    if not match:
        return None
    month = _MONTHS.get(match.group(2).lower())
    return _checked(int(match.group(3)), month, int(match.group(1))) if month else None


def _parse_with_dateparser(text: str, *, languages: Sequence[str]) -> date | None:
    import dateparser  # slow import; only reached for unusual formats

    try:
        parsed = dateparser.parse(
            text, languages=list(languages), settings=_DATEPARSER_SETTINGS
        )
    except (ValueError, TypeError, OverflowError, KeyError, AttributeError) as exc:
        logger.debug("dateparser failed: %s", type(exc).__name__)
        return None
    if not isinstance(parsed, datetime):
        return None
    return _checked(parsed.year, parsed.month, parsed.day)


_URL_DATE_PATTERNS = (
    re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$|[-_])"),
    re.compile(r"/(\d{4})-(\d{2})-(\d{2})(?:/|$|[-_])"),
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
)


def date_from_url(url: str) -> date | None:
    """A date embedded in a URL path: ``/2022/05/04/``, ``/2022-05-04-``, ``20220503``."""
    path = url.split("?", 1)[0]
    for pattern in _URL_DATE_PATTERNS:
        for match in pattern.finditer(path):
            found = _checked(*map(int, match.groups()))
            if found is not None and found.year >= 1990:
                return found
    return None
