"""INLABS gazette XML, one fixture per case: tests/fixtures/parsing/gazette/*.xml."""

from __future__ import annotations

from datetime import date

import pytest
from parsing_cases import case_files, expectations

from spiders.errors import SourceUnreadable
from spiders.gazettes import parse_inlabs_xml
from spiders.text import detect_language

CASES = case_files("gazette", "*.xml")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_gazette_case(path):
    expect = expectations(path)
    if "Expect-error-kind" in expect:
        with pytest.raises(SourceUnreadable) as caught:
            parse_inlabs_xml(path.read_bytes())
        assert caught.value.kind == expect["Expect-error-kind"]
        assert expect.get("Expect-error", "") in str(caught.value)
        return
    acts = parse_inlabs_xml(path.read_bytes())
    assert len(acts) == int(expect["Expect-acts"])
    act = acts[0]
    assert act.external_id == expect["Expect-id"]
    assert act.title == expect["Expect-title"]
    assert act.published_on == date.fromisoformat(expect["Expect-date"])
    assert act.act_type == expect["Expect-type"]
    assert expect["Expect-contains"] in act.text
    assert detect_language(act.text) == expect["Expect-lang"]


def test_broken_xml_is_unreadable():
    with pytest.raises(SourceUnreadable) as caught:
        parse_inlabs_xml(b"\xef\xbb\xbf<xml><article id='1'><body>")
    assert caught.value.kind == "parse"
