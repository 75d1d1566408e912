"""The fixture site's static files, sidecar headers and failure routes behave as documented.

Layer: tests (checks tests/fixture_server.py). Cases: tests/fixtures/site/.
"""

from __future__ import annotations

import gzip
import http.client
import zlib
from contextlib import closing

import pytest


def get(site, path, headers=None, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    return conn, response


def fetch(site, path, headers=None):
    conn, response = get(site, path, headers)
    with closing(conn):
        return response.status, dict(response.getheaders()), response.read()


def test_static_html_has_content_type_without_charset(fixture_site):
    status, headers, body = fetch(fixture_site, "/site/etag/boletin.html")
    assert (status, headers["Content-Type"]) == (200, "text/html")
    assert b"Bolet\xc3\xadn de normas" in body


def test_sidecar_headers_can_lie_about_the_charset(fixture_site):
    status, headers, body = fetch(fixture_site, "/site/lying-charset.html")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "Resolución Ministerial 0231" in body.decode("latin-1")


def test_sidecar_status_line_sets_the_status(fixture_site):
    assert fetch(fixture_site, "/site/gone.html")[0] == 410


def test_missing_file_and_path_traversal_are_404(fixture_site):
    assert fetch(fixture_site, "/no/such/page.html")[0] == 404
    assert fetch(fixture_site, "/../../pyproject.toml")[0] == 404
    assert fetch(fixture_site, "/site/gone.html.headers")[0] == 404


def test_status_503_says_retry_after(fixture_site):
    status, headers, _ = fetch(fixture_site, "/status/503")
    assert (status, headers["Retry-After"]) == (503, "1")
    assert fetch(fixture_site, "/status/404")[0] == 404


def test_slow_route_answers_after_sleeping(fixture_site):
    assert fetch(fixture_site, "/slow?s=0.05")[0] == 200


def test_truncated_body_is_shorter_than_its_content_length(fixture_site):
    conn, response = get(fixture_site, "/truncated")
    with closing(conn), pytest.raises(http.client.IncompleteRead):
        response.read()


def test_reset_route_resets_the_connection(fixture_site):
    conn, response = get(fixture_site, "/reset")
    with closing(conn), pytest.raises((ConnectionResetError, http.client.IncompleteRead)):
        response.read()


def test_latin1_route_has_no_charset_anywhere(fixture_site):
    status, headers, body = fetch(fixture_site, "/latin1")
    assert headers["Content-Type"] == "text/html"
    assert b"charset" not in body.lower()
    assert "protección" in body.decode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def test_redirect_routes(fixture_site):
    status, headers, _ = fetch(fixture_site, "/redirect-loop")
    assert (status, headers["Location"]) == (302, "/redirect-loop")
    status, headers, _ = fetch(fixture_site, "/redirect?to=/latin1&code=301")
    assert (status, headers["Location"]) == (301, "/latin1")


def test_big_route_streams_the_asked_size(fixture_site):
    status, headers, body = fetch(fixture_site, "/big?mb=1")
    assert (int(headers["Content-Length"]), len(body)) == (1024 * 1024, 1024 * 1024)
    status, headers, body = fetch(fixture_site, "/big?mb=0.5&nolength=1")
    assert "Content-Length" not in headers
    assert len(body) == 512 * 1024


def test_gzip_truncated_cannot_be_decompressed(fixture_site):
    status, headers, body = fetch(fixture_site, "/gzip-truncated")
    assert headers["Content-Encoding"] == "gzip"
    with pytest.raises((EOFError, zlib.error)):
        gzip.decompress(body)


def test_empty_route_is_200_with_no_bytes(fixture_site):
    status, headers, body = fetch(fixture_site, "/empty")
    assert (status, headers["Content-Length"], body) == (200, "0", b"")


def test_challenge_looks_like_cloudflare(fixture_site):
    status, headers, body = fetch(fixture_site, "/challenge")
    assert (status, headers["Server"], headers["cf-mitigated"]) == (403, "cloudflare", "challenge")
    assert b"Just a moment..." in body
    assert fetch(fixture_site, "/challenge?code=503")[0] == 503


def test_etag_answers_304_to_its_validators_and_counts_bytes(fixture_site):
    status, headers, body = fetch(fixture_site, "/etag/boletin.html")
    assert status == 200 and fixture_site.bytes_sent == len(body) > 0
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert fetch(fixture_site, "/etag/boletin.html", {"If-None-Match": etag})[0] == 304
    assert fetch(fixture_site, "/etag/boletin.html", {"If-Modified-Since": modified})[0] == 304
    assert fixture_site.bytes_sent == len(body)
    assert fixture_site.requests[1].headers["if-none-match"] == etag


def test_changed_etag_body_is_served_again(fixture_site):
    etag = fetch(fixture_site, "/etag/x")[1]["ETag"]
    fixture_site.set_etag_body("x", b"<p>nueva version</p>")
    status, headers, body = fetch(fixture_site, "/etag/x", {"If-None-Match": etag})
    assert (status, body) == (200, b"<p>nueva version</p>")
    assert headers["ETag"] != etag


def test_counters_start_empty_in_each_test(fixture_site):
    assert (fixture_site.requests, fixture_site.bytes_sent) == ([], 0)
    fetch(fixture_site, "/empty")
    method, path, headers = fixture_site.requests[0]
    assert (method, path, headers["host"]) == ("GET", "/empty", f"127.0.0.1:{fixture_site.port}")
