"""``veeduria digest send|preview``: one message per subscriber, members-only filtered."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.cli import main
from storage import Store
from storage.db import upgrade

sys.path.insert(0, str(Path(__file__).parent / "storage"))
from storage_build import MEMBERS_DEMAND, evidence, seed_world  # noqa: E402

SECRET_TITLE = "Caso reservado"


@pytest.fixture
def world(monkeypatch, tmp_path, database_url, smtp_server):
    monkeypatch.setenv("VEEDURIA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("VEEDURIA_DATABASE_URL", database_url)
    monkeypatch.setenv("VEEDURIA_SMTP_HOST", smtp_server.hostname)
    monkeypatch.setenv("VEEDURIA_SMTP_PORT", str(smtp_server.port))
    monkeypatch.setenv("VEEDURIA_SMTP_PASSWORD", "no-log-secret")
    upgrade(database_url)
    with Store.open(database_url) as store:
        first, second = seed_world(store)
        public = store.add_evidence(evidence(first))[0]
        hidden = store.add_evidence(evidence(second, demand_id=MEMBERS_DEMAND.id,
                                             rule_id="caso/protegida"))[0]
        store.confirm(public, editor="ana")
        store.confirm(hidden, editor="ana")
        store.add_subscriber("coordinadora@red.example", "es", False)
        store.add_subscriber("miembro@red.example", "pt", True)
    year, week, _ = datetime.now(UTC).isocalendar()
    return f"{year}-W{week:02d}", smtp_server


def test_each_subscriber_gets_one_message_in_their_language(world):
    week, smtp = world
    assert main(["digest", "send", "--week", week]) == 0
    messages = {m["To"]: m for m in smtp.messages()}
    assert set(messages) == {"coordinadora@red.example", "miembro@red.example"}
    public = messages["coordinadora@red.example"].get_body(("plain",)).get_content()
    member = messages["miembro@red.example"].get_body(("plain",)).get_content()
    assert SECRET_TITLE not in public and "bo-caso-reservado" not in public
    assert SECRET_TITLE in member
    assert "Protocolo policial" in public


def test_no_smtp_host_is_a_configuration_error(world, monkeypatch, capsys):
    week, _ = world
    monkeypatch.delenv("VEEDURIA_SMTP_HOST")
    assert main(["digest", "send", "--week", week]) == 2
    assert "digest delivery is off: set smtp_host" in capsys.readouterr().err


def test_unreachable_smtp_lists_each_failure_and_exits_1(world, monkeypatch, capsys):
    week, _ = world
    monkeypatch.setenv("VEEDURIA_SMTP_PORT", "1")
    assert main(["digest", "send", "--week", week]) == 1
    err = capsys.readouterr().err
    assert "2 failed" in err and "subscriber #1" in err
    assert "no-log-secret" not in err and "@red.example" not in err


def test_preview_writes_html_and_text(world, tmp_path, capsys):
    week, _ = world
    assert main(["digest", "preview", "--week", week, "--lang", "en", "--out",
                 str(tmp_path / "out")]) == 0
    html = (tmp_path / "out" / "digest.html").read_text(encoding="utf-8")
    assert "Police protocol" in html and SECRET_TITLE not in html


def test_an_undone_change_shows_as_a_correction_without_evidence(world, tmp_path, capsys):
    week, _ = world
    url = None
    from monitor.settings import read_settings

    settings = read_settings()
    with Store.open(settings.database_url_resolved) as store:
        [change] = [c for c in store.timeline("bo-protocolo-policia", include_members=False)]
        url = change.url
        store.undo(change.evidence_id, editor="ana", why="era otro decreto")
    assert main(["digest", "preview", "--week", week, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "correction: a previous change was undone" in out
    assert url not in out


def test_a_subscriber_limited_to_other_countries_gets_none_of_these_demands(world, smtp_server):
    week, smtp = world
    from monitor.settings import read_settings

    with Store.open(read_settings().database_url_resolved) as store:
        store.add_subscriber("paraguay@red.example", "es", False, ["PY"])
    assert main(["digest", "send", "--week", week, "--force"]) == 0
    messages = {m["To"]: m for m in smtp.messages()}
    text = messages["paraguay@red.example"].get_body(("plain",)).get_content()
    assert "Protocolo policial" not in text
    assert "Protocolo policial" in messages["coordinadora@red.example"].get_body(
        ("plain",)).get_content()


def test_the_awaiting_count_is_the_one_at_the_end_of_the_digests_week(world, capsys):
    """Week 10 of 2026 ends Sunday 8 March. Found in week 10: A (rejected in week 11), B
    (confirmed in week 11) and a members-only proposal; found in week 11: C. At the end of
    week 10, 2 public proposals awaited review (3 for members); at the end of week 11, 1."""
    from monitor.settings import read_settings

    clock = [datetime(2026, 3, 4, 12, tzinfo=UTC)]
    with Store.open(read_settings().database_url_resolved, clock=lambda: clock[0]) as store:
        first, second = seed_world(store)  # already seeded: this only gives the documents' ids
        a, _ = store.add_evidence(evidence(first, rule_id="a"))
        b, _ = store.add_evidence(evidence(second, rule_id="b"))
        store.add_evidence(evidence(first, demand_id=MEMBERS_DEMAND.id, rule_id="caso/b"))
        clock[0] = datetime(2026, 3, 10, 12, tzinfo=UTC)
        store.reject(a, editor="ana", why="otra norma")
        store.confirm(b, editor="ana")
        store.add_evidence(evidence(second, rule_id="c"))
    for week, members, expected in (("2026-W10", [], 2), ("2026-W10", ["--members"], 3),
                                     ("2026-W11", [], 1)):
        assert main(["digest", "preview", "--week", week, "--lang", "en", *members]) == 0
        day = "Mar 8, 2026" if week == "2026-W10" else "Mar 15, 2026"
        line = f"Proposals awaiting review at the end of {day}: {expected}"
        assert line in capsys.readouterr().out, (week, members)
