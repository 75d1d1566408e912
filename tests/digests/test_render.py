"""render_digest: subject, text and HTML in es/pt/en; scraped text escaped or flattened."""

from __future__ import annotations

import pytest
from digestdata import SCRIPT, records

from digests.build import build_digest
from digests.render import render_digest

HEADINGS = {"es": "Cambios de estado confirmados esta semana",
            "pt": "Mudanças de situação confirmadas nesta semana",
            "en": "Status changes confirmed this week"}
SUBJECTS = {"es": "Veeduría, semana 25 de 2026: 1 cambios confirmados, 1 fuentes con fallas",
            "pt": "Veeduría, semana 25 de 2026: 1 mudanças confirmadas, 1 fontes com falhas",
            "en": "Veeduría, week 25 of 2026: 1 changes confirmed, 1 sources failing"}


@pytest.mark.parametrize("language", ["es", "pt", "en"])
def test_renders_in_each_language(language):
    parts = render_digest(build_digest(**records(language=language, is_editor=True)))
    assert parts.subject == SUBJECTS[language]
    assert HEADINGS[language] in parts.text
    assert HEADINGS[language] in parts.html
    assert "https://veeduria.example.org/d/bo-ley" in parts.html
    assert "https://veeduria.example.org/d/bo-ley" in parts.text


def test_dates_are_in_the_recipients_language():
    text = render_digest(build_digest(**records(language="pt"))).text
    assert "15 de jun. de 2026" in text


def test_scraped_text_is_escaped_in_html():
    html = render_digest(build_digest(**records(is_editor=True))).html
    assert SCRIPT not in html
    assert "Ley &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html


def test_scraped_newlines_cannot_fake_lines_in_text():
    data = records()
    data["demands"][0] = data["demands"][0].__class__(**{
        **data["demands"][0].__dict__,
        "titles": {"es": "Ley\r\nBcc: victima@example.org\n\n== Falso ==", "pt": "", "en": ""}})
    text = render_digest(build_digest(**data)).text
    assert "\nBcc:" not in text and "\n== Falso" not in text
    assert "Ley Bcc: victima@example.org == Falso ==" in text


def test_javascript_links_are_dropped():
    data = records()
    data["changes"][0] = data["changes"][0].__class__(**{**data["changes"][0].__dict__,
                                                         "url": "javascript:alert(1)"})
    parts = render_digest(build_digest(**data))
    assert "javascript:" not in parts.html and "javascript:" not in parts.text


def test_coordinators_get_only_the_count_of_file_problems():
    parts = render_digest(build_digest(**records(language="en")))
    assert "unknown key" not in parts.text and "unknown key" not in parts.html
    assert "Problems in rule and source files: 1 (editors see the details)." in parts.text
    editor = render_digest(build_digest(**records(language="en", is_editor=True)))
    assert "rules/demands/bo.yaml:14: unknown key 'estatus'" in editor.text


AWAITING = {"es": "Propuestas por revisar al final del día 21 jun 2026: 3",
            "pt": "Propostas para revisar no fim do dia 21 de jun. de 2026: 3",
            "en": "Proposals awaiting review at the end of Jun 21, 2026: 3"}


@pytest.mark.parametrize("language", ["es", "pt", "en"])
def test_the_awaiting_count_names_the_day_it_was_taken(language):
    parts = render_digest(build_digest(**records(language=language)))
    assert AWAITING[language] in parts.text
    assert AWAITING[language] in parts.html


def test_editors_see_the_count_then_what_still_awaits_today():
    text = render_digest(build_digest(**records(language="en", is_editor=True))).text
    count = text.index("Proposals awaiting review at the end of Jun 21, 2026: 3")
    assert count < text.index("Still awaiting review today:") < text.index("#10 ")
    empty = render_digest(build_digest(**records(language="en", is_editor=True,
                                                 proposals=[]))).text
    assert "Nothing awaits review today." in empty
    assert "Still awaiting review today:" not in empty
