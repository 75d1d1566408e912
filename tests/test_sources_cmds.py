"""``veeduria sources try`` (writes nothing to the real database) and ``veeduria sources``."""

from __future__ import annotations

import re

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


NEW_SOURCES = """\
sources:
  - id: xx_gaceta
    name: Gaceta de prueba
    country: BO
    kind: gazette
    language: es
    listing:
      url: ${site}/crawling/listing/listado.html
      items: div.norma
      link: a::attr(href)
      title: a::text
      date: span.fecha::text
      next_page: a.siguiente::attr(href)
      detail_text: div.texto
      id_pattern: "norma/(\\\\d+)"
  - id: xx_resolucion
    name: Resolución en PDF
    country: BO
    kind: ministry
    language: es
    page:
      url: ${site}/crawling/pdf/resolucion.pdf
  - id: xx_noticias
    name: Noticias de prueba
    country: BO
    kind: news
    language: es
    feed:
      url: ${site}/crawling/feed/noticias.xml
"""


@pytest.mark.parametrize(("source_id", "documents"),
                         [("xx_gaceta", 2), ("xx_resolucion", 1), ("xx_noticias", 2)])
def test_a_new_source_of_each_kind_works_from_yaml_only(env, fixture_site, monkeypatch, capsys,
                                                        source_id, documents):
    rules = env / "rules"
    (rules / "sources").mkdir(parents=True)
    (rules / "demands").mkdir()
    (rules / "sources" / "nuevas.yaml").write_text(
        NEW_SOURCES.replace("${site}", fixture_site.url), encoding="utf-8")
    monkeypatch.setenv("VEEDURIA_RULES_DIR", str(rules))
    assert main(["rules", "check"]) == 0
    capsys.readouterr()
    assert main(["sources", "try", source_id]) == 0
    out = capsys.readouterr().out
    found = re.search(r"^(\d+) document\(s\), \d+ fetch\(es\), 0 problem\(s\)$", out, re.M)
    assert found is not None, out
    assert int(found.group(1)) >= documents


def test_try_a_pdf_url_reads_it_as_a_page(env, fixture_site, capsys):
    assert main(["sources", "try", fixture_site.url_for("/crawling/pdf/resolucion.pdf")]) == 0
    assert "1 document(s)" in capsys.readouterr().out


def test_try_an_unknown_source_id_exits_2_listing_the_known_ones(env, capsys):
    assert main(["sources", "try", "no_existe"]) == 2
    err = capsys.readouterr().err
    assert "unknown source id 'no_existe'; known: bo_defensoria, bo_gaceta" in err
