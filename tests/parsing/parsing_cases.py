"""Fixture-per-case helpers for tests/parsing: find the cases, read their ``Expect-*`` lines.

Layer: tests. A case is one file under tests/fixtures/parsing/<group>/; its expectations are
``Key: value`` lines in its leading comment (``<!-- ... -->``), or, for PDFs, in a sidecar
``<name>.expect``. A sidecar ``<file>.headers`` holds HTTP headers (``Content-Type: ...``), the
convention of tests/fixture_server.py.
"""

from __future__ import annotations

import re
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "parsing"
_COMMENT = re.compile(rb"<!--(.*?)-->", re.S)
_LINE = re.compile(r"^\s*([A-Za-z][\w-]*):\s?(.*?)\s*$")


def case_files(group: str, pattern: str = "*") -> list[Path]:
    folder = CASES_DIR / group
    skip = (".headers", ".expect")
    return sorted(p for p in folder.glob(pattern) if p.is_file() and p.suffix not in skip)


def expectations(path: Path) -> dict[str, str]:
    """The ``Key: value`` lines of a case (keys as written, e.g. ``Expect-title``)."""
    sidecar = path.with_suffix(".expect")
    if sidecar.is_file():
        text = sidecar.read_text(encoding="utf-8")
    else:
        match = _COMMENT.search(path.read_bytes()[:8192])
        assert match, f"{path.name}: no header comment with expectations"
        raw = match.group(1)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    found = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if m:
            found[m.group(1)] = m.group(2)
    assert "Description" in found, f"{path.name}: header has no Description line"
    return found


def content_type(path: Path) -> str | None:
    """Content-Type from the sidecar ``<file>.headers``, if any."""
    sidecar = path.with_name(path.name + ".headers")
    if not sidecar.is_file():
        return None
    for line in sidecar.read_text(encoding="utf-8").splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-type":
            return value.strip()
    return None


def header_charset(path: Path) -> str | None:
    match = re.search(r"charset=([\w.:-]+)", content_type(path) or "", re.I)
    return match.group(1) if match else None
