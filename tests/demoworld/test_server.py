"""The demo world's server: every built path answers, queries fall back, ETags, robots.txt.

Cases: the site built for FIXED_TODAY (conftest.py); the server runs on 127.0.0.1, port 0.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from urllib.robotparser import RobotFileParser

import pytest
from demoworld_helpers import FIXED_TODAY, demo_specs

from monitor.demoworld import DemoWorld, build_site, serve_demo_world


def fetch(url: str, *, method: str = "GET", headers: dict[str, str] | None = None,
          ) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_every_built_path_is_served_with_its_content_type(demo_world: DemoWorld):
    site = build_site(FIXED_TODAY, base_url=demo_world.url)
    for path, (content_type, body) in site.items():
        status, headers, served = fetch(demo_world.url + path)
        assert (path, status, headers["Content-Type"]) == (path, 200, content_type)
        assert served == body


def test_world_url_is_loopback_with_a_real_port(demo_world: DemoWorld):
    assert demo_world.url.startswith("http://127.0.0.1:")
    assert int(demo_world.url.rsplit(":", 1)[1]) > 0


def test_tracking_query_falls_back_to_the_page(demo_world: DemoWorld):
    path = "/noticias/articulo/wilstermann-vence-bolivar.html"
    status, _, body = fetch(f"{demo_world.url}{path}?utm_source=rss&utm_medium=feed")
    assert status == 200
    assert b"Wilstermann" in body


def test_unknown_path_is_404(demo_world: DemoWorld):
    assert fetch(demo_world.url + "/no/existe.html")[0] == 404


def test_head_sends_headers_without_body(demo_world: DemoWorld):
    status, headers, body = fetch(demo_world.url + "/noticias/feed.xml", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


def test_matching_etag_gives_304(demo_world: DemoWorld):
    url = demo_world.url + "/policia/rss.xml"
    _, headers, _ = fetch(url)
    status, _, body = fetch(url, headers={"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


def test_robots_allows_everything_but_privado(demo_world: DemoWorld):
    robots = RobotFileParser()
    robots.parse(fetch(demo_world.url + "/robots.txt")[2].decode().splitlines())
    assert robots.can_fetch("Veeduria", demo_world.url + "/gaceta/normas/listadonor/10")
    assert not robots.can_fetch("Veeduria", demo_world.url + "/privado/")


def test_every_source_url_answers_200(demo_world: DemoWorld):
    specs = demo_specs(demo_world.url)
    assert set(specs) == {"bo_gaceta", "bo_gaceta_cards", "bo_policia", "bo_policia_js",
                          "bo_defensoria", "bo_noticias"}
    for spec in specs.values():
        assert spec.start_url.startswith(demo_world.url)
        assert fetch(spec.start_url)[0] == 200, spec.id


def test_feeds_link_to_the_world_itself(demo_world: DemoWorld):
    body = fetch(demo_world.url + "/noticias/feed.xml")[2].decode()
    assert f"<link>{demo_world.url}/noticias/articulo/" in body


def test_server_logs_no_page_text(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG, logger="monitor.demoworld")
    with serve_demo_world(today=FIXED_TODAY) as world:
        fetch(world.url + "/policia/comunicados/felcv-activa-protocolo-proteccion-cochabamba.html")
    assert caplog.records, "the server logs its start and requests"
    assert "trabajadora" not in caplog.text and "protocolo de protección" not in caplog.text


def test_stopped_world_refuses_connections():
    world = serve_demo_world(today=FIXED_TODAY)
    url = world.url
    world.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "/", timeout=2)
