"""Optional parts and whether they are on: JS rendering, OCR, SMTP delivery.

Layer: monitor. An optional part whose setting is empty turns itself off and says why; the
demo, the scheduler and `veeduria settings` show one "enabled / disabled (reason)" line each.
Settings read: chromium_path, ocr_languages, smtp_host, smtp_port. Cases: tests/test_cli.py.
"""

from __future__ import annotations

import logging
import os
import shutil
from typing import NamedTuple

from monitor.settings import Settings

logger = logging.getLogger(__name__)


class Component(NamedTuple):
    name: str
    is_enabled: bool
    reason: str

    def __str__(self) -> str:
        state = "enabled" if self.is_enabled else "disabled"
        return f"{self.name}: {state} ({self.reason})"


def _js(settings: Settings) -> Component:
    path = settings.str("chromium_path")
    if not path:
        return Component("JS rendering", False, "chromium_path is empty")
    if not os.access(path, os.X_OK):
        return Component("JS rendering", False, f"no Chromium at {path}")
    return Component("JS rendering", True, f"Chromium at {path}")


def _ocr(settings: Settings) -> Component:
    languages = settings.str("ocr_languages")
    if not languages:
        return Component("OCR of scanned PDFs", False, "ocr_languages is empty")
    if shutil.which("tesseract") is None:
        return Component("OCR of scanned PDFs", False, "tesseract is not installed")
    return Component("OCR of scanned PDFs", True, f"tesseract, languages {languages}")


def _smtp(settings: Settings) -> Component:
    host = settings.str("smtp_host")
    if not host:
        return Component("digest delivery", False, "smtp_host is empty")
    return Component("digest delivery", True, f"SMTP {host}:{settings.int('smtp_port')}")


def components(settings: Settings) -> list[Component]:
    return [_js(settings), _ocr(settings), _smtp(settings)]


def log_components(settings: Settings) -> list[Component]:
    found = components(settings)
    for component in found:
        logger.info("%s", component)
    return found
