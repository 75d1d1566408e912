"""Items of a bulletin: where a text that lists unrelated cases or norms splits into them.

Layer: monitor. Pure functions over one field's text. A police bulletin ("CASO 1.- ... CASO
2.- ..."), a prosecutor's weekly report ("1) Caso Tiquipaya: ... 2) Caso zona sur: ...") or a
gazette issue ("DECRETO SUPREMO N° 4978 ... DECRETO SUPREMO N° 4979 ...") reports items side by
side, and a rule's words taken from two of them ("se rechazó la denuncia" in one case, "trabajadora
sexual" in another) are not evidence of anything. The matcher therefore asks a rule to hold
within one item, read together with the text before the first item (the bulletin's opening) and
the title. docs/rules.md, "Bulletins and gazette issues", explains it to editors.

These item marks are recognised, and only when they repeat:

- a numbered or lettered list whose marks follow each other (1, 2, 3... or a, b, c...), all
  written alike: ``1)``, ``1.-``, ``1.`` before a capital, ``CASO 1.-``;
- the points of a chamber's minutes: ``PRIMER PUNTO.``, ``SEGUNDO PUNTO.``…, and the days of a
  weekly summary or agenda: ``Lunes.``, ``Martes 19:``, ``Lunes 9 –``…;
- sentences opening with a place, two or more ("En Sacaba se aprehendió… En Quillacollo,
  …"), and then also those turning to one case ("Respecto al caso de…");
- norm headings in capitals opening a sentence: ``DECRETO SUPREMO N° 4978``, ``RESOLUCIÓN
  MINISTERIAL N° 187``, ``LEY N° 1600``, ``PORTARIA Nº 12``, ``LEI Nº 14.611``, a chamber's
  ``PL N° 088/2022``..., or in title case opening a line: ``Decreto Supremo N° 4602.``,
  ``Resolución Ministerial N° 0876/2021`` (a short label opening the sentence before one,
  "Rechazado: PL N° 177", opens its item); a committee's numbered reports opening sentences,
  ``Informe N° 044/2022``, ``Dictamen N° 12``;
- a review's topic headings before a colon, three or more, each named once ("La investigación:
  … La protección: … La ley: …"; an official record's parts, "Objeto: … Alcance: …", are not
  topics), and the courts heading a roll of hearings ("Juzgado de
  Instrucción Penal N° 2 de Quillacollo: …");
- places headed with a point and a dash ("Quillacollo.- … Cercado.- …"), and in the press
  places standing alone as headings ("Santa Cruz. … El Alto. …");
- three or more headings in capitals before a colon, each named once ("LA PAZ: … EL ALTO: …
  SANTA CRUZ: …").

An item numbered "2." whose parts are numbered "2.1.", "2.2." splits into them, and such parts
with no item around them (an excerpt opening inside a section) are items. Norm headings
win over list marks (the articles of one decree are not separate items). Cases:
tests/watch/test_watch_segments.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.watch.keyscan import KeyScan
from monitor.watch.normalize import fold_text
from monitor.watch.places import COUNTRIES

# A list mark: optional "CASO"/"Caso", a number (1-99) or a letter a-h, then ")", ".-", or "."
# before a capital. It opens the text or follows a space or a sentence mark, not a number's
# point ("2.1." is a sub-item, ``_SUB_MARK``).
_LIST_MARK = re.compile(  # (the first lookahead lets the engine skip to a possible mark)
    r"(?=[CcPIÍa-h\d])(?<![^\s.;:])(?<!\d\.)(?P<prefix>(?:CASO|Caso|caso|PUNTO|Punto|ITEM|Item|Ítem)\s+)?"
    r"(?P<mark>\d{1,2}|[a-h])(?P<style>\)|\.-|\.\s?-|\.(?=\s+[A-ZÁÉÍÓÚÑ«\"“]))")
_ARTICLE = re.compile(r"(?:art[íi]culo|artigo|art\.|inciso|par[áa]grafo|numeral)\s*$",
                      re.IGNORECASE)
# Found by its capitals first; ``_opens_sentence`` then checks what precedes it.
_NORM_HEAD = re.compile(
    r"(?:DECRETO(?:[ -](?:SUPREMO|PRESIDENCIAL|LEGISLATIVO|EJECUTIVO|LEI|LEY))?"
    r"|RESOLUCI[ÓO]N(?: [A-ZÁÉÍÓÚ]+(?:-[A-ZÁÉÍÓÚ]+)?)?|RESOLUÇÃO(?: [A-ZÁÉÍÓÚÇÃ]+)?"
    r"|PORTARIA(?: [A-ZÁÉÍÓÚÇÃ]+)?|LEY|LEI|ACUERDO(?: [A-ZÁÉÍÓÚ]+)?|ORDENANZA(?: [A-Z]+)?"
    r"|INSTRUCTIVO|DIRECTIVA|CIRCULAR|PL|PIE|PLS|PLC|PDL)"
    r"\s+(?:N|NRO|NO|NÚM|NUM)[°º.o]*\s*\d")


# The same headings in title case ("Decreto Supremo N° 4602. Reglamenta…", "Resolución
# Ministerial N° 0876/2021 del Ministerio…") head items only at a line's start: inside a
# sentence they cite a norm ("mediante Decreto Supremo N° 4602").
# (each alternative of _NORM_HEAD and _NORM_LINE holds one; both need the N of "N°")
_NORM_HEAD_HINTS = ("DECRETO", "RESOLU", "PORTARIA", "LEY", "LEI", "ACUERDO", "ORDENANZA",
                    "INSTRUCTIVO", "DIRECTIVA", "CIRCULAR", "PL", "PIE", "PDL")
_NORM_LINE_HINTS = ("Decreto", "Resolu", "Portaria", "Ley", "Lei", "Acuerdo", "Ordenanza",
                    "Instructivo", "Directiva", "Circular")
_NORM_LINE = re.compile(
    r"(?m)^[ \t]*(?:Decreto(?: (?:Supremo|Presidencial|Legislativo|Ejecutivo|Lei|Ley))?"
    r"|Resoluci[óo]n(?: [A-ZÁÉÍÓÚ][a-záéíóú]+(?:-[A-ZÁÉÍÓÚ][a-záéíóú]+)?)?"
    r"|Resolução(?: [A-ZÁÉÍÓÚ][a-záéíóúçã]+)?|Portaria(?: [A-ZÁÉÍÓÚ][a-záéíóúçã]+)?|Ley|Lei"
    r"|Acuerdo(?: [A-ZÁÉÍÓÚ][a-záéíóú]+)?|Ordenanza(?: [A-Z][a-z]+)?|Instructivo|Directiva"
    r"|Circular)\s+(?:N|Nro|No|Núm|Num)[°º.o]*\s*\d")


# A committee's reports or opinions, each opening a sentence with its number: "Informe N°
# 044/2021-2022 – PL N° 145/2021-2022 …: informe FAVORABLE. Informe N° 045/2021-2022 – PL N°
# 150/2021-2022 …: informe DESFAVORABLE." (each holds its bill; the unfavourable one is not the
# first bill's).
_REPORT_HEAD = re.compile(r"(?:Informe|INFORME|Dictamen|DICTAMEN|Parecer|PARECER|Relat[óo]rio"
                          r"|RELAT[ÓO]RIO)\s+(?:N|Nro|No|Núm|Num)[°º.o]*\s*\d")
_REPORT_HINTS = ("Informe", "INFORME", "Dictamen", "DICTAMEN", "Parecer", "PARECER", "Relat",
                 "RELAT")


# The points of a chamber's or council's minutes: "PRIMER PUNTO.", "SEGUNDO PUNTO.", "Tercer
# punto:" (ordinal words; Portuguese "PRIMEIRO ITEM").
_ORDINALS = ("primer|primero|segundo|tercer|tercero|cuarto|quinto|sexto|s[eé]ptimo|octavo"
             "|noveno|d[eé]cimo|primeiro|terceiro")
_POINT = re.compile(rf"(?<![^\s.;:])(?:{_ORDINALS})\s+(?:punto|item|ítem|ponto)\b",
                    re.IGNORECASE)
# a substring test spares most texts the pattern (its IGNORECASE scan is slow)
_POINT_HINTS = ("punto", "Punto", "PUNTO", "item", "Item", "ITEM", "ítem", "Ítem", "ÍTEM", "ponto",
                "Ponto", "PONTO")


# The days of a weekly summary or agenda: "Lunes. La Comisión recibió…", "Martes 19: …",
# "Quarta-feira. …", "Lunes 9 – El Ministro participa…".
_DAY_HEAD = re.compile(
    r"(?:^|(?<=[.;] ))[ \t]*(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
    r"|segunda-feira|ter[çc]a-feira|quarta-feira|quinta-feira|sexta-feira)"
    r"(?: \d{1,2}(?: de [a-zç]+)?)?[ \t]*(?:[.:]|[–—-](?=[ \t]))", re.IGNORECASE | re.MULTILINE)


# The places of a weekly balance or round-up, each opening a sentence: "En Sacaba se aprehendió
# al presunto autor de un feminicidio. En Quillacollo, efectivos localizaron…", "Em Oruro, …";
# a sentence that turns to one case ("Respecto al caso de…", "En el caso de…") opens one too.
# A capital right after "En" (or "En el") names a place: months, years and "En la audiencia"
# do not. Countries are left to ``places`` ("En Bolivia, la ley…" is no balance's item).
_DAY_HINTS = ("lunes", "martes", "miercoles", "miércoles", "jueves", "viernes", "sabado",
              "sábado", "domingo", "-feira")
_DAY_SCAN = KeyScan(dict.fromkeys(_DAY_HINTS, 0))
_DAY_TAIL = re.compile(r"(?: \d{1,2}(?: de \w+)?)?[ \t]*(?:[.:]|[–—-](?=[ \t]))")


# Where a sentence or line may begin: what ``(?:^|(?<=[.;] ))`` allows, found by one scan of a
# short pattern. A heading pattern that opens so is then tried there only (``_heads``), not at
# every character of the text.
_HEAD_AT = re.compile(r"[.;] |\n")


def _heads(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern that opens with
    ``(?:^|(?<=[.;] ))`` (a heading opening a line or following a sentence)."""
    found: list[re.Match[str]] = []
    end = 0
    for at in (0, *(mark.end() for mark in _HEAD_AT.finditer(text))):
        if at >= end and (match := pattern.match(text, at)) is not None:
            found.append(match)
            end = max(match.end(), at + 1)
    return found


