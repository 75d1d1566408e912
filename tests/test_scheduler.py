"""The scheduler's jobs: one poll job per schedule, the weekly digest, hourly reload."""

from __future__ import annotations

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from monitor.errors import ConfigError
from monitor.scheduler import JOB_DEFAULTS, cron_of, install_jobs, trigger_for
from monitor.settings import read_settings


@pytest.fixture
def settings(tmp_path, database_url):
    return read_settings(environ={"VEEDURIA_DATA_DIR": str(tmp_path),
                                  "VEEDURIA_DATABASE_URL": database_url,
                                  "VEEDURIA_DIGEST_WEEKDAY": "fri",
                                  "VEEDURIA_DIGEST_HOUR": "9"})


def test_named_schedules_are_crontab_lines():
    assert cron_of("daily") == "23 6 * * *"
    assert cron_of("0 7 * * mon") == "0 7 * * mon"


def test_bad_schedule_is_a_config_error():
    with pytest.raises(ConfigError, match="bad schedule 'cada tanto'"):
        trigger_for("cada tanto", timezone="America/La_Paz")


def test_jobs_group_sources_by_schedule_and_add_the_digest(settings):
    scheduler = BackgroundScheduler(job_defaults=JOB_DEFAULTS, timezone="UTC")
    count = install_jobs(scheduler, settings)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert count == len(jobs)
    polls = [job for job_id, job in jobs.items()
             if job_id.startswith("poll:") and job_id != "poll:revisit"]
    polled = sorted(source for job in polls for source in job.args[1])
    assert polled == sorted(["bo_gaceta", "bo_gaceta_cards", "bo_policia", "bo_policia_js",
                             "bo_defensoria", "bo_noticias"])
    assert all("revisit" not in job.args[2] for job in polls)
    revisit = jobs["poll:revisit"]
    assert sorted(revisit.args[1]) == ["bo_defensoria", "bo_gaceta", "bo_gaceta_cards",
                                       "bo_policia_js"]
    assert "revisit" in revisit.args[2]
    digest = jobs["digest"]
    assert "day_of_week='fri'" in str(digest.trigger)
    assert "hour='9'" in str(digest.trigger)


def test_reinstalling_jobs_does_not_duplicate_them(settings):
    scheduler = BackgroundScheduler(job_defaults=JOB_DEFAULTS, timezone="UTC")
    first = install_jobs(scheduler, settings)
    assert install_jobs(scheduler, settings) == first
