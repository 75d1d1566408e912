"""Loading the editors' folder (demands with rules, sources) and syncing it into storage.

Layer: monitor. Settings read: rules_dir, data_dir, demo_world_port. A broken file loads
nothing of its own and is reported as a problem ("path:line: message"); if an earlier version
of it loaded cleanly, that last good version keeps running (``monitor.lastgood``). Cases:
tests/test_rulecmds.py, tests/test_demo_cycle.py.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from monitor.errors import RuleError
from monitor.lastgood import last_good_copy, remember_good
from monitor.settings import Settings
from monitor.sources import load_source_file, load_sources
from monitor.watch.loader import load_demand_file, load_rulebook, make_rulebook
from monitor.watch.model import Rulebook
from monitor.yamlio import yaml_files
from spiders.specs import SourceSpec
from storage import Store
from storage.inputs import DemandIn, SourceRow

logger = logging.getLogger(__name__)


@dataclass
class Loaded:
    rulebook: Rulebook
    sources: list[SourceSpec]
    errors: list[RuleError]


def default_variables(settings: Settings) -> dict[str, str]:
    """``${demo_world}``: where the bundled demo world listens (demo_world_port)."""
    return {"demo_world": f"http://127.0.0.1:{settings.int('demo_world_port')}"}


def _broken_files(errors: list[RuleError]) -> set[Path]:
    return {Path(e.path) for e in errors if Path(e.path).is_file()}


def _load_sources(settings: Settings, variables: Mapping[str, str]) -> tuple[
        list[SourceSpec], list[RuleError]]:
    folder = settings.rules_path / "sources"
    load = load_sources(folder, variables=variables)
    broken = _broken_files(load.errors)
    specs = list(load.specs)
    known = {s.id for s in specs}
    for path in sorted(broken):
        copy = last_good_copy(settings, path)
        if copy is None:
            continue
        kept, problems = load_source_file(copy, variables=variables)
        kept = [s for s in kept if s.id not in known]
        if not problems:
            logger.warning("sources file %s is broken: keeping its last good version", path)
            specs.extend(kept)
    if folder.is_dir():
        remember_good(settings, [p for p in yaml_files(folder) if p not in broken])
    return specs, list(load.errors)


def _load_rulebook(settings: Settings, source_ids: set[str]) -> Rulebook:
    folder = settings.rules_path / "demands"
    rulebook = load_rulebook(folder, source_ids=source_ids)
    broken = _broken_files(rulebook.errors)
    demands = list(rulebook.demands)
    seen = {d.id: f"{d.path}:{d.line}" for d in demands}
    for path in sorted(broken):
        copy = last_good_copy(settings, path)
        if copy is None:
            continue
        kept, problems, _ = load_demand_file(copy, source_ids=source_ids, seen=seen)
        if not problems:
            logger.warning("demand file %s is broken: keeping its last good version", path)
            demands.extend(kept)
            seen.update({d.id: str(copy) for d in kept})
    if folder.is_dir():
        remember_good(settings, [p for p in yaml_files(folder) if p not in broken])
    if len(demands) == len(rulebook.demands):
        return rulebook
    return make_rulebook(demands, rulebook.errors, rulebook.warnings)


def load_folder(settings: Settings, *, variables: Mapping[str, str]) -> Loaded:
    """Sources first (rules may name their ids), then demands and rules."""
    sources, source_errors = _load_sources(settings, {**default_variables(settings),
                                                      **variables})
    rulebook = _load_rulebook(settings, {s.id for s in sources})
    errors = source_errors + list(rulebook.errors)
    logger.info("loaded %d sources, %d demands, %d rules, %d problems", len(sources),
                len(rulebook.demands), len(rulebook.rules), len(errors))
    return Loaded(rulebook=rulebook, sources=sources, errors=errors)


def sync_folder(store: Store, loaded: Loaded, *, run_id: int | None) -> None:
    """Upsert sources and demands; record every loading problem."""
    store.sync_sources([SourceRow(id=s.id, name=s.name, country=s.country, kind=s.kind,
                                  language=s.language) for s in loaded.sources])
    store.sync_demands([DemandIn(
        id=d.id, country=d.country, kind=d.kind, is_law=d.is_law, visibility=d.visibility,
        titles=dict(d.titles), descriptions=dict(d.descriptions), target=d.target,
        made_on=d.made_on, target_date=d.target_date, response=d.response, status=d.status,
        source_url=d.source_url) for d in loaded.rulebook.demands])
    for error in loaded.errors:
        store.record_problem(f"{error.path}:{error.line}", error.message, run_id=run_id)