def _may_head_a_day(lowered: str) -> bool:
    """A day's name opening a line or following a sentence, and followed by what ends a
    ``_DAY_HEAD`` (in the lower-cased text): most texts that name a day ("el lunes") head
    none, and the pattern is spared."""
    for end, length in _DAY_SCAN.find_lengths(lowered):  # every hint's every occurrence
        if _DAY_TAIL.match(lowered, end + 1) and _may_open(lowered, end + 1 - length):
            return True
    return False


def _may_open(text: str, at: int) -> bool:
    """The word holding ``at`` may open a heading: where ``(?:^|(?<=[.;] ))[ \\t]*`` allows."""
    while at and text[at - 1].isalpha():
        at -= 1  # the word's start ("segunda" before "-feira")
    run = at
    while run and text[run - 1] in " \t":
        run -= 1
    return run == 0 or text[run - 1] == "\n" or \
        run < at and text[run] == " " and text[run - 1] in ".;"


_PLACE_HEAD = re.compile(
    r"(?:^|(?<=[.;] ))[ \t]*(?:En|Em|Desde|No|Na|Nos|Nas)(?: (?:el|la|los|o|a))? "
    r"(?P<place>[A-ZÁÉÍÓÚÑ][a-záéíóúñç]+)", re.MULTILINE)
