"""The ``veeduria`` command line: help, settings, exit codes and messages (no traceback)."""

from __future__ import annotations

import pytest

from monitor.cli import main

COMMANDS = ("demo", "db", "rules", "crawl", "match", "cycle", "review", "serve", "digest",
            "settings", "sources", "changes", "realworld", "run", "users", "subscribers")


@pytest.fixture
def env(monkeypatch, tmp_path, database_url):
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_help_lists_every_command_with_its_help(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"  {command} " in out, command


def test_settings_masks_secrets(env, monkeypatch, capsys):
    monkeypatch.setenv("VEEDURIA_SMTP_PASSWORD", "hunter2-secret")
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", "postgresql+psycopg://u:pw-secret@db.example/v")
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    assert "hunter2-secret" not in out and "pw-secret" not in out
    assert "smtp_password" in out and "***" in out


def test_unknown_setting_exits_2_listing_allowed_keys(env, monkeypatch, capsys):
    monkeypatch.setenv("VEEDURIA_FETCH_TIMEOUT", "3")
    assert main(["settings"]) == 2
    err = capsys.readouterr().err
    assert "unknown setting(s) fetch_timeout" in err
    assert "allowed:" in err and "fetch_timeout_s" in err
    assert "Traceback" not in err


def test_wrong_type_exits_2(env, monkeypatch, capsys):
    monkeypatch.setenv("VEEDURIA_FETCH_TIMEOUT_S", "soon")
    assert main(["settings"]) == 2
    assert "fetch_timeout_s must be int" in capsys.readouterr().err


def test_db_upgrade_then_review_list_is_empty(env, capsys):
    assert main(["db", "upgrade"]) == 0
    assert main(["review", "list"]) == 0
    assert "No proposals awaiting review." in capsys.readouterr().out


def test_review_of_unknown_proposal_exits_2(env, capsys):
    assert main(["db", "upgrade"]) == 0
    assert main(["review", "confirm", "999"]) == 2
    assert capsys.readouterr().err.strip() == "veeduria: no proposal #999"


def test_reject_needs_a_reason(env, capsys):
    assert main(["db", "upgrade"]) == 0
    assert main(["review", "reject", "1"]) == 2
    assert "Missing option '--why'" in capsys.readouterr().err


def test_unreachable_database_exits_3_without_password(env, monkeypatch, capsys):
    monkeypatch.setenv("VEEDURIA_DATABASE_URL",
                       "postgresql+psycopg://veeduria:s3cret-pw@127.0.0.1:1/veeduria")
    assert main(["review", "list"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("veeduria: ")
    assert "s3cret-pw" not in err and "Traceback" not in err


def test_bad_week_exits_2(env, capsys):
    assert main(["db", "upgrade"]) == 0
    assert main(["digest", "preview", "--week", "2026-47"]) == 2
    assert "use ISO form YYYY-Www" in capsys.readouterr().err


def test_settings_says_which_optional_parts_are_on(env, monkeypatch, capsys):
    monkeypatch.setenv("VEEDURIA_CHROMIUM_PATH", "")
    monkeypatch.setenv("VEEDURIA_SMTP_HOST", "")
    monkeypatch.setenv("VEEDURIA_OCR_LANGUAGES", "spa")
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    assert "JS rendering: disabled (chromium_path is empty)" in out
    assert "digest delivery: disabled (smtp_host is empty)" in out
    assert "OCR of scanned PDFs: enabled (tesseract, languages spa)" in out


def test_adding_an_existing_user_exits_2(env, capsys):
    assert main(["users", "add", "ana", "--role", "editor", "--password", "x1y2z3w4"]) == 0
    assert main(["users", "add", "ana", "--role", "editor", "--password", "x1y2z3w4"]) == 2
    assert "already exists" in capsys.readouterr().err
