"""Translations (es first, pt, en) of every UI string, status, response, event code and flag.

Layer: digests (the status page in ``monitor.web`` uses the same catalogs). The catalogs are
gettext ``.po`` files in ``digests/locale/<lang>/LC_MESSAGES/veeduria.po``, read at run time with
Babel (no compile step). Slugs are translated with a context: ``pgettext("status", "in_progress")``;
UI sentences use the English text as msgid. Dates are formatted by Babel (es_AR, pt_BR, en).
Settings read: none. Cases: tests/digests/test_i18n.py.
"""

from __future__ import annotations

import io
import logging
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from digests.errors import DigestError

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("es", "pt", "en")
DEFAULT_LANGUAGE = "es"
LOCALES: dict[str, str] = {"es": "es_AR", "pt": "pt_BR", "en": "en"}
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "veeduria"

# Slug families translated with a msgctxt of the same name.
CONTEXTS = ("status", "response", "event", "flag", "kind", "source_state", "coverage", "stage",
            "role")


def catalog_path(language: str) -> Path:
    """Where the ``.po`` catalog of one language lives."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def check_language(language: str) -> str:
    """Return ``language`` if supported, else raise DigestError naming the allowed ones."""
    if language not in LANGUAGES:
        raise DigestError(f"unknown language {language!r}; allowed: {', '.join(LANGUAGES)}")
    return language


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> Translations:
    """The Babel Translations of ``language``, read from its ``.po`` file once per process."""
    path = catalog_path(check_language(language))
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=LOCALES[language], domain=DOMAIN)
    except OSError as exc:
        raise DigestError(f"{path}: cannot read translations: {exc.strerror}") from exc
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # in memory: the .po file stays the only artefact
    buffer.seek(0)
    logger.debug("catalog %s: %d messages", language, len(catalog))
    return Translations(buffer, domain=DOMAIN)


def gettext(text: str, *, language: str) -> str:
    """Translate one UI sentence (the English msgid) into ``language``."""
    return str(translations(language).gettext(text))


def label(context: str, slug: str, *, language: str) -> str:
    """The label of a slug (status, response, event, flag...); the slug itself when unknown."""
    return str(translations(language).pgettext(context, slug))


def event_label(code: str, *, language: str) -> str:
    """Label of an event code; ``base:qualifier`` / ``base.qualifier`` codes join both labels."""
    for separator in (":", ".", "/"):
        if separator in code:
            base, qualifier = code.split(separator, 1)
            return f"{label('event', base, language=language)} " \
                   f"({label('event', qualifier, language=language)})"
    return label("event", code, language=language)


def date_text(value: date | datetime | None, *, language: str, form: str = "medium") -> str:
    """A date in the language's usual form (Babel), '' for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_date(value.date(), form, locale=LOCALES[language])
    return format_date(value, form, locale=LOCALES[language])


def datetime_text(value: datetime | None, *, language: str) -> str:
    """A timestamp (UTC) in the language's usual short form."""
    if value is None:
        return ""
    return format_datetime(value, "short", tzinfo=value.tzinfo, locale=LOCALES[language])


def country_name(code: str, *, language: str) -> str:
    """The country's name in ``language`` (Babel's CLDR data), the code when unknown."""
    name = Locale.parse(LOCALES[language]).territories.get(code.upper())
    return str(name) if name else code


def negotiate(accept_language: str | None) -> str | None:
    """The best supported language in an Accept-Language header, or None."""
    if not accept_language:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = _quality(params)
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def _quality(params: str) -> float:
    params = params.strip()
    if not params.startswith("q="):
        return 1.0
    try:
        return float(params[2:])
    except ValueError:
        return 0.0
