"""Grouping matches: several documents about one event for one demand become one proposal.

Layer: monitor. Pure function. Key: demand + proposed status (or corroboration) + event codes;
within a key, matches whose dates fall within ``window_days`` of the group's first date join it.
Undated matches of one key form their own group. Cases: tests/watch/test_watch_grouping_backtest.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from monitor.watch.model import Match

DEFAULT_WINDOW_DAYS = 14


@dataclass(frozen=True)
class MatchGroup:
    demand_id: str
    proposes: str | None
    corroborates: str | None
    events: tuple[str, ...]
    first_on: date | None
    last_on: date | None
    matches: tuple[Match, ...]

    @property
    def document_ids(self) -> tuple[int | str, ...]:
        return tuple(dict.fromkeys(m.document_id for m in self.matches))


def _key(match: Match) -> tuple[str, str, str, tuple[str, ...]]:
    return (match.demand_id, match.proposes or "", match.corroborates or "",
            tuple(sorted(match.events)))


def group_matches(matches: Iterable[Match], *,
                  window_days: int = DEFAULT_WINDOW_DAYS) -> list[MatchGroup]:
    """Groups ordered by demand, then date (undated last)."""
    by_key: dict[tuple[str, str, str, tuple[str, ...]], list[Match]] = {}
    for match in matches:
        by_key.setdefault(_key(match), []).append(match)
    groups: list[MatchGroup] = []
    for key, members in by_key.items():
        dated = sorted((m for m in members if m.published_on), key=_date_of)
        undated = [m for m in members if m.published_on is None]
        groups.extend(_split(key, dated, window_days=window_days))
        if undated:
            groups.append(_group(key, undated))
    return sorted(groups, key=lambda g: (g.demand_id, g.first_on or date.max, g.proposes or ""))


def _date_of(match: Match) -> date:
    return match.published_on or date.max


def _split(key: tuple[str, str, str, tuple[str, ...]], dated: list[Match], *,
           window_days: int) -> list[MatchGroup]:
    groups: list[MatchGroup] = []
    current: list[Match] = []
    for match in dated:
        if current and (_date_of(match) - _date_of(current[0])).days > window_days:
            groups.append(_group(key, current))
            current = []
        current.append(match)
    if current:
        groups.append(_group(key, current))
    return groups


def _group(key: tuple[str, str, str, tuple[str, ...]], members: list[Match]) -> MatchGroup:
    dates = [m.published_on for m in members if m.published_on]
    return MatchGroup(demand_id=key[0], proposes=key[1] or None, corroborates=key[2] or None,
                      events=key[3], first_on=min(dates) if dates else None,
                      last_on=max(dates) if dates else None, matches=tuple(members))
