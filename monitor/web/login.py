"""``/login`` and ``/logout``: the forms and their POST handlers (CSRF-checked by the app).

Layer: monitor. A failed login shows the same message for an unknown name and a wrong password.
Settings read: none. Cases: tests/web/test_auth.py.
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from monitor.web.auth import check_password, log_in, log_out
from monitor.web.common import base_context, visit_of
from monitor.web.rendering import render_page

logger = logging.getLogger(__name__)

MAX_FIELD_CHARS = 200


def login_form(request: Request) -> Response:
    visit = visit_of(request)
    context = base_context(request, visit) | {"failed": False, "username": ""}
    return render_page(request, "login.html.j2", context, language=visit.language)


def _login_failed(request: Request, username: str) -> Response:
    visit = visit_of(request)
    context = base_context(request, visit) | {"failed": True, "username": username}
    return render_page(request, "login.html.j2", context, language=visit.language,
                       status_code=401)


async def login_submit(request: Request) -> Response:
    form = await request.form()
    username = str(form.get("username") or "").strip()[:MAX_FIELD_CHARS]
    password = str(form.get("password") or "")[:MAX_FIELD_CHARS]
    store = request.app.state.web.store
    viewer = await run_in_threadpool(check_password, store, username, password) \
        if username and password else None
    if viewer is None:
        return await run_in_threadpool(_login_failed, request, username)
    log_in(request, viewer)
    logger.info("login: a %s started a session", viewer.role)
    return RedirectResponse("/", status_code=303)


async def logout_submit(request: Request) -> Response:
    log_out(request)
    return RedirectResponse("/", status_code=303)
