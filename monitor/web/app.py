"""The members' status page: a small Starlette app, server-rendered HTML, no JavaScript.

Layer: monitor. ``create_app`` wires the routes (``monitor.web.pages``, ``monitor.web.reviewing``,
``monitor.web.login``), the signed session (Starlette SessionMiddleware, itsdangerous) and CSRF
protection (asgi-csrf: a signed double-submit token, checked on every POST form). Settings read:
``database_url``, ``secret_key``, ``site_url``, ``failing_after``, ``no_news_days``,
``silent_after_days`` (passed in by ``monitor.runtime``). Cases: tests/web/.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from asgi_csrf import asgi_csrf
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from digests.i18n import LANGUAGES, check_language
from monitor.web import errors, login, pages, reviewing
from storage.store import Store

logger = logging.getLogger(__name__)

GZIP_MIN_BYTES = 800
SESSION_COOKIE = "veeduria_session"
SESSION_MAX_AGE_S = 14 * 24 * 3600
CSRF_COOKIE = "csrftoken"


@dataclass(frozen=True)
class WebConfig:
    """What the handlers need, kept on ``app.state.web``."""

    store: Store
    site_url: str
    languages: tuple[str, ...]
    failing_after: int
    no_news_days: int
    silent_after_days: int
    late_after_days: int
    watched_countries: frozenset[str] | None = field(default=None)


ROUTES = [
    Route("/", pages.status_list, methods=["GET", "HEAD"]),
    Route("/d/{demand_id}", pages.demand_detail, methods=["GET", "HEAD"]),
    Route("/fuentes", pages.sources_page, methods=["GET", "HEAD"]),
    Route("/feed.xml", pages.atom_feed, methods=["GET", "HEAD"]),
    Route("/api/demands.json", pages.demands_json, methods=["GET", "HEAD"]),
    Route("/login", login.login_form, methods=["GET", "HEAD"]),
    Route("/login", login.login_submit, methods=["POST"]),
    Route("/logout", login.logout_submit, methods=["POST"]),
    Route("/revisar", reviewing.review_list, methods=["GET", "HEAD"]),
    Route("/revisar", reviewing.review_submit, methods=["POST"]),
]


def post_paths() -> frozenset[str]:
    """Every path that takes a POST: all of them are CSRF-protected, cookie or not."""
    return frozenset(r.path for r in ROUTES if r.methods and "POST" in r.methods)


async def csrf_failed(scope: Scope, send: Send, message_id: object) -> None:
    """A short trilingual 403 instead of asgi-csrf's English sentence."""
    body = ("Formulario vencido / Formulário expirado / Form expired: "
            "vuelva a cargar la página / recarregue a página / reload the page.").encode()
    logger.info("CSRF check failed on %s", scope.get("path"))
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": body})


def create_app(*, store_url: str, secret_key: str, site_url: str,
               languages: Sequence[str] = LANGUAGES, failing_after: int = 3,
               no_news_days: int = 90, silent_after_days: int = 7, late_after_days: int = 2,
               watched_countries: Collection[str] | None = None) -> Starlette:
    """The status page app over the database at ``store_url`` (opened once, at startup)."""
    if not secret_key:
        raise ValueError("create_app needs a secret_key to sign sessions and CSRF tokens")
    chosen = tuple(check_language(language) for language in languages) or LANGUAGES
    is_https = site_url.lower().startswith("https://")
    app = Starlette(routes=ROUTES, exception_handlers=errors.HANDLERS, middleware=[
        Middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES),
        Middleware(_CsrfMiddleware, secret=secret_key, is_https=is_https),
        Middleware(SessionMiddleware, secret_key=secret_key, session_cookie=SESSION_COOKIE,
                   max_age=SESSION_MAX_AGE_S, same_site="lax", https_only=is_https),
    ])
    app.state.web = WebConfig(
        store=Store.open(store_url), site_url=site_url.rstrip("/"), languages=chosen,
        failing_after=failing_after, no_news_days=no_news_days,
        silent_after_days=silent_after_days, late_after_days=late_after_days,
        watched_countries=None if watched_countries is None else frozenset(watched_countries))
    logger.info("status page ready: %d languages", len(chosen))
    return app


class _CsrfMiddleware:
    """asgi-csrf around the app, protecting every POST path even without cookies."""

    def __init__(self, app: object, *, secret: str, is_https: bool) -> None:
        self._app = asgi_csrf(app, signing_secret=secret, cookie_name=CSRF_COOKIE,
                              always_protect=post_paths(), cookie_secure=is_https,
                              send_csrf_failed=csrf_failed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._app(scope, receive, send)
