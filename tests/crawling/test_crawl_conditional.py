"""Conditional GET in a real crawl: the validators passed in go out as If-None-Match /
If-Modified-Since, a 304 is recorded as not modified, and a changed page is fetched again."""

from __future__ import annotations

from crawlutil import crawl, of_type, source_yaml


def test_second_poll_with_validators_gets_304_and_no_document(fixture_site, tmp_path):
    entry = source_yaml("boletin", "page:\n  url: ${site}/etag/boletin.html")
    [first] = of_type(crawl(tmp_path, [entry], site=fixture_site.url), "fetch")
    assert first["status"] == 200 and first["etag"] and first["last_modified"]
    validators = {"boletin": {fixture_site.url + "/etag/boletin.html":
                              [first["etag"], first["last_modified"]]}}
    second = crawl(tmp_path, [entry], site=fixture_site.url, validators=validators)
    [fetch] = of_type(second, "fetch")
    assert fetch["status"] == 304 and fetch["is_not_modified"] and fetch["error"] is None
    assert of_type(second, "document") == []
    sent = [r.headers for r in fixture_site.requests if r.path == "/etag/boletin.html"][-1]
    assert sent["if-none-match"] == first["etag"]
    assert sent["if-modified-since"] == first["last_modified"]


def test_changed_page_is_fetched_despite_old_validators(fixture_site, tmp_path):
    entry = source_yaml("cambia", "page:\n  url: ${site}/etag/cambia.html")
    fixture_site.set_etag_body("cambia.html", b"<html><head><title>Comunicado</title></head>"
                               b"<body><p>" + "Versión nueva del comunicado policial sobre "
                               "el protocolo de atención. ".encode() * 10 + b"</p></body></html>")
    validators = {"cambia": {fixture_site.url + "/etag/cambia.html": ['"viejo"', None]}}
    records = crawl(tmp_path, [entry], site=fixture_site.url, validators=validators)
    [fetch] = of_type(records, "fetch")
    assert fetch["status"] == 200 and not fetch["is_not_modified"]
    assert len(of_type(records, "document")) == 1


def test_robots_ignore_and_a_custom_delay_still_crawl(fixture_site, tmp_path):
    entry = source_yaml("sin_robots", "robots: ignore\ndelay_s: 0.1\npage:\n"
                        "  url: ${site}/crawling/page/informe.html")
    records = crawl(tmp_path, [entry], site=fixture_site.url)
    assert len(of_type(records, "document")) == 1
    assert "/robots.txt" not in [r.path for r in fixture_site.requests]
