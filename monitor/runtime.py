"""Small CLI jobs that only need settings and the store: upgrade, settings, accounts, serving.

Layer: monitor. Settings read: database_url, data_dir, host, port, secret_key, site_url,
failing_after, no_news_days. Cases: tests/test_cli.py.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from argon2 import PasswordHasher

from monitor.errors import ConfigError
from monitor.settings import DEFAULTS, Settings, redact_url
from storage import Store
from storage.db import upgrade
from storage.errors import Conflict

logger = logging.getLogger(__name__)


def upgrade_database(settings: Settings) -> str:
    """Create the data folder if needed and migrate the schema; say where."""
    url = settings.database_url_resolved
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    upgrade(url)
    logger.info("database upgraded: %s", redact_url(url))
    return f"database is up to date: {redact_url(url)}"


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    """The store of the configured database (which must be up to date)."""
    store = Store.open(settings.database_url_resolved)
    try:
        yield store
    finally:
        store.close()


def settings_table(settings: Settings) -> str:
    from monitor.components import components

    rows = settings.items_masked()
    width = max(len(name) for name, _, _ in rows)
    table = [f"{name:<{width}}  {value!s:<40}  {help_}" for name, value, help_ in rows]
    return "\n".join(table + [""] + [str(c) for c in components(settings)])


def settings_markdown() -> str:
    """The settings table as Markdown, for README.md (``veeduria settings --markdown``)."""
    from monitor.settings import SETTINGS

    lines = ["| setting | default | what it does |", "|---|---|---|"]
    for s in SETTINGS:
        default = "" if s.default == "" else f"`{s.default}`"
        lines.append(f"| `{s.name}` | {default} | {s.help} |")
    return "\n".join(lines)


def secret_key(settings: Settings) -> str:
    """The configured key, or one generated once and kept in data_dir (mode 600)."""
    configured = settings.str("secret_key")
    if configured:
        return configured
    path = settings.data_path / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key


def serve_status_page(settings: Settings, *, host: str | None, port: int | None) -> None:
    """Serve the status page until Ctrl-C."""
    from monitor.loading import load_folder
    from monitor.web.app import create_app
    from monitor.web.serve import serve

    bind_host = host or settings.str("host")
    bind_port = settings.int("port") if port is None else port
    if settings.str("site_url") == DEFAULTS["site_url"]:  # links follow --host/--port
        settings = settings.replace(site_url=f"http://{bind_host}:{bind_port}")
    upgrade_database(settings)
    rulebook = load_folder(settings, variables={}).rulebook
    app = create_app(store_url=settings.database_url_resolved, secret_key=secret_key(settings),
                     site_url=settings.str("site_url"),
                     failing_after=settings.int("failing_after"),
                     no_news_days=settings.int("no_news_days"),
                     silent_after_days=settings.int("silent_after_days"),
                     watched_countries=frozenset(d.country for d in rulebook.demands
                                                 if d.rules))
    print(f"Status page: http://{bind_host}:{bind_port}/  (Ctrl-C stops)", flush=True)
    serve(app, host=bind_host, port=bind_port)


def add_user(settings: Settings, username: str, *, role: str, password: str) -> str:
    upgrade_database(settings)
    with open_store(settings) as store:
        try:
            store.add_user(username, PasswordHasher().hash(password), role)
        except Conflict as exc:
            raise ConfigError(str(exc)) from None
    return f"user {username} added with role {role}"


def add_subscriber(settings: Settings, email: str, *, language: str, is_member: bool,
                   countries: list[str]) -> str:
    upgrade_database(settings)
    with open_store(settings) as store:
        store.add_subscriber(email, language, is_member, countries)
    return "subscriber added"