_CASE_HEAD = re.compile(
    r"(?:^|(?<=[.;] ))[ \t]*(?:Respecto (?:al|del) caso|En (?:el|lo que respecta al) caso"
    r"|Sobre el caso|Em relação ao caso|Quanto ao caso|No caso)\b", re.MULTILINE)

# ... or a place standing alone as a heading before its item: "Santa Cruz. La Fiscalía imputó…
# El Alto. Efectivos aprehendieron… Cochabamba. En el caso de…" (up to three words).
_PLACE_LINE = re.compile(
    r"(?:^|(?<=[.;] ))[ \t]*(?P<place>[A-ZÁÉÍÓÚÑ][a-záéíóúñç]+"
    r"(?: (?:de |del |la |el )?[A-ZÁÉÍÓÚÑ][a-záéíóúñç]+){0,2})\. (?=[«\"“¿]?[A-ZÁÉÍÓÚÑ])",
    re.MULTILINE)


# The topics of a review or round-up, each a short heading opening a sentence before a colon:
# "Vistos humanitários: não há norma… Base de dados: o Ministério publicou… Capacitação: está
# aberta…", "La protección: la mujer vive hoy…". Three or more; not a speaker in capitals
# ("PERIODISTA:"), nor words introducing a quote ("El ministro dijo: «…»").
_TOPIC_HEAD = re.compile(
    r"(?:^|(?<=[.;!?»”\"] ))[ \t]*[A-ZÁÉÍÓÚÑ][a-záéíóúñçãõâêô]+"
    r"(?: [a-záéíóúñçãõâêôA-ZÁÉÍÓÚÑ0-9]+){0,3}:[ \t]+(?![«\"“'—–-])", re.MULTILINE)
