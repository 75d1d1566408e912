"""monitor.sources: the editors' source files. One fixture file per case in
tests/fixtures/crawling/sources/, expectations in its header comment:
``# Expect-error: LINE: text`` (an error on that line containing text) or
``# Expect-sources: id, id`` (loads cleanly with those ids)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from monitor.sources import (
    FEED_FIELDS,
    LISTING_FIELDS,
    PAGE_FIELDS,
    SOURCE_FIELDS,
    load_source_file,
    load_sources,
)
from spiders.specs import FeedSpec, ListingSpec, PageSpec, SourceSpec

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "crawling"
CASES = sorted((FIXTURES / "sources").glob("*.yaml"))
VARIABLES = {"demo_world": "http://127.0.0.1:9999"}


def expectations(path: Path) -> tuple[list[tuple[int, str]], list[str] | None]:
    errors, ids = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"# Expect-error: (\d+): (.*)", line):
            errors.append((int(match.group(1)), match.group(2).strip()))
        elif match := re.match(r"# Expect-sources: (.*)", line):
            ids = [i.strip() for i in match.group(1).split(",")]
    return errors, ids


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_source_file_case(path):
    expected_errors, expected_ids = expectations(path)
    assert expected_errors or expected_ids, f"{path.name} states no expectation"
    specs, errors = load_source_file(path, variables=VARIABLES)
    found = [(e.line, e.message) for e in errors]
    for line, text in expected_errors:
        assert any(line == got_line and text in message for got_line, message in found), \
            f"expected {line}: {text!r}; got {found}"
    assert len(found) == len(expected_errors), found
    if expected_ids is not None:
        assert [s.id for s in specs] == expected_ids
    for error in errors:
        assert str(error).startswith(f"{path}:{error.line}: ")


def test_valid_file_builds_complete_specs():
    specs, errors = load_source_file(FIXTURES / "sources" / "valid_three_kinds.yaml",
                                     variables=VARIABLES)
    assert errors == []
    gaceta, policia, defensoria = specs
    assert gaceta.listing == ListingSpec(
        url="http://127.0.0.1:9999/bo_gaceta/listado.html", items="div.norma",
        link="a::attr(href)", title="a::text", date="span.fecha::text", page_pattern="?page={n}",
        max_pages=3, id_pattern=r"norma/(\d+)")
    assert gaceta.revisit_days == 31 and gaceta.line == 4
    assert policia.feed == FeedSpec(url="http://127.0.0.1:9999/bo_policia/feed.xml")
    assert policia.schedule == "0 */6 * * *"
    assert defensoria.page == PageSpec(url="http://127.0.0.1:9999/bo_defensoria/informes.html",
                                       selector="//main")
    assert (defensoria.render, defensoria.robots, defensoria.delay_s) == ("js", "ignore", 1.5)
    assert defensoria.options == (("categoria", "informes"),)
    assert type(defensoria.delay_s) is float and type(gaceta.listing.max_pages) is int


def test_unknown_key_lists_the_allowed_keys():
    _, errors = load_source_file(FIXTURES / "sources" / "unknown_key.yaml", variables=VARIABLES)
    message = next(e.message for e in errors if "urll" in e.message)
    assert "allowed: " in message and "items" in message and "url" in message


def test_broken_file_loads_nothing_and_other_files_still_load():
    loaded = load_sources(FIXTURES / "sources_folder", variables={})
    assert sorted(s.id for s in loaded.specs) == ["bo_gaceta", "pe_defensoria"]
    assert len(loaded.errors) == 1
    error = loaded.errors[0]
    assert error.path.endswith("b_broken.yaml") and error.line == 8
    assert "duplicate source id 'bo_gaceta'" in error.message
    assert "a_bolivia.yaml:2" in error.message


def test_missing_folder_loads_nothing():
    loaded = load_sources(FIXTURES / "no-such-folder", variables={})
    assert (loaded.specs, loaded.errors) == ([], [])


@pytest.mark.parametrize(("table", "spec"), [
    (SOURCE_FIELDS, SourceSpec), (FEED_FIELDS, FeedSpec), (LISTING_FIELDS, ListingSpec),
    (PAGE_FIELDS, PageSpec)])
def test_loader_knows_every_spec_field(table, spec):
    fields = {f.name for f in dataclasses.fields(spec)} - {"path", "line"}
    assert set(table) == fields
