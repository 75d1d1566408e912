"""Headed sections of a document: where a heading says what the lines under it are.

Layer: monitor. Pure functions over one field's original text. Court records, resolutions,
reports and accountability statements put a heading over each part ("I. ANTECEDENTES.",
"5. Desafíos 2023.", "RECOMENDACIONES:"), and the heading changes what a step under it is: a
recital of the case so far (``background.recital_spans``) or a plan, a goal or a request
(``plan_sections``, a hedge for the matcher). A section runs from its heading, which opens a
line (after an optional number or letter), to the next heading — a numbered line ("II. DE LA
AUDIENCIA.", "6. Control social.") or one in capitals ("RESOLUCIÓN:") — or to the end of its
paragraph when none follows. docs/rules.md explains both to editors.
Cases: tests/watch/test_watch_background.py, tests/watch/test_watch_cues_scope.py.
"""

from __future__ import annotations

import re

from monitor.watch.hints import Hints

# A heading's number or letter: "I.", "5.", "6.4.", "b)", "2.-".
_NUMERAL = r"(?:[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)"
_NUMBER = rf"(?:(?:{_NUMERAL}|[A-Ha-h])(?:[.)]|\.-)[ \t]*)"
_STOP = r"[ \t]*(?:[.:—–-]|$)"
# A heading opens a line (its number optional) or, numbered, a sentence: "… a la Asamblea.
# 6.6. RECOMENDACIONES. Al Ministerio…" (a report printed as one paragraph).
_OPENING = rf"(?:^[ \t]*{_NUMBER}?|(?<=[.;:] ){_NUMBER})"
_NEXT_HEADING = re.compile(rf"^[ \t]*(?:{_NUMERAL}[.)][ \t]|[A-ZÁÉÍÓÚÑÇ][A-ZÁÉÍÓÚÑÇ ]{{3,}}[.:])"
                           rf"|(?<=[.;] ){_NUMERAL}\.[ \t]+[A-ZÁÉÍÓÚÑÇ]", re.MULTILINE)


def heading(words: str) -> re.Pattern[str]:
    """A heading made of ``words`` (a regex alternation), opening a line or, numbered, a
    sentence, then a stop ("I. ANTECEDENTES.", "Antecedentes:", "6.6. RECOMENDACIONES.")."""
    return re.compile(rf"{_OPENING}(?:{words}){_STOP}", re.MULTILINE)


# Goals, challenges, next steps, commitments and recommendations: what the lines under them
# name is still to be done ("5. Desafíos 2023. Extender el tamizaje…; aprobar un protocolo").
# Only the heading word and a year or "gestión 2023" may stand before the stop: "Metas
# alcanzadas:" heads results.
_PLAN_HEADING = re.compile(
    # (or in capitals after a sentence, unnumbered: "… se elaboró el Plan. METAS 2022.
    # Implementar el Sistema…", a report printed as one paragraph)
    rf"(?:{_OPENING}|(?<=[.;:] )(?=(?-i:[A-ZÁÉÍÓÚÑ]{{4}})))"
    r"(?:desaf[íi]os|retos|metas|pr[óo]ximos pasos|pasos siguientes"
    r"|tareas pendientes|agenda pendiente|pendientes|pendentes|perspectivas|proyecciones"
    r"|compromisos"
    r"|recomendaciones|pr[óo]ximos passos|encaminhamentos|compromissos|recomenda[çc][õo]es)"
    r"(?:[ \t]+(?:para[ \t]+)?(?:(?:la|el|a|o)[ \t]+)?(?:gesti[óo]n[ \t]+|ano[ \t]+)?"
    rf"(?:19|20)\d\d)?{_STOP}", re.MULTILINE | re.IGNORECASE)
# (in the lower-cased text: each heading word holds one; "casos" holds none)
_PLAN_HINTS = ("desaf", "retos", "metas", "pasos", "passos", "pendiente", "pendente",
               "perspectiva", "proyecc", "compromis", "recomenda", "encaminhamento")
_PLAN_HINT = Hints(_PLAN_HINTS)


def headed_sections(text: str, heading: re.Pattern[str],
                    ends: tuple[re.Pattern[str], ...] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of each section ``heading`` opens: to the next heading or to a match of
    one of ``ends``, else to the end of its paragraph (the heading's line, or the next one
    when the heading stands alone)."""
    spans = []
    for found in heading.finditer(text):
        after = found.end()
        stops = [m.start() for m in (_NEXT_HEADING.search(text, after + 1),
                                     *(end.search(text, after) for end in ends)) if m]
        if not stops:
            line_end = text.find("\n", after + 1 if text[after:after + 1] == "\n" else after)
            stops = [len(text) if line_end < 0 else line_end]
        spans.append((found.start(), min(stops)))
    return spans


def plan_sections(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the sections a goal, challenge or recommendation heading opens."""
    lowered = text.lower()
    if not _PLAN_HINT.occur_in(lowered):
        return []
    return headed_sections(text, _PLAN_HEADING)


# A block of links to other stories that a page glues to its text ("… alta velocidade. LEIA
# TAMBÉM • Senado aprova reforma do artigo 281 bis • …", "Lea también: …"): its headlines are
# other documents' news. The block runs from its marker, which opens a line or follows a
# sentence and is followed by a colon, a bullet, a dash or a line break, to the end of its
# line.
_RELATED = re.compile(
    r"(?:^|(?<=[.!?»”\"] ))[ \t]*(?:leia tamb[ée]m|leia mais|lea tambi[ée]n|lee tambi[ée]n"
    r"|ver tambi[ée]n|veja tamb[ée]m|noticias relacionadas|not[íi]cias relacionadas"
    r"|te puede interesar|m[áa]s noticias|mais not[íi]cias|relacionadas|relacionados)"
    r"[ \t]*(?:[:•·|—–-]|$)", re.MULTILINE | re.IGNORECASE)
_RELATED_HINTS = ("LEIA", "Leia", "leia", "LEA", "Lea", "lea", "LEE", "Lee", "VER ", "Ver ",
                  "VEJA", "Veja", "elacionad", "ELACIONAD", "nteresar", "NTERESAR", "oticias",
                  "OTICIAS", "otícias", "OTÍCIAS")
_RELATED_HINT = Hints(_RELATED_HINTS)


def related_links(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each block of links to other stories (``_RELATED``)."""
    if not _RELATED_HINT.occur_in(text):
        return []
    spans = []
    for found in _RELATED.finditer(text):
        end = text.find("\n", found.end())
        spans.append((found.start(), len(text) if end < 0 else end))
    return spans