TOPIC_HEADS = 3
TOPIC_WORDS = 6  # what a topic heading heads: more than a form's field value
# The courts of a roll of hearings, each heading its entry before a colon: "Juzgado de
# Instrucción Penal N° 2 de Quillacollo: robo agravado… Juzgado de Instrucción Penal N° 5
# contra la Violencia hacia la Mujer: … Juzgado Público de Familia N° 2: …" (two or more).
_COURT_HEAD = re.compile(
    r"(?:^|(?<=[.;] ))[ \t]*(?:Juzgado|Tribunal|Sala|Vara|Turma)\b[^.:;\n]{0,120}?:[ \t]",
    re.MULTILINE)


# ... or with a dash after its point, as an official bulletin heads its items in any kind of
# source: "Quillacollo.- Tras juicio abreviado… Cercado.- La Fiscalía… Chapare.- En un
# operativo…" (two or more; a single dateline opens a story, ``normalize._DATELINE``).
_PLACE_DASH = re.compile(
    r"(?:^|(?<=[.;] ))[ \t]*(?P<place>[A-ZÁÉÍÓÚÑ][a-záéíóúñç]+"
    r"(?: (?:de |del |la |el )?[A-ZÁÉÍÓÚÑ][a-záéíóúñç]+){0,2}|[A-ZÁÉÍÓÚÑ]{3,}"
    r"(?: [A-ZÁÉÍÓÚÑ]{2,}){0,2})\.[ \t]?[-–—]+[ \t]*(?=[«\"“¿]?[A-ZÁÉÍÓÚÑ])", re.MULTILINE)
_DASH_HINTS = (".-", ". -", ".–", ". –", ".—", ". —", ".\t-")


# ... or in capitals before a colon, as a national summary heads each department's news:
# "LA PAZ: aprehendido un hombre… EL ALTO: rescatados dos adolescentes… SANTA CRUZ: …" (three
# or more, each named once: a transcript's speakers, "PERIODISTA: … MINISTRO: …", come back).
_CAPS_HEAD = re.compile(
    r"(?:^|(?<=[.;] ))[ \t]*(?P<place>[A-ZÁÉÍÓÚÑ]{2,}(?: [A-ZÁÉÍÓÚÑ]{2,}){0,2}):[ \t]+"
    r"(?=[«\"“¿]?\w)", re.MULTILINE)
CAPS_HEADS = 3


def _first_word(match: re.Match[str]) -> int:
    """Where a heading's words begin, past the spaces its pattern takes first."""
    return match.start() + len(match.group()) - len(match.group().lstrip())


def _label(match: re.Match[str]) -> str:
    """A heading's words, folded, without the spaces and colon around them."""
    return fold_text(match.group().strip(" \t:"))


def _named_once(found: list[re.Match[str]]) -> bool:
    """No heading comes back (case, accents and the colon aside)."""
    labels = [_label(match) for match in found]
    return len(set(labels)) == len(labels)


def _ordinal(mark: str) -> int:
    return int(mark) if mark.isdigit() else ord(mark) - ord("a") + 1


