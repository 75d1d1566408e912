"""The SSRF guard (spiders/ssrf.py): every class of non-public address is refused, in every
spelling, unless its host is allowed; names are resolved and all their addresses checked."""

from __future__ import annotations

import pytest

from spiders.errors import SourceRefused
from spiders.ssrf import BrowserRequestGuard, check_url, parse_ip


def no_dns(host: str) -> list[str]:
    raise AssertionError(f"literal address {host!r} must not be resolved")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://[::1]/",
    "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/", "http://169.254.1.1/", "http://[fe80::1]/",
    "http://100.64.0.1/", "http://100.127.255.254/",
    "http://[fc00::1]/", "http://[fd12:3456::1]/",
    "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:7f00:1]/",
    "http://0.0.0.0/", "http://[::]/",
    "http://224.0.0.1/", "http://[ff02::1]/", "http://240.0.0.1/", "http://255.255.255.255/",
    "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/", "http://127.1/",
    "http://0x7f000001/", "http://017700000001/", "http://0xa9.0xfe.0xa9.0xfe/",
])
def test_non_public_addresses_are_refused(url):
    with pytest.raises(SourceRefused) as caught:
        check_url(url, allow_hosts=frozenset(), resolve=no_dns)
    assert caught.value.kind == "ssrf"


@pytest.mark.parametrize("url", ["http://8.8.8.8/", "https://[2001:4860:4860::8888]/x",
                                 "http://200.87.1.1/gaceta"])
def test_public_addresses_pass(url):
    check_url(url, allow_hosts=frozenset(), resolve=no_dns)


def test_host_resolving_to_a_private_address_is_refused():
    with pytest.raises(SourceRefused, match="private"):
        check_url("http://intranet.example/", allow_hosts=frozenset(),
                  resolve=lambda host: ["10.0.0.7"])


def test_every_resolved_address_is_checked():
    with pytest.raises(SourceRefused, match="loopback"):
        check_url("http://dual.example/", allow_hosts=frozenset(),
                  resolve=lambda host: ["93.184.216.34", "::1"])


def test_host_resolving_only_to_public_addresses_passes():
    check_url("http://gaceta.example/", allow_hosts=frozenset(),
              resolve=lambda host: ["93.184.216.34", "2606:2800:220:1::1"])


def test_allowed_host_passes_even_when_loopback():
    check_url("http://127.0.0.1:8000/", allow_hosts=frozenset({"127.0.0.1"}), resolve=no_dns)


def test_allowing_an_address_does_not_allow_a_name_that_resolves_to_it():
    with pytest.raises(SourceRefused):
        check_url("http://localhost:8000/", allow_hosts=frozenset({"127.0.0.1"}),
                  resolve=lambda host: ["127.0.0.1"])


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/", "gopher://x/"])
def test_other_schemes_are_refused(url):
    with pytest.raises(SourceRefused, match="scheme"):
        check_url(url, allow_hosts=frozenset(), resolve=no_dns)


def test_unresolvable_host_is_a_dns_error_not_a_crash():
    with pytest.raises(SourceRefused) as caught:
        check_url("http://no-such-host.invalid/", allow_hosts=frozenset())
    assert caught.value.kind == "dns"


@pytest.mark.parametrize(("spelling", "address"), [
    ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
    ("127.1", "127.0.0.1"), ("gaceta.gob.bo", None), ("1.2.3.4.example", None)])
def test_odd_ipv4_spellings_are_read_like_the_resolver(spelling, address):
    parsed = parse_ip(spelling)
    assert (str(parsed) if parsed else None) == address


class FakeBrowserRequest:
    def __init__(self, url: str) -> None:
        self.url = url


def test_browser_guard_aborts_refused_addresses_and_lets_public_ones_through():
    guard = BrowserRequestGuard(allow_hosts={"127.0.0.1"},
                                resolve=lambda host: ["93.184.216.34"])
    assert guard(FakeBrowserRequest("http://127.0.0.1:8765/a.js")) is False
    assert guard(FakeBrowserRequest("http://169.254.169.254/latest/meta-data/")) is True
    assert guard(FakeBrowserRequest("http://0177.0.0.1/x.png")) is True
    assert guard(FakeBrowserRequest("https://example.org/logo.png")) is False
    assert guard(FakeBrowserRequest("data:image/png;base64,AAAA")) is False


def test_resolver_refuses_a_name_that_resolves_to_a_private_address_at_connect_time():
    from spiders.errors import SourceRefused
    from spiders.ssrf import GuardedResolver

    resolver = GuardedResolver.__new__(GuardedResolver)
    resolver.allow_hosts = frozenset({"127.0.0.1"})
    assert resolver._check("93.184.216.34", "gaceta.example") == "93.184.216.34"
    with pytest.raises(SourceRefused, match="resolved to a private address"):
        resolver._check("10.1.2.3", "rebind.example")
    with pytest.raises(SourceRefused, match="loopback"):
        resolver._check("127.0.0.1", "localhost")
    assert resolver._check("127.0.0.1", "127.0.0.1") == "127.0.0.1"
