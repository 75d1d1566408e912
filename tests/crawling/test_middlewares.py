"""Middlewares, settings and failure classification, without a reactor."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest
from scrapy import Request
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from twisted.python.failure import Failure

from spiders.errors import SourceRefused
from spiders.fetches import classify, failure_fetch
from spiders.generic import PageSpider, specialise, spider_class
from spiders.middlewares import ConditionalGetMiddleware, is_complete_gzip, retry_after_s
from spiders.scrapy_settings import CHROMIUM_ARGS, CrawlOptions, build_settings
from spiders.specs import PageSpec, SourceSpec

PAGE = SourceSpec(id="bo_defensoria", name="Defensoría", country="BO", kind="ombudsman",
                  language="es", page=PageSpec(url="https://defensoria.example/"))


def test_retry_after_in_seconds_and_as_http_date():
    now = datetime(2025, 3, 5, 12, 0, 0, tzinfo=UTC)
    assert retry_after_s("120") == 120.0
    assert retry_after_s("Wed, 05 Mar 2025 12:00:30 GMT", now=now) == 30.0
    assert retry_after_s("Wed, 05 Mar 2025 11:00:00 GMT", now=now) == 0.0
    assert retry_after_s("pronto") is None and retry_after_s(None) is None


def test_gzip_completeness():
    whole = gzip.compress(b"Comunicado oficial. " * 500)
    assert is_complete_gzip(whole)
    assert not is_complete_gzip(whole[: len(whole) // 2])
    assert not is_complete_gzip(b"not gzip at all")


class FakeCrawler:
    def __init__(self, spider):
        self.spider = spider


class FakeSpider:
    validators = {"https://x.example/a": ('"abc"', "Wed, 05 Mar 2025 12:00:00 GMT"),
                  "https://x.example/b": (None, "Wed, 05 Mar 2025 12:00:00 GMT")}


def test_conditional_get_adds_the_stored_validators():
    middleware = ConditionalGetMiddleware(FakeCrawler(FakeSpider()))
    first, second, other = (Request("https://x.example/a"), Request("https://x.example/b"),
                            Request("https://x.example/c"))
    for request in (first, second, other):
        middleware.process_request(request)
    assert first.headers[b"If-None-Match"] == b'"abc"'
    assert second.headers.get(b"If-None-Match") is None
    assert second.headers[b"If-Modified-Since"] == b"Wed, 05 Mar 2025 12:00:00 GMT"
    assert b"If-Modified-Since" not in other.headers


@pytest.mark.parametrize(("exc", "kind"), [
    (DownloadTimeoutError("took longer than 30 seconds"), "timeout"),
    (DownloadCancelledError("expected size larger than max"), "too_large"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots"),
    (IgnoreRequest("max redirections reached"), "redirect"),
    (SourceRefused("refused: host 'x' is a private address", kind="ssrf"), "ssrf"),
])
def test_failures_are_sorted_into_kinds(exc, kind):
    assert classify(exc)[0] == kind


def test_failure_fetch_keeps_the_request_url():
    failure = Failure(DownloadTimeoutError("took longer than 5.0 seconds"))
    failure.request = Request("https://x.example/lento")
    fetch = failure_fetch(failure, source_id="s")
    assert (fetch.url, fetch.error_kind, fetch.status) == ("https://x.example/lento", "timeout",
                                                           None)


def test_settings_carry_the_options():
    options = CrawlOptions(user_agent="Veeduria/0.1 (+https://v.example/contacto)", timeout_s=7,
                           retries=3, max_download_mb=2, max_redirects=4, obey_robots=True,
                           concurrent_requests=5)
    settings = build_settings(options, specs=[PAGE])
    assert settings["USER_AGENT"].endswith("(+https://v.example/contacto)")
    assert (settings["DOWNLOAD_TIMEOUT"], settings["RETRY_TIMES"], settings["DOWNLOAD_MAXSIZE"],
            settings["REDIRECT_MAX_TIMES"], settings["ROBOTSTXT_OBEY"],
            settings["CONCURRENT_REQUESTS"]) == (7, 3, 2 * 1024 * 1024, 4, True, 5)
    assert settings["TWISTED_REACTOR"].endswith("AsyncioSelectorReactor")
    assert "DOWNLOAD_HANDLERS" not in settings


def test_playwright_handler_only_for_js_sources_and_only_when_chromium_is_set():
    js = SourceSpec(**{**PAGE.__dict__, "id": "js", "render": "js"})
    chromium = CrawlOptions(chromium_path="/usr/bin/chromium")
    on = specialise(spider_class(js), js, options=chromium).custom_settings
    assert on["DOWNLOAD_HANDLERS"]["https"].endswith("ScrapyPlaywrightDownloadHandler")
    launch = on["PLAYWRIGHT_LAUNCH_OPTIONS"]
    assert launch["executable_path"] == "/usr/bin/chromium"
    assert launch["args"] == list(CHROMIUM_ARGS)
    off = specialise(spider_class(js), js, options=CrawlOptions(chromium_path=""))
    assert "DOWNLOAD_HANDLERS" not in off.custom_settings
    plain = specialise(spider_class(PAGE), PAGE, options=chromium)
    assert "DOWNLOAD_HANDLERS" not in plain.custom_settings
    assert "DOWNLOAD_HANDLERS" not in build_settings(chromium, specs=[PAGE, js])


def test_source_settings_delay_and_robots_ignore():
    spec = SourceSpec(**{**PAGE.__dict__, "delay_s": 2.5, "robots": "ignore"})
    cls = specialise(spider_class(spec), spec)
    assert issubclass(cls, PageSpider) and cls.name == "bo_defensoria"
    assert cls.custom_settings == {"DOWNLOAD_DELAY": 2.5, "ROBOTSTXT_OBEY": False}
    assert specialise(spider_class(PAGE), PAGE).custom_settings == {}


def test_js_request_meta_waits_for_the_selector():
    from spiders.generic import playwright_meta

    meta = playwright_meta("ul.informes li")
    assert meta["playwright"] is True
    [method] = meta["playwright_page_methods"]
    assert (method.method, method.args) == ("wait_for_selector", ("ul.informes li",))
