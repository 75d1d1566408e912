"""Veeduría's settings: the one declaration table, read once, validated and frozen.

Layer: monitor (the only package that reads ``os.environ``). Sources, highest first:
``VEEDURIA_<NAME>`` environment variables, the TOML file named by ``VEEDURIA_CONFIG``
(default ``./veeduria.toml`` when it exists), then the defaults below. A value whose type differs
from its default's is an error; unknown keys are errors that list the allowed ones.
Cases: tests/test_settings.py. Every setting is documented in README.md (a test checks it).
"""

from __future__ import annotations

import builtins  # Settings' accessors str/int/bool/float shadow the builtins
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

from monitor.errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_RULES_DIR = PROJECT_ROOT / "rules"


Value = str | int | float | bool  # a setting's value (an alias: Settings shadows the builtins)


class Setting(NamedTuple):
    name: str
    default: str | int | float | bool
    help: str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "data", "Folder for the SQLite database, job store and run reports"),
    Setting("database_url", "", "SQLAlchemy URL; empty means a SQLite file in data_dir",
            secret=True),
    Setting("rules_dir", "", "Folder of demands, rules and sources YAML; empty: bundled rules/"),
    Setting("allow_hosts", "", "Comma list of hosts/IPs allowed despite the SSRF guard "
            "(the demo world and tests allow 127.0.0.1)"),
    Setting("contact_url", "https://veeduria.example.org/contact",
            "Contact URL sent in the User-Agent so site owners can reach us"),
    Setting("fetch_timeout_s", 30, "Seconds before a source request is abandoned"),
    Setting("fetch_retries", 2, "Retries (with backoff) after a timeout or HTTP 5xx"),
    Setting("max_download_mb", 20, "Largest response accepted, in MiB"),
    Setting("max_redirects", 5, "Redirects followed before a request is abandoned"),
    Setting("obey_robots", True, "Obey robots.txt unless a source says robots: ignore"),
    Setting("download_delay_s", 0.25, "Minimum delay between requests to one domain (AutoThrottle "
            "adapts above it)"),
    Setting("concurrent_requests", 16, "Requests in flight at once, all sources together"),
    Setting("revisit_days", 31, "Listing sources re-visit items this many days back (late "
            "gazettes)"),
    Setting("revisit_schedule", "weekly", "When listing sources re-read their last "
            "revisit_days (hourly, daily, weekly or a crontab line); other polls skip known items"),
    Setting("failing_after", 3, "Consecutive failed polls before a source is reported failing"),
    Setting("silent_after_days", 7, "Days without a new document before a source is 'silent'"),
    Setting("no_news_days", 90, "Days without evidence before a demand is flagged 'no news'"),
    Setting("ocr_languages", "spa+por", "Tesseract languages for PDFs without text; empty "
            "turns OCR off"),
    Setting("chromium_path", "/usr/bin/chromium", "Chromium for render: js sources; empty "
            "turns JS rendering off"),
    Setting("crawl_timeout_s", 900, "Seconds before a crawl subprocess is stopped"),
    Setting("smtp_host", "", "SMTP server for digests; empty turns delivery off"),
    Setting("smtp_port", 25, "SMTP port"),
    Setting("smtp_user", "", "SMTP login; empty for none"),
    Setting("smtp_password", "", "SMTP password", secret=True),
    Setting("smtp_starttls", False, "Use STARTTLS before login"),
    Setting("mail_from", "Veeduria <veeduria@localhost>", "From: address of digests"),
    Setting("digest_weekday", "mon", "Day the weekly digest is sent (mon..sun)"),
    Setting("digest_hour", 7, "Hour (in timezone) the weekly digest is sent"),
    Setting("timezone", "America/Argentina/Buenos_Aires", "Time zone of schedules and dates"),
    Setting("site_url", "http://127.0.0.1:8080", "Public address of the status page, for "
            "links in digests"),
    Setting("host", "127.0.0.1", "Address the status page listens on"),
    Setting("port", 8080, "Port the status page listens on"),
    Setting("secret_key", "", "Key that signs sessions and CSRF tokens; empty: a random key "
            "kept in data_dir", secret=True),
    Setting("demo_world_port", 8765, "Port of the bundled demo world on 127.0.0.1 (stable, so "
            "its URLs stay the same between runs; 0 picks a free one)"),
    Setting("realdata_dir", "", "Folder laid out like shared/realdata for `veeduria realworld`"),
    Setting("rules_test_workers", 0, "Processes `veeduria rules test` matches stored documents "
            "in (each given 5,000 or more); 0: one per CPU core"),
    Setting("log_level", "WARNING", "Logging level on stderr (DEBUG, INFO, WARNING, ERROR); "
            "-v raises it to INFO, -vv to DEBUG"),
)

DEFAULTS: dict[str, str | int | float | bool] = {s.name: s.default for s in SETTINGS}
SECRETS = frozenset(s.name for s in SETTINGS if s.secret)
ENV_PREFIX = "VEEDURIA_"
# read before any setting: the settings file's name, and the matching engine chosen when
# monitor.watch is imported (monitor/watch/native.py)
NOT_SETTINGS = frozenset({"VEEDURIA_CONFIG", "VEEDURIA_ENGINE"})


def check_keys(raw: Mapping[str, object], source: str) -> None:
    """Raise SettingsError naming every unknown key and the allowed list."""
    unknown = sorted(set(raw) - DEFAULTS.keys())
    if unknown:
        raise SettingsError(f"{source}: unknown setting(s) {', '.join(unknown)}; "
                            f"allowed: {', '.join(sorted(DEFAULTS))}")