# A list mark's core, a number or letter between a space (or .;:) and "." or ")": the pattern
# below looks for it from its rarer last character. Most texts hold none, and then
# ``_LIST_MARK``, tried at every character, is spared.
_LIST_CORE = re.compile(r"[.)](?:(?<=[\s.;:][a-h\d][.)])|(?<=[\s.;:]\d\d[.)]))")
_LIST_CORE_AT_START = re.compile(r"(?:\d{1,2}|[a-h])[.)]")


def _list_starts(text: str) -> list[int]:
    """Where the items of the longest run of consecutive, alike list marks begin."""
    if _LIST_CORE.search(text) is None and _LIST_CORE_AT_START.match(text) is None:
        return []
    best: list[int] = []
    chains: dict[tuple[str, str, bool], list[tuple[int, int]]] = {}  # style -> (number, start)
    for match in _LIST_MARK.finditer(text):
        if _ARTICLE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "Artículo 2." numbers the parts of one norm, not separate items
        prefix = (match.group("prefix") or "").strip().lower()
        style = (prefix, match.group("style").replace(" ", ""), match.group("mark").isdigit())
        number = _ordinal(match.group("mark"))
        chain = chains.get(style, [])
        if number == 1:
            chain = [(1, match.start())]
        elif chain and number == chain[-1][0] + 1:
            chain.append((number, match.start()))
        else:
            continue
        chains[style] = chain
        if len(chain) > len(best):
            best = [start for _, start in chain]
    return best if len(best) >= 2 else []


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or before.endswith("\n") or before.rstrip(" ")[-1:] in (".", ":", ";") \
        and before.endswith(" ")


def item_starts(text: str, *, press: bool = False) -> list[int]:
    """Offsets where the text's items begin (empty when it is not a list of items): the text
    before the first offset is the shared opening. Places standing alone as headings are a
    round-up's only in the ``press``: an official record heads its parts with common nouns
    ("Antecedentes. … Fundamentos. … Resolución. …")."""
    # most texts name no norm with its number: substring tests spare the patterns
    numbered, kinds = "N" in text, hinted(text)
    heads = [match.start() for match in _NORM_HEAD.finditer(text)
             if _opens_sentence(text, match.start())] \
        if numbered and kinds & _NORM_HEAD_HINTED else []
    if len(heads) < 2:
        heads = [match.start() for match in _NORM_LINE.finditer(text)] \
            if numbered and kinds & _NORM_LINE_HINTED else []
    if len(heads) < 2 and numbered and kinds & _REPORT_HINTED:
        heads = [match.start() for match in _REPORT_HEAD.finditer(text)
                 if _opens_sentence(text, match.start())]
    if len(heads) >= 2:
        return [_labelled(text, head) for head in heads]
    points = [match.start() for match in _POINT.finditer(text)] \
        if kinds & _POINT_HINTED else []
    if len(points) >= 2:
        return points
    days = [_first_word(match) for match in _heads(_DAY_HEAD, text)] \
        if _may_head_a_day(text.lower()) else []
    if len(days) >= 2:
        return days
    colons = text.count(": ")  # most texts: a substring count spares the heading patterns
    return _list_starts(text) or _sub_starts(text) or _place_starts(text) or \
        (_topic_starts(text, press=press) if colons >= TOPIC_HEADS else []) or \
        (_court_starts(text) if colons >= 2 else []) or \
        (_place_lines(text, _PLACE_DASH) if kinds & _DASH_HINTED else []) or \
        (_caps_starts(text) if colons >= CAPS_HEADS else []) or \
        (_place_lines(text) if press else [])


# A short label opening the sentence before a norm heading heads its item with it: a plenary's
# results, "Aprobados: PL N° 145/2022 … Rechazado: PL N° 177/2022 que modificaba…".
_LABEL_BEFORE = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñçãõâêô]+(?: [a-záéíóúñçãõâêô]+){0,2}:[ \t]*$")
LABEL_CHARS = 40


def _labelled(text: str, head: int) -> int:
    """Where the item of the norm heading at ``head`` begins: at a short label before it that
    opens a sentence (``_LABEL_BEFORE``), else at the heading."""
    window = max(0, head - LABEL_CHARS)
    label = _LABEL_BEFORE.search(text, window, head)
    if label is not None and _opens_sentence(text, label.start()):
        return label.start()
    return head


