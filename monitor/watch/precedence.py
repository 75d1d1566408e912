"""One status per demand and document: which of several proposals a document keeps.

Layer: monitor. Pure function over ``Match`` records, no settings. A document usually reports
one new step for a demand and recounts earlier ones as background ("condenado tras un juicio
oral", "archivó el caso del acusado, que estaba en detención preventiva", "deja sin efecto las
directrices aprobadas en 2022"). So when rules of one demand propose different statuses for one
document, only the proposals of the strongest status are kept, in this order:

    closed > setback > fulfilled > partial > in_progress > pending

A setback outranks progress because a document that reports both is almost always reporting the
undoing of that progress; among progress statuses the most advanced step is the news, unless a
rule's event words count in the title (``Match.in_title``): then the headline's step is the
news, and progress proposals from the body alone give way to it (a setback does not, unless the
headline's step fulfils the demand: "Bolívia promulga lei …" recalls the veto the bill got past
in its body; not in a gazette, whose title names the act). A corroborating note (a ``fulfilled``
rule matching the press) ranks as ``fulfilled``: a press report of a fulfilment makes no
``partial`` or ``in_progress`` proposal from its background either. Plain notes (``proposes:
note``) are always kept. docs/rules.md, "One status per document", explains it to editors.
Cases: tests/watch/test_watch_precedence.py.
"""

from __future__ import annotations

from monitor.watch.model import Match

PRECEDENCE = ("pending", "in_progress", "partial", "fulfilled", "setback", "closed")
_RANK = {status: number for number, status in enumerate(PRECEDENCE)}
_PROGRESS = frozenset({"in_progress", "partial", "fulfilled"})


def _weight(match: Match) -> int | None:
    """The rank a match competes with; None for a plain note (never dropped)."""
    status = match.proposes or match.corroborates
    return None if status is None else _RANK.get(status, -1)


def one_status_per_demand(matches: list[Match], *, titled_by_its_news: bool = True) \
        -> list[Match]:
    """``matches`` (of one document) without the proposals a stronger status of the same demand
    outranks; order and every kept match (excerpt, highlights) unchanged.

    ``titled_by_its_news``: False for a gazette, whose title is the act's name ("Acuerdo
    Ministerial Número 166-2022"), not its news: a fulfilment there does not outrank the repeal
    its articles decree."""
    best: dict[str, int] = {}
    headline = {m.demand_id for m in matches if m.in_title and _weight(m) is not None}
    fulfilled_headline = {m.demand_id for m in matches if titled_by_its_news and m.in_title
                          and (m.proposes or m.corroborates) == "fulfilled"}
    for match in matches:
        if not match.in_title and (
                match.demand_id in headline and (match.proposes or match.corroborates) in _PROGRESS
                or match.demand_id in fulfilled_headline):
            # the headline's step is the news; a setback still outranks it, unless the
            # headline's step fulfils the demand
            continue

        weight = _weight(match)
        if weight is not None and weight > best.get(match.demand_id, -2):
            best[match.demand_id] = weight
    return [m for m in matches if _weight(m) in (None, best.get(m.demand_id))]
