"""What a document says was wrong: the claims a correction, an erratum or a clarification
takes back.

Layer: monitor. Newsrooms and offices correct themselves: "Por error involuntario, … el
sumario se publicó como «Aprueba la Base de Datos…». Debe decir: …", "se consignó
erróneamente que 300 servidores fueron capacitados", "O título da nota («Justiça absolve
acusado…») estava errado", "Ante información difundida en medios sobre la aprobación de un
protocolo, el Viceministerio aclara que…", "a absolvição mencionada se referia a outro réu",
"anunciava a suspensão… o Ministério desmentiu a suspensão". A phrase inside such a claim
reports nothing: the document takes it back. ``corrected_spans`` finds these stretches once per
field; what the correction says instead, after "debe decir" or "aclara que", is read as any
other text.
Cases: tests/watch/test_watch_corrections.py.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from monitor.watch.hints import Hints
from monitor.watch.normalize import fold_text, sentence_starts

# Said in error, before the claim in its sentence: "se publicó por error como", "se consignó
# erróneamente que", "informamos equivocadamente", "noticiamos por engano".
_IN_ERROR = re.compile(r"\b(?:por error|por equivoco|por engano|erroneamente|equivocadamente|"
                       r"erradamente|incorretamente|incorrectamente)\b")
# Called wrong after the claim in its sentence: "(«…absolve acusado…») estava errado", "la
# información publicada … era incorrecta"; or before it, with "que": "es falso que…".
_WAS_WRONG = re.compile(r"\b(?:estaba|estaban|estava|estavam|era|eran|eram|es|son|e|sao|fue|"
                        r"foi|resulto|resultou) (?:erronea|erroneo|errad[oa]s?|incorrect[oa]s?|"
                        r"equivocad[oa]s?|fals[oa]s?|inexact[oa]s?)\b")
# A report taken up in order to be answered, opening its sentence: "Ante información difundida
# en medios sobre la aprobación de un protocolo, el Viceministerio aclara que…", "Em relação
# às notícias sobre a suspensão, o Ministério esclarece que…". The claim runs up to the
# answering verb. (A topic alone is no claim: "Sobre la base de datos, el Viceministro precisó
# que ya funciona".)
_ABOUT_A_CLAIM = re.compile(
    r"\s*(?:ante|frente a|en relacion a|en relacion con|con relacion a|respecto a|respecto de|"
    r"sobre|acerca de|(?:em|com) relacao a(?:o|os|s)?|diante d[aeo]s?|quanto a(?:o|os|s)?)\b")
_REPORTS = re.compile(r"\b(?:informacion|informaciones|informacao|informacoes|version|"
                      r"versiones|versao|versoes|publicacion|publicaciones|publicacao|"
                      r"publicacoes|noticia|noticias|nota|notas|rumor|rumores|boato|boatos|"
                      r"reportes|reportagem|reportagens|materia|materias|afirmaciones|"
                      r"afirmacoes|mensajes|mensagens|lo publicado|o publicado|lo difundido)\b")
_ANSWERS = re.compile(r"\b(?:aclara|aclaro|aclaran|aclararon|preciso|rectifica|"
                      r"rectifico|desmiente|desmintio|desmienten|esclarece|esclareceu|"
                      r"esclarecem|retifica|retificou|desmente|desmentiu)\b")
# Said of another: "a absolvição mencionada se referia a outro réu", "el parecer contrario era
# sobre otro proyecto". The claim is its clause up to the verb.
_OF_ANOTHER = re.compile(r"\b(?:se referia|se referiam|se refiere|se refieren|se refere|se referem|"
                         r"era sobre|es sobre|foi sobre|fue sobre|dizia respeito|corresponde|"
                         r"correspondia|correspondem|corresponden) (?:a |al |ao |a la |as |aos |"
                         r"a los |a las )?(?:otro|otra|otros|otras|outro|outra|outros|outras)\b")
# Denied later by name: "Um documento … anunciava a suspensão das diretrizes. Atualização: o
# Ministério desmentiu a suspensão." Every earlier sentence naming what was denied reported it.
# (Not a report denied, "desmintió la versión", nor a denial of having done something:
# "desmintió haber retirado", "desmiente que"; those name no event.)
_DENIES_THE = re.compile(r"\b(?:desmiente|desmintio|desmienten|desmintieron|desmente|desmentiu|"
                         r"desmentem|desmentiram) (?:(?:el|la|los|las|o|a|os|as) )?([a-z]{4,})\b")
_NO_EVENT = frozenset({"haber", "version", "versiones", "versao", "versoes", "informacion",
                       "informacao", "noticia", "noticias", "rumor", "rumores", "boato",
                       "boatos", "nota", "denuncia", "acusacion", "acusacao"})
# Substrings one of the patterns above needs, looked for first: most fields hold none.
_HINTS = Hints(["error", "equivoc", "engano", "errone", " errad", "incorrect", "incorret", "fals",
                "inexact", "aclar", " preciso ", "rectific", "retific", "desmi", "desme",
                "esclarec", "se refer", " sobre o", "respeito a o", "correspond"])


def corrected_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the claims ``text`` takes back (offsets into ``text``)."""
    folded = fold_text(text)
    if not _HINTS.occur_in(folded):
        return []  # most texts correct nothing
    starts = sentence_starts(text)
    spans = []
    for start, end in zip(starts, starts[1:] + [len(text)], strict=True):
        sentence = folded[start:end]
        wrong = _IN_ERROR.search(sentence)
        if wrong is not None:
            spans.append((start + wrong.end(), _claim_end(text, start + wrong.end(), end)))
            continue
        wrong = _WAS_WRONG.search(sentence)
        if wrong is not None:
            spans.append((start + wrong.end() + 4, _claim_end(text, start + wrong.end(), end))
                         if sentence.startswith(" que ", wrong.end())
                         else (start, start + wrong.start()))
            continue
        if _ABOUT_A_CLAIM.match(sentence) and (answer := _ANSWERS.search(sentence)) and \
                _REPORTS.search(sentence, 0, answer.start()):
            spans.append((start, start + answer.start()))
    for other in _OF_ANOTHER.finditer(folded):
        spans.append((_clause_start(text, starts, other.start()), other.start()))
    return sorted(spans + _denied_later(folded, starts))


def _clause_start(text: str, starts: list[int], at: int) -> int:
    """Where the clause holding offset ``at`` begins: after the last comma, semicolon or colon
    of its sentence before it, or with the sentence."""
    sentence = starts[bisect.bisect_right(starts, at) - 1]
    return max(sentence, *(text.rfind(mark, sentence, at) + 1 for mark in ",;:"))


def _denied_later(folded: str, starts: list[int]) -> list[tuple[int, int]]:
    """The sentences before a denial that name what it denies (``_DENIES_THE``)."""
    spans = []
    for denial in _DENIES_THE.finditer(folded):
        denied = denial.group(1)
        if denied in _NO_EVENT:
            continue
        named = re.compile(rf"\b{denied}\b")
        for start, end in pairwise(starts + [len(folded)]):
            if end > denial.start():
                break
            if named.search(folded, start, end):
                spans.append((start, end))
    return spans


def _claim_end(text: str, start: int, end: int) -> int:
    """Where a claim that follows its "por error" or "es falso que" ends: at a colon or
    semicolon, after which the sentence says what is true ("Es falso que la institución
    discrimine: la denuncia fue recibida…"), or with the sentence."""
    stops = [at for at in (text.find(":", start, end), text.find(";", start, end)) if at != -1]
    return min(stops, default=end)