# The parts of one official record are no topics: a directive's "Objeto: … Alcance: …
# Disposiciones principales: …", an ombudsman's "Antecedentes: … Hallazgos: … Conclusión: …"
# (the press heads a review's topics with any word: "Resultados: …").
_RECORD_PARTS = frozenset({
    "objeto", "objetivo", "alcance", "ambito", "finalidad", "vigencia", "disposiciones",
    "antecedentes", "hallazgos", "conclusion", "conclusiones", "recomendaciones", "resultado",
    "resultados", "fundamentos", "fundamentacion", "vistos", "considerando", "resuelve",
    "referencia", "ref", "asunto", "metodologia", "objetivos", "conclusao", "conclusoes",
    "recomendacoes", "fundamentacao",
    # a bill's record on a chamber's tracking page: "Denominación: … Proponente: … Estado
    # actual: … Resumen: …", "Ementa: … Autor: … Situação: …"
    "denominacion", "titulo", "proponente", "proponentes", "autor", "autora", "autores",
    "estado", "resumen", "sumario", "historial", "documentos", "tramite", "situacion",
    "ementa", "autoria", "situacao", "tramitacao", "resumo", "historico"})


def _names_a_part(match: re.Match[str]) -> bool:
    """The heading's first word names a part of an official record."""
    return _label(match).split()[0] in _RECORD_PARTS


def _topic_starts(text: str, *, press: bool = False) -> list[int]:
    """Topic headings (``_TOPIC_HEAD``), three or more, each named once and heading at least
    ``TOPIC_WORDS`` words (shorter ones are left inside the item before): a label that comes
    back ("Pergunta: … Resposta: … Pergunta: …", "Periodista: … Ministro: … Periodista: …")
    marks the turns of a conversation, whose answers tell what the questions ask about."""
    found = list(_TOPIC_HEAD.finditer(text))
    if len(found) < TOPIC_HEADS or not _named_once(found) or \
            not press and any(_names_a_part(match) for match in found):
        return []
    # a form's short fields ("Causa: Ministerio Público c/ J.C.M. Delitos: …") head no topic
    ends = [match.start() for match in found[1:]] + [len(text)]
    kept = [match for match, end in zip(found, ends, strict=True)
            if len(text[match.end():end].split()) >= TOPIC_WORDS]
    if len(kept) < TOPIC_HEADS:
        return []
    return [_first_word(match) for match in kept]


def _place_starts(text: str) -> list[int]:
    """Sentences that open with a place, two or more, and those that turn to one case."""
    if text.count("En ") + text.count("Em ") + text.count("Desde ") + text.count("No ") + \
            text.count("Na ") < 2:
        return []  # most texts: a substring count spares the pattern
    places = [_first_word(match) for match in _heads(_PLACE_HEAD, text)
              if fold_text(match.group("place")) not in COUNTRIES]
    if len(places) < 2:
        return []
    cases = [_first_word(match) for match in _CASE_HEAD.finditer(text)]
    return sorted(set(places + cases))


def _caps_starts(text: str) -> list[int]:
    """Headings in capitals before a colon (``_CAPS_HEAD``), three or more, each named once,
    none a part of a norm or of an official record ("VISTOS:", "CONSIDERANDO:", "RESUELVE:")."""
    found = [match for match in _heads(_CAPS_HEAD, text)
             if not _PARTS.match(place := fold_text(match.group("place")).lower()) and
             place.split()[0] not in _RECORD_PARTS]
    if len(found) < CAPS_HEADS or not _named_once(found):
        return []
    return [_first_word(match) for match in found]


def _court_starts(text: str) -> list[int]:
    """Courts heading the entries of a roll (``_COURT_HEAD``), two or more, each named once."""
    found = list(_COURT_HEAD.finditer(text))
    if len(found) < 2 or not _named_once(found):
        return []
    return [_first_word(match) for match in found]


# A norm's parts and operative words are no places: "PRIMERO.- Establecer… SEGUNDO.- …",
# "Artículo Único.-", "RESUELVE.-".
_PARTS = re.compile(rf"(?:{_ORDINALS}|articulo|art|unico|resuelve|resuelven|decreta|dispone"
                    r"|considerando|vistos?|por tanto)\b")


