"""Veeduría's exceptions. Lower layers raise; only ``monitor.cli`` turns them into messages.

Layer: monitor. This docstring draws the whole tree once; ``tests/test_errors.py`` checks that
every exception class in the four packages appears here with an exit code or "recorded".

* VeeduriaError                 base of everything below
* ConfigError              exit 2   monitor/errors.py
  x SettingsError                   unknown key, wrong type, unreadable veeduria.toml
  x RuleError                       "path:line: message" (rules, demands, sources YAML)
  x RulebookInvalid                 a set of RuleError raised together by ``rules check``
  x ReviewError                     no such proposal, already decided, bad status
* StorageError             exit 3   storage/errors.py
  x SchemaOutOfDate                 the database needs ``veeduria db upgrade``
  x NotFound                        no row with that id
  x Conflict                        the row changed under us (already decided...)
* SourceError              recorded per source, the run goes on   spiders/errors.py
  x SourceUnavailable               DNS, refused, timeout, HTTP 5xx, robots.txt
  x SourceUnreadable                broken feed, bad encoding, truncated or encrypted PDF, 0 bytes
  x SourceRefused                   SSRF guard: private, loopback or metadata address
* DigestError              exit 4   digests/errors.py
  x DeliveryFailed                  SMTP refused or unreachable
* JobFailed                exit 1   monitor/errors.py: the job ran but something failed (listed)
"""

from __future__ import annotations


class VeeduriaError(Exception):
    """Base class of every Veeduría error."""


class ConfigError(VeeduriaError):
    """Bad input or configuration: exit code 2."""


class SettingsError(ConfigError):
    """A setting that is unknown, of the wrong type, or unreadable."""


class RuleError(ConfigError):
    """A rule, demand or source that cannot be used; ``str()`` is ``path:line: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class RulebookInvalid(ConfigError):
    """Several RuleErrors found together; ``str()`` lists one per line."""

    def __init__(self, errors: list[RuleError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class ReviewError(ConfigError):
    """A review command that cannot apply (unknown proposal, already decided, bad status)."""


class JobFailed(VeeduriaError):
    """The job ran to its end but some parts failed; exit code 1. ``problems`` lists them."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
