"""One real crawl (in a child process) of many broken sources next to a good one: each broken
source gets a FetchItem with a clear error, and the good sources still give their documents."""

from __future__ import annotations

import pytest
from crawlutil import crawl, of_type, source_yaml

GOOD_PAGE = "page:\n  url: ${site}/crawling/page/informe.html\n  selector: main"
SOURCES = {
    "bueno": GOOD_PAGE,
    "bueno_listado": ("listing:\n  url: ${site}/crawling/listing/listado.html\n  items: div.norma\n"
                      "  link: a\n  title: a::text\n  date: span.fecha::text\n"
                      "  next_page: a.siguiente\n  detail_text: div.texto\n"
                      "  id_pattern: 'norma/(\\d+)'"),
    "error_500": "page:\n  url: ${site}/status/500",
    "error_404": "page:\n  url: ${site}/status/404",
    "error_503": "page:\n  url: ${site}/status/503",
    "lento": "page:\n  url: ${site}/slow?s=20",
    "cortado": "page:\n  url: ${site}/reset",
    "truncado": "page:\n  url: ${site}/truncated",
    "gzip_roto": "page:\n  url: ${site}/gzip-truncated",
    "bucle": "page:\n  url: ${site}/redirect-loop",
    "enorme": "page:\n  url: ${site}/big?mb=50",
    "enorme_sin_largo": "page:\n  url: ${site}/big?mb=50&nolength=1",
    "vacio": "page:\n  url: ${site}/empty",
    "desafio": "page:\n  url: ${site}/challenge",
    "login": "page:\n  url: ${site}/crawling/page/login.html",
    "feed_html": "feed:\n  url: ${site}/crawling/feed/feed-es-html.xml",
    "feed_bytes": "feed:\n  url: ${site}/crawling/feed/bytes-invalidos.xml\n  fetch_linked: never",
    "feed_latin1": "feed:\n  url: ${site}/crawling/feed/latin1-sin-declaracion.xml\n"
                   "  fetch_linked: never",
    "pdf_truncado": "page:\n  url: ${site}/crawling/pdf/truncado.pdf",
    "pdf_protegido": "page:\n  url: ${site}/crawling/pdf/protegido.pdf",
    "charset_miente": "page:\n  url: ${site}/site/lying-charset.html",
    "ssrf_nombre": "page:\n  url: http://localhost:${port}/crawling/page/informe.html",
    "ssrf_redirect": "page:\n  url: ${site}/redirect?to=http://localhost:${port}/crawling/"
                     "page/informe.html",
    "ssrf_metadata": "page:\n  url: ${site}/redirect?to=http://169.254.169.254/latest/meta-data/",
    "sin_dns": "page:\n  url: http://no-such-host.invalid/",
    "js_apagado": "render: js\nwait_for: ul.informes\npage:\n"
                  "  url: ${site}/crawling/page/informe.html",
    "arranque_roto": "spider: custom_spiders.CrashingStartSpider\npage:\n"
                     "  url: ${site}/crawling/page/informe.html",
    "callback_roto": "spider: custom_spiders.CrashingCallbackSpider\npage:\n"
                     "  url: ${site}/crawling/page/informe.html",
    "clase_inexistente": "spider: custom_spiders.NoSuchSpider\npage:\n  url: ${site}/x.html",
    "propio": "spider: custom_spiders.PlainSpider\npage:\n"
              "  url: ${site}/crawling/page/informe.html",
}


@pytest.fixture(scope="module")
def records(fixture_server, tmp_path_factory):
    fixture_server.reset_counters()
    entries = [source_yaml(sid, body).replace("${port}", str(fixture_server.port))
               for sid, body in SOURCES.items()]
    found = crawl(tmp_path_factory.mktemp("bad"), entries, site=fixture_server.url,
                  options={"retries": 1, "timeout_s": 3, "max_download_mb": 5})
    return found, list(fixture_server.requests)


def only_fetch(records, source_id):
    fetches = of_type(records[0], "fetch", source_id)
    assert len(fetches) == 1, fetches
    return fetches[0]


def assert_failed(records, source_id, kind, *words):
    fetch = only_fetch(records, source_id)
    assert fetch["error_kind"] == kind, fetch
    for word in words:
        assert word in fetch["error"], fetch
    assert of_type(records[0], "document", source_id) == []
    return fetch


def test_good_sources_are_unaffected(records):
    assert [d["title"] for d in of_type(records[0], "document", "bueno")] == [
        "Informes defensoriales"]
    listed = of_type(records[0], "document", "bueno_listado")
    assert sorted(d["external_id"] for d in listed) == ["101", "102", "103", "99"]
    assert all(f["error"] is None for f in of_type(records[0], "fetch", "bueno_listado"))


