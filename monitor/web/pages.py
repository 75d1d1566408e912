"""Public pages: status list, demand detail, source health, Atom feed, JSON API.

Layer: monitor. Handlers are plain functions (Starlette runs them in its thread pool, since the
Store is synchronous). Anonymous visitors get ``include_members=False`` in every Store call;
a hidden demand answers exactly like a missing one (404). Settings read: none.
Cases: tests/web/test_pages.py, tests/web/test_members_leak.py.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import Response

from digests.build import visible_demands
from digests.flags import STAGES, title_in
from digests.i18n import label
from monitor.web.common import base_context, utc_now, visit_of
from monitor.web.rendering import cached_response, environment, remember_language, render_page
from monitor.web.views import (
    coverage_rows,
    demand_row,
    demand_rows,
    evidence_summary,
    highlight_segments,
    source_rows,
    stage_steps,
)

logger = logging.getLogger(__name__)

FEED_DAYS = 180
FEED_ENTRIES = 50
EVIDENCE_ON_DETAIL = 30  # newest first; keeps the page small on a phone
PAGE_SIZE = 40  # demands per status-list page (about 16 KB before gzip)


def status_list(request: Request) -> Response:
    """``/``: every visible demand with status, response, flags and the law stage bar."""
    visit = visit_of(request)
    config = visit.config
    rows = demand_rows(config.store, include_members=visit.viewer.is_member,
                       language=visit.language, today=utc_now().date(),
                       no_news_days=config.no_news_days)
    countries = sorted({r.country for r in rows})
    chosen = (request.query_params.get("country") or "").upper()
    chosen = chosen if chosen in countries else ""
    shown = [r for r in rows if r.country == chosen] if chosen else rows
    pages = max((len(shown) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(page_number(request), pages)
    context = base_context(request, visit) | {
        "rows": shown[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], "total": len(shown),
        "countries": countries, "country": chosen, "page": page, "pages": pages,
        "stage_steps": stage_steps}
    return render_page(request, "status.html.j2", context, language=visit.language)


def page_number(request: Request) -> int:
    """``?page=N`` (1 when missing or not a positive number)."""
    raw = request.query_params.get("page", "1")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10_000 else 1


def demand_detail(request: Request) -> Response:
    """``/d/{id}``: one demand, its status timeline and its dated evidence."""
    visit = visit_of(request)
    store, members = visit.config.store, visit.viewer.is_member
    demand = store.get_demand(request.path_params["demand_id"], include_members=members)
    states = ("confirmed", "proposed") if visit.viewer.is_editor else ("confirmed",)
    items = store.list_evidence(states=states, demand_id=demand.id, include_members=members,
                                limit=EVIDENCE_ON_DETAIL)
    summary = evidence_summary(store, include_members=members, demand_id=demand.id)
    row = demand_row(demand, summary=summary, language=visit.language,
                     today=utc_now().date(), no_news_days=visit.config.no_news_days)
    context = base_context(request, visit) | {
        "demand": demand, "row": row, "stage_steps": stage_steps,
        "description": demand.descriptions.get(visit.language) or
        demand.descriptions.get("es", ""),
        "timeline": list(reversed(store.timeline(demand.id, include_members=members))),
        "evidence": [(e, highlight_segments(e.excerpt, e.highlights)) for e in items],
        "evidence_limit": EVIDENCE_ON_DETAIL}
    return render_page(request, "demand.html.j2", context, language=visit.language)


def sources_page(request: Request) -> Response:
    """``/fuentes``: source health and coverage in words per country."""
    visit = visit_of(request)
    config, now = visit.config, utc_now()
    health = config.store.source_health(failing_after=config.failing_after)
    members = visit.viewer.is_member
    demands = visible_demands(config.store.list_demands(include_members=members),
                              include_members=members)
    watched = config.watched_countries
    if watched is None:  # no rulebook given: a country with any evidence is watched
        found = evidence_summary(config.store, include_members=members).last_evidence_on
        watched = frozenset(demands[d].country for d in found if d in demands)
    countries = {d.country for d in demands.values()} | {s.country for s in health}
    context = base_context(request, visit) | {
        "sources": source_rows(health, now=now, failing_after=config.failing_after,
                               silent_after_days=config.silent_after_days,
                               late_after_days=config.late_after_days),
        "coverage": coverage_rows(countries, health, watched_countries=watched),
        "problems": config.store.problems() if visit.viewer.is_editor else []}
    return render_page(request, "sources.html.j2", context, language=visit.language)


def atom_feed(request: Request) -> Response:
    """``/feed.xml``: the confirmed status changes of the last FEED_DAYS days (Atom)."""
    visit = visit_of(request)
    store, members, now = visit.config.store, visit.viewer.is_member, utc_now()
    demands = visible_demands(store.list_demands(include_members=members),
                              include_members=members)
    changes = [c for c in store.status_changes(start=now - timedelta(days=FEED_DAYS),
                                               end=now + timedelta(days=1),
                                               include_members=members)
               if c.demand_id in demands and not c.is_undone]
    newest = sorted(changes, key=lambda c: c.changed_at, reverse=True)[:FEED_ENTRIES]
    entries = [(c, title_in(demands[c.demand_id], visit.language)) for c in newest]
    body = environment(visit.language).get_template("feed.xml.j2").render(
        entries=entries, site_url=visit.config.site_url, language=visit.language,
        updated=entries[0][0].changed_at if entries else now)
    response = cached_response(request, body.encode("utf-8"),
                               media_type="application/atom+xml", language=visit.language)
    remember_language(request, response, language=visit.language)
    return response


def demands_json(request: Request) -> Response:
    """``/api/demands.json``: the visible demands with labels in the chosen language."""
    visit = visit_of(request)
    config, language = visit.config, visit.language
    rows = demand_rows(config.store, include_members=visit.viewer.is_member, language=language,
                       today=utc_now().date(), no_news_days=config.no_news_days)
    items = [{
        "id": r.id, "url": f"{config.site_url}/d/{r.id}", "country": r.country,
        "kind": r.kind, "is_law": r.is_law, "title": r.title,
        "status": r.status, "status_label": label("status", r.status, language=language),
        "response": r.response,
        "response_label": label("response", r.response, language=language),
        "flags": list(r.flags), "days_since_status_change": r.days_still,
        "target_date": r.target_date.isoformat() if r.target_date else None,
        "law_stage": {"reached": r.stage, "steps": list(STAGES)} if r.is_law else None,
    } for r in rows]
    body = json.dumps({"language": language, "demands": items}, ensure_ascii=False)
    return cached_response(request, body.encode("utf-8"), media_type="application/json",
                           language=language)
