"""Text helpers shared by every parser: decoding, URLs, hashing, language, dates, challenges.

Layer: spiders (pure functions: bytes and strings in, values out; no fetching, no Scrapy).
Settings read: none. Cases: tests/fixtures/parsing/html/*.html (decoding, challenges),
tests/parsing/test_text.py (URLs, dates, language). URL, date and language helpers live in
spiders/text_urls.py, spiders/text_dates.py and spiders/text_language.py and are re-exported here.

``decode_html`` tries the BOM (which wins over the header, as in the WHATWG encoding standard
browsers follow), the HTTP header charset, ``<meta charset>``/http-equiv, then sniffing; a
declared UTF-8 that is not valid UTF-8 (a lying header or meta) is skipped. Undeclared legacy
bytes come out as windows-1252, the superset of Latin-1 that LatAm sites actually send.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata

import charset_normalizer
import lxml.etree
import lxml.html
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

from spiders.errors import SourceUnreadable
from spiders.text_dates import date_from_url, parse_date
from spiders.text_language import detect_language
from spiders.text_urls import canonical_url, unwrap_redirect

logger = logging.getLogger(__name__)

__all__ = [
    "canonical_url",
    "content_hash",
    "date_from_url",
    "decode_html",
    "detect_language",
    "is_challenge_page",
    "parse_date",
    "unwrap_redirect",
    "visible_text",
]

_UTF8 = "utf-8"
_LEGACY = "cp1252"
# Codecs the sniffer may choose among: what LatAm sites use, in order of preference.
_SNIFF_CODECS = ["utf_8", "cp1252", "iso8859_15", "latin_1"]


def decode_html(body: bytes, *, header_charset: str | None) -> str:
    """Bytes of an HTML (or XML) page to text; never mojibake from a lying UTF-8 declaration."""
    if not body:
        raise SourceUnreadable("empty response body", kind="empty")
    bom_codec, bom = read_bom(body)
    if bom_codec and bom:
        return _decode_declared(body[len(bom) :], bom_codec) or body[len(bom) :].decode(
            _LEGACY, errors="replace"
        )
    for declared in (header_charset, html_body_declared_encoding(body)):
        text = _decode_declared(body, declared)
        if text is not None:
            return text
    return _decode_sniffed(body)


def _decode_declared(body: bytes, declared: str | None) -> str | None:
    """Decode with a declared charset, or None when it is unknown or a UTF-8 claim is false."""
    codec = resolve_encoding(declared) if declared else None
    if codec is None:
        return None
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        if codec.replace("_", "-") in ("utf-8", "utf8"):
            logger.debug("declared %s is not valid; sniffing instead", declared)
            return None
        return body.decode(codec, errors="replace")
    except LookupError:
        return None


def _decode_sniffed(body: bytes) -> str:
    """No usable declaration: valid UTF-8 wins, else the sniffer among LatAm codecs, else cp1252."""
    try:
        return body.decode(_UTF8)
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:65536], cp_isolation=_SNIFF_CODECS).best()
    codec = best.encoding if best is not None and best.encoding != "utf_8" else _LEGACY
    if codec == "latin_1":
        codec = _LEGACY  # cp1252 is latin-1 plus the curly quotes sites actually send
    return body.decode(codec, errors="replace")


def content_hash(text: str) -> str:
    """sha256 hex of the text after NFC normalisation and whitespace folding."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


_SCRIPT_STYLE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.S | re.I)


def visible_text(html: str) -> str:
    """A rough visible text of an HTML page (scripts, styles and tags removed), for heuristics."""
    text = _TAG.sub(" ", _SCRIPT_STYLE.sub(" ", html))
    return " ".join(text.split())


_CHALLENGE_TITLES = (
    ("just a moment", "bot challenge (Cloudflare 'Just a moment')"),
    ("attention required", "bot challenge (Cloudflare 'Attention Required')"),
    ("un momento", "bot challenge (Cloudflare, Spanish)"),
    ("um momento", "bot challenge (Cloudflare, Portuguese)"),
    ("ddos-guard", "bot challenge (DDoS-Guard)"),
    ("access denied", "access denied by a web application firewall"),
    ("acceso denegado", "access denied by a web application firewall"),
    ("acesso negado", "access denied by a web application firewall"),
    ("sucuri website firewall", "access denied by the Sucuri firewall"),
)
_CHALLENGE_MARKERS = (
    ("cf-browser-verification", "bot challenge (Cloudflare browser check)"),
    ("cf_chl_opt", "bot challenge (Cloudflare)"),
    ("cf-challenge", "bot challenge (Cloudflare)"),
    ("_incapsula_resource", "bot challenge (Imperva Incapsula)"),
    ("px-captcha", "bot challenge (PerimeterX captcha)"),
    ("g-recaptcha", "captcha page"),
    ("h-captcha", "captcha page"),
    ("hcaptcha.com", "captcha page"),
    ("captcha-delivery.com", "bot challenge (DataDome captcha)"),
    ("checking your browser", "bot challenge (browser check)"),
    ("verificando tu navegador", "bot challenge (browser check)"),
    ("verificando seu navegador", "bot challenge (browser check)"),
    ("are you a robot", "captcha page"),
    ("no soy un robot", "captcha page"),
    ("não sou um robô", "captcha page"),
)
_LOGIN_WORDS = ("iniciar sesión", "inicia sesión", "ingresar", "acceder", "entrar", "login",
                "log in", "sign in", "fazer login", "faça login", "contraseña", "senha", "password")
_PASSWORD_INPUT = re.compile(r"<input\b[^>]*type\s*=\s*[\"']?password", re.I)
_SHORT_PAGE_CHARS = 2000  # a real article has more visible text than a challenge or login form


def is_challenge_page(status: int, text: str) -> str | None:
    """Why this response is a bot challenge, captcha or login wall rather than content; or None."""
    visible = visible_text(text)
    if len(visible) > _SHORT_PAGE_CHARS:
        return None
    lowered = text.lower()
    title_match = _TITLE.search(text)
    title = " ".join(title_match.group(1).split()).lower() if title_match else ""
    for needle, reason in _CHALLENGE_TITLES:
        if needle in title:
            return reason
    for needle, reason in _CHALLENGE_MARKERS:
        if needle in lowered:
            return reason
    if _PASSWORD_INPUT.search(text) and any(w in visible.lower() for w in _LOGIN_WORDS):
        return "login wall (password form and little else)"
    if status in (401, 403, 429) and len(visible) < 300:
        return f"HTTP {status} with a near-empty page (blocked)"
    return None



FRAGMENT_BLOCKS = ("p", "br", "div", "li", "tr", "h1", "h2", "h3")


def fragment_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment (feed summary, gazette CDATA): one line per block,
    whitespace folded; text without markup passes through folded."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())
    try:
        node = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return " ".join(fragment.split())
    for block in node.iter(*FRAGMENT_BLOCKS):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in node.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
