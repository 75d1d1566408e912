"""``veeduria digest preview|send``: gather one recipient's records, render, deliver.

Layer: monitor (storage → digests). Members-only demands are filtered inside the store's
queries for each recipient (``include_members``), and again by ``digests.build``. Settings read:
site_url, no_news_days, failing_after, silent_after_days, smtp_*, mail_from, fetch_timeout_s.
Cases: tests/test_digest_cmds.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from digests.build import Digest, build_digest, should_send
from digests.errors import DeliveryFailed
from digests.render import RenderedDigest, render_digest
from digests.send import send_digest
from monitor.errors import ConfigError, JobFailed
from monitor.runtime import open_store
from monitor.settings import Settings
from storage import Store

logger = logging.getLogger(__name__)

WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_week(text: str) -> tuple[int, int]:
    match = WEEK_PATTERN.match(text.strip())
    if not match:
        raise ConfigError(f"bad week {text!r}; use ISO form YYYY-Www, e.g. 2026-W47")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ConfigError(f"bad week {text!r}: {year} has no week {week}") from None
    return year, week


def last_week(today: date) -> tuple[int, int]:
    """The ISO week that ended most recently."""
    year, week, _ = (today - timedelta(days=7)).isocalendar()
    return year, week


def gather_digest(store: Store, settings: Settings, *, week: tuple[int, int], language: str,
                  include_members: bool, is_editor: bool, now: datetime,
                  countries: Collection[str] = ()) -> Digest:
    """One recipient's digest; ``countries`` (a subscriber's choice) limits its demands."""
    start = datetime.combine(date.fromisocalendar(week[0], week[1], 1), time.min, UTC)
    end = start + timedelta(days=7)
    demands = [d for d in store.list_demands(include_members=include_members)
               if not countries or d.country in countries]
    return build_digest(
        week=week, language=language, demands=demands,
        changes=store.status_changes(start=start, end=end, include_members=include_members),
        awaiting=store.count_awaiting(at=end, include_members=include_members),
        proposals=store.list_evidence(states=("proposed",), include_members=include_members)
        if is_editor else [],
        health=store.source_health(failing_after=settings.int("failing_after")),
        problems=store.problems(since=start - timedelta(days=7)), now=now,
        no_news_days=settings.int("no_news_days"), site_url=settings.str("site_url"),
        is_editor=is_editor, include_members=include_members,
        last_evidence_on=store.last_evidence_dates(include_members=include_members),
        failing_after=settings.int("failing_after"),
        silent_after_days=settings.int("silent_after_days"))


def preview_digest(settings: Settings, *, week: str, language: str, out: Path | None,
                   include_members: bool, is_editor: bool) -> str:
    parsed = parse_week(week)
    with open_store(settings) as store:
        digest = gather_digest(store, settings, week=parsed, language=language,
                               include_members=include_members or is_editor,
                               is_editor=is_editor, now=datetime.now(UTC))
    parts = render_digest(digest)
    if out is None:
        return f"Subject: {parts.subject}\n\n{parts.text}"
    out.mkdir(parents=True, exist_ok=True)
    (out / "digest.html").write_text(parts.html, encoding="utf-8")
    (out / "digest.txt").write_text(f"Subject: {parts.subject}\n\n{parts.text}",
                                    encoding="utf-8")
    return f"wrote {out / 'digest.html'} and {out / 'digest.txt'}"


def send_digests(settings: Settings, *, week: str | None, force: bool) -> str:
    """Send each subscriber their digest; a failed delivery is listed, the others still go."""
    if not settings.str("smtp_host"):
        raise ConfigError("digest delivery is off: set smtp_host (VEEDURIA_SMTP_HOST)")
    now = datetime.now(UTC)
    parsed = parse_week(week) if week else last_week(now.date())
    sent, skipped, failed = 0, 0, []
    with open_store(settings) as store:
        digests: dict[tuple[str, bool, tuple[str, ...]], Digest] = {}
        for number, sub in enumerate(store.list_subscribers(), start=1):
            profile = (sub.language, sub.is_member, tuple(sorted(sub.countries)))
            if profile not in digests:  # subscribers of one profile get the same digest
                digests[profile] = gather_digest(
                    store, settings, week=parsed, language=sub.language,
                    include_members=sub.is_member, is_editor=False, now=now,
                    countries=sub.countries)
            digest = digests[profile]
            if not (force or should_send(digest)):
                skipped += 1
                continue
            try:
                deliver(settings, render_digest(digest), to=sub.email)
                sent += 1
            except DeliveryFailed as exc:
                failed.append(f"subscriber #{number}: {exc}")
    logger.info("digest %d-W%02d: %d sent, %d skipped, %d failed", parsed[0], parsed[1], sent,
                skipped, len(failed))
    summary = f"digest {parsed[0]}-W{parsed[1]:02d}: {sent} sent, {skipped} skipped (nothing moved)"
    if failed:
        raise JobFailed(summary + f", {len(failed)} failed", failed)
    return summary


def deliver(settings: Settings, parts: RenderedDigest, *, to: str) -> None:
    send_digest(parts, to=to, smtp_host=settings.str("smtp_host"),
                smtp_port=settings.int("smtp_port"), user=settings.str("smtp_user"),
                password=settings.str("smtp_password"), starttls=settings.bool("smtp_starttls"),
                mail_from=settings.str("mail_from"), timeout_s=settings.int("fetch_timeout_s"))
