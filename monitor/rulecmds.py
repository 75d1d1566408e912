"""``veeduria rules check``, ``test``, ``try`` and ``words``: editors try their YAML before it
runs.

Layer: monitor. ``check`` validates demand, rule and source files without fetching anything
and raises RulebookInvalid (exit 2, one ``path:line: message`` per line). ``test`` runs rules
over the stored documents, writing nothing, compares with the rules now in force (the last
good copies kept by ``monitor.lastgood``) and scores the matches on the editors' past
decisions (confirmed and rejected evidence). ``try`` explains, rule by rule and phrase by
phrase, what the rules make of one typed text (``monitor.watch.explain``). ``words`` lists the
forms each ``*`` reaches in the stored documents (``monitor.watch.wordforms``). Settings read:
rules_dir, data_dir, demo_world_port. Cases: tests/test_rulecmds.py.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from rich.console import Console

from monitor.errors import ConfigError, RulebookInvalid, RuleError
from monitor.lastgood import in_force_dir
from monitor.loading import default_variables
from monitor.matching import as_match_input
from monitor.runtime import open_store, upgrade_database
from monitor.settings import Settings
from monitor.sources import load_source_file, load_sources
from monitor.watch.backtest import ReviewKey, Verdict, backtest, format_report
from monitor.watch.explain import explain_document, format_explanations
from monitor.watch.loader import load_rulebook
from monitor.watch.model import MatchInput, Rulebook
from monitor.watch.terms import builtin_terms
from monitor.watch.wordforms import count_forms, format_forms, phrases_from_text, wildcard_phrases
from monitor.yamlio import load_yaml, yaml_files
from storage.records import DocumentText

logger = logging.getLogger(__name__)


def _kind_of(path: Path) -> str:
    """'sources' or 'demands', from the file's top-level key (a broken file: by its folder)."""
    try:
        data = load_yaml(path)
    except RuleError:
        return "sources" if "sources" in path.parts else "demands"
    if isinstance(data, dict) and "sources" in data and "demands" not in data:
        return "sources"
    return "demands"


def _files(targets: list[Path]) -> Iterator[Path]:
    for target in targets:
        if target.is_dir():
            yield from yaml_files(target)
        elif target.exists():
            yield target
        else:
            raise ConfigError(f"{target}: no such file or folder")


def check_rules(settings: Settings, paths: list[Path]) -> str:
    """Validate every file; return the warnings (``path:line: warning: …``, one per line) and a
    one-line summary, or raise RulebookInvalid."""
    files = list(_files(paths or [settings.rules_path]))
    variables = default_variables(settings)
    source_files = [f for f in files if _kind_of(f) == "sources"]
    demand_files = [f for f in files if f not in source_files]
    errors: list[RuleError] = []
    warnings: list[RuleError] = []
    source_ids = {s.id for s in load_sources(settings.rules_path / "sources",
                                             variables=variables).specs}
    for path in source_files:
        specs, problems = load_source_file(path, variables=variables)
        errors += problems
        source_ids |= {s.id for s in specs}
    demands = rules = 0
    for path in demand_files:
        book = load_rulebook(path, source_ids=source_ids)
        errors += book.errors
        warnings += book.warnings
        demands += len(book.demands)
        rules += len(book.rules)
    if errors:
        raise RulebookInvalid(errors)
    summary = (f"ok: {len(files)} file(s) checked: {len(source_files)} of sources, "
               f"{len(demand_files)} of demands; {demands} demand(s), {rules} rule(s)")
    if warnings:
        summary += f"; {len(warnings)} warning(s)"
    return "\n".join([*(str(w) for w in warnings), summary])


def _stored(settings: Settings, since: date | None,
            ) -> tuple[list[MatchInput], dict[ReviewKey, Verdict]]:
    """Stored documents published on or after ``since`` (undated ones are kept: their date
    is unknown, not old), and the editors' verdict on each reviewed document × demand (a
    confirmation outweighs a rejection of the same document by another rule)."""
    upgrade_database(settings)
    with open_store(settings) as store:
        documents = _published_since(store.iter_texts(), since)
        reviewed = store.list_evidence(states=("rejected", "confirmed"), include_members=True)
    verdicts: dict[ReviewKey, Verdict] = {}
    for item in sorted(reviewed, key=lambda e: e.state == "confirmed"):
        verdicts[(str(item.document_id), item.demand_id)] = Verdict(
            item.state, item.decided_status or item.proposed_status)
    return documents, verdicts


