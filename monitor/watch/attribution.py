"""One event, one demand: which demand a step belongs to when rules of two demands share it.

Layer: monitor. Pure functions over a document's verified rules, no settings. A step is told
once and concerns one thing: in "A Direção-Geral de Migração suspendeu a emissão de vistos
humanitários para vítimas de tráfico de pessoas, alegando a migração para um novo sistema
informático", *suspendeu* is a setback for the visas, not for the trafficking-case database
whose topic ("sistema informático") is only mentioned further on. So when every event
occurrence a rule rests on is also (or overlaps: "dispuso el archivo", "archivo de") an event
occurrence of a rule of another demand, and that other rule finds its whole topic much nearer
to it (``RATIO`` and ``MARGIN_CHARS``), or in the event's own sentence where the first rule
has none of its own, the first rule's match is dropped. A rule that has an event of its own,
or whose topic is about as near, keeps its match: one decree may well create the registry and
the visas. docs/rules.md, "One event, one demand", explains it to editors.
Cases: tests/watch/test_watch_attribution.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from monitor.watch.model import Match

RATIO = 2.0
MARGIN_CHARS = 30
# The distance from an event in the text to a topic word found only in the title: near enough
# to count, not nearer than a topic in the event's own sentence.
TITLE_DISTANCE = 150

Place = tuple[str, int, int]  # field name, start of an occurrence, number of its sentence


class _Spanned(Protocol):
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """A verified rule's match, where its event (``any``) occurrences start, and where the
    occurrences of each of its topic (``about``/``all``) items start."""

    match: Match
    events: frozenset[Place]
    topic: tuple[frozenset[Place], ...]
    ends: Mapping[Place, int] = field(default_factory=dict)  # where each event ends


def make_claim(match: Match, events: Sequence[int], items: Sequence[Sequence[int]],
               spans: Mapping[str, Mapping[int, Sequence[_Spanned]]],
               sentence_of: Callable[[str, int], int]) -> Claim:
    """The claim of one match: ``events`` are the rule's ``any`` phrase ids, ``items`` its
    ``about``/``all`` items, ``spans`` its counted occurrences per field and phrase id,
    ``sentence_of(field, start)`` the number of the sentence an occurrence lies in."""
    def places(ids: Sequence[int]) -> frozenset[Place]:
        return frozenset((name, o.start, sentence_of(name, o.start))
                         for name, found in spans.items()
                         for pid in ids for o in found.get(pid, ()))
    ends = {(name, o.start, sentence_of(name, o.start)): o.end
            for name, found in spans.items() for pid in events for o in found.get(pid, ())}
    return Claim(match, places(events), tuple(places(item) for item in items), ends)


def one_demand_per_event(claims: Sequence[Claim], *,
                         rivals: Sequence[Claim] = ()) -> list[Match]:
    """The claims' matches without those whose every event belongs, by a much nearer topic, to
    a rule of another demand; order unchanged. ``rivals`` are claims that may take an event
    from another demand but propose nothing themselves (their rule's source kinds, countries
    or dates leave the document out)."""
    everyone = [*claims, *rivals]
    return [claim.match for claim in claims if not _outclaimed(claim, everyone)]


def _outclaimed(claim: Claim, claims: Sequence[Claim]) -> bool:
    rivals = [other for other in claims if other.match.demand_id != claim.match.demand_id]
    if not claim.events or not rivals:
        return False
    for event in claim.events:
        if not any(_nearer(other, claim, event) for other in rivals
                   if _shares(other, event, claim.ends.get(event, event[1] + 1))):
            return False
    return True


def _shares(other: Claim, event: Place, end: int) -> bool:
    """One of ``other``'s events overlaps the event at ``event`` (ending at ``end``): "dispuso
    el archivo" and "archivo de" are one event."""
    return event in other.events or any(
        place[0] == event[0] and place[1] < end and event[1] < other.ends.get(place, place[1] + 1)
        for place in other.events)


def _nearer(winner: Claim, loser: Claim, event: Place) -> bool:
    """``winner``'s own topic is much nearer to ``event`` than ``loser``'s own topic (topic
    occurrences both rules use, such as "tráfico de pessoas", tell them apart no more)."""
    shared = frozenset().union(*winner.topic) & frozenset().union(*loser.topic)
    near, far = _reach(winner, event, shared), _reach(loser, event, shared)
    if near is None:
        return False  # no topic of its own: nothing tells it apart
    if _whole_topic_in_sentence(loser, event, shared) and \
            not _whole_topic_in_sentence(winner, event, shared):
        return False  # the event's own sentence names the loser's whole topic, not the winner's
    if far is None or far > near * RATIO + MARGIN_CHARS:
        return True
    return _in_sentence(winner, event, shared, every=True) and \
        not _in_sentence(loser, event, shared, every=False)


def _in_sentence(claim: Claim, event: Place, shared: frozenset[Place], *, every: bool) -> bool:
    """Every (``every``) or some item of the claim's own topic occurs in ``event``'s sentence."""
    own = [item - shared for item in claim.topic if item - shared]
    found = (any(p[0] == event[0] and p[2] == event[2] for p in item) for item in own)
    return bool(own) and (all(found) if every else any(found))


def _whole_topic_in_sentence(claim: Claim, event: Place, shared: frozenset[Place]) -> bool:
    """Every item of the claim's topic with an occurrence of its own occurs in ``event``'s
    sentence (an occurrence both rules use will do there), one of them by its own: in "se
    desarrollaron doce cursos sobre el Protocolo de Identificación de Víctimas de Trata" the
    training's topic is whole, a human-rights one two sentences back is not."""
    def here(place: Place) -> bool:
        return place[0] == event[0] and place[2] == event[2]
    own = [item for item in claim.topic if item - shared]
    return bool(own) and all(any(here(p) for p in item) for item in own) and \
        any(here(p) for item in own for p in item - shared)


def _reach(claim: Claim, event: Place, shared: frozenset[Place]) -> float | None:
    """How far from ``event`` the claim's whole own topic lies: the farthest of the nearest
    occurrence of each item (items found only where the rival's topic is are skipped); None
    when no item has an occurrence of its own."""
    gaps = [min(_gap(event, place) for place in item - shared)
            for item in claim.topic if item - shared]
    return max(gaps) if gaps else None


def _gap(event: Place, place: Place) -> float:
    return abs(place[1] - event[1]) if place[0] == event[0] else TITLE_DISTANCE
