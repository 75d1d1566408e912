"""Settings: sources and their order, validation messages, masking of secrets, the README table.

Layer: tests (checks monitor/settings.py). Every test passes its own environment and config
path, so nothing from the shell or the working folder leaks in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import SettingsError
from monitor.settings import DEFAULTS, SETTINGS, read_settings, redact_url

ROOT = Path(__file__).resolve().parent.parent


def settings_from(tmp_path: Path, toml: str | None = None, **env: str):
    config = tmp_path / "veeduria.toml"
    if toml is not None:
        config.write_text(toml, encoding="utf-8")
    return read_settings(environ=env, config_path=config)


def test_defaults_apply_without_file_or_environment(tmp_path):
    settings = settings_from(tmp_path)
    assert {s.name: settings.get(s.name) for s in SETTINGS} == DEFAULTS


def test_environment_overrides_with_type_coercion(tmp_path):
    settings = settings_from(tmp_path, VEEDURIA_FETCH_TIMEOUT_S="12",
                             VEEDURIA_OBEY_ROBOTS="false", VEEDURIA_DOWNLOAD_DELAY_S="1.5",
                             VEEDURIA_SMTP_HOST="127.0.0.1")
    assert (settings.fetch_timeout_s, settings.obey_robots, settings.download_delay_s,
            settings.smtp_host) == (12, False, 1.5, "127.0.0.1")


def test_toml_file_is_read_and_environment_wins_over_it(tmp_path):
    toml = 'fetch_timeout_s = 45\ndigest_weekday = "fri"\nsmtp_port = 2525\n'
    settings = settings_from(tmp_path, toml, VEEDURIA_SMTP_PORT="587")
    assert (settings.fetch_timeout_s, settings.digest_weekday, settings.smtp_port) == \
        (45, "fri", 587)


def test_config_file_named_by_veeduria_config(tmp_path):
    config = tmp_path / "other.toml"
    config.write_text("port = 9090\n", encoding="utf-8")
    assert read_settings(environ={"VEEDURIA_CONFIG": str(config)}).port == 9090


def test_missing_config_file_named_by_veeduria_config_is_an_error(tmp_path):
    missing = tmp_path / "missing.toml"
    with pytest.raises(SettingsError, match="settings file not found"):
        read_settings(environ={"VEEDURIA_CONFIG": str(missing)})


def test_unknown_key_in_file_lists_the_allowed_keys(tmp_path):
    with pytest.raises(SettingsError) as caught:
        settings_from(tmp_path, 'fetch_timeout = 10\n')
    message = str(caught.value)
    assert "unknown setting(s) fetch_timeout" in message
    assert f"allowed: {', '.join(sorted(DEFAULTS))}" in message
    assert message.startswith(str(tmp_path / "veeduria.toml"))


def test_unknown_environment_variable_is_an_error(tmp_path):
    with pytest.raises(SettingsError, match=r"environment \(VEEDURIA_\*\): unknown setting"
                                            r"\(s\) smtp_server; allowed: allow_hosts"):
        settings_from(tmp_path, VEEDURIA_SMTP_SERVER="mail")


def test_wrong_type_in_file_is_an_error(tmp_path):
    with pytest.raises(SettingsError, match="setting fetch_timeout_s must be int, got 'soon'"):
        settings_from(tmp_path, 'fetch_timeout_s = "soon"\n')


def test_wrong_type_in_environment_names_the_variable(tmp_path):
    with pytest.raises(SettingsError, match="VEEDURIA_OBEY_ROBOTS: setting obey_robots must be "
                                            "bool, got 'maybe'"):
        settings_from(tmp_path, VEEDURIA_OBEY_ROBOTS="maybe")


def test_unreadable_toml_is_an_error_with_its_path(tmp_path):
    with pytest.raises(SettingsError, match="cannot read settings"):
        settings_from(tmp_path, "fetch_timeout_s = = 3\n")


def test_out_of_range_values_are_errors(tmp_path):
    with pytest.raises(SettingsError, match="digest_weekday must be one of mon, tue"):
        settings_from(tmp_path, VEEDURIA_DIGEST_WEEKDAY="lunes")
    with pytest.raises(SettingsError, match="digest_hour must be 0..23, got 24"):
        settings_from(tmp_path, VEEDURIA_DIGEST_HOUR="24")
    with pytest.raises(SettingsError, match="fetch_timeout_s must be positive, got 0"):
        settings_from(tmp_path, VEEDURIA_FETCH_TIMEOUT_S="0")
    with pytest.raises(SettingsError, match="rules_test_workers must be 0 or more, got -1"):
        settings_from(tmp_path, VEEDURIA_RULES_TEST_WORKERS="-1")


def test_secrets_are_masked_in_items_and_repr(tmp_path):
    settings = settings_from(tmp_path, VEEDURIA_SMTP_PASSWORD="hunter2-secreto",
                             VEEDURIA_SECRET_KEY="clave-firmada",
                             VEEDURIA_DATABASE_URL="postgresql+psycopg://ed:pw-db@db/veeduria")
    shown = {name: value for name, value, _help in settings.items_masked()}
    assert (shown["smtp_password"], shown["secret_key"]) == ("***", "***")
    assert shown["database_url"] == "postgresql+psycopg://ed:***@db/veeduria"
    for secret in ("hunter2-secreto", "clave-firmada", "pw-db"):
        assert secret not in repr(settings)
        assert secret not in str(settings.items_masked())


def test_empty_secret_is_shown_empty(tmp_path):
    shown = dict((n, v) for n, v, _ in settings_from(tmp_path).items_masked())
    assert shown["smtp_password"] == ""


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql+psycopg://veeduria:s3cr3t@db.local:5432/veeduria",
     "postgresql+psycopg://veeduria:***@db.local:5432/veeduria"),
    ("smtp://user:p%40ss@mail.example.org:587", "smtp://user:***@mail.example.org:587"),
    ("sqlite:////var/lib/veeduria/veeduria.db", "sqlite:////var/lib/veeduria/veeduria.db"),
    ("postgresql+psycopg://postgres@127.0.0.1:5432/veeduria",
     "postgresql+psycopg://postgres@127.0.0.1:5432/veeduria"),
])
def test_redact_url_masks_only_the_password(url, expected):
    assert redact_url(url) == expected


def test_settings_are_frozen(tmp_path):
    settings = settings_from(tmp_path)
    with pytest.raises(SettingsError, match="frozen"):
        settings.fetch_timeout_s = 5
    changed = settings.replace(fetch_timeout_s=5)
    assert (settings.fetch_timeout_s, changed.fetch_timeout_s) == (30, 5)


def test_replace_rejects_unknown_keys(tmp_path):
    with pytest.raises(SettingsError, match="override: unknown setting"):
        settings_from(tmp_path).replace(timeout=5)


def test_every_setting_has_help_and_a_unique_name():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert [s.name for s in SETTINGS if not s.help.strip()] == []


def test_every_setting_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [s.name for s in SETTINGS if f"`{s.name}`" not in readme] == []


def test_readme_settings_table_is_the_generated_one():
    from monitor.runtime import settings_markdown

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert settings_markdown() in readme, "run `veeduria settings --markdown` into README.md"
