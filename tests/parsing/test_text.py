"""spiders.text helpers: decoding, URLs, redirects, hashing, language, dates, challenge pages,
and extract_selector. Small inline cases; page-sized cases live in tests/fixtures/parsing/."""

from __future__ import annotations

from datetime import date

import pytest

from spiders.errors import SourceUnreadable
from spiders.extract import extract_selector
from spiders.text import (
    canonical_url,
    content_hash,
    date_from_url,
    decode_html,
    detect_language,
    is_challenge_page,
    parse_date,
    unwrap_redirect,
)

PAGE = "<html><head><title>Política</title></head><body><p>Protección y atención</p></body></html>"


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        (PAGE.encode("utf-8"), None, "Protección"),
        (PAGE.encode("latin-1"), None, "Protección"),
        (PAGE.encode("latin-1"), "utf-8", "Protección"),  # the header lies
        (PAGE.encode("latin-1"), "ISO-8859-1", "Protección"),
        ("<p>“Ni una menos”</p>".encode("cp1252"), None, "“Ni una menos”"),
        (b"\xef\xbb\xbf" + PAGE.encode("utf-8"), "latin-1", "Protección"),  # BOM beats header
        ('<meta charset="iso-8859-1"><p>Atención</p>'.encode("latin-1"), None, "Atención"),
    ],
    ids=["utf8", "latin1-undeclared", "lying-header", "latin1-header", "cp1252-quotes", "bom",
         "meta-charset"],
)
def test_decode_html_gives_readable_text(body, header, expected):
    text = decode_html(body, header_charset=header)
    assert expected in text
    assert "\ufffd" not in text


def test_decode_html_refuses_empty_body():
    with pytest.raises(SourceUnreadable) as caught:
        decode_html(b"", header_charset=None)
    assert caught.value.kind == "empty"


@pytest.mark.parametrize(
    ("url", "html", "expected"),
    [
        ("HTTPS://WWW.Diario.COM.bo:443/nota?utm_source=x&b=2&a=1&fbclid=z&gclid=g&mc_cid=1#c",
         None, "https://www.diario.com.bo/nota?a=1&b=2"),
        ("http://diario.com.bo", None, "http://diario.com.bo/"),
        ("https://diario.com.bo/a?id=9", '<link rel="canonical" href="/nota/9">',
         "https://diario.com.bo/nota/9"),
        ("https://m.diario.com.bo/a", '<link href="https://www.diario.com.bo/a" rel="canonical">',
         "https://www.diario.com.bo/a"),
        ("https://diario.com.bo/a", '<link rel="canonical" href="https://otro.com/a">',
         "https://diario.com.bo/a"),  # another site: ignored
        ("https://diario.com.bo/nota/5", '<link rel="canonical" href="https://diario.com.bo/">',
         "https://diario.com.bo/nota/5"),  # inner page claiming the home page: ignored
        ("https://www.policia.gob.bo/x", '<link rel="canonical" href="https://www.mingob.gob.bo/x">',
         "https://www.policia.gob.bo/x"),  # gob.bo is a public suffix, not one site
    ],
)
def test_canonical_url(url, html, expected):
    assert canonical_url(url, html=html) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.google.com/url?rct=j&sa=t&url=https://www.lostiempos.com/nota%3Fid%3D3"
         "&ct=ga&cd=CAE", "https://www.lostiempos.com/nota?id=3"),
        ("https://www.google.com.br/url?q=https://g1.globo.com/a&sa=U", "https://g1.globo.com/a"),
        ("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.eldeber.com.bo%2Fa&h=AT0",
         "https://www.eldeber.com.bo/a"),
        ("https://www.eldeber.com.bo/a?url=https://otro.com/", "https://www.eldeber.com.bo/a?url=https://otro.com/"),
        ("https://www.google.com/url?url=javascript:alert(1)", "https://www.google.com/url?url=javascript:alert(1)"),
    ],
)
def test_unwrap_redirect(url, expected):
    assert unwrap_redirect(url) == expected


