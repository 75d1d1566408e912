"""``FetchItem`` for every response and every failure, with the error sorted into a kind.

Layer: spiders. Kinds (see ``spiders.errors``): dns, timeout, refused, http, robots, too_large,
redirect, ssrf, empty, blocked, parse, encoding, pdf, spider. A 304 is a success with
``is_not_modified``. Settings read: none. Cases: tests/crawling/test_crawl_conditional.py and
the other crawl tests.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_errors

from spiders.documents import blocked_error
from spiders.errors import SourceError
from spiders.items import FetchItem
from spiders.middlewares import SENT_AT, STARTED_AT

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

_EXCEPTION_KINDS: tuple[tuple[tuple[type[BaseException], ...], str, str], ...] = (
    ((DownloadTimeoutError, twisted_errors.TimeoutError, twisted_errors.TCPTimedOutError),
     "timeout", "timed out"),
    ((CannotResolveHostError, twisted_errors.DNSLookupError), "dns", "host name not found"),
    ((DownloadConnectionRefusedError, twisted_errors.ConnectionRefusedError), "refused",
     "connection refused"),
    ((DownloadCancelledError,), "too_large", "download cancelled (larger than the size limit)"),
    ((ResponseDataLossError,), "http", "connection closed before the whole response arrived"),
    ((DownloadFailedError, twisted_errors.ConnectionLost, twisted_errors.ConnectionDone),
     "http", "connection lost mid-response"),
)


def response_fetch(response: Response, *, source_id: str,
                   error: SourceError | None = None) -> FetchItem:
    """The FetchItem of a response that arrived (a document may still fail to come of it)."""
    request = response.request
    item = FetchItem(
        source_id=source_id, url=response.url, started_at=_started_at(request),
        duration_ms=_duration_ms(request, response), status=response.status,
        bytes=len(response.body), etag=_header(response, b"ETag"),
        last_modified=_header(response, b"Last-Modified"),
        is_not_modified=response.status == 304)
    if error is not None:
        item.error_kind, item.error = error.kind, str(error)
    elif response.status >= 400:
        item.error_kind, item.error = "http", f"HTTP {response.status}"
    return item


def failure_fetch(failure: Failure, *, source_id: str) -> FetchItem:
    """The FetchItem of a request that failed; HTTP error statuses keep their response."""
    value = failure.value
    request: Request | None = getattr(failure, "request", None)
    if isinstance(value, HttpError) and value.response is not None:
        return response_fetch(value.response, source_id=source_id,
                              error=blocked_error(value.response))
    kind, message = classify(value) if value is not None else ("http", "unknown failure")
    url = request.url if request is not None else (getattr(value, "url", None) or "")
    return FetchItem(source_id=source_id, url=url, started_at=_started_at(request),
                     duration_ms=_duration_ms(request, None), error_kind=kind, error=message)


def classify(exc: BaseException) -> tuple[str, str]:
    """(kind, message) for a download or parsing failure."""
    if isinstance(exc, SourceError):
        return exc.kind, str(exc)
    if isinstance(exc, IgnoreRequest):
        return _ignored(exc)
    for classes, kind, text in _EXCEPTION_KINDS:
        if isinstance(exc, classes):
            detail = str(exc).strip()
            return kind, f"{text}: {detail}" if detail else text
    return "http", f"{type(exc).__name__}: {exc}"


def _ignored(exc: IgnoreRequest) -> tuple[str, str]:
    message = str(exc)
    if "robots.txt" in message:
        return "robots", "disallowed by robots.txt"
    if "redirection" in message:
        return "redirect", "too many redirects (redirect loop?)"
    if "decompress" in message.lower() or "gzip" in message.lower():
        return "encoding", f"cannot decompress the response: {message}"
    return "http", f"request ignored: {message}"


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _started_at(request: Request | None) -> datetime:
    started = request.meta.get(STARTED_AT) if request is not None else None
    return started if isinstance(started, datetime) else datetime.now(UTC)


def _duration_ms(request: Request | None, response: Response | None) -> int:
    if response is not None and request is not None and "download_latency" in request.meta:
        return int(float(request.meta["download_latency"]) * 1000)
    sent = request.meta.get(SENT_AT) if request is not None else None
    return int((time.monotonic() - sent) * 1000) if isinstance(sent, float) else 0
