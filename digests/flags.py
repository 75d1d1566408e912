"""Computed flags of a demand (not statuses) and the law stage bar, shared by digest and web.

Layer: digests (pure; imports only ``storage.records``). Flags: overdue (target date passed,
not fulfilled/closed), no news for N days, awaiting review (an undecided proposal), and
"State claims done but evidence disagrees" (response ``claims_done``, status not fulfilled).
Settings read: none (``no_news_days`` is passed in). Cases: tests/digests/test_flags.py.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date

from storage.records import DemandRecord

FLAGS: tuple[str, ...] = ("claims_done_disagrees", "overdue", "no_news", "awaiting_review")
SETTLED = frozenset({"fulfilled", "closed"})
STAGES: tuple[str, ...] = ("filed", "chamber_1", "chamber_2", "promulgated")
_PROMULGATED = frozenset({"promulgacion", "publicacion_oficial"})
_COMMITTEE_OK = frozenset({"comision_favorable", "comision:favorable", "comision.favorable"})


def title_in(demand: DemandRecord, language: str) -> str:
    """The demand's title in ``language``, else Spanish, else any title, else its id."""
    for key in (language, "es", "pt", "en"):
        if demand.titles.get(key):
            return demand.titles[key]
    return demand.id


def is_overdue(demand: DemandRecord, *, today: date) -> bool:
    """A target date passed and the demand is neither fulfilled nor closed."""
    return (demand.target_date is not None and demand.target_date < today
            and demand.status not in SETTLED)


def claims_done_disagrees(demand: DemandRecord) -> bool:
    """The State says it is done, the evidence does not show it (closed demands excepted)."""
    return demand.response == "claims_done" and demand.status not in SETTLED


def last_news_on(demand: DemandRecord, *, last_evidence_on: Mapping[str, date]) -> date | None:
    """Latest of: status change, newest evidence found, the date the demand was made."""
    dates = [d for d in (demand.status_since, demand.made_on, last_evidence_on.get(demand.id))
             if d is not None]
    return max(dates) if dates else None


def days_since(day: date | None, *, today: date) -> int | None:
    """Whole days from ``day`` to ``today`` (None when unknown)."""
    return None if day is None else max((today - day).days, 0)


def is_without_news(demand: DemandRecord, *, today: date, no_news_days: int,
                    last_evidence_on: Mapping[str, date]) -> bool:
    """Open demand with no movement or evidence for ``no_news_days`` days (or never)."""
    if demand.status in SETTLED:
        return False
    days = days_since(last_news_on(demand, last_evidence_on=last_evidence_on), today=today)
    return days is None or days >= no_news_days


def demand_flags(demand: DemandRecord, *, today: date, no_news_days: int,
                 awaiting_ids: Collection[str],
                 last_evidence_on: Mapping[str, date]) -> tuple[str, ...]:
    """The flags of one demand, most serious first (order of ``FLAGS``)."""
    found = {
        "claims_done_disagrees": claims_done_disagrees(demand),
        "overdue": is_overdue(demand, today=today),
        "no_news": is_without_news(demand, today=today, no_news_days=no_news_days,
                                   last_evidence_on=last_evidence_on),
        "awaiting_review": demand.id in awaiting_ids,
    }
    return tuple(flag for flag in FLAGS if found[flag])


def law_stage(event_codes: Iterable[Iterable[str]], *, status: str) -> int:
    """Steps reached (0-4) on filed → chamber 1 → chamber 2/committee → promulgated.

    ``event_codes`` holds the codes of each *confirmed* evidence item of the demand.
    """
    codes = [frozenset(item) for item in event_codes]
    passages = sum(1 for item in codes if "aprobacion_camara" in item)
    committee = any(item & _COMMITTEE_OK for item in codes)
    if status == "fulfilled" or any(item & _PROMULGATED for item in codes):
        return 4
    if passages >= 2 or (passages and committee):
        return 3
    if passages:
        return 2
    if any("proyecto_presentado" in item or "comision" in item for item in codes) or committee:
        return 1
    return 0
