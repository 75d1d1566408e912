"""SSRF guard: refuse requests to addresses inside our own network, whatever their spelling.

Layer: spiders (imports nothing of ours but ``spiders.errors``). A source is an editor's URL and
a site can redirect anywhere, so every request (redirects and followed links included; see
``spiders.middlewares.SsrfGuardMiddleware``) is checked here before it is sent. Refused:
loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16 with the cloud metadata
address, fe80::/10), carrier-grade NAT (100.64/10), unique-local fc00::/7, IPv4-mapped and other
embedded IPv4 in IPv6, unspecified, multicast and reserved ranges; odd IPv4 spellings (decimal
``2130706433``, octal ``0177.0.0.1``, hex ``0x7f.1``, short ``127.1``) are read the way
``inet_aton`` (and so the C resolver) reads them; host names are resolved and ALL their addresses
checked. Hosts listed in ``allow_hosts`` (exact host text, lower case) pass.

Known limit: the address is resolved here and again by the downloader, so a DNS answer that
changes between the two (rebinding) is not caught; the cache in the middleware narrows it.
Settings read: allow_hosts (through CrawlOptions). Cases: tests/crawling/test_ssrf.py.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Collection, Sequence
from typing import Any
from urllib.parse import urlsplit

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred

from spiders.errors import SourceRefused

logger = logging.getLogger(__name__)

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], Sequence[str]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (getaddrinfo, IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceRefused(f"cannot resolve host {host!r}: {exc}", kind="dns") from exc
    return sorted({str(info[4][0]) for info in infos})


def parse_ip(host: str) -> IpAddress | None:
    """The address a literal host stands for, odd IPv4 spellings included; None for a name."""
    text = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if not text or not all(part for part in text.split(".")):
        return None
    if not text.replace(".", "").replace("x", "").replace("X", "").isalnum():
        return None
    try:
        packed = socket.inet_aton(text)  # accepts 2130706433, 0177.0.0.1, 0x7f.1, 127.1
    except OSError:
        return None
    return ipaddress.IPv4Address(packed)


def blocked_reason(address: IpAddress) -> str | None:
    """Why an address must not be fetched, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return blocked_reason(embedded)
        if address.teredo is not None:
            return "a Teredo tunnel address"
    checks = (("unspecified", address.is_unspecified), ("loopback", address.is_loopback),
              ("link-local", address.is_link_local), ("multicast", address.is_multicast),
              ("private", address.is_private), ("reserved", address.is_reserved))
    for name, hit in checks:
        if hit:
            return f"a {name} address"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "a carrier-grade NAT address"
    if not address.is_global:
        return "a non-public address"
    return None


def check_url(url: str, *, allow_hosts: Collection[str],
              resolve: Resolver = resolve_host) -> None:
    """Raise SourceRefused (kind ``ssrf``) unless ``url`` points only at public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES:
        raise SourceRefused(f"scheme {parts.scheme!r} is not fetched", kind="ssrf", url=url)
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise SourceRefused("URL has no host", kind="ssrf", url=url)
    if host in allow_hosts:
        return
    literal = parse_ip(host)
    addresses = [literal] if literal is not None else [
        ipaddress.ip_address(a.split("%", 1)[0]) for a in resolve(host)]
    for address in addresses:
        reason = blocked_reason(address)
        if reason is not None:
            raise SourceRefused(f"refused: host {host!r} is {reason} ({address})", kind="ssrf",
                                url=url)


NETWORKLESS_SCHEMES = frozenset({"data", "blob", "about"})


class BrowserRequestGuard:
    """``PLAYWRIGHT_ABORT_REQUEST``: Chromium's own requests (scripts, images, XHR, frames,
    redirects) pass the same check as Scrapy's; a refused one is aborted and logged."""

    def __init__(self, *, allow_hosts: Collection[str], resolve: Resolver = resolve_host) -> None:
        self.allow_hosts = frozenset(allow_hosts)
        self.resolve = resolve

    def __call__(self, request: object) -> bool:
        url = str(getattr(request, "url", ""))
        if urlsplit(url).scheme in NETWORKLESS_SCHEMES:
            return False
        try:
            check_url(url, allow_hosts=self.allow_hosts, resolve=self.resolve)
        except SourceRefused as exc:
            logger.warning("browser request aborted by the SSRF guard: %s", exc)
            return True
        return False


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's DNS resolver with the guard applied to the address it actually connects to,
    so a name that resolved to a public address for the middleware's check and then to a
    private one (DNS rebinding) is still refused. ``TWISTED_DNS_RESOLVER``."""

    allow_hosts: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        resolver = super().from_crawler(crawler, reactor)
        options = crawler.settings.get("VEEDURIA_OPTIONS")
        resolver.allow_hosts = frozenset(getattr(options, "allow_hosts", ()) or ())
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:  # noqa: N802
        return super().getHostByName(name, timeout).addCallback(self._check, name)

    def _check(self, address: str, name: str) -> str:
        host = name.lower().rstrip(".")
        if host in self.allow_hosts:
            return address
        reason = blocked_reason(ipaddress.ip_address(address.split("%", 1)[0]))
        if reason is not None:
            raise SourceRefused(f"refused: host {host!r} resolved to {reason} ({address})",
                                kind="ssrf")
        return address
