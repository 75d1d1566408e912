"""HTML pages, one fixture per case: tests/fixtures/parsing/html/*.html (expectations in the
header comment; a sidecar ``.headers`` gives the HTTP Content-Type)."""

from __future__ import annotations

from datetime import date

import pytest
from parsing_cases import case_files, expectations, header_charset

from spiders.errors import SourceUnreadable
from spiders.extract import extract_html

CASES = case_files("html", "*.html")
DEFAULT_URL = "https://www.ejemplo.gob.bo/noticias/nota"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_html_case(path):
    expect = expectations(path)
    url = expect.get("Fetched-url", DEFAULT_URL)
    if "Expect-error-kind" in expect:
        with pytest.raises(SourceUnreadable) as caught:
            extract_html(path.read_bytes(), url=url, header_charset=header_charset(path))
        assert caught.value.kind == expect["Expect-error-kind"]
        assert expect.get("Expect-error", "") in str(caught.value)
        return
    page = extract_html(path.read_bytes(), url=url, header_charset=header_charset(path))
    assert "\ufffd" not in page.text + page.title  # no mojibake replacement characters
    if "Expect-title" in expect:
        assert page.title == expect["Expect-title"]
    if "Expect-lang" in expect:
        assert page.language == expect["Expect-lang"]
    if "Expect-date" in expect:
        assert page.published_on == date.fromisoformat(expect["Expect-date"])
    if "Expect-canonical" in expect:
        assert page.canonical_url == expect["Expect-canonical"]
    if "Expect-contains" in expect:
        assert expect["Expect-contains"] in page.text
    if "Expect-not-contains" in expect:
        assert expect["Expect-not-contains"] not in page.text


def test_every_html_case_expects_something():
    for path in CASES:
        assert any(k.startswith("Expect-") for k in expectations(path)), path.name
