"""HTML rendering for the status page: language choice, Jinja2 (autoescaped), ETag and caching.

Layer: monitor. Uses the digest's translation catalogs and filters (``digests.render``).
The language comes from ``?lang=`` (then kept in a cookie), the ``lang`` cookie, the
Accept-Language header, or the first configured language. Every page gets a strong ETag
(a 304 when it matches), ``Cache-Control: private, no-cache`` and ``Vary: Cookie,
Accept-Language``: a phone revalidates cheaply, and no shared cache ever keeps a members' page.
Settings read: none. Cases: tests/web/.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import jinja2
from starlette.requests import Request
from starlette.responses import Response

from digests.i18n import negotiate
from digests.render import install_filters

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
LANG_COOKIE = "lang"
LANG_COOKIE_MAX_AGE_S = 365 * 24 * 3600
CACHE_CONTROL = "private, no-cache"
VARY = "Cookie, Accept-Language"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    # No script at all; inline CSS only: an escaped-away injection has nothing to run anyway.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}


@lru_cache(maxsize=8)
def environment(language: str) -> jinja2.Environment:
    """The page environment of one language (autoescape on for every template)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    install_filters(env, language)
    return env


def choose_language(request: Request, languages: Sequence[str]) -> str:
    """``?lang=``, then the cookie, then Accept-Language, then the first language."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if candidate in languages:
            return str(candidate)
    negotiated = negotiate(request.headers.get("accept-language"))
    if negotiated is not None and negotiated in languages:
        return negotiated
    return languages[0]


def cached_response(request: Request, body: bytes, *, media_type: str, status_code: int = 200,
                    language: str | None = None) -> Response:
    """A response with ETag, Cache-Control and Vary; 304 when If-None-Match matches."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL, "Vary": VARY, **SECURITY_HEADERS}
    if language:
        headers["Content-Language"] = language
    if status_code == 200 and etag in _etags(request.headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status_code, media_type=media_type, headers=headers)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def render_page(request: Request, template: str, context: Mapping[str, object], *,
                language: str, status_code: int = 200) -> Response:
    """Render an HTML template; keep a ``?lang=`` choice in a cookie."""
    html = environment(language).get_template(template).render(**context)
    response = cached_response(request, html.encode("utf-8"), media_type="text/html",
                               status_code=status_code, language=language)
    remember_language(request, response, language=language)
    return response


def remember_language(request: Request, response: Response, *, language: str) -> None:
    """Set the ``lang`` cookie when the visitor chose a language with ``?lang=``."""
    if request.query_params.get("lang") == language:
        response.set_cookie(LANG_COOKIE, language, max_age=LANG_COOKIE_MAX_AGE_S,
                            samesite="lax", httponly=True)
