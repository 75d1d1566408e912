"""Helpers every page handler shares: the config, the viewer, the language, the base context.

Layer: monitor. Settings read: none. Cases: tests/web/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.requests import Request

from monitor.web.auth import Viewer, current_viewer
from monitor.web.rendering import choose_language

if TYPE_CHECKING:
    from monitor.web.app import WebConfig

LANGUAGE_NAMES = {"es": "Español", "pt": "Português", "en": "English"}
# Query parameters carried into the language links; nothing else is reflected into a page
# (gzip plus reflected input next to a CSRF token would allow BREACH-style guessing).
KEPT_PARAMS = {"country": re.compile(r"[A-Za-z]{2}"), "page": re.compile(r"[0-9]{1,4}")}


@dataclass(frozen=True)
class Visit:
    """One request's config, viewer and language."""

    config: WebConfig
    viewer: Viewer
    language: str


def config_of(request: Request) -> WebConfig:
    config: WebConfig = request.app.state.web
    return config


def visit_of(request: Request) -> Visit:
    """Config, viewer (role re-read from storage) and chosen language of a request."""
    config = config_of(request)
    viewer = current_viewer(request, config.store)
    return Visit(config, viewer, choose_language(request, config.languages))


def utc_now() -> datetime:
    return datetime.now(UTC)


def language_links(request: Request, languages: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(code, name, url) for each language, keeping the other query parameters."""
    kept = [(k, v) for k, v in request.query_params.multi_items()
            if k in KEPT_PARAMS and KEPT_PARAMS[k].fullmatch(v)]
    return [(code, LANGUAGE_NAMES.get(code, code),
             f"{request.url.path}?{urlencode([*kept, ('lang', code)])}") for code in languages]


def base_context(request: Request, visit: Visit) -> dict[str, object]:
    """What the layout template needs on every page."""
    token = request.scope.get("csrftoken")
    return {
        "viewer": visit.viewer,
        "language": visit.language,
        "language_links": language_links(request, visit.config.languages),
        "site_url": visit.config.site_url,
        "path": request.url.path,
        "csrf_token": token if callable(token) else (lambda: ""),
    }
