"""spiders.text_datelines: the date a document's title or text states, the last resort when its
metadata, listing card and URL carry none; and how spiders.documents uses it. Small inline cases
(es and pt); the crawl end to end is in tests/crawling/test_crawl_datelines.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from spiders.documents import Hints, document_from_entry, document_from_html
from spiders.extract import extract_html
from spiders.feeds import FeedEntry
from spiders.gazettes import parse_inlabs_xml
from spiders.text_datelines import BodyDate, body_date

TODAY = date(2024, 11, 20)


def bytes_response(body: bytes, *, url: str) -> HtmlResponse:
    """An HTML response with no charset in its header, as if fetched from ``url``."""
    return HtmlResponse(url=url, body=body, headers={"Content-Type": "text/html"},
                        request=Request(url))


FILLER = ("La Policía Boliviana activó el protocolo de atención a trabajadoras sexuales en las "
          "estaciones policiales integrales, informó el comandante en conferencia de prensa. ")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("", "La Paz, 12 de marzo de 2024.- El Ministerio de Gobierno informó", date(2024, 3, 12)),
        ("", "Cochabamba, 3 sep (ABI).- La Policía activó el protocolo", date(2024, 9, 3)),
        ("", "Santa Cruz de la Sierra, 1ro de abril de 2024.- La Defensoría", date(2024, 4, 1)),
        ("", "EL ALTO, 5 de mayo del 2023 (ABI).- Vecinos", date(2023, 5, 5)),
        ("", "La Paz, martes 12 de marzo de 2024 – La Fiscalía", date(2024, 3, 12)),
        ("", "Lima, 12.03.2024.- El Ministerio de la Mujer", date(2024, 3, 12)),
        ("", "Comunicado oficial\nSucre, 12 de marzo de 2024.- Texto", date(2024, 3, 12)),
        ("", "Martes, 12 de marzo de 2024 - 10:30\nLa Fiscalía abrió", date(2024, 3, 12)),
        ("", "Publicado el 3 de septiembre de 2021\nLa Defensoría del Pueblo", date(2021, 9, 3)),
        ("", "Fecha de publicación: 03/09/2021\nLa Defensoría", date(2021, 9, 3)),
        ("", "Fecha: 2021-09-03\nLa Defensoría", date(2021, 9, 3)),
        ("", "Nota CITE: MG-123/2024 de fecha 3 de mayo de 2024\nSeñora", date(2024, 5, 3)),
        ("Decreto Supremo N° 4712 de 14 de junio de 2022", "CONSIDERANDO:", date(2022, 6, 14)),
        ("", "GACETA OFICIAL DE BOLIVIA\nDECRETO SUPREMO N° 4712\nDE 14 DE JUNIO DE 2022\n",
         date(2022, 6, 14)),
        ("", "RESOLUCIÓN MINISTERIAL N° 123/2023 de fecha 5 de abril de 2023\nVISTOS:",
         date(2023, 4, 5)),
        ("", "Es dado en el Palacio de Gobierno de la ciudad de La Paz, a los veinte días del mes "
             "de mayo de dos mil veinticuatro.", date(2024, 5, 20)),
        ("", "Es dado en La Paz, a los treinta y un días del mes de enero del año dos mil "
             "veintidós.", date(2022, 1, 31)),
        ("", "Es dado en Sucre, a los 20 días del mes de mayo del año 2024.", date(2024, 5, 20)),
    ],
    ids=["es-dateline", "es-agency-no-year", "es-ordinal-long-place", "es-upper-place-del",
         "es-weekday-dash", "es-dotted", "es-second-line", "es-date-only-line", "es-publicado",
         "es-fecha-de-publicacion", "es-fecha-label-iso", "es-de-fecha-heading",
         "es-norm-title", "es-norm-heading-in-pdf", "es-resolucion-de-fecha",
         "es-signature-words", "es-signature-treinta-y-un", "es-signature-digits"],
)
def test_spanish_forms(title, text, expected):
    found = body_date(title=title, text=text, today=TODAY)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("", "Brasília, 14/05/2024 - O Ministério dos Direitos Humanos", date(2024, 5, 14)),
        ("", "São Paulo, terça-feira, 14 de maio de 2024 — A Polícia Civil", date(2024, 5, 14)),
        ("", "Rio de Janeiro, 3 set (Agência Brasil) - A Defensoria", date(2024, 9, 3)),
        ("", "Brasília (DF), 1º de abril de 2024. O Conselho", date(2024, 4, 1)),
        ("", "Publicado em 03/09/2021 09h30\nO Ministério", date(2021, 9, 3)),
        ("", "Data de publicação: 3 de setembro de 2021\nO Ministério", date(2021, 9, 3)),
        ("PORTARIA Nº 45, DE 3 DE MAIO DE 2021", "O MINISTRO DE ESTADO", date(2021, 5, 3)),
        ("LEI Nº 14.245, DE 22 DE NOVEMBRO DE 2021", "Altera o Decreto-Lei", date(2021, 11, 22)),
        ("ATO PR Nº 77 TRT-SP, de 22 de abril de 2021", "O PRESIDENTE", date(2021, 4, 22)),
        ("", "Edição N° 1657 Sexta-feira • 04 de dezembro de 2020 Vitória/ES\nIEL",
         date(2020, 12, 4)),
    ],
    ids=["pt-numeric-dateline", "pt-weekday", "pt-agency-no-year", "pt-ordinal-state",
         "pt-publicado-em", "pt-data-de-publicacao", "pt-portaria-title", "pt-lei-title",
         "pt-ato-suffix", "pt-masthead"],
)
def test_portuguese_forms(title, text, expected):
    found = body_date(title=title, text=text, today=TODAY)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "Conforme a la Ley 348 de 9 de marzo de 2013, la Policía activó el protocolo."),
        ("", "La Ley 348, publicada el 9 de marzo de 2013 en la Gaceta, establece medidas."),
        ("", "Andrés recuerda que el 19 de abril de 2018 se reunió con otras personas."),
        ("", "VISTOS: La nota de fecha 3 de marzo de 2023 remitida por la Defensoría."),
        ("Gobierno reglamenta la Ley 348 de 9 de marzo de 2013", FILLER),
        ("", "O juiz citou a Lei nº 12.845, de 1º de agosto de 2013, na decisão."),
        ("", "La Paz, hace 2 horas.- El ministro informó"),
        ("", "Brasília, há 3 dias - O ministro"),
        ("", "Publicado hace 5 minutos\nLa Policía"),
        ("", "La Paz, 12 de marzo de 2025.- La audiencia fue fijada"),
        ("", "Publicado el 21 de noviembre de 2024\nTexto"),
        ("", "La Paz, 12 de marzo de 1985.- Archivo histórico"),
        ("", "Expediente 12/2024, 3.150.400 bolivianos, 25/13/2024 y 31/02/2024."),
        ("", "Sucre, 5 mayores de edad fueron aprehendidos"),
        ("", "Av. Alfonso Ugarte 873, Lima 1 Central Telefónica (51-1) 3150400 anexo 2030"),
        ("", "El próximo domingo 4 de septiembre será la fecha del plebiscito."),
        ("", ""),
    ],
    ids=["referenced-law", "referenced-publicada", "event-in-sentence", "referenced-de-fecha",
         "news-title-citing-a-law", "pt-referenced-law", "es-relative", "pt-relative",
         "es-published-relative", "future-dateline", "future-published", "before-1990",
         "numbers-like-dates", "month-like-word", "phone-numbers", "no-year-in-sentence",
         "empty"],
)
def test_no_own_date_is_none(title, text):
    assert body_date(title=title, text=text, today=TODAY) is None


def test_dateline_wins_over_a_referenced_law_before_it():
    text = ("Resumen: conforme a la Ley 348 de 9 de marzo de 2013.\n"
            "La Paz, 12 de marzo de 2024.- " + FILLER)
    assert body_date(title="", text=text, today=TODAY) == BodyDate(date(2024, 3, 12), "dateline")


def test_dateline_wins_over_publicado_and_the_norm_title():
    text = "Publicado el 1 de abril de 2024\nLa Paz, 12 de marzo de 2024.- " + FILLER
    found = body_date(title="Decreto Supremo N° 4712 de 14 de junio de 2022", text=text,
                      today=TODAY)
    assert found == BodyDate(date(2024, 3, 12), "dateline")


def test_publicado_wins_over_the_norm_title():
    found = body_date(title="Decreto Supremo N° 4712 de 14 de junio de 2022",
                      text="Publicado el 16 de junio de 2022\n" + FILLER, today=TODAY)
    assert found == BodyDate(date(2022, 6, 16), "published")


def test_a_future_dateline_is_skipped_for_the_next_plausible_date():
    text = "La Paz, 12 de marzo de 2030.- " + FILLER + "\nPublicado el 1 de abril de 2024"
    assert body_date(title="", text=text, today=TODAY) == BodyDate(date(2024, 4, 1), "published")


def test_a_dateline_past_the_opening_is_not_taken():
    text = FILLER * 8 + "\nLa Paz, 12 de marzo de 2024.- Segunda nota"
    assert body_date(title="", text=text, today=TODAY) is None


def test_agency_dateline_without_year_is_never_after_today():
    found = body_date(title="", text="Cochabamba, 3 dic (ABI).- Texto", today=TODAY)
    assert found == BodyDate(date(2023, 12, 3), "dateline")
    same_day = body_date(title="", text="Cochabamba, 20 nov (ABI).- Texto", today=TODAY)
    assert same_day == BodyDate(TODAY, "dateline")


def test_year_less_date_needs_an_agency_style_dateline():
    assert body_date(title="", text="La Paz, 3 de septiembre la Policía", today=TODAY) is None


LATIN1_PAGE = (
    "<html><head><title>Comunicado</title></head><body><article>"
    "<h1>La Policía activa el protocolo de atención</h1>"
    f"<p>Asunción, 12 de marzo de 2024.- {FILLER * 3}</p>"
    f"<p>Según la Ley N° 5777 de 27 de diciembre de 2016, {FILLER * 2}</p>"
    "</article></body></html>"
).encode("latin-1")


def test_latin1_page_without_charset_gives_its_dateline():
    page = extract_html(LATIN1_PAGE, url="https://policia.example/comunicados/protocolo")
    assert page.published_on is None
    found = body_date(title=page.title, text=page.text, today=TODAY)
    assert found == BodyDate(date(2024, 3, 12), "dateline")


def test_utf8_read_as_latin1_still_gives_its_dateline():
    text = "Brasília, 14/05/2024 - O Ministério".encode().decode("latin-1")
    assert body_date(title="", text=text, today=TODAY) == BodyDate(date(2024, 5, 14), "dateline")


def test_document_without_metadata_takes_the_text_date_and_says_so():
    response = bytes_response(LATIN1_PAGE, url="https://policia.example/comunicados/protocolo")
    document = document_from_html(response, hints=Hints(source_id="py_policia"))
    assert document.published_on == date(2024, 3, 12)
    assert document.extra["date_source"] == "text:dateline"


@pytest.mark.parametrize(
    ("page", "url", "hints", "expected"),
    [
        (LATIN1_PAGE.replace(b"<head>", b'<head><meta name="date" content="2024-03-14">'),
         "https://policia.example/comunicados/protocolo", Hints(source_id="s"),
         date(2024, 3, 14)),
        (LATIN1_PAGE, "https://policia.example/2024/03/13/protocolo", Hints(source_id="s"),
         date(2024, 3, 13)),
        (LATIN1_PAGE, "https://policia.example/comunicados/protocolo",
         Hints(source_id="s", published_on=date(2024, 3, 15)), date(2024, 3, 15)),
    ],
    ids=["meta-date", "url-date", "listing-date"],
)
def test_metadata_still_wins_over_the_text(page, url, hints, expected):
    document = document_from_html(bytes_response(page, url=url), hints=hints)
    assert document.published_on == expected
    assert "date_source" not in document.extra


def test_feed_entry_without_date_takes_its_dateline():
    entry = FeedEntry(link="https://policia.example/c/1", title="Comunicado", summary_text="",
                      content_text="Tarija, 8 de agosto de 2024.- " + FILLER,
                      published_on=None, guid="1")
    document = document_from_entry(entry, hints=Hints(source_id="s"),
                                   feed_url="https://policia.example/feed", raw=b"",
                                   content_type="application/rss+xml")
    assert document.published_on == date(2024, 8, 8)
    assert document.extra == {"date_source": "text:dateline"}


INLABS_WITHOUT_PUBDATE = (
    '<xml><article id="1" idMateria="99" pubName="DO1" artType="Portaria">'
    "<body><Identifica><![CDATA[PORTARIA Nº 45, DE 3 DE MAIO DE 2021]]></Identifica>"
    "<Texto><![CDATA[<p>O MINISTRO DE ESTADO resolve.</p>]]></Texto></body></article></xml>"
).encode()


def test_inlabs_act_without_pubdate_takes_its_heading_date():
    [act] = parse_inlabs_xml(INLABS_WITHOUT_PUBDATE)
    assert act.published_on == date(2021, 5, 3)


def test_today_bounds_the_text_date():
    text = "La Paz, 12 de marzo de 2024.- " + FILLER
    day = date(2024, 3, 12)
    assert body_date(title="", text=text, today=day) == BodyDate(day, "dateline")
    assert body_date(title="", text=text, today=day - timedelta(days=1)) is None
