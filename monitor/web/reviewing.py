"""``/revisar``: editors confirm, reassign or reject proposals from their phone.

Layer: monitor. GET lists the proposals; POST (CSRF-checked by the app) takes ``action``
(confirm | reassign | reject), ``evidence_id``, ``status`` (reassign) and ``note`` (the reason,
required to reject) and calls ``Store.confirm`` / ``Store.reject``. The outcome is shown once
through the session ("flash"). Anonymous visitors are sent to /login, members get 403.
Settings read: none. Cases: tests/web/test_review.py.
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from digests.flags import title_in
from monitor.web.common import Visit, base_context, visit_of
from monitor.web.rendering import render_page
from monitor.web.views import highlight_segments
from storage.errors import Conflict, NotFound
from storage.records import STATUSES

logger = logging.getLogger(__name__)

FLASH = "flash"
ACTIONS = ("confirm", "reassign", "reject")
MAX_NOTE_CHARS = 2000
SHOWN_PROPOSALS = 20  # newest first; the total is shown above the list


def _editor_visit(request: Request) -> Visit | Response:
    visit = visit_of(request)
    if visit.viewer.username is None:
        return RedirectResponse("/login", status_code=303)
    if not visit.viewer.is_editor:
        raise HTTPException(status_code=403)
    return visit


def review_list(request: Request) -> Response:
    """The newest undecided proposals, each with its three forms."""
    visit = _editor_visit(request)
    if isinstance(visit, Response):
        return visit
    store = visit.config.store
    demands = {d.id: d for d in store.list_demands(include_members=True)}
    items = store.list_evidence(states=("proposed",), include_members=True,
                                limit=SHOWN_PROPOSALS)
    proposals = [(e, title_in(demands[e.demand_id], visit.language) if e.demand_id in demands
                  else e.demand_id, highlight_segments(e.excerpt, e.highlights)) for e in items]
    context = base_context(request, visit) | {
        "proposals": proposals, "statuses": STATUSES,
        "total": store.count_proposed(include_members=True),
        "flash": request.session.pop(FLASH, None)}
    return render_page(request, "review.html.j2", context, language=visit.language)


async def review_submit(request: Request) -> Response:
    visit = await run_in_threadpool(_editor_visit, request)
    if isinstance(visit, Response):
        return visit
    form = await request.form()
    action = str(form.get("action") or "")
    note = str(form.get("note") or "").strip()[:MAX_NOTE_CHARS] or None
    status = str(form.get("status") or "") or None
    try:
        evidence_id = int(str(form.get("evidence_id") or ""))
    except ValueError:
        evidence_id = -1
    outcome = await run_in_threadpool(_decide, visit, action=action, evidence_id=evidence_id,
                                      note=note, status=status)
    request.session[FLASH] = outcome
    return RedirectResponse("/revisar", status_code=303)


def _decide(visit: Visit, *, action: str, evidence_id: int, note: str | None,
            status: str | None) -> list[str]:
    """Apply one decision; return [message key, evidence id] for the flash line."""
    store, editor = visit.config.store, str(visit.viewer.username)
    if action not in ACTIONS or evidence_id < 0:
        return ["bad_request", ""]
    if action == "reject" and not note:
        return ["reason_needed", str(evidence_id)]
    if action == "reassign" and status not in STATUSES:
        return ["bad_status", str(evidence_id)]
    try:
        if action == "reject":
            store.reject(evidence_id, editor=editor, why=str(note))
        else:
            store.confirm(evidence_id, editor=editor, note=note,
                          status=status if action == "reassign" else None)
    except (Conflict, NotFound):
        return ["already_decided", str(evidence_id)]
    logger.info("review via web: evidence %d %s", evidence_id, action)
    return [f"done_{action}", str(evidence_id)]
