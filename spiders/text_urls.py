"""URL helpers: the canonical form of a document URL, and unwrapping of redirector links.

Layer: spiders (pure). Settings read: none. Re-exported by ``spiders.text``.
Cases: tests/parsing/test_text.py.

The canonical URL is what storage keys documents on, so two fetches of the same article through a
newsletter link (``utm_*``), a Facebook share (``fbclid``) or with a fragment end up the same.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

logger = logging.getLogger(__name__)

_TRACKING_PREFIXES = ("utm_", "mc_", "_hs", "pk_")
_TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "_ga", "_gl",
     "ocid", "cmpid", "__twitter_impression", "ref_src"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CANONICAL_LINK = re.compile(r"<link\b[^>]*>", re.I)
_REL_CANONICAL = re.compile(r"""\brel\s*=\s*["']?[^"'>]*\bcanonical\b""", re.I)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# Second-level labels under which a registrable name sits one level deeper (gob.bo, com.br...).
_SECOND_LEVEL = frozenset({"com", "gob", "gov", "org", "net", "edu", "mil", "co", "ac", "nom",
                           "int", "jus", "leg", "mp", "def", "blog", "info"})


def canonical_url(url: str, *, html: str | None = None) -> str:
    """The canonical form: rel=canonical when sane, no tracking params or fragment, sorted query."""
    base = _normalise(url)
    if html is None:
        return base
    declared = _declared_canonical(html, base_url=url)
    if declared is None or not _is_sane_canonical(declared, page_url=base):
        return base
    return _normalise(declared)


def _normalise(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        port_number = parts.port
    except ValueError:  # bad port or IPv6 literal: keep the URL as it came
        logger.debug("unparseable URL kept as is")
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = port_number if port_number and port_number != _DEFAULT_PORTS.get(scheme) else None
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (userinfo + "@" if userinfo else "") + host + (f":{port}" if port else "")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def _declared_canonical(html: str, *, base_url: str) -> str | None:
    head = html[: html.lower().find("</head>") if "</head>" in html.lower() else 200_000]
    for tag in _CANONICAL_LINK.findall(head):
        if not _REL_CANONICAL.search(tag):
            continue
        match = _HREF.search(tag)
        href = next((str(g) for g in match.groups() if g), "") if match else ""
        href = href.strip().replace("&amp;", "&")
        if href:
            try:
                return urljoin(base_url, href)
            except ValueError:
                return None
    return None


def _is_sane_canonical(candidate: str, *, page_url: str) -> bool:
    """Same site, http(s), and not a site root claimed by an inner page (a common CMS bug)."""
    try:
        cand, page = urlsplit(candidate), urlsplit(page_url)
        _ = cand.port
    except ValueError:
        return False
    if cand.scheme not in ("http", "https") or not cand.hostname:
        return False
    if _site(cand.hostname) != _site(page.hostname or ""):
        logger.debug("rel=canonical to another site ignored")
        return False
    return not (cand.path in ("", "/") and page.path not in ("", "/"))


def _site(host: str) -> str:
    """Registrable part of a host name, approximately (example.com, gob.bo site names...)."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


# Redirectors: host pattern -> path prefix -> query parameters that hold the real URL.
_REDIRECTORS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (re.compile(r"^(www\.)?google\.[a-z.]+$"), "/url", ("url", "q")),
    (re.compile(r"^news\.google\.[a-z.]+$"), "/", ("url",)),
    (re.compile(r"^(l|lm|m|www)\.facebook\.com$"), "/l.php", ("u",)),
    (re.compile(r"^(www\.)?bing\.com$"), "/", ("url",)),
    (re.compile(r"^out\.reddit\.com$"), "/", ("url",)),
    (re.compile(r"^(www\.)?youtube\.com$"), "/redirect", ("q",)),
    (re.compile(r"^l\.instagram\.com$"), "/", ("u",)),
    (re.compile(r"^(t|click)\.[a-z0-9-]+\.[a-z.]+$"), "/", ("url", "u")),
)
_MAX_HOPS = 3


def unwrap_redirect(url: str) -> str:
    """The target of a known redirector link (Google Alerts ``/url?url=``, Facebook ``l.php``)."""
    current = url.strip()
    for _ in range(_MAX_HOPS):
        target = _redirect_target(current)
        if target is None:
            return current
        current = target
    return current


def _redirect_target(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    for host_pattern, path_prefix, params in _REDIRECTORS:
        if not host_pattern.match(host) or not parts.path.startswith(path_prefix):
            continue
        query = dict(parse_qsl(parts.query))
        for name in params:
            target = query.get(name, "")
            if target.startswith(("http://", "https://")):
                return target
    return None
