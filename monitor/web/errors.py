"""Error pages of the status page: no traceback ever reaches a visitor.

Layer: monitor. A hidden members-only demand and a missing one give the same 404. Storage
trouble gives a 503 page; anything unexpected a 500 page (logged with its type only).
Settings read: none. Cases: tests/web/test_pages.py.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from monitor.web.rendering import choose_language, render_page
from storage.errors import NotFound, StorageError

logger = logging.getLogger(__name__)

Handler = Callable[[Request, Exception], Awaitable[Response]]


def error_page(request: Request, status_code: int) -> Response:
    """A small translated page for an HTTP error (no session lookup: it may be the problem)."""
    languages = getattr(getattr(request.app.state, "web", None), "languages", ("es",))
    language = choose_language(request, languages)
    context = {"status_code": status_code, "language": language, "viewer": None,
               "language_links": [], "path": request.url.path, "site_url": "",
               "csrf_token": lambda: ""}
    response = render_page(request, "error.html.j2", context, language=language,
                           status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    return response


async def not_found(request: Request, exc: Exception) -> Response:
    return await run_in_threadpool(error_page, request, 404)


async def http_error(request: Request, exc: Exception) -> Response:
    status_code = exc.status_code if isinstance(exc, HTTPException) else 500
    return await run_in_threadpool(error_page, request, status_code)


async def storage_error(request: Request, exc: Exception) -> Response:
    logger.error("storage error on %s: %s", request.url.path, type(exc).__name__)
    return await run_in_threadpool(error_page, request, 503)


async def server_error(request: Request, exc: Exception) -> Response:
    logger.error("unexpected %s on %s", type(exc).__name__, request.url.path)
    return await run_in_threadpool(error_page, request, 500)


HANDLERS: Mapping[type[Exception] | int, Handler] = {
    NotFound: not_found,
    StorageError: storage_error,
    HTTPException: http_error,
    500: server_error,
}
