"""Evidence excerpts: a sentence-ish window of about 300 characters around the first match,
with highlight offsets, and two renderings of highlights (rich markup, «plain» marks).

Layer: monitor. Pure functions. Cases: tests/watch/test_watch_matcher.py.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from rich.markup import escape

from monitor.watch.normalize import sentence_starts

EXCERPT_CHARS = 300
ELLIPSIS = "…"
_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def excerpt_window(text: str, first: tuple[int, int], *, width: int = EXCERPT_CHARS,
                   starts: Sequence[int] | None = None) -> tuple[int, int]:
    """Where the excerpt around ``first`` begins and ends: its sentence, cut to ``width``
    characters centred on it; ``starts``: the text's ``sentence_starts``, when the caller has
    them. ``cut_excerpt`` then cuts it."""
    return _window(text, first, width, sentence_starts(text) if starts is None else starts)


def cut_excerpt(text: str, lo: int, hi: int, spans: Sequence[tuple[int, int]],
                ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text[lo:hi]`` on one line, with ellipses where it is cut, and the spans inside it
    (merged, shifted to the excerpt's offsets)."""
    body = text[lo:hi].translate(_WHITESPACE)
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(text) else ""
    shift = len(prefix) - lo
    highlights = sorted({(s + shift, e + shift) for s, e in spans if s >= lo and e <= hi})
    return prefix + body + suffix, tuple(_merge(highlights))


def _window(text: str, first: tuple[int, int], width: int,
            starts: Sequence[int]) -> tuple[int, int]:
    """The sentence holding ``first``, cut to ``width`` characters centred on it."""
    index = bisect.bisect_right(starts, first[0]) - 1
    sent_lo = starts[index]
    sent_hi = starts[index + 1] if index + 1 < len(starts) else len(text)
    room = max(0, width - (first[1] - first[0]))
    lo = max(sent_lo, first[0] - room // 2)
    hi = min(sent_hi, max(lo + width, first[1]))
    lo = max(sent_lo, min(lo, hi - width))
    lo, hi = _snap(text, lo, hi, first)
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _snap(text: str, lo: int, hi: int, first: tuple[int, int]) -> tuple[int, int]:
    """Move the edges to whitespace so no word is cut (never past the first match)."""
    if lo > 0 and not text[lo - 1].isspace():
        space = text.find(" ", lo, first[0])
        lo = space + 1 if space != -1 else lo
    if hi < len(text) and not text[hi].isspace():
        space = text.rfind(" ", first[1], hi)
        hi = space if space != -1 else hi
    return lo, hi


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def render_highlights(excerpt: str, highlights: Sequence[tuple[int, int]], *,
                      style: str = "rich") -> str:
    """``style="rich"``: rich console markup (text escaped); ``"plain"``: «marked» text."""
    out: list[str] = []
    cursor = 0
    for start, end in highlights:
        out.append(_piece(excerpt[cursor:start], style=style))
        marked = _piece(excerpt[start:end], style=style)
        out.append(f"[bold reverse]{marked}[/bold reverse]" if style == "rich" else f"«{marked}»")
        cursor = end
    out.append(_piece(excerpt[cursor:], style=style))
    return "".join(out)


def _piece(text: str, *, style: str) -> str:
    return escape(text) if style == "rich" else text