def _published_since(stored: Iterable[DocumentText], since: date | None) -> list[MatchInput]:
    return [as_match_input(doc) for doc in stored
            if since is None or doc.published_on is None or doc.published_on >= since]


def _parse_since(since: str | None) -> date | None:
    try:
        return date.fromisoformat(since) if since else None
    except ValueError:
        raise ConfigError(f"bad --since {since!r}; use YYYY-MM-DD") from None


def word_forms(settings: Settings, rule_file: Path | None, *, phrases: list[str],
               since: str | None, top: int) -> str:
    """The forms each wildcard phrase of the rules (or each of ``phrases``) matches in the
    stored documents, most frequent first (``wordforms``). Writes nothing."""
    since_day = _parse_since(since)
    if phrases:
        try:
            chosen = phrases_from_text(phrases)
        except ValueError as error:
            raise ConfigError(str(error)) from None
    else:
        book = load_rulebook(rule_file or settings.rules_path / "demands")
        if book.errors:
            raise RulebookInvalid(book.errors)
        chosen = wildcard_phrases(book.rules)
    upgrade_database(settings)
    with open_store(settings) as store:
        documents = _published_since(store.iter_texts(), since_day)
    counts = count_forms(chosen, (f"{doc.title}\n{doc.text}" for doc in documents))
    return f"{len(documents)} stored document(s)\n" + format_forms(counts, top=top)


def _in_force(settings: Settings, source_ids: set[str]) -> Rulebook | None:
    folder = in_force_dir(settings) / "demands"
    return load_rulebook(folder, source_ids=source_ids) if folder.is_dir() else None


def try_rules(settings: Settings, rule_file: Path | None, *, since: str | None) -> None:
    """Print what the rules would propose on stored documents, and the change against the
    rules now in force. Writes nothing."""
    since_day = _parse_since(since)
    source_ids = {s.id for s in load_sources(settings.rules_path / "sources",
                                             variables=default_variables(settings)).specs}
    new = load_rulebook(rule_file or settings.rules_path / "demands", source_ids=source_ids)
    if new.errors:
        raise RulebookInvalid(new.errors)
    documents, verdicts = _stored(settings, since_day)
    report = backtest(new, _in_force(settings, source_ids), documents, now=datetime.now(UTC),
                      verdicts=verdicts, workers=_workers(settings))
    Console(highlight=False).print(format_report(report, style="rich"))


def _workers(settings: Settings) -> int:
    """``rules_test_workers``, or the CPU cores this process may use when it is 0."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return settings.int("rules_test_workers") or cores or 1


def read_text(path: Path) -> str:
    """A UTF-8 text file's content; ConfigError (with the path) when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it as UTF-8 text ({error})") from None


def explain_text(settings: Settings, rule_file: Path | None, text: str, *, title: str = "",
                 source_kind: str = "gazette", country: str | None = None,
                 published_on: str | None = None) -> str:
    """Why each rule with a phrase in ``text`` proposes something or not (``explain``)."""
    try:
        day = date.fromisoformat(published_on) if published_on else datetime.now(UTC).date()
    except ValueError:
        raise ConfigError(f"bad --date {published_on!r}; use YYYY-MM-DD") from None
    book = load_rulebook(rule_file or settings.rules_path / "demands")
    if book.errors:
        raise RulebookInvalid(book.errors)
    doc = MatchInput(document_id="typed", title=title, text=text, source_id="typed",
                     source_kind=source_kind, country=country, published_on=day)
    return format_explanations(explain_document(book, doc, now=datetime.now(UTC)))


def format_terms(names: list[str]) -> str:
    """The built-in term lists named (all when ``names`` is empty), one block per list."""
    lists = builtin_terms()
    unknown = [n.lstrip("@") for n in names if n.lstrip("@") not in lists]
    if unknown:
        raise ConfigError(f"unknown term list(s): {', '.join(unknown)}; known: "
                          f"{', '.join('@' + n for n in lists)}")
    chosen = [n.lstrip("@") for n in names] or list(lists)
    return "\n\n".join(f"@{name} ({len(lists[name])} phrases)\n  " +
                       "\n  ".join(lists[name]) for name in chosen)