def test_every_source_reports_its_end(records):
    finished = {p["source_id"] for p in of_type(records[0], "progress")
                if p["message"].startswith("finished")}
    assert finished >= set(SOURCES) - {"js_apagado", "clase_inexistente"}


def test_http_500_is_recorded_with_status(records):
    assert assert_failed(records, "error_500", "http", "500")["status"] == 500


def test_http_404_is_recorded_and_not_retried(records):
    assert assert_failed(records, "error_404", "http", "404")["status"] == 404
    assert [r.path for r in records[1]].count("/status/404") == 1


def test_503_with_retry_after_is_retried_then_recorded(records):
    assert assert_failed(records, "error_503", "http", "503")["status"] == 503
    assert [r.path for r in records[1]].count("/status/503") == 2


def test_timeout_is_recorded(records):
    assert_failed(records, "lento", "timeout", "took longer than 3")


def test_connection_reset_mid_body_is_recorded(records):
    assert_failed(records, "cortado", "http")


def test_truncated_body_is_recorded(records):
    assert_failed(records, "truncado", "http", "before the whole response")


def test_truncated_gzip_is_recorded(records):
    assert_failed(records, "gzip_roto", "encoding", "decompress")


def test_redirect_loop_is_recorded(records):
    assert_failed(records, "bucle", "redirect", "too many redirects")


@pytest.mark.parametrize("source_id", ["enorme", "enorme_sin_largo"])
def test_response_over_max_size_is_refused(records, source_id):
    assert_failed(records, source_id, "too_large")


def test_empty_body_is_recorded(records):
    assert_failed(records, "vacio", "empty", "0 bytes")


def test_bot_challenge_is_recorded_as_blocked(records):
    assert assert_failed(records, "desafio", "blocked", "challenge")["status"] == 403


def test_login_wall_is_recorded_as_blocked(records):
    assert_failed(records, "login", "blocked", "login")


def test_html_where_a_feed_was_expected_is_a_parse_error(records):
    assert_failed(records, "feed_html", "parse")


def test_feed_with_invalid_bytes_gives_a_fetch_record_and_keeps_readable_entries(records):
    fetch = only_fetch(records, "feed_bytes")
    documents = of_type(records[0], "document", "feed_bytes")
    assert fetch["error_kind"] in (None, "parse", "encoding")
    assert fetch["error_kind"] is not None or len(documents) == 1


def test_latin1_feed_without_declaration_is_decoded(records):
    assert only_fetch(records, "feed_latin1")["error"] is None
    [document] = of_type(records[0], "document", "feed_latin1")
    assert document["title"] == "Defensoría pide acción"


def test_truncated_pdf_is_recorded(records):
    assert_failed(records, "pdf_truncado", "pdf")


def test_password_protected_pdf_is_recorded(records):
    assert_failed(records, "pdf_protegido", "pdf", "password")


def test_page_whose_charset_header_lies_is_decoded(records):
    assert only_fetch(records, "charset_miente")["error"] is None
    [document] = of_type(records[0], "document", "charset_miente")
    assert document["title"] == "Resolución Ministerial 0231: guía de atención"


def test_name_resolving_to_loopback_is_refused(records):
    assert_failed(records, "ssrf_nombre", "ssrf", "loopback")


def test_redirect_to_loopback_name_is_refused(records):
    assert_failed(records, "ssrf_redirect", "ssrf", "localhost")


def test_redirect_to_metadata_address_is_refused(records):
    assert_failed(records, "ssrf_metadata", "ssrf", "169.254.169.254")


def test_unknown_host_is_a_dns_error(records):
    assert_failed(records, "sin_dns", "dns")


def test_js_source_with_rendering_off_fails_clearly(records):
    fetch = assert_failed(records, "js_apagado", "render")
    assert fetch["error"] == "JS rendering is off (chromium_path is empty)"


def test_spider_crashing_at_start_is_recorded(records):
    assert_failed(records, "arranque_roto", "spider", "start exploded")


def test_spider_crashing_in_a_callback_is_recorded(records):
    fetches = of_type(records[0], "fetch", "callback_roto")
    assert [f["error_kind"] for f in fetches] == ["spider"]
    assert "callback exploded" in fetches[0]["error"]


def test_missing_custom_spider_class_is_recorded(records):
    assert_failed(records, "clase_inexistente", "config", "NoSuchSpider")


def test_custom_spider_not_derived_from_ours_shares_the_pipeline(records):
    [document] = of_type(records[0], "document", "propio")
    assert document["title"] == "propia"