def _place_lines(text: str, pattern: re.Pattern[str] = _PLACE_LINE) -> list[int]:
    """Places standing alone as headings (``pattern``), two or more."""
    places = [match.start("place") for match in _heads(pattern, text)
              if (place := fold_text(match.group("place"))) not in COUNTRIES and
              not _PARTS.match(place)]
    return places if len(places) >= 2 else []


# A sub-item mark inside a numbered item: "2.1. Visas humanitarias. … 2.2. Tamizaje. …".
_SUB_MARK = re.compile(r"(?<![^\s.;:])(\d{1,2})\.(\d{1,2})\.?(?=\s+[A-ZÁÉÍÓÚÑ«\"“])")
# Every sub-mark holds a digit, a point and a digit: most texts hold none, and the pattern,
# tried at every character, is spared.
_SUB_HINTS = tuple(f"{first}.{second}" for first in range(10) for second in range(10))


# The hints of the heading patterns, each kind a bit, read in one pass of the text: a pattern
# is tried only when its kind's hint occurs.
_NORM_HEAD_HINTED, _NORM_LINE_HINTED, _REPORT_HINTED, _POINT_HINTED, _DASH_HINTED, \
    _SUB_HINTED = (1 << bit for bit in range(6))
_KINDS = {hint: kind for hints, kind in ((_NORM_HEAD_HINTS, _NORM_HEAD_HINTED),
                                         (_NORM_LINE_HINTS, _NORM_LINE_HINTED),
                                         (_REPORT_HINTS, _REPORT_HINTED),
                                         (_POINT_HINTS, _POINT_HINTED),
                                         (_DASH_HINTS, _DASH_HINTED),
                                         (_SUB_HINTS, _SUB_HINTED)) for hint in hints}
_HINTED = KeyScan(_KINDS)


@lru_cache(maxsize=8)  # a field's segmenting asks twice (items, then sub-items)
def hinted(text: str) -> int:
    """The kinds of heading whose hint occurs in ``text``, as bits."""
    kinds = 0
    for kind in _HINTED.values_in(text):
        kinds |= kind
    return kinds


def item_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each item, the last running to the end of the text; an item whose
    sub-items follow each other (2.1, 2.2…) is read as those (``item_parts``)."""
    return [span for span, _ in item_parts(text)]


def item_heads(text: str) -> list[tuple[int, int]]:
    """For each of ``item_spans``, the heading it shares with its sibling sub-items."""
    return [head for _, head in item_parts(text)]


def item_parts(text: str, *, press: bool = False,
               ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each item's ``(start, end)`` and the ``(start, end)`` of the heading it shares with its
    sibling sub-items ("3. Lucha contra la trata y tráfico de personas." before "3.1."), or an
    empty span at the item's start."""
    starts = item_starts(text, press=press)
    if not starts:
        return []
    spans = list(zip(starts, [*starts[1:], len(text)], strict=True))
    if not hinted(text) & _SUB_HINTED or not _SUB_MARK.search(text):
        return [((start, end), (start, start)) for start, end in spans]
    return [piece for span in spans for piece in _sub_items(text, *span)]


def _sub_starts(text: str) -> list[int]:
    """Consecutive sub-marks with no item around them (an excerpt that opens inside a
    section, "3.1. Registro de casos. … 3.2. Otros registros. …"), two or more."""
    if not hinted(text) & _SUB_HINTED or not _SUB_MARK.search(text):
        return []
    parts = _sub_items(text, 0, len(text))
    return [start for (start, _), _ in parts] if len(parts) > 1 else []


def _sub_items(text: str, start: int,
               end: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The item ``text[start:end]`` split at its consecutive sub-marks (``_SUB_MARK``, same
    first number, second running from 1), each with the item's heading; or the item itself."""
    marks: list[int] = []
    parent = ""
    for found in _SUB_MARK.finditer(text, start, end):
        if not marks:
            parent = found.group(1)
        if found.group(1) == parent and int(found.group(2)) == len(marks) + 1:
            marks.append(found.start())
    if len(marks) < 2:
        return [((start, end), (start, start))]
    head = (start, marks[0])
    return [((lo, hi), head) for lo, hi in zip(marks, [*marks[1:], end], strict=True)]
