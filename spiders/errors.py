"""Collection errors (see the tree in ``monitor/errors.py``): recorded per source, never fatal.

Layer: spiders. Each carries ``kind``: one of dns, timeout, refused, http, robots, parse,
encoding, pdf, empty, blocked, too_large, ssrf, redirect.
"""

from __future__ import annotations


class SourceError(Exception):
    """A source that could not be collected this time; stored with its kind and message."""

    kind = "error"

    def __init__(self, message: str, *, kind: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind
        self.url = url


class SourceUnavailable(SourceError):
    """DNS failure, refused connection, timeout, HTTP 4xx/5xx, disallowed by robots.txt."""

    kind = "http"


class SourceUnreadable(SourceError):
    """A response that arrived but cannot be read: broken feed, truncated PDF, 0 bytes."""

    kind = "parse"


class SourceRefused(SourceError):
    """A request the SSRF guard refused (private, loopback, link-local or metadata address)."""

    kind = "ssrf"
