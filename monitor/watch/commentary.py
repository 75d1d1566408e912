"""Opinion and commentary: is a press document a column, an editorial or a letter?

Layer: monitor. Pure functions over a document's title and text. The editors' convention
(docs/statuses.md) makes opinion and commentary a hard negative: a columnist who writes that "el
país aprobó decretos y creó sistemas" reports no step, so a match in such a document is kept as a
note for the editors, never a proposal (``matcher._weigh``). Newspapers mark opinion in two
places, and only those are read: a section label opening the headline ("Opinión | …",
"Artigo: …", "EDITORIAL — …") and the author's line closing the text ("La autora es
investigadora…", "O autor é professor…", "(*) Abogado constitucionalista", "Las opiniones
expresadas son responsabilidad de su autor"). A news story that quotes an opinion is not one.
Official sources publish no columns, so only ``news`` and ``other`` documents are read.
docs/rules.md, "Source weight", tells editors. Cases: tests/watch/test_watch_commentary.py.
"""

from __future__ import annotations

import re

from monitor.watch.vocab import OFFICIAL_KINDS, SOURCE_KINDS

# Kinds of source a column can come from (the official ones publish acts).
PRESS_KINDS = frozenset(SOURCE_KINDS) - OFFICIAL_KINDS
# A section label opening the headline, then a separator: "Opinión | …", "Columna: …".
_LABEL = re.compile(
    r"\s*(?:opini[oó]n|opini[aã]o|columna|coluna|editorial|tribuna|art[ií]culo de opini[oó]n"
    r"|artigo(?: de opini[aã]o)?|punto de vista|ponto de vista|carta(?:s)? (?:al director"
    r"|de (?:los )?lectores|do leitor|dos leitores|ao editor))\s*(?:[|:—–-]|$)", re.IGNORECASE)
# The author's line: "La autora es…", "O autor é…", "*El autor es…", "(*) Abogada…".
_AUTHOR = re.compile(
    r"\s*(?:\(\*\)\s+\w|\*?\s*(?:(?:el|la|los|las|o|a|os|as) (?:autor|autora|autores"
    r"|autoras|columnista|articulista)\s+(?:es|son|é|são|e)\b"
    r"|(?:las|as) opini(?:ones|ões) (?:expresadas|vertidas|expressas|emitidas)))",
    re.IGNORECASE)
_TAIL_CHARS = 400  # the author's line closes the text


def is_commentary(title: str, text: str, source_kind: str) -> bool:
    """Whether a press document is opinion: a section label opening its headline or an
    author's line among its last lines."""
    if source_kind not in PRESS_KINDS:
        return False
    if _LABEL.match(title) or _LABEL.match(text):
        return True
    tail = text[-_TAIL_CHARS:]
    return any(_AUTHOR.match(line) for line in tail.splitlines()[-3:] if line.strip())
