"""render: js through scrapy-playwright and Debian's Chromium (marker ``browser``): the text
added by the page's JavaScript reaches the document."""

from __future__ import annotations

import shutil

import pytest
from crawlutil import crawl, of_type, source_yaml

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.browser
def test_js_page_is_rendered_before_extraction(fixture_site, tmp_path):
    entry = source_yaml("defensoria_js", "render: js\nwait_for: ul.informes li\npage:\n"
                        "  url: ${site}/crawling/page/js-informes.html\n  selector: main")
    records = crawl(tmp_path, [entry], site=fixture_site.url,
                    options={"chromium_path": CHROMIUM, "timeout_s": 30})
    [fetch] = of_type(records, "fetch")
    assert fetch["error"] is None, fetch
    [document] = of_type(records, "document")
    assert "Informe sobre trata y tráfico de personas (JS)" in document["text"]


@pytest.mark.browser
def test_chromium_subresources_pass_the_ssrf_guard(fixture_site, tmp_path):
    entry = source_yaml("policia_js", "render: js\nwait_for: ul.ok li\npage:\n"
                        "  url: ${site}/crawling/page/js-subrecursos.html")
    records = crawl(tmp_path, [entry], site=fixture_site.url,
                    options={"chromium_path": CHROMIUM, "timeout_s": 30})
    [fetch] = of_type(records, "fetch")
    assert fetch["error"] is None, fetch
    requested = fixture_site.paths_requested()
    assert "/crawling/page/permitido.txt" in requested
    assert "/crawling/page/vetado.txt" not in requested