def test_content_hash_folds_whitespace_and_unicode_forms():
    composed, decomposed = "Atenci\u00f3n  policial\n", "Atencio\u0301n policial"
    assert content_hash(composed) == content_hash(decomposed)
    assert content_hash("a") != content_hash("b")
    assert len(content_hash("")) == 64


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Defensoría del Pueblo pidió a la Policía que informe sobre los operativos.", "es"),
        ("A Defensoria Pública pediu à Polícia que informe sobre as operações.", "pt"),
        ("The ombudsman asked the police to report on the raids.", "en"),
        ("Policía detuvo a dos mujeres en El Alto", "es"),
        ("Governo anuncia novas medidas", "pt"),
        ("Gobierno anuncia nuevas medidas", "es"),
        ("Congresso aprova lei de identidade de gênero", "pt"),
        ("Senate passes the bill", "en"),
        ("12345 678", None),
        ("", None),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-06-20", date(2026, 6, 20)),
        ("2026-06-20T10:00:00-04:00", date(2026, 6, 20)),
        ("2026-06-20T23:30:00-05:00", date(2026, 6, 20)),  # no shift to UTC
        ("20/06/2026", date(2026, 6, 20)),
        ("04.05.2022", date(2022, 5, 4)),
        ("20 de junio de 2026", date(2026, 6, 20)),
        ("1º de maio de 2021", date(2021, 5, 1)),
        ("Publicado el martes 3 de mayo de 2022 a las 10:00", date(2022, 5, 3)),
        ("Seg, 24 Set 2018 19:42:40 -0300", date(2018, 9, 24)),
        ("Tue, 10 Jun 2003 04:00:00 GMT", date(2003, 6, 10)),
        ("junio 20, 2026", date(2026, 6, 20)),
        ("20260620", date(2026, 6, 20)),
        ("31/02/2020", None),
        ("hace 2 horas", None),
        ("mañana", None),
        ("xyz", None),
        ("", None),
        ("9" * 500, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.paginasiete.bo/seguridad/2022/5/3/policia-anuncia", date(2022, 5, 3)),
        ("https://www.lostiempos.com/actualidad/pais/20220503/juicio", date(2022, 5, 3)),
        ("https://www.biobiochile.cl/noticias/2022/05/04/gremios.shtml", date(2022, 5, 4)),
        ("https://ejemplo.org/2026-06-20-comunicado", date(2026, 6, 20)),
        ("https://ejemplo.org/nota/123456789", None),
        ("https://ejemplo.org/nota?fecha=20220503", None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_challenge_and_login_pages_are_recognised_and_articles_are_not():
    captcha = ('<html><head><title>Verificación</title></head><body><form>'
               '<div class="g-recaptcha" data-sitekey="x"></div></form></body></html>')
    article = "<html><body>" + "<p>Texto de la nota con contraseña mencionada.</p>" * 80 + \
        '<div class="g-recaptcha"></div><input type="password"></body></html>'
    assert is_challenge_page(403, captcha) == "captcha page"
    assert is_challenge_page(200, article) is None
    assert is_challenge_page(429, "<html><body>Too many</body></html>") is not None
    assert is_challenge_page(200, "<html><body><p>Comunicado breve.</p></body></html>") is None


LISTING = """<html><head><title>Comunicados</title>
<meta property="article:published_time" content="2026-06-20T09:00:00-04:00"></head><body>
<div class="nota"><h2>Comunicado 1</h2><p>Primer  texto.</p><script>x()</script></div>
<div class="nota"><h2>Comunicado 2</h2><p>Segundo texto.</p></div></body></html>"""


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("div.nota", "Comunicado 1 Primer texto.\nComunicado 2 Segundo texto."),
        ("div.nota h2::text", "Comunicado 1\nComunicado 2"),
        ("//div[@class='nota'][2]/p", "Segundo texto."),
        ("(//h2)[1]/text()", "Comunicado 1"),
    ],
)
def test_extract_selector(selector, expected):
    found = extract_selector(LISTING.encode(), url="https://ejemplo.gob.bo/c", selector=selector)
    assert found.text == expected
    assert found.title == "Comunicados"
    assert found.published_on == date(2026, 6, 20)


def test_extract_selector_without_match_is_empty_and_bad_selector_is_parse_error():
    with pytest.raises(SourceUnreadable) as caught:
        extract_selector(LISTING.encode(), url="https://e.org/", selector="div.nada")
    assert caught.value.kind == "empty"
    with pytest.raises(SourceUnreadable) as caught:
        extract_selector(LISTING.encode(), url="https://e.org/", selector="//div[")
    assert caught.value.kind == "parse"


@pytest.mark.parametrize("url", ["http://x.com:abc/a", "http://[::1/a", "https://a.com:9x/url"])
def test_unparseable_urls_are_kept_as_they_came(url):
    assert canonical_url(url) == url
    assert unwrap_redirect(url) == url
    assert canonical_url("https://a.com/x", html=f'<link rel="canonical" href="{url}">') == (
        "https://a.com/x")
