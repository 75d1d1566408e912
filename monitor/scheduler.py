"""``veeduria run``: the long-running scheduler (APScheduler 3.11, BlockingScheduler).

Layer: monitor. Each source is polled on its ``schedule`` (hourly, daily, weekly or a
crontab line) by a crawl child process (one Scrapy reactor per process, killed on time-out);
matching follows each crawl; the weekly digest goes out on digest_weekday at digest_hour.
Jobs are rebuilt from the editors' folder at start and every hour, so an edited rule or source
takes effect without a restart; a broken file keeps its last good version (monitor.loading).
Settings read: timezone, digest_weekday, digest_hour and the cycle's. Cases:
tests/test_scheduler.py.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from digests.errors import DigestError
from monitor.components import log_components
from monitor.cycle import ALL_STEPS, POLL_STEPS
from monitor.errors import ConfigError, VeeduriaError
from monitor.loading import load_folder
from monitor.settings import Settings
from spiders.specs import SourceSpec
from storage.errors import StorageError

logger = logging.getLogger(__name__)

NAMED_SCHEDULES = {
    "hourly": "17 * * * *",
    "daily": "23 6 * * *",
    "weekly": "41 5 * * mon",
}
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600}


def cron_of(schedule: str) -> str:
    """A source's schedule as a crontab line (named rhythms map to fixed, off-peak minutes)."""
    return NAMED_SCHEDULES.get(schedule, schedule)


def trigger_for(schedule: str, *, timezone: str) -> CronTrigger:
    try:
        return CronTrigger.from_crontab(cron_of(schedule), timezone=timezone)
    except ValueError as exc:
        raise ConfigError(f"bad schedule {schedule!r}: {exc}; use hourly, daily, weekly or a "
                          "crontab line such as '0 7 * * mon'") from exc


def group_by_schedule(specs: Sequence[SourceSpec]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for spec in specs:
        groups[cron_of(spec.schedule)].append(spec.id)
    return dict(groups)


def poll_sources(settings: Settings, source_ids: list[str], steps: list[str]) -> None:
    """One scheduled job: crawl these sources, then match. Failures are stored, never raised."""
    from monitor.cycle import run_cycle

    try:
        summary = run_cycle(settings, source_ids=source_ids, steps=frozenset(steps))
    except (VeeduriaError, StorageError) as exc:
        logger.error("scheduled poll of %d sources failed: %s", len(source_ids), exc)
        return
    logger.info("scheduled poll: %d sources, %d new proposals, %d problems", len(source_ids),
                summary.match.proposals_new, len(summary.problems))


def send_weekly_digest(settings: Settings) -> None:
    from monitor.digestcmds import send_digests

    try:
        logger.info("weekly digest: %s", send_digests(settings, week=None, force=False))
    except (VeeduriaError, DigestError, StorageError) as exc:
        logger.error("weekly digest failed: %s: %s", type(exc).__name__, exc)


def install_jobs(scheduler: BaseScheduler, settings: Settings) -> int:
    """(Re)create the poll and digest jobs from the editors' folder; return the job count."""
    loaded = load_folder(settings, variables={})
    timezone = settings.str("timezone")
    for job in scheduler.get_jobs():
        if job.id.startswith("poll:") or job.id == "digest":
            job.remove()
    for cron, ids in group_by_schedule(loaded.sources).items():
        scheduler.add_job(poll_sources, trigger_for(cron, timezone=timezone),
                          args=[settings, ids, sorted(POLL_STEPS)], id=f"poll:{cron}",
                          name=f"poll {len(ids)} sources ({cron})")
    listings = [s.id for s in loaded.sources if s.listing is not None]
    if listings:
        scheduler.add_job(poll_sources, trigger_for(settings.str("revisit_schedule"),
                                                    timezone=timezone),
                          args=[settings, listings, sorted(ALL_STEPS)], id="poll:revisit",
                          name=f"revisit {len(listings)} listings")
    scheduler.add_job(send_weekly_digest, CronTrigger(
        day_of_week=settings.str("digest_weekday"), hour=settings.int("digest_hour"),
        timezone=timezone), args=[settings], id="digest", name="weekly digest")
    return len(scheduler.get_jobs())


def build_scheduler(settings: Settings) -> BlockingScheduler:
    scheduler = BlockingScheduler(job_defaults=JOB_DEFAULTS, timezone=settings.str("timezone"))
    install_jobs(scheduler, settings)
    scheduler.add_job(install_jobs, "interval", hours=1, args=[scheduler, settings],
                      id="reload", name="reload rules and sources")
    return scheduler


def run_scheduler(settings: Settings) -> None:
    from monitor.runtime import upgrade_database

    upgrade_database(settings)
    for component in log_components(settings):
        print(component, flush=True)
    scheduler = build_scheduler(settings)
    for job in scheduler.get_jobs():
        logger.info("job %s: %s", job.id, job.name)
    print(f"Scheduler running with {len(scheduler.get_jobs())} jobs (Ctrl-C stops).", flush=True)
    scheduler.start()
