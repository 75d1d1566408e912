"""``veeduria sources try`` (writes nothing to the real database) and ``veeduria sources``."""

from __future__ import annotations

import pytest

from monitor.cli import main


@pytest.fixture
def env(monkeypatch, tmp_path, database_url):
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", database_url)
    monkeypatch.setenv("VEEDURIA_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("VEEDURIA_DOWNLOAD_DELAY_S", "0")
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


def test_try_a_feed_url_shows_documents_and_stores_nothing(env, fixture_site, capsys):
    assert main(["db", "upgrade"]) == 0
    assert main(["sources", "try", fixture_site.url_for("/crawling/feed/noticias.xml")]) == 0
    out = capsys.readouterr().out
    assert "document(s)" in out and "0 problem(s)" in out
    assert "date: 20" in out and "language: es" in out
    assert main(["sources"]) == 0
    assert "try" not in capsys.readouterr().out.split("\n", 3)[-1]


def test_try_a_page_url_falls_back_from_feed_to_page(env, fixture_site, capsys):
    assert main(["sources", "try", fixture_site.url_for("/crawling/page/informe.html")]) == 0
    out = capsys.readouterr().out
    assert "1 document(s)" in out


def test_try_a_failing_url_lists_the_problem_and_exits_1(env, fixture_site, capsys):
    assert main(["sources", "try", fixture_site.url_for("/status/500")]) == 1
    captured = capsys.readouterr()
    assert "0 document(s)" in captured.out
    assert "500" in captured.err
    assert "Traceback" not in captured.err


def test_try_a_private_address_is_refused(env, monkeypatch, capsys):
    monkeypatch.delenv("VEEDURIA_ALLOW_HOSTS")
    assert main(["sources", "try", "http://169.254.169.254/latest/meta-data/"]) == 1
    assert "ssrf" in capsys.readouterr().err
