"""Logging set-up for the CLI: one handler to stderr, level from the ``log_level`` setting.

Layer: monitor. Settings read: log_level. Never logs secrets or scraped text (modules log ids
and counts); Scrapy's and Twisted's chatter is kept at WARNING unless -vv.
"""

from __future__ import annotations

import logging
import sys

from monitor.settings import Settings


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is now (tests and consoles swap it)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass

# Loggers that can print scraped text at DEBUG: held at WARNING whatever the verbosity.
TEXT_LOGGERS = ("readability", "readability.readability", "trafilatura", "htmldate",
                "courlan", "justext")
NOISY = ("scrapy", "twisted", "asyncio", "urllib3", "filelock", "trafilatura", "htmldate",
         "charset_normalizer", "apscheduler.executors", "uvicorn.access", "playwright",
         "scrapy_playwright", "alembic", "aiosmtpd", "mail.log")


def setup_logging(settings: Settings, *, verbose: int = 0) -> None:
    level = logging.DEBUG if verbose >= 2 else (logging.INFO if verbose == 1 else
                                                 getattr(logging, settings.str("log_level")
                                                         .upper(), logging.INFO))
    root = logging.getLogger()
    if not any(getattr(h, "_veeduria", False) for h in root.handlers):
        handler = StderrHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                               "%H:%M:%S"))
        handler._veeduria = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose >= 2 else logging.WARNING)
    for name in TEXT_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
