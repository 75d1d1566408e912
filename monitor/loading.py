"""Loading the editors' folder (demands with rules, sources) and syncing it into storage.

Layer: monitor. Settings read: rules_dir. A broken file loads nothing and is reported as a
problem ("path:line: message"); the rest loads. Cases: tests/test_cycle.py.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from monitor.errors import RuleError
from monitor.settings import Settings
from monitor.sources import load_sources
from monitor.watch.loader import Rulebook, load_rulebook
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


def load_folder(settings: Settings, *, variables: Mapping[str, str]) -> Loaded:
    """Sources first (rules may name their ids), then demands and rules."""
    folder = settings.rules_path
    source_load = load_sources(folder / "sources",
                               variables={**default_variables(settings), **variables})
    rulebook = load_rulebook(folder / "demands",
                             source_ids={s.id for s in source_load.specs})
    errors = list(source_load.errors) + list(rulebook.errors)
    logger.info("loaded %d sources, %d demands, %d rules, %d problems", len(source_load.specs),
                len(rulebook.demands), len(rulebook.rules), len(errors))
    return Loaded(rulebook=rulebook, sources=list(source_load.specs), errors=errors)


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