def _coerce(name: str, value: object, source: str) -> str | int | float | bool:
    default = DEFAULTS[name]
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"1", "true", "yes", "on", "0", "false",
                                                         "no", "off"}:
            return value.lower() in {"1", "true", "yes", "on"}
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
    elif isinstance(default, float):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                pass
    elif isinstance(value, str):
        return value
    kind = type(default).__name__
    raise SettingsError(f"{source}: setting {name} must be {kind}, got {value!r}")


class Settings:
    """Frozen, validated settings; read attributes, e.g. ``settings.fetch_timeout_s``."""

    __slots__ = ("_values",)
    _values: dict[builtins.str, Value]

    def __init__(self, values: Mapping[builtins.str, Value]) -> None:
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name: builtins.str) -> Value:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: builtins.str, value: object) -> None:
        raise SettingsError("settings are frozen once read")

    def get(self, name: builtins.str) -> Value:
        return self._values[name]

    def str(self, name: builtins.str) -> builtins.str:
        return builtins.str(self._values[name])

    def int(self, name: builtins.str) -> builtins.int:
        value = self._values[name]
        assert isinstance(value, builtins.int)
        return value

    def bool(self, name: builtins.str) -> builtins.bool:
        return builtins.bool(self._values[name])

    def float(self, name: builtins.str) -> builtins.float:
        return builtins.float(self._values[name])

    def replace(self, **changes: Value) -> Settings:
        check_keys(changes, "override")
        values = dict(self._values)
        for name, value in changes.items():
            values[name] = _coerce(name, value, "override")
        return Settings(values)

    def items_masked(self) -> list[tuple[builtins.str, builtins.str, builtins.str]]:
        """(name, shown value, help) with secrets masked and URLs redacted."""
        rows = []
        for s in SETTINGS:
            value = self._values[s.name]
            shown = "***" if s.secret and value else builtins.str(value)
            if s.name == "database_url":
                shown = redact_url(builtins.str(self.database_url_resolved))
            rows.append((s.name, shown, s.help))
        return rows

    @property
    def data_path(self) -> Path:
        return Path(builtins.str(self._values["data_dir"])).expanduser()

    @property
    def database_url_resolved(self) -> builtins.str:
        url = builtins.str(self._values["database_url"])
        if url:
            return url
        return f"sqlite:///{(self.data_path / 'veeduria.db').resolve()}"

    @property
    def rules_path(self) -> Path:
        value = builtins.str(self._values["rules_dir"])
        return Path(value).expanduser() if value else BUNDLED_RULES_DIR

    @property
    def allowed_hosts(self) -> frozenset[builtins.str]:
        hosts = builtins.str(self._values["allow_hosts"]).split(",")
        return frozenset(h.strip().lower() for h in hosts if h.strip())

    @property
    def user_agent(self) -> builtins.str:
        return f"Veeduria/0.1 (+{self._values['contact_url']})"

    def __repr__(self) -> builtins.str:
        shown = ", ".join(f"{n}={v}" for n, v, _ in self.items_masked())
        return f"Settings({shown})"


def redact_url(url: str) -> str:
    """Mask the password of a URL (database or SMTP) for logs and `veeduria settings`."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{netloc}", parts.path, parts.query,
                       parts.fragment))


def read_settings(environ: Mapping[str, str] | None = None,
                  config_path: Path | None = None) -> Settings:
    """Read defaults, then the TOML file, then ``VEEDURIA_*`` variables; validate; freeze."""
    env = os.environ if environ is None else environ
    values: dict[str, str | int | float | bool] = dict(DEFAULTS)
    path = config_path or Path(env.get("VEEDURIA_CONFIG", "veeduria.toml"))
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read settings: {exc}") from exc
        check_keys(raw, str(path))
        for name, value in raw.items():
            values[name] = _coerce(name, value, str(path))
    elif "VEEDURIA_CONFIG" in env:
        raise SettingsError(f"{path}: settings file not found (VEEDURIA_CONFIG)")
    from_env = {key[len(ENV_PREFIX):].lower(): value for key, value in env.items()
                if key.startswith(ENV_PREFIX) and key not in NOT_SETTINGS}
    check_keys(from_env, "environment (VEEDURIA_*)")
    for name, value in from_env.items():
        values[name] = _coerce(name, value, f"{ENV_PREFIX}{name.upper()}")
    _check_values(values)
    return Settings(values)


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _check_values(values: Mapping[str, str | int | float | bool]) -> None:
    if values["digest_weekday"] not in WEEKDAYS:
        raise SettingsError(f"setting digest_weekday must be one of {', '.join(WEEKDAYS)}, "
                            f"got {values['digest_weekday']!r}")
    hour = values["digest_hour"]
    if not isinstance(hour, int) or not 0 <= hour <= 23:
        raise SettingsError(f"setting digest_hour must be 0..23, got {hour!r}")
    workers = values["rules_test_workers"]
    if not isinstance(workers, int) or workers < 0:
        raise SettingsError(f"setting rules_test_workers must be 0 or more, got {workers!r}")
    port = values["demo_world_port"]
    if not isinstance(port, int) or not 0 <= port <= 65535:
        raise SettingsError(f"setting demo_world_port must be 0..65535, got {port!r}")
    for name in ("fetch_timeout_s", "max_download_mb", "max_redirects", "concurrent_requests",
                 "failing_after", "crawl_timeout_s"):
        value = values[name]
        if isinstance(value, int) and value <= 0:
            raise SettingsError(f"setting {name} must be positive, got {value}")
