"""Which rules a rulebook change touched, so stored documents are re-matched only with those.

Layer: monitor. Pure functions over ``Rulebook.rule_hashes`` (a rule's hash covers everything
that decides its matches, and the engine version). Use: ``changed_rules(old, new)`` gives the
ids to pass as ``match_document(..., only_rules=...)``; ``removed_rules(old, new)`` gives the ids
whose stored matches should be dropped. Cases: tests/watch/test_watch_changes.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from monitor.watch.model import Rulebook


def changed_rules(old_hashes: Mapping[str, str], new: Rulebook) -> set[str]:
    """Full ids of the rules in ``new`` that are new or differ from ``old_hashes``."""
    return {rule_id for rule_id, digest in new.rule_hashes.items()
            if old_hashes.get(rule_id) != digest}


def removed_rules(old_hashes: Mapping[str, str], new: Rulebook) -> set[str]:
    """Full ids of the rules in ``old_hashes`` that ``new`` no longer has."""
    return set(old_hashes) - set(new.rule_hashes)
