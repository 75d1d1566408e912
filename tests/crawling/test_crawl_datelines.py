"""End to end: ``veeduria crawl`` fetches a page with no date in its metadata, listing or URL
from the loopback fixture site and stores the date its dateline states. The page is
tests/fixtures/crawling/page/comunicado_sin_fecha.html (expectations in its header comment);
the parsing cases are in tests/parsing/test_datelines.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse

from monitor.cli import main
from spiders.documents import Hints, document_from_html
from storage import Store

PAGE = "crawling/page/comunicado_sin_fecha.html"
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / PAGE
SOURCES = """sources:
  - id: bo_policia_cbba
    name: Policía de Cochabamba (prueba)
    country: BO
    kind: police
    language: es
    page:
      url: {url}
"""


def expected(key: str) -> str:
    head = FIXTURE.read_text(encoding="utf-8").split("-->", 1)[0]
    found = re.search(rf"^{key}: (.+)$", head, re.M)
    assert found is not None, f"{PAGE} states no {key}"
    return found.group(1).strip()


def test_crawl_stores_the_date_the_dateline_states(fixture_site, tmp_path, monkeypatch,
                                                   database_url):
    rules = tmp_path / "rules"
    (rules / "sources").mkdir(parents=True)
    (rules / "demands").mkdir()
    (rules / "sources" / "prueba.yaml").write_text(
        SOURCES.format(url=fixture_site.url_for("/" + PAGE)), encoding="utf-8")
    for name, value in {"DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": database_url,
                        "RULES_DIR": str(rules), "ALLOW_HOSTS": "127.0.0.1",
                        "DOWNLOAD_DELAY_S": "0", "CHROMIUM_PATH": ""}.items():
        monkeypatch.setenv(f"VEEDURIA_{name}", value)
    assert main(["crawl"]) == 0
    with Store.open(database_url) as store:
        [document] = list(store.iter_documents(source_ids=["bo_policia_cbba"]))
    assert document.published_on == date.fromisoformat(expected("Expect-published-on"))
    assert "Ley 348" in document.text  # the older, referenced date did not win


def test_the_page_says_its_date_came_from_its_text():
    url = "http://127.0.0.1/" + PAGE
    response = HtmlResponse(url=url, body=FIXTURE.read_bytes(),
                            headers={"Content-Type": "text/html"}, request=Request(url))
    document = document_from_html(response, hints=Hints(source_id="bo_policia_cbba"))
    assert document.published_on == date.fromisoformat(expected("Expect-published-on"))
    assert document.extra["date_source"] == expected("Expect-date-source")
