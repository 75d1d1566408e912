"""Render a ``Digest`` into an e-mail's parts: subject, plain text and HTML (Jinja2 + Babel).

Layer: digests. The HTML environment autoescapes everything (scraped titles and excerpts
included); the text environment turns every printed value into a single line without control
characters, and the subject carries no scraped text at all, so nothing found on a site can
add a header or fake a section. Templates: ``digests/templates/digest.{html,txt}.j2``.
Settings read: none. Cases: tests/digests/test_render.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from urllib.parse import urlsplit

import jinja2

from digests.build import Digest
from digests.i18n import (
    check_language,
    country_name,
    date_text,
    datetime_text,
    event_label,
    gettext,
    label,
    translations,
)

TEMPLATE_DIR = "templates"
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True)
class RenderedDigest:
    """What ``send_digest`` sends."""

    subject: str
    text: str
    html: str


def one_line(value: object) -> object:
    """Collapse newlines and control characters of a printed value into one space."""
    if isinstance(value, str):
        return _CONTROL.sub(" ", value)
    return value


def safe_href(url: str | None) -> str:
    """``url`` when it is an http(s) link, else '' (no javascript: or data: links)."""
    if not url:
        return ""
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else ""


def install_filters(env: jinja2.Environment, language: str) -> None:
    """Translation and date filters bound to ``language`` (shared with ``monitor.web``)."""
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        status=partial(label, "status", language=language),
        response=partial(label, "response", language=language),
        flag=partial(label, "flag", language=language),
        kind=partial(label, "kind", language=language),
        source_state=partial(label, "source_state", language=language),
        coverage=partial(label, "coverage", language=language),
        stage=partial(label, "stage", language=language),
        role=partial(label, "role", language=language),
        event=partial(event_label, language=language),
        day=partial(date_text, language=language),
        longday=partial(date_text, language=language, form="long"),
        moment=partial(datetime_text, language=language),
        country=partial(country_name, language=language),
        href=safe_href,
    )
    env.globals["language"] = language


@lru_cache(maxsize=8)
def environment(language: str, *, is_html: bool) -> jinja2.Environment:
    """The Jinja2 environment of one language, HTML (autoescaped) or text (one-line values)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("digests", TEMPLATE_DIR),
        autoescape=is_html,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        finalize=None if is_html else one_line,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    install_filters(env, language)
    return env


def subject_of(digest: Digest) -> str:
    """The subject: week, changes and broken sources, never scraped text, one line."""
    text = gettext("Veeduría, week %(week)s of %(year)s: %(changes)s changes confirmed",
                   language=digest.language) % {
        "week": digest.week, "year": digest.year, "changes": len(digest.changes)}
    failing = sum(1 for s in digest.sources if s.state == "failing")
    if failing:
        text += gettext(", %(count)s sources failing", language=digest.language) % {
            "count": failing}
    return str(one_line(text))


def render_digest(digest: Digest) -> RenderedDigest:
    """Subject, text and HTML of one digest."""
    check_language(digest.language)
    html = environment(digest.language, is_html=True).get_template("digest.html.j2")
    text = environment(digest.language, is_html=False).get_template("digest.txt.j2")
    return RenderedDigest(subject=subject_of(digest), text=text.render(d=digest),
                          html=html.render(d=digest))
