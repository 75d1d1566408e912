"""Background cues: is a matched phrase a step the document only recalls, not its news?

Layer: monitor. Pure functions over the original text and its folded twin (same length), like
``cues``, whose clause boundaries they share. A step recalled as context ("tras la
aprehensión", "que había sido condenado", "em 2022", a chronology line "Marzo de 2021: ...")
was news when it happened. docs/rules.md, "Past steps recalled as background", explains it to
editors. Cases: tests/watch/test_watch_background.py.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from monitor.watch.cues import (
    ACTION_NOUN_ENDINGS,
    DAY_NAMES,
    LOOKBACK_CHARS,
    MONTH_NAMES,
    PARTICIPLE_ENDINGS,
    TODAY_WORDS,
    clause_start,
    clauses_before,
    interrupted_clause,
    is_done_verb,
    is_no_longer_after,
    next_clause_mark,
)
from monitor.watch.hints import Hints
from monitor.watch.sections import headed_sections, heading

# A step the document recalls as past context. "tras la aprehensión",
# "luego de la imputación", "após o arquivamento", "que había sido condenado", "havia sido
# aprovado" (pluperfect), and a step dated in an earlier year than the document ("em 2022",
# "desde 2023", "en diciembre de 2021"). It was news when it happened.
BACKGROUND_WORDS = frozenset({"tras", "apos", "habia", "habian", "havia", "haviam", "tinha",
                              "tinham", "anteriormente", "previamente",
                              # a state that waits or was is not a new step (a present state:
                              # PRESENT_STATE_WORDS)
                              "aguarda", "aguardan", "aguardam", "cumplia", "cumpria",
                              # ... or lasted: "el imputado permaneció con detención preventiva
                              # durante la etapa preparatoria", "esteve sob proteção"
                              "permanecio", "permanecieron", "permaneceu", "permaneceram",
                              "estuvo", "estuvieron", "esteve", "estiveram",
                              # ... or was, said by a witness: "Yo estuve cuando se diseñó el
                              # registro"
                              "estuve", "estuvimos", "estive", "estivemos",
                              # a state that was: "quien se encontraba con medidas
                              # sustitutivas", "o réu estava em prisão preventiva"
                              "estaba", "estaban", "encontraba", "encontraban", "hallaba",
                              "estava", "estavam", "encontrava", "encontravam",
                              # a step already closed: "Concluida la investigación de oficio"
                              "concluida", "concluido", "concluidas", "concluidos", "culminada",
                              "culminado", "finalizada", "finalizado", "encerrada",
                              "encerrado"})
# A state that lasts is not a new step ("el imputado permanece con detención preventiva",
# "el agresor se encuentra con detención preventiva", "continúa bajo protección"), but for a
# rule that looks for the demand met it is the evidence: "la víctima permanece bajo custodia
# policial", "se encuentran alojados en la casa de acogida" (matcher.STATE_IS_FULFILMENT).
PRESENT_STATE_WORDS = frozenset({"permanece", "permanecen", "continua", "continuan", "sigue",
                                 "siguen", "permanecem", "continuam", "segue", "seguem",
                                 "encuentra", "encuentran", "halla", "hallan", "encontra",
                                 "encontram",
                                 # serving it: "recluida en El Abra en cumplimiento de la
                                 # detención preventiva"
                                 "cumplimiento", "cumprimento"})
# ... but "dio por concluido el resguardo", "deu por encerrada a escolta" closes it now: the
# closing is the news.
CLOSED_WORDS = frozenset({"concluida", "concluido", "concluidas", "concluidos", "culminada",
                          "culminado", "finalizada", "finalizado", "encerrada", "encerrado"})
BACKGROUND_PAIRS = frozenset({("luego", "de"), ("luego", "del"), ("despues", "de"),
                              ("despues", "del"), ("depois", "de"), ("depois", "do"),
                              ("depois", "da"), ("a", "raiz"), ("ya", "habia"),
                              ("ja", "havia"),
                              # where it began: "la entrevista, que comenzó como piloto en
                              # Pisiga, funciona desde el segundo semestre en Desaguadero"
                              ("comenzo", "como"), ("empezo", "como"), ("nacio", "como"),
                              ("surgio", "como"), ("comecou", "como"), ("nasceu", "como"),
                              ("surgiu", "como"),
                              # what an act takes as its model: "tomando como referencia las
                              # directrices aprobadas por la Policía en agosto"
                              ("como", "referencia"), ("como", "modelo"),
                              # what the news came despite: "Pese al informe desfavorable de
                              # la Comisión, el pleno aprobó", "apesar do veto"
                              ("pese", "a"), ("pese", "al"), ("a", "pesar"), ("apesar", "de"),
                              ("apesar", "do"), ("apesar", "da"), ("apesar", "dos"),
                              ("apesar", "das")})
BACKGROUND_LOOKBACK_WORDS = 5
# "After something happened" opens a clause that recalls it, however long: "Siete meses después
# de que la Sala Penal Primera anulara la condena, el Tribunal instaló el nuevo juicio", "Dez
# meses depois de ver o primeiro projeto arquivado no plenário". So does "since it happened":
# "es la segunda suspensión desde que se instaló el juicio" (Portuguese "desde que" is also
# "provided that": a condition, no news either).
# Only the clause's first words: the subject's long complement ("después de que un decreto
# volviera obligatorias las entrevistas para detectar indicadores de trata entre migrantes
# venezolanos") names what the news is about as well.
# An infinitive may follow "tras" and "após" too ("tras haber sido archivada"), and its own
# subject may stand before it ("dois meses depois de a primeira proposta ter sido arquivada").
_AFTER_THAT = re.compile(r"\b(?:despues|luego) de que\b|\bdepois (?:de )?que\b|\bdesde que\b"
                         r"|\b(?:(?:despues|luego|depois) de|tras|apos) [a-z]+(?:ar|er|ir)\b"
                         r"|\b(?:depois de|apos) (?:a|o|as|os) (?:[a-z]+ ){1,4}"
                         r"(?:ter|terem|haver|ser|serem)\b")
_AFTER_THAT_WORDS = 8


# How far a step once got is a recall: "o projeto, que chegou a receber parecer favorável,
# foi arquivado", "el proyecto llegó a ser aprobado en comisión".
# Only the steps a bill or a measure goes through: in "el informe llegó a citar la plataforma"
# the platform is a thing, not a step.
_GOT_AS_FAR = re.compile(r"\b(?:chegou|chegaram|chegamos|llego|llegaron|llegamos) a (?:ser"
                         r"|recibir|receber|tener|ter|obtener|obter|contar|aprobar|aprovar"
                         r"|votar|tramitar|suspender|retirar|archivar|arquivar)\b")
_GOT_AS_FAR_WORDS = 4


def _last(pattern: re.Pattern[str], folded: str, cut: int, start: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``folded[cut:start]``."""
    if not _may_match(pattern, folded, cut, start):
        return None
    found = None
    for found in pattern.finditer(folded, cut, start):  # noqa: B007 (the last one is kept)
        pass
    return found


def _search(pattern: re.Pattern[str], folded: str, cut: int, start: int) -> re.Match[str] | None:
    """``pattern.search`` in ``folded[cut:start]``."""
    return pattern.search(folded, cut, start) if _may_match(pattern, folded, cut, start) \
        else None


def _may_match(pattern: re.Pattern[str], folded: str, cut: int, start: int) -> bool:
    """One of the words every match of ``pattern`` holds (``_HINTS``) is in the slice: most
    clauses hold none, and the pattern, tried at every character, is spared."""
    hints = _HINTS.get(pattern)
    return hints is None or any(folded.find(hint, cut, start) != -1 for hint in hints)


def _got_as_far(folded: str, cut: int, span: tuple[int, int]) -> bool:
    """A "got as far as" cue before the phrase, or ending in its verb ("chegamos a
    [suspender]")."""
    found = _last(_GOT_AS_FAR, folded, cut, span[1])
    return found is not None and len(folded[found.end():span[0]].split()) <= _GOT_AS_FAR_WORDS


# "After the first weeks of" a step recalls it as far as "after" itself: "tras las primeras tres
# semanas del piloto en Pisiga, el tamizaje se aplica también en Desaguadero", "após os seis
# meses do projeto piloto".
_AFTER_A_SPAN_OF = re.compile(
    r"\b(?:tras|apos|despues de|depois de|luego de|al cabo de|ao fim de|passados)"
    r"(?: (?:las|los|os|as|el|la|o|a|un|una|um|uma))?(?: (?:primer[oa]s?|primeir[oa]s?))?"
    r"(?: \w+)? (?:dias|semanas|meses|anos|semana|mes|ano) (?:del|de la|de los|de las|do|da"
    r"|dos|das|de)(?: (?:plan|proyecto|projeto|programa))?$")


def _after_a_span_of(folded: str, cut: int, start: int) -> bool:
    return _AFTER_A_SPAN_OF.search(" ".join(folded[cut:start].split()[-9:])) is not None


# What a thing the news came after (or came despite) had found or done: "tras el informe de
# verificación N° 041/2021 que constató la ausencia de la custodia", "após a audiência que negou
# a liberdade", "pese al informe de comisión que recomendaba su rechazo".
# The relative clause right after "after the thing" recalls it; a verb between "after" and
# "que" ("tras la reunión el ministro dijo que…") makes "que" another clause's.
_AFTER_A_THING = re.compile(r"\b(?:(?:tras|apos|despues de|depois de|luego de|a raiz de|pese a"
                            r"|a pesar de|apesar de) (?:el|la|los|las|o|a|os|as|un|una|um|uma"
                            r"|su|sus)|pese al|a pesar del|apesar do|apesar da|apesar dos"
                            r"|apesar das) ")
_THING_WORDS = 12
_NONSPACE = re.compile(r"\S+")
_THAT_WORDS = 6
# verbs of saying that a preterite ending does not show ("dijo que", "afirma que")
_SAYING = frozenset({"dijo", "disse", "dice", "dicen", "diz", "dizem", "afirma", "afirman",
                     "afirmam", "informa", "informan", "informam", "senala", "senalan",
                     "explica", "explican", "explicam", "indica", "indican", "indicam",
                     "asegura", "aseguran", "garante", "anuncia", "anuncian", "anunciam",
                     "sostiene", "sostienen", "destaca", "destacan", "destacam"})


def _after_a_thing_that(text: str, folded: str, cut: int, start: int) -> bool:
    found = _last(_AFTER_A_THING, folded, cut, start)
    if found is None:
        return False
    words = [(m.group(), text[m.start():m.end()])
             for m in _NONSPACE.finditer(folded, found.end(), start)]
    thats = [i for i, (word, _) in enumerate(words) if word == "que"]
    if not thats or not 0 < thats[-1] <= _THING_WORDS or \
            len(words) - thats[-1] - 1 > _THAT_WORDS:
        return False
    return not any(is_done_verb(word, original) or word in _SAYING
                   for word, original in words[:thats[-1]])


# In force since a year: "vigente desde 2013", "em vigor desde o ano de 2019". A measure in force
# since before a demand was made is no step towards it.
_SINCE_YEAR = re.compile(r"\s*(?:desde |since )?(?:(?:el|o) )?(?:(?:ano|anos) (?:de )?)?"
                         r"((?:19|20)\d\d)\b")


def in_force_since(folded: str, span: tuple[int, int]) -> int | None:
    """The year "desde" names right after the phrase (which may end in "desde" itself)."""
    if not folded[span[0]:span[1]].endswith(("desde", "since")) and \
            not folded[span[1]:span[1] + 7].lstrip().startswith(("desde ", "since ")):
        return None
    found = _SINCE_YEAR.match(folded, span[1])
    return int(found.group(1)) if found else None


# Where a step began, said of the step itself: "la entrevista, que comenzó como piloto en Pisiga,
# funciona en Desaguadero", "a triagem, iniciada como piloto em Pisiga, passou a funcionar".
_BEGAN = ("comenz", "empez", "inici", "naci", "surgi", "comec", "nasc")


def _began_as(folded: str, span: tuple[int, int]) -> bool:
    """The phrase ends in a verb of beginning that *como* follows."""
    words = folded[span[0]:span[1]].split()
    return bool(words) and words[-1].startswith(_BEGAN) and \
        not words[-1].startswith("iniciativ") and \
        folded[span[1]:span[1] + 6].split()[:1] == ["como"]


# ... and what it began as: "iniciada como piloto em Pisiga", "lançada como piloto há um ano",
# "comenzó como un plan piloto" (the pilot is where it began, not the news).
_BEGAN_AS_WHAT = _BEGAN + ("lanzad", "lancad", "creada", "creado", "criada", "criado")
_AS_WHAT_WORDS = 3  # "como un plan [piloto]"


def _what_it_began_as(folded: str, start: int) -> bool:
    """A verb of beginning and *como* stand right before the phrase (an article and one word
    between at most)."""
    before = folded[max(0, start - 60):start].split()
    if "como" not in before[-_AS_WHAT_WORDS:]:
        return False
    at = len(before) - 1 - before[::-1].index("como")
    return at > 0 and before[at - 1].startswith(_BEGAN_AS_WHAT) and \
        not before[at - 1].startswith("iniciativ")


# The first months of a year report the year just closed: "Migración informa que durante la
# gestión 2021 se otorgaron 17 visas humanitarias", published in February 2022, is news.
_CLOSING_MONTHS = 3


# ... named as Bolivian reports name it ("durante la gestión 2021"), or as the span of the
# year ("durante 2023", "ao longo de 2023").
_FISCAL_YEAR = re.compile(r"\b(?:(?:durante|en|a lo largo de) la gestion|durante(?: el ano| o ano)?"
                          r"|ao longo de(?: o ano)?) ((?:19|20)\d\d)\b")


def _reports_the_year_closed(folded: str, cut: int, end: int, year: int) -> bool:
    """The clause names the fiscal year before ``year``, the document's."""
    return any(int(found.group(1)) == year - 1 for found in _FISCAL_YEAR.finditer(folded, cut, end))


def _after_a_step(before: list[str]) -> bool:
    """A pair of ``BACKGROUND_PAIRS`` among the words before the phrase ("después de la
    imputación"); "después de que" opens a clause, which ``_recalled_after_that`` reads."""
    return any((first, second) in BACKGROUND_PAIRS and before[i + 2:i + 3] != ["que"]
               for i, (first, second) in enumerate(zip(before, before[1:], strict=False)))


def _recalled_after_that(folded: str, cut: int, start: int) -> bool:
    """The clause's last "after that" opener stands at most ``_AFTER_THAT_WORDS`` before it,
    and opens the clause or follows a lapse of time: "protestaram depois que um tribunal anulou
    a condenação" tells what set off the news, and the annulment is news too. "Since it
    happened" recalls it wherever it stands. A step dated this week is news wherever it stands:
    "dijo el diputado, tras presentar este martes el proyecto de ley"."""
    found = _last(_AFTER_THAT, folded, cut, start)
    if found is None or len(folded[found.end():start].split()) > _AFTER_THAT_WORDS or \
            _RECENT.search(folded, found.end(), start):
        return False
    before = folded[cut:found.start()].split()
    return found.group().startswith("desde") or len(before) <= _OPENER_WORDS or \
        bool(before) and before[-1] in _LAPSES


_OPENER_WORDS = 3  # "Siete meses después de que", "Y después de que"
_AFTER_WORDS = frozenset({"tras", "apos"})  # "after" among BACKGROUND_WORDS
_LAPSES = frozenset({"dias", "semanas", "meses", "anos", "despues", "depois", "luego", "mas",
                     "tarde", "poco", "pouco", "tempo", "tiempo"})


# A step named right after "desde" is where a lasting state began, not the news: "desde la
# suspensión, nueve víctimas esperan", "desde a aprovação da lei". Only right before the phrase:
# in "desde la semana pasada la Policía retiró la custodia" the step is the news.
SINCE_PAIRS = frozenset({("desde", "la"), ("desde", "el"), ("desde", "su"), ("desde", "sus"),
                         ("desde", "a"), ("desde", "o"), ("desde", "sua"), ("desde", "seu")})
# A reminder governs everything after it in its clause: "El Ministerio Público recuerda que en
# el primer juicio se dictó condena de 25 años", "a nota lembra que o registro foi criado".
REMINDER_PHRASES = ("recuerda que", "recordo que", "recordaron que", "recuerdan que",
                    "cabe recordar que", "vale recordar que", "como se recordara",
                    "lembra que", "lembrou que", "lembraram que", "lembram que", "recordou que",
                    "relembrou que", "vale lembrar que", "cabe lembrar que",
                    # a norm in force recalled: "la Policía recuerda la vigencia del Manual"
                    "recuerda la vigencia", "recordo la vigencia", "recuerdan la vigencia",
                    "reitera la vigencia", "reitero la vigencia", "lembra a vigencia",
                    "lembrou a vigencia", "reitera a vigencia", "reiterou a vigencia")
_REMINDER = re.compile(r"\b(?:" + "|".join(REMINDER_PHRASES) + r")\b")
# The decision an appeal attacks is an earlier step: "apelación contra el auto que dispuso la
# cesación de la detención preventiva", "recurso contra a decisão que revogou a prisão".
_APPEALED = re.compile(r"\bcontra (?:el|la|o|a) (?:auto|resolucion|sentencia|decision|fallo"
                       r"|despacho|decisao|sentenca|acordao) (?:que|de)\b")
# What an act answers is an earlier step: "La instrucción responde a la nota de la Defensoría
# que advirtió el retiro del resguardo", "em resposta ao ofício que apontou a retirada" (the
# relative clause names it; "En respuesta al pedido, el Comando restableció…" is the act itself).
_ANSWERED = re.compile(r"\b(?:en respuesta a|em resposta a|responde a|responden a|respondio a"
                       r"|respondeu a|atiende a|atendiendo a|atendendo a)\b")
# A word each match of these patterns holds ("lleg" in "llegaron a ser", "pesar" in "apesar
# de", "record" in "cabe recordar que"): a pattern is tried only where one is (``_may_match``).
_HINTS: dict[re.Pattern[str], tuple[str, ...]] = {
    _GOT_AS_FAR: ("cheg", "lleg"),
    _AFTER_A_THING: ("tras", "apos", "despues", "depois", "luego", "raiz", "pese", "pesar"),
    _AFTER_THAT: ("despues", "luego", "depois", "desde", "tras", "apos"),
    _REMINDER: ("recuerd", "record", "lembr", "reiter"),
    _APPEALED: ("contra",),
    _ANSWERED: ("respuesta", "resposta", "respond", "atiend", "atend"),
}
# An earlier one named as such: "la investigación por el retiro anterior del resguardo", "a
# anterior suspensão".
_EARLIER = frozenset({"anterior", "anteriores"})
# ... and what an inquiry is ordered into: "se instruyó además un informe sobre el retiro de la
# custodia", "pidió explicaciones por el retiro", "uma apuração sobre a retirada".
_INQUIRY_NOUNS = ("informe", "informes", "investigacion", "investigacion interna", "sumario",
                  "explicaciones", "apuracao", "relatorio", "explicacoes")
_INQUIRY_WORDS = frozenset(word for noun in _INQUIRY_NOUNS for word in noun.split())
_INQUIRY = re.compile(rf"\b(?:{'|'.join(_INQUIRY_NOUNS)}) (?:sobre|por|de|acerca de|a respeito de"
                      r"|das|dos|da|do|del)(?: (?:el|la|los|las|o|a|os|as))? ?$")
# A "when" clause after an earlier date is dated by it: "El caso tomó notoriedad en agosto de
# 2021, cuando la víctima denunció haber sido rechazada".
_WHEN = re.compile(r"\s*(?:cuando|quando)\b")
_MONTHS = "|".join(MONTH_NAMES)
# A year used as a time ("en 2022", "em 2022", "desde 2023", "en diciembre de 2021", "el 3 de
# mayo de 2021", "la de 2022"), not as part of a norm's name: "Decreto Supremo 1234 de 10 de
# mayo de 2012" and "Ley 1768 de 1997" are not matched ("de" alone does not date).
_DATED = re.compile(rf"\b(?:(?:en|em|desde|durante|in|entre|hasta|ate|mediados de|meados de"
                    rf"|fines de|finales de|principios de|inicios de|fins de|inicio de"
                    # "the one of" a year: "la de 2013 no se trató y la de 2022 fue archivada"
                    rf"|(?:el|la|los|las|o|a|os|as) de(?= (?:19|20)\d\d\b)) "
                    rf"(?:(?:{_MONTHS}) (?:de|del) )?"
                    rf"|(?:el|o|no|dia) \d{{1,2}} (?:de )?(?:{_MONTHS}) (?:de|del) )"
                    rf"(?:(?:el|la|o|a) )?(?:(?:ano|gestion) (?:de )?)?((?:19|20)\d\d)\b")
# A month without a year, later in the calendar than the document's month, is last year's:
# "O acusado foi preso em outubro" in a story of July ("en octubre" of a June document); one
# ``STALE_MONTHS`` or more before it is this year's, and as stale: "os deputados que
# apresentaram em março o projeto" in a story of August recall a step, the news is elsewhere.
# After the phrase only right after it: in "anuló la sentencia de 25 años dictada en junio
# pasado" the month dates the sentence, not its annulment.
# (also "en el mes de marzo", "no mês de março", "durante el mes de marzo")
_IN_THE_MONTH_OF = r"(?:en el|no|durante el|durante o) mes de"
_MONTH_ONLY = re.compile(rf"\b(?:en|em|durante|{_IN_THE_MONTH_OF}) ({_MONTHS})\b"
                         r"(?! (?:de|del) |proximo|que vem|que viene)")
_MONTH_AFTER_WORDS = 4  # "arquivada no Senado em outubro" (the words "el mes de" not counted)
_MONTH_OF = re.compile(rf"\b{_IN_THE_MONTH_OF}\b")
# ... or with the document's own year: "fue suspendida en enero de 2022", in March 2022
_MONTH_OF_YEAR = re.compile(rf"\b(?:en|em|{_IN_THE_MONTH_OF}) ({_MONTHS}) (?:de|del) "
                            r"((?:19|20)\d\d)\b")
STALE_MONTHS = 3
# A day and a month in the phrase's clause date its step to the day: "el 21 de agosto la FELCV
# aprehendió al denunciado", "decretou no dia 3 de setembro a prisão", "El sábado 21 de agosto,
# la Policía…". A step dated before a demand was made is no progress on it (the matcher compares
# with ``Rule.made_on``). "de 10 de mayo" after a norm's number is its name, not a time.
_WEEKDAYS = ("lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda feira|terca feira|"
             "quarta feira|quinta feira|sexta feira|segunda|terca|quarta|quinta|sexta")
# (a weekday may take a comma: "na sexta-feira, 20 de agosto")
# ... also a part of that day: "na noite de 20 de agosto", "la madrugada del 21 de agosto"
_DAY_DATED = re.compile(rf"\b(?:(?:el|del|al|o|no|dia|em|en|desde el|este|esta) |"
                        rf"(?:noche|noite|madrugada|manana|manha|tarde) (?:de|del) |"
                        rf"(?:{_WEEKDAYS})[ ,]{{1,2}})"
                        rf"(\d{{1,2}}) (?:de )?({_MONTHS})\b(?: (?:de|del) ((?:19|20)\d\d)\b)?")
# A day of this week right after the phrase dates its step to now: "retiraron el proyecto el
# lunes", "retiraram a proposta na segunda-feira (21)", "lo archivó ayer".
_TODAY_WORDS = "|".join(TODAY_WORDS)
_RECENT = re.compile(rf"\b(?:{_TODAY_WORDS}|esta semana|nesta semana|"
                     rf"(?:el|este|na|nesta|neste|no|o) (?:{_WEEKDAYS}))\b")
_RECENT_WORDS = 6
_TODAY = re.compile(rf"\b(?:{_TODAY_WORDS})\b")  # no weekday: "el lunes 20" is a day named


def _words_after(folded: str, end: int, count: int = _RECENT_WORDS) -> str:
    """The ``count`` folded words right after ``end``, where a recent day dates it."""
    return " ".join(folded[end:end + LOOKBACK_CHARS].split()[:count])
_MONTH_WORD = re.compile(rf"\b(?:{_MONTHS})\b")
_MONTH_NUMBERS = {name: number for number, names in enumerate((
    ("enero", "janeiro"), ("febrero", "fevereiro"), ("marzo", "marco"), ("abril",),
    ("mayo", "maio"), ("junio", "junho"), ("julio", "julho"), ("agosto",),
    ("septiembre", "setiembre", "setembro"), ("octubre", "outubro"), ("noviembre", "novembro"),
    ("diciembre", "dezembro")), start=1) for name in names}
# Last year, counted from the document's date: "en mayo del año pasado", "no ano passado" (a
# past step, whatever the document's year). Not "hace cuatro meses"/"há quatro meses", which
# also measures how long a state has lasted ("está fora do ar há quatro meses").
# An earlier legislature or government term is as past: "un proyecto archivado en la anterior
# legislatura", "na legislatura passada", "arquivado pela legislatura anterior", "durante la
# gestión anterior".
_RELATIVE_PAST = re.compile(r"\b(?:(?:el|del|en el|o|do|no) ano pass?ado"
                            r"|(?:la|na|a|pela) (?:anterior legislatura|legislatura (?:anterior"
                            r"|pasada|passada))|(?:la|na|a|pela) (?:anterior gestion"
                            r"|gestion anterior"
                            r"|gestao anterior)"
                            # a year or more ago: "Há um ano, a Bolívia testou", "hace dos años"
                            r"|(?:hace|ha) (?:(?:mas|mais|menos|casi|quase|cerca) (?:de )?)?"
                            r"(?:un|uno|um|dos|dois|tres|cuatro|quatro|cinco|\d+) anos?"
                            # a year the story named before: "Em setembro daquele ano", "ese
                            # mismo año"
                            r"|(?:de |d|n|en |em )?(?:aquel|ese|aquele|esse)(?: mesmo| mismo)?"
                            r" ano)\b")
# (a quotation opened after a colon is a sentence of its own: "recordó: «En la gestión 2019,
# antes de la pandemia, capacitamos…»")
_SENTENCE_MARK = re.compile(r"[.;!?\n]|:(?=\s*[«\"“])")
# A chronology entry: a line or sentence that opens with its date ("20 de agosto de 2021 — la
# policía registra el caso", "Outubro de 2022: a Comissão dá parecer favorável").
# ... after the time of day it names: "Aquella madrugada de agosto de 2021, …"
_TIME_OF_DAY = (r"(?:(?:aquella|aquel|esa|ese|la|el|aquela|aquele|naquela|naquele|na|no|em|en) "
                r"(?:madrugada|noche|tarde|manana|dia|noite|manha) (?:de|del|do|da) )")
_OPENING_DATE = re.compile(rf"\s*{_TIME_OF_DAY}?(?:\d{{1,2}} (?:de )?)?(?:{_MONTHS}) (?:de|del) "
                           rf"((?:19|20)\d\d)\b")  # used with .match(text, pos)
# ... or with a bare year and a dash or colon ("2018 — O governo começa a desenvolver …"). A
# line that opens with a date and a full stop dates every sentence of the line ("2019. El
# informe anual observa… La crisis paraliza la gestión", "Enero de 2020. La Defensoría…").
_OPENING_YEAR = re.compile(r"\s*((?:19|20)\d\d)\s*(?:[—–:-]|\.-)")  # on the original text
_LINE_YEAR = re.compile(r"\s*((?:19|20)\d\d)\s*[.—–:-]")  # on the original text
_LINE_CHARS = 1200  # how far back the line's opening is looked for
_AFTER_CHARS = 60
OPENING_CHARS = 300  # how far back a sentence's opening date is looked for
_SINCE = re.compile(rf"\bdesde (?:el |o )?(?:(?:dia )?\d{{1,2}} (?:de )?)?(?:{_MONTHS})"
                    rf"(?: (?:de|del) (?:19|20)\d\d)?$")  # used with .search(folded, lo, hi)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A participle used as an adjective and dated right after it names a step that came before the
# news: "el proyecto archivado la semana pasada en comisión", "a triagem, suspensa em maio por
# falta de verba", "el borrador validado en julio". As a main verb ("la custodia fue retirada la
# semana pasada") the same words are the news, so an auxiliary right before keeps it.
_PARTICIPLE = re.compile(r"\w+(?:ad|id)[oa]s?$|\w*suspens[oa]s?$")
_AUXILIARIES = frozenset({"fue", "fueron", "foi", "foram", "ha", "han", "he", "hemos", "sido",
                          "se", "es", "son", "esta", "estan", "era", "eran", "quedo",
                          "quedaron", "queda", "quedan", "ficou", "ficaram", "fica", "ficam",
                          "tem", "tiene", "tienen", "sera", "seran", "ser", "sendo", "siendo",
                          "estava", "estavam", "estaba", "estaban", "resulto", "resultaron"})
# Participles that date an act or a document named after the phrase: "la sentencia dictada en
# noviembre de 2023", "la resolución emitida el 3 de mayo de 2022", "o decreto publicado em 2021".
_ACT_PARTICIPLES = ("dictad", "emitid", "aprobad", "aprovad", "publicad", "promulgad", "firmad",
                    "suscrit", "ordenad", "dispuest", "pronunciad", "prolatad", "proferid",
                    "expedid", "adoptad", "sancionad", "otorgad", "concedid", "impuest",
                    "decretad", "resuelt", "registrad", "presentad", "apresentad", "assinad",
                    # an arrest's own day: "abrió investigación contra un hombre aprehendido el
                    # pasado viernes" dates the arrest, not the investigation
                    "aprehendid", "detenid", "capturad", "arrestad",
                    # a system's own start: "o sistema de registro testado em La Paz em 2024 já
                    # está em uso" dates the test, not the use
                    "testad", "probad", "implementad", "implantad", "cread", "criad",
                    "lanzad", "lançad", "instalad", "iniciad", "desarrollad", "desenvolvid",
                    "diseñad")
# The norm an act was taken by, numbered or named with its year, dates the act: "aprobado
# mediante Resolución del Comando General N° 217/2015", "aprovado pela Portaria nº 12 de 2016".
_BY_A_NORM = re.compile(
    r" +(?:mediante|por|a traves de|por medio de|por meio de|pela|pelo|segun|conforme)"
    r"(?: +(?:la|el|a|o))? +(?:resolucion|resolucao|decreto|ley|lei|portaria|instructivo"
    r"|directiva|diretiva|circular)\b(?: +[a-z]+){0,4}?(?: +(?:n|no|nro|numero))?"
    r"(?: +\d{1,5})? +(?:de +)?((?:19|20)\d\d)\b")
_LAST_WEEK = re.compile(rf"(?:la semana pasada|el mes pasado|(?:na )?semana passada"
                        rf"|(?:no )?mes passado|(?:en|em) ({_MONTHS})\b(?! (?:de|del) \d"
                        rf"|proximo|que vem|que viene))")


# A norm's preamble recites the acts it rests on ("VISTO: el proyecto de ordenanza que propone
# la derogación…; CONSIDERANDO: Que la Ley N° 4933/13 faculta…") before its operative part
# ("DECRETA:", "RESUELVE:", "ACORDÓ:", "ha dado la Ordenanza siguiente"). Written in capitals
# or opening a sentence, as gazettes print them.
_PREAMBLE = re.compile(r"(?<![^\s.;:])(?:VISTOS?|CONSIDERANDOS?|POR CUANTO|Visto|Vistos"
                       r"|Considerando|Por cuanto)\s*[:;,]")
_PREAMBLE_WORDS = ("VISTO", "Visto", "CONSIDERANDO", "Considerando", "CUANTO", "cuanto")
_ENACTING = ("POR CUANTO", "Por cuanto")  # the headings of a law's enacting formula
_OPERATIVE = re.compile(  # (the first lookahead lets the engine skip to a possible word)
    r"(?=[DRAOSEhP])(?:\b(?:DECRETA|DECRETAN|RESUELVE|RESUELVEN|RESOLVE|RESOLVEM|ACUERDA"
    r"|ACORDO|ACORDÓ"
    r"|ORDENA|DISPONE|DISPÕE|SANCIONA|SANCIONAN|DECRETO|RESOLUÇÃO)\s*:|\bha dado la"
    # Ecuador's: "EL PLENO, CONSIDERANDO: … EXPIDE la siguiente LEY"
    r"|\bEXPIDE\b|\b[Ee]xpide la siguiente\b"
    r"|\bha aprobado lo siguiente|\bPOR TANTO\b|\bPor tanto\b|\bPor ello\b|\bPOR ELLO\b"
    r"|\bEn consecuencia\b|\bEN CONSECUENCIA\b)")


def preambles(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each norm preamble in ``text``: from a VISTO/CONSIDERANDO heading to
    the operative words that end it (or the end of the text)."""
    spans: list[tuple[int, int]] = []
    if not any(word in text for word in _PREAMBLE_WORDS):  # most texts: no regex pass at all
        return spans
    position = 0
    while (heading := _PREAMBLE.search(text, position)) is not None:
        operative = _OPERATIVE.search(text, heading.end())
        # with no operative part after it, a "Visto"/"Considerando" in lower case opens no
        # preamble (one in capitals does: an excerpt that stops before RESUELVE): a bulletin's
        # "Vistos:" heads its news on visas. A law's "Por cuanto" runs into the law itself.
        if operative is None and not heading.group().isupper() and \
                not enacts_a_law(text, heading.start()):
            break
        end = operative.start() if operative else len(text)
        spans.append((heading.start(), end))
        position = max(end, heading.end())
    return spans


def enacts_a_law(text: str, start: int) -> bool:
    """The preamble opening at ``start`` (``preambles``) is a law's enacting formula ("Por
    cuanto, la Asamblea … ha sancionado la siguiente Ley, que es promulgada …"), whose acts
    are the law's own, not a norm's motives (VISTO, CONSIDERANDO)."""
    return text.startswith(_ENACTING, start)


def operative_start(text: str, lo: int, hi: int) -> int:
    """Where the operative part that ``text[lo:hi]`` enters begins: the end of the last
    operative word ("DECRETA:", "RESUELVE:") in that slice, or ``lo``. What the preamble said
    ("sanciones que podrían ser dejadas sin efecto; DECRETA: Artículo Primero.- SUSPENDER")
    does not hedge the article's act."""
    ends = [found.end() for found in _OPERATIVE.finditer(text, lo, hi)]
    return ends[-1] if ends else lo


def in_preamble(text: str, start: int, spans: list[tuple[int, int]] | None = None) -> bool:
    """``start`` lies in a norm's preamble (``spans``: ``preambles(text)``, if known)."""
    return any(lo <= start < hi for lo, hi in (preambles(text) if spans is None else spans))


# A pluperfect dated to a day of the document's own month is this month's news: "O projeto
# havia sido aprovado na comissão em 15 de julho" in a story of 25 July.
PLUPERFECT_WORDS = frozenset({"habia", "habian", "havia", "haviam", "tinha", "tinham"})
_PLUPERFECT_DAY_WORDS = 8


def _dated_this_month(folded: str, end: int, month: int | None) -> bool:
    """A day of ``month`` (the document's) is named in the few words after ``end``."""
    if month is None:
        return False
    found = _DAY_DATED.search(_words_after(folded, end, _PLUPERFECT_DAY_WORDS))
    return found is not None and _MONTH_NUMBERS.get(found.group(2)) == month


# A review of a period ("Retrospectiva 2024", "Balance 2022", "Un año después de la fuga",
# "Resumen de julio", "informe de gestión", "Informe del segundo semestre 2021") reports every
# step of it: a month months back is no staler than the rest of its news (an earlier year still
# is, but the year the title names, up to the year before the document's: ``reviewed_from``).
_YEARS = (r"(?:un|um|dos|dois|tres|cuatro|quatro|cinco|seis|siete|sete|\d{1,2}) anos?"
          r"(?: y medio| e meio)?")
_REVIEW = re.compile(rf"\b(?:retrospectiva|balance|balanco"
                     # a week's or a day's round-up is no review: its months stay stale
                     rf"|resumen(?! (?:semanal|diario|de la semana|del dia))"
                     rf"|resumo(?! (?:semanal|diario|da semana|do dia))"
                     rf"|informe (?:anual )?de gestion|informe anual|relatorio anual|memoria anual"
                     rf"|(?:informe|relatorio|reporte)(?: del?| do)? (?:(?:primer|segundo|tercer"
                     rf"|cuarto|primeiro|terceiro|quarto) )?(?:semestre|trimestre|semestral"
                     rf"|trimestral)"
                     rf"|rendicion (?:publica )?de cuentas|{_YEARS} (?:despues|depois|apos)"
                     rf"|a un ano de|um ano de|(?:lo )?que paso con|o que mudou|lo que se movio"
                     rf"|lo que avanzo|o que avancou)\b"
                     # opening the title: "A cuatro años de la fuga", "Há dois anos do caso"
                     rf"|^ *(?:a |ha )?{_YEARS} d[eo]\b")


def reviewed_from(folded_title: str, year: int | None) -> int | None:
    """The first year of the period the document reviews, when its title (folded) announces a
    review: the earliest year the title names up to the document's own ``year``, but no earlier
    than the year before it ("Informe de gestión 2022" in January 2023 reviews 2022; a
    "Rendición de cuentas 2019–2020" of March 2021, 2020: what was done two years back is as
    old as in any other story), else ``year``; None when the title announces no review."""
    if _REVIEW.search(folded_title) is None or year is None:
        return None
    named = [int(found) for found in _TITLE_YEAR.findall(folded_title) if int(found) <= year]
    return max(min(named, default=year), year - 1)


_TITLE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _recent_month_after(after: str, year: int, month: int | None) -> bool:
    """A month of the last ``STALE_MONTHS`` right after the phrase, alone ("fue retirada en
    junio") or with the document's year ("fue suspendida en enero de 2022"); any month of the
    year when ``month`` is None (a review of a period, where no month is stale)."""
    def recent(named: str) -> bool:
        return month is None or 0 <= month - _MONTH_NUMBERS[named] < STALE_MONTHS
    words = _month_words(after)
    return any(recent(found.group(1))
               for found in _MONTH_ONLY.finditer(" ".join(words[:_MONTH_AFTER_WORDS]))) or \
        any(int(found.group(2)) == year and recent(found.group(1))
            for found in _MONTH_OF_YEAR.finditer(" ".join(words[:_MONTH_AFTER_WORDS + 2])))


def _answered(folded: str, cut: int, start: int) -> bool:
    """The phrase is in the relative clause of what an act answers (``_ANSWERED``)."""
    found = _search(_ANSWERED, folded, cut, start)
    return found is not None and folded.find(" que ", found.end(), start) != -1


def _called_earlier(folded: str, span: tuple[int, int], before: list[str]) -> bool:
    """The phrase's step is called the earlier one ("el retiro anterior", "la anterior
    suspensión"), or is what an inquiry looks into ("un informe sobre el retiro")."""
    after = folded[span[1]:span[1] + LOOKBACK_CHARS].split()
    return bool(before) and before[-1] in _EARLIER or bool(after) and after[0] in _EARLIER or \
        not _INQUIRY_WORDS.isdisjoint(before[-4:]) and \
        _INQUIRY.search(" ".join(before[-4:])) is not None


def _month_words(after: str) -> list[str]:
    """The words of ``after`` with "el mes de" (en el mes de marzo) read as "en" (en marzo),
    so that a month counts its words alike both ways."""
    return (_MONTH_OF.sub("en", after) if " mes de " in after else after).split()


def is_background(text: str, folded: str, span: tuple[int, int], *,
                  year: int | None, month: int | None = None) -> bool:
    """The phrase at ``span`` recalls an earlier step: a background cue just before it in its
    clause, or an earlier year than ``year`` (the document's; a month later than ``month``
    named without a year is last year's) dating its clause."""
    cut = clause_start(text, span[0])
    before = folded[cut:span[0]].split()[-BACKGROUND_LOOKBACK_WORDS:]
    if any(w in BACKGROUND_WORDS and not (i and before[i - 1] == "por" and w in CLOSED_WORDS)
           and not (w in PLUPERFECT_WORDS and _dated_this_month(folded, span[1], month))
           and not (w in _AFTER_WORDS and _RECENT.search(" ".join(before[i + 1:])))
           for i, w in enumerate(before)) or _recalled_after_that(folded, cut, span[0]) or \
            _got_as_far(folded, cut, span) or \
            _after_a_step(before) or _after_a_span_of(folded, cut, span[0]) or \
            _search(_REMINDER, folded, cut, span[0]) or \
            _search(_APPEALED, folded, cut, span[0]) or \
            _answered(folded, cut, span[0]) or _called_earlier(folded, span, before) or \
            _after_a_thing_that(text, folded, cut, span[0]) or \
            is_dated_attribute(folded, span, month=month) or _since_when(text, folded, cut) or \
            tuple(before[-2:]) in SINCE_PAIRS or \
            not before and _in_a_pluperfect_list(text, folded, cut, span) or \
            _began_as(folded, span) or _what_it_began_as(folded, span[0]):
        return True
    if any(folded.find(words, cut, span[1]) != -1 for words in _NO_LONGER) or \
            is_no_longer_after(text, span[1], folded):
        # "ya no cuenta con el resguardo", "el resguardo asignado en 2021 ya no se encontraba
        # presente": now, whatever year its subject names
        return False
    window = (max(0, span[0] - LOOKBACK_CHARS), span[1] + _AFTER_CHARS)
    if year is not None and _by_an_earlier_norm(folded, span, year):
        return True
    if year is None:
        return False
    if not (_YEAR.search(folded, *window) or _RELATIVE_PAST.search(folded, *window) or
            month is not None and _MONTH_ONLY.search(folded, *window)):
        # no date anywhere near: only the opening of a long sentence can date the phrase
        return _YEAR.search(folded, max(0, span[0] - OPENING_CHARS), span[0]) is not None \
            and _opens_with_earlier_date(text, folded, span[0], year)
    if month is not None and month <= _CLOSING_MONTHS and \
            _reports_the_year_closed(folded, _lead(text, folded, cut), span[1] + _AFTER_CHARS,
                                     year) and \
            _MONTH_WORD.search(folded, cut, span[0]) is None:
        # in its own clause or a short one before it: "informa que durante la gestión 2021 se
        # otorgaron…", "informa que, durante la gestión 2022, otorgó…", in January (but "a) en
        # el mes de enero se capacitó…" is dated to that month of that year)
        return False
    after = _clause_after(text, folded, span[1], relative=True,
                          acts_on=_opens_with_a_done_verb(text, folded, span))
    # "que presentaron en marzo el proyecto lo retiraron el lunes": the month dates the relative
    recent = _RECENT.search(" ".join(after.split()[:_RECENT_WORDS])) is not None
    # "la custodia … para la trabajadora sexual que escapó en 2021 fue retirada en junio": a
    # recent month right after the phrase dates it, not the year of the clause before
    dated_after = _recent_month_after(after, year, month)
    return not dated_after and _dated_before(folded[cut:span[0]], year,
                                             None if recent else month) or \
        _dated_before(after, year) or \
        _dated_before(" ".join(_month_words(after)[:_MONTH_AFTER_WORDS]), year,
                      None if _future_after(text, span[1]) or _future_before(text, span[0]) or
                      _future_within(text, span) else month) or \
        _dated_before(_leading_clause(text, folded, cut), year, month) or \
        _dated_before(_interrupted_clause(text, folded, cut, span[0]), year, month) or \
        _opens_with_earlier_date(text, folded, span[0], year) or \
        _when_after_a_date(text, folded, cut, year) or \
        _apposed_to_a_dated_clause(text, folded, cut, span, year) or \
        _in_a_narratives_earlier_year(text, folded, (cut, span[0]), after, year)


NARRATIVE_CHARS = 250
_LEAD_WORDS = 5


def _in_a_narratives_earlier_year(text: str, folded: str, before: tuple[int, int], after: str,
                                  year: int) -> bool:
    """A month named alone dates the phrase (in its clause ``before`` it, in a short clause
    just before that, or right ``after`` it) and the story last opened a sentence or clause
    with an earlier year, within ``NARRATIVE_CHARS`` before: in "En marzo de 2022 lo
    condenaron; en junio, la Sala anuló la sentencia. En diciembre salió libre", June and
    December are 2022's (a year inside a clause, "aprobado por los diputados en 2024", "las
    víctimas atendidas en 2022", dates that clause only)."""
    cut = before[0]
    lead = _lead(text, folded, cut)
    if not (_MONTH_ONLY.search(folded, lead, before[1]) or
            _MONTH_ONLY.search(" ".join(_month_words(after)[:_MONTH_AFTER_WORDS]))):
        return False
    years = [int(found.group(1))
             for found in _DATED.finditer(folded, max(0, lead - NARRATIVE_CHARS), lead)
             if text[max(0, found.start() - 8):found.start()].rstrip(" \t")[-1:] in _OPENING_MARKS]
    return bool(years) and years[-1] < year


def _lead(text: str, folded: str, cut: int, words: int = _LEAD_WORDS) -> int:
    """Where the clause opening at ``cut`` begins with the short clause before it (at most
    ``words``, after a comma: "En junio, la Sala anuló…"), or ``cut``."""
    lead = clause_start(text, cut - 1) if cut >= 2 and text[cut - 1] == "," else cut
    return cut if len(folded[lead:cut].split()) > words else lead


_OPENING_MARKS = ("", ".", ";", ":", "!", "?", "\n")


# A clause that says "no longer" says how things stand now: in "la trabajadora sexual que escapó
# en agosto de 2021 ya no cuenta con el resguardo policial" the year is the escape's.
_NO_LONGER = (" ya no ", " ja nao ")


# A section that recites the case so far: a court record's or a resolution's "I. ANTECEDENTES.",
# "Antecedentes:", a Brazilian judgment's "RELATÓRIO" or "Histórico:" (``sections``; it also
# ends at the operative words). "tiene como antecedentes la imputación…" recites the rest of its
# sentence.
_RECITAL_HEADING = heading(r"(?:ANTECEDENTES?|Antecedentes?|HIST[ÓO]RICO|Hist[óo]rico"
                           r"|RELAT[ÓO]RIO)(?:[ \t]+(?:DEL CASO|del caso|DO CASO|do caso))?")
_RECITAL_HINTS = ("ntecedente", "NTECEDENTE", "istórico", "ISTÓRICO", "istorico", "ISTORICO",
                  "RELATÓRIO", "RELATORIO")
_RECITES = re.compile(r"\b(?:como|entre (?:los|sus|os|seus)) antecedentes?\b")
# A chronology (three or more entries, each opening a line or a sentence with its date and a dash
# or colon: "19 de janeiro de 2022 — O acusado é solto", "… em El Abra. 16 de novembro — A
# Defensoria denuncia…") tells its news in its latest entries; an entry more than
# ``STALE_ENTRY_DAYS`` older than the latest one is the story so far. An entry without a year
# takes the last one named before it (the next, when its month comes earlier than the last
# entry's); entries before any year are not dated. Read on the original text (dashes).
_ENTRY = re.compile(
    rf"(?:^|(?<=[.;!?»”\"]) )[ \t]*(\d{{1,2}}) (?:de )?({_MONTHS.replace('marco', 'mar[cç]o')})"
    rf"(?: (?:de|del) ((?:19|20)\d\d))?(?:,? ?\d{{1,2}}[:h]\d\d)?[ \t]*(?:[—–:]|-(?!\w)|(\.)(?= ))",
    re.MULTILINE | re.IGNORECASE)
# ... also with a numeric date, as legislative tracking sheets print them: "21/04/2022 –
# Presentación del proyecto", "03.05.2022: Remisión a la Comisión".
_NUMERIC_ENTRY = re.compile(
    r"(?:^|(?<=[.;!?»”\"]) )[ \t]*(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)[ \t]*"
    r"(?:[—–:]|-(?!\w))", re.MULTILINE)
_ENTRY_MARKS = ("—", "–", ":", "\n", " - ")
CHRONOLOGY_ENTRIES = 3
STALE_ENTRY_DAYS = 31


def recital_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text`` that only recite earlier steps: background
    sections ("ANTECEDENTES") and a chronology's entries older than its news."""
    spans = headed_sections(text, _RECITAL_HEADING, (_OPERATIVE,)) \
        if any(hint in text for hint in _RECITAL_HINTS) else []
    return spans + _stale_entries(text)


def _stale_entries(text: str) -> list[tuple[int, int]]:
    if sum(text.count(mark) for mark in _ENTRY_MARKS) < CHRONOLOGY_ENTRIES:
        return []  # most texts: too few dashes, colons and lines for a chronology
    dated = _named_entries(text) or _numeric_entries(text)
    if len(dated) < CHRONOLOGY_ENTRIES:
        return []
    entries: list[tuple[int, int, date]] = []
    for number, (start, day) in enumerate(dated):
        line_end = text.find("\n", start)
        end = dated[number + 1][0] if number + 1 < len(dated) else \
            (len(text) if line_end < 0 else line_end)
        if day is not None:
            entries.append((start, end, day))
    if len(entries) < CHRONOLOGY_ENTRIES:
        return []
    latest = max(day for _, _, day in entries)
    return [(start, end) for start, end, day in entries
            if (latest - day).days > STALE_ENTRY_DAYS]


def _named_entries(text: str) -> list[tuple[int, date | None]]:
    """Where each entry dated with a month's name starts, and its day (None when no year is
    known yet or there is no such day)."""
    found = [entry for entry in _ENTRY.finditer(text)
             # a full stop ends a date only at a line's start ("15 de septiembre de 2021. El…")
             if entry.group(4) is None or entry.start() == 0 or text[entry.start() - 1] == "\n"]
    if len(found) < CHRONOLOGY_ENTRIES:
        return []
    entries: list[tuple[int, date | None]] = []
    year, month = None, 0
    for entry in found:
        named = _MONTH_NUMBERS[entry.group(2).lower().replace("ç", "c")]
        if entry.group(3):
            year = int(entry.group(3))
        elif year is not None and named < month:
            year += 1  # "16 de novembro — … 3 de fevereiro —": the next year
        month = named
        entries.append((entry.start(), _day(year, named, int(entry.group(1)))))
    return entries


def _numeric_entries(text: str) -> list[tuple[int, date | None]]:
    """... and each entry dated with numbers, day first ("21/04/2022 –")."""
    return [(entry.start(), _day(int(entry.group(4)), int(entry.group(3)), int(entry.group(1))))
            for entry in _NUMERIC_ENTRY.finditer(text)]


def _day(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "31 de junio", "14/13/2022": no such day


def recites(text: str, folded: str, span: tuple[int, int]) -> bool:
    """The phrase's sentence names what follows as the case's antecedents before it ("el
    proceso tiene como antecedentes la imputación formal…, la detención preventiva…")."""
    marks = list(_SENTENCE_MARK.finditer(text, max(0, span[0] - _LINE_CHARS), span[0]))
    return _RECITES.search(folded, marks[-1].end() if marks else 0, span[0]) is not None


_FUTURE_VERB = re.compile(r"\w(?:rá|rán|rão|rã)\b")


def _future_after(text: str, end: int) -> bool:
    """A future verb among the words right after the phrase: "continuará en junio" is next
    June, not last year's."""
    return _FUTURE_VERB.search(" ".join(text[end:end + _AFTER_CHARS].split()[:2])) is not None


FUTURE_BEFORE_WORDS = 3


def _future_before(text: str, start: int) -> bool:
    """... or among the words right before it: "deberá presentar la malla curricular en
    junio" is this June's."""
    before = text[max(0, start - _AFTER_CHARS):start].split()[-FUTURE_BEFORE_WORDS:]
    return _FUTURE_VERB.search(" ".join(before)) is not None


def _future_within(text: str, span: tuple[int, int]) -> bool:
    """... or the phrase's own last word: "se realizará en octubre"."""
    return _FUTURE_VERB.search(" ".join(text[span[0]:span[1]].split()[-1:])) is not None


def in_a_present_state(clause: list[str]) -> bool:
    """A present-state word among the last words of the phrase's clause (``cues.clause_words``,
    which the matcher has already split): "el agresor se encuentra con detención preventiva",
    "la víctima permanece bajo custodia" (a state, not a new step)."""
    first = max(0, len(clause) - BACKGROUND_LOOKBACK_WORDS)
    return any(word in PRESENT_STATE_WORDS and not _continuous(clause, i) and
               clause[i + 1:i + 2] != ["para"]  # "o texto segue para a Câmara": a step
               for i, word in enumerate(clause[first:], first))


# "continua" after a noun of action is the adjective: "formación continua", "formação contínua"
# (a programme of lasting training, not a state that lasts).


def _continuous(clause: list[str], i: int) -> bool:
    return clause[i].startswith("continu") and i > 0 and \
        clause[i - 1].endswith(ACTION_NOUN_ENDINGS)


_AGENT = re.compile(r"(?:por(?: el| la| los| las)?|pelo|pela|pelos|pelas) \w+ (?:de \w+ )?")


def is_dated_attribute(folded: str, span: tuple[int, int], *, month: int | None) -> bool:
    """The phrase ends in a participle used as an adjective (no auxiliary right before it)
    and dated right after it by "la semana pasada", "el mes pasado" or an earlier month of the
    document's year ("en julio" in an October document): a step that came before the news."""
    words = folded[span[0]:span[1]].split()
    before = folded[max(0, span[0] - 40):span[0]].split()[-1:]
    if not words or not _PARTICIPLE.match(words[-1]) or (before and before[0] in _AUXILIARIES):
        return False
    if folded[span[1]:span[1] + 1] != " ":
        return False
    found = _LAST_WEEK.match(folded, span[1] + 1)
    agent = _AGENT.match(folded, span[1] + 1) if found is None else None
    if agent is not None:  # "a redação aprovada pelos deputados em abril"
        found = _LAST_WEEK.match(folded, agent.end())
    if found is None:
        return False
    named = found.group(1)
    return named is None or (month is not None and _MONTH_NUMBERS[named] < month)


def _by_an_earlier_norm(folded: str, span: tuple[int, int], year: int) -> bool:
    """The phrase is an act's participle taken by a norm of an earlier year (``_BY_A_NORM``)."""
    words = folded[span[0]:span[1]].split()
    if not words or not words[-1].startswith(_ACT_PARTICIPLES):
        return False
    found = _BY_A_NORM.match(folded, span[1])
    return found is not None and int(found.group(1)) < year


# A span that runs into the document's year dates nothing before it: "entre octubre de 2021 y
# febrero de 2022 se capacitó a 340 servidores", in March 2022, reports the latest months.
_SPAN_INTO = re.compile(rf"\b(?:entre|de|desde) (?:(?:{_MONTHS}) (?:de|del) )?(?:19|20)\d\d "
                        rf"(?:y|e|a|hasta|ate) (?:(?:{_MONTHS}) (?:de|del) )?((?:19|20)\d\d)\b")


# A case named by when it began: the date names the case, not the act told of it: "el
# Tribunal declaró autor … al acusado en el caso iniciado en agosto de 2021 y le impuso la pena"
# (in 2025).
_BEGUN_IN = re.compile(rf"\b(?:caso|causa|proceso|processo|expediente|investigacion|investigacao) "
                       rf"(?:iniciad[oa]|abiert[oa]|abert[oa]|radicad[oa]|instaurad[oa]) "
                       rf"(?:en|em|el|o|no) (?:\d{{1,2}} (?:de )?)?(?:(?:{_MONTHS}) (?:de|del) )?"
                       rf"(?:19|20)\d\d\b")


def _dated_before(folded_piece: str, year: int, month: int | None = None) -> bool:
    if "20" in folded_piece:
        folded_piece = _SPAN_INTO.sub(lambda found: "" if int(found.group(1)) >= year
                                      else found.group(), folded_piece)
        folded_piece = _BEGUN_IN.sub("", folded_piece)
    return any(int(found.group(1)) < year for found in _DATED.finditer(folded_piece)) or \
        _RELATIVE_PAST.search(folded_piece) is not None or \
        month is not None and any(not 0 <= month - _MONTH_NUMBERS[found.group(1)] < STALE_MONTHS
                                  for found in _MONTH_ONLY.finditer(folded_piece))


# A sentence that opens some days later than the one before it shares that one's date.
_DAYS_LATER = re.compile(r"(?:(?:unos|unas|alguns|algumas|pocos|poucos|dos|tres|dois|\d+) )?"
                         r"(?:horas|dias|semanas) (?:despues|mas tarde|depois|mais tarde)\b")


def _opens_with_earlier_date(text: str, folded: str, start: int, year: int) -> bool:
    """The sentence opens with an earlier date, which dates all of it: a chronology entry
    ("Marzo de 2021: …", "2018 — …") or a time adverbial ("Em 2018, o governo anunciou, em
    parceria com…, o início do desenvolvimento…")."""
    marks = list(_SENTENCE_MARK.finditer(text, max(0, start - OPENING_CHARS), start))
    opening = marks[-1].end() if marks else max(0, start - OPENING_CHARS)
    while opening < start and folded[opening] == " ":
        opening += 1
    if _RELATIVE_PAST.match(folded, opening, start):
        return True
    if marks and _DAYS_LATER.match(folded, opening, start):
        # "Aquella madrugada de agosto de 2021, …; días después, … el caso fue recalificado"
        return _opens_with_earlier_date(text, folded, marks[-1].start(), year)
    into = _SPAN_INTO.match(folded, opening, start)
    if into is not None and int(into.group(1)) >= year:
        return False
    found = _OPENING_DATE.match(folded, opening, start) or \
        _DATED.match(folded, opening, start) or _OPENING_YEAR.match(text, opening, start) or \
        _when_dated(folded, opening, start)
    if found is not None and start - found.end() > LOOKBACK_CHARS and \
            (_YEAR.search(folded, found.end(), start) or
             _RECENT.search(folded, found.end(), start)):
        found = None  # a long sentence that names another time before the phrase
    return found is not None and int(found.group(1)) < year or \
        _line_opens_with_earlier_date(text, folded, start, year)


# A sentence that opens with a "when" clause is as old as the date that clause names within its
# first words: "Quando o Departamento de Estado publicou, em junho de 2020, seu relatório, a
# Bolívia subiu para o Nível 2".
WHEN_DATE_WORDS = 12


def _when_dated(folded: str, opening: int, start: int) -> re.Match[str] | None:
    """The first date of a sentence that opens with "cuando"/"quando", within its first
    ``WHEN_DATE_WORDS`` words (and before ``start``)."""
    when = _WHEN.match(folded, opening, start)
    if when is None:
        return None
    ends = [word.end() for word in itertools.islice(
        _WORD_RUN.finditer(folded, when.end(), start), WHEN_DATE_WORDS)]
    return _DATED.search(folded, when.end(), ends[-1]) if ends else None


_WORD_RUN = re.compile(r"\S+")


def _line_opens_with_earlier_date(text: str, folded: str, start: int, year: int) -> bool:
    line = text.rfind("\n", max(0, start - _LINE_CHARS), start) + 1
    if line == 0:
        return False  # no line break near: no chronology line
    found = _LINE_YEAR.match(text, line, start) or _OPENING_DATE.match(folded, line, start)
    return found is not None and int(found.group(1)) < year


_BARE_YEAR = re.compile(r"\b((?:19|20)\d\d)$")


def _when_after_a_date(text: str, folded: str, cut: int, year: int) -> bool:
    """The clause opens with "cuando"/"quando" and the clause before it ends with an earlier
    date ("… en agosto de 2021, cuando la víctima denunció …", "respecto de 2023, cuando
    verificó la ausencia de resguardo": a year alone)."""
    if cut < 2 or text[cut - 1] != "," or not _WHEN.match(folded, cut):
        return False
    found = list(_DATED.finditer(folded, max(0, cut - 40), cut - 1))
    if found and found[-1].end() == cut - 1:
        return int(found[-1].group(1)) < year
    bare = _BARE_YEAR.search(folded, max(0, cut - 6), cut - 1)
    return bare is not None and int(bare.group(1)) < year


def _apposed_to_a_dated_clause(text: str, folded: str, cut: int, span: tuple[int, int],
                               year: int) -> bool:
    """A participle opening its clause after a comma describes the noun before it, and an
    earlier year in that clause dates it too: in "cuenta desde 2015 con el Manual de Derechos
    Humanos, aprobado por Resolución de Comando" the approval is as old as the manual. A
    recent day right after it ("aprobado ayer") makes it news."""
    first = folded[span[0]:span[1]].split()[:1]
    if cut != span[0] and folded[cut:span[0]].strip() or cut < 2 or text[cut - 1] != "," or \
            not first or not first[0].endswith(PARTICIPLE_ENDINGS) or \
            _RECENT.search(_words_after(folded, span[1])):
        return False
    return _dated_before(folded[clause_start(text, cut - 1):cut - 1], year)


def _since_when(text: str, folded: str, cut: int) -> bool:
    """The clause opens with "cuando"/"quando" right after "desde" and a date: a state has
    lasted since that step ("está em liberdade desde fevereiro, quando um juiz revogou a prisão
    preventiva"), whatever the year."""
    return cut >= 2 and text[cut - 1] == "," and _WHEN.match(folded, cut) is not None and \
        _SINCE.search(folded, max(0, cut - 40), cut - 1) is not None


def _opens_with_a_done_verb(text: str, folded: str, span: tuple[int, int]) -> bool:
    """The phrase opens with a finished verb and goes on to its object ("revogou a
    suspensão")."""
    words = folded[span[0]:span[1]].split()
    return len(words) > 1 and is_done_verb(words[0], text[span[0]:span[0] + len(words[0])])


def _clause_after(text: str, folded: str, end: int, *, relative: bool = False,
                  acts_on: bool = False) -> str:
    """The phrase's clause after it, up to a participle that a later date would date instead:
    in "anuló la sentencia de 25 años dictada en noviembre de 2023" the year dates the
    sentence, not its annulment. ``relative``: up to a relative clause too, whose year dates
    its own verb: in "el proyecto de reconocimiento del trabajo sexual que una diputada
    presentó en 2023 fue archivado" the year dates the filing (a day there still dates the
    step: "rechazaron la denuncia de una compañera que logró escapar el viernes 20").
    ``acts_on``: the phrase ends in its verb's object, so a participle right after it describes
    that object: in "revogou a suspensão decretada em dezembro" December dates the suspension."""
    mark = next_clause_mark(text, end, end + _AFTER_CHARS)
    after = folded[end:end + _AFTER_CHARS if mark is None else mark]
    words = after.split()
    for i, word in enumerate(words):
        if (i or acts_on) and (relative and word == "que" or
                               word.startswith(_ACT_PARTICIPLES) and
                               word.endswith(("o", "a", "os", "as"))):
            return " " + " ".join(words[:i])
    return after


_PLUPERFECT = frozenset({"habia", "habian", "havia", "haviam", "tinha", "tinham"})
LIST_CLAUSES = 4  # "había sido presentado en 2019, aprobado en Diputados, archivado en…"


def _in_a_pluperfect_list(text: str, folded: str, cut: int, span: tuple[int, int]) -> bool:
    """A participle opening its clause after a comma, in a list of participles that a
    pluperfect governs: in "La reforma había sido aprobada por Diputados en agosto, rechazada
    en una primera votación del Senado" the rejection is as past as the passage. A recent day
    right after it ("rechazada ayer") makes it news."""
    first = folded[span[0]:span[1]].split()[:1]
    if not first or not first[0].endswith(PARTICIPLE_ENDINGS) or \
            _RECENT.search(_words_after(folded, span[1])):
        return False
    for words in clauses_before(text, folded, cut, limit=LIST_CLAUSES):
        if not _PLUPERFECT.isdisjoint(words):
            return True
        if not words or not words[0].endswith(PARTICIPLE_ENDINGS):
            return False
    return False


def _leading_clause(text: str, folded: str, cut: int) -> str:
    """The clause before the phrase's clause when it only dates it: "En 2022, el Senado…",
    "a primeira, em 2022, acabou rejeitada" (a short clause opening with a time word)."""
    if cut < 2 or text[cut - 1] != ",":
        return ""
    start = clause_start(text, cut - 1)
    piece = folded[start:cut - 1]
    words = piece.split()
    return piece if 0 < len(words) <= 5 and (_DATED.match(" ".join(words)) or
                                             _RELATIVE_PAST.search(piece)) else ""


def _interrupted_clause(text: str, folded: str, cut: int, start: int) -> str:
    """The clause a parenthetical interrupts before the phrase, whose date dates it too: "en
    2018 se inició, con apoyo de un organismo internacional, el desarrollo de una base de
    datos" (``cues.interrupted_clause``)."""
    outer = interrupted_clause(text, folded, cut, start)
    return "" if outer is None else folded[outer[0]:outer[1]]


# A weekday named as a past day: "aprehendido el pasado viernes", "preso no último sábado",
# "detido na sexta-feira" (folded "sexta feira").
_DAY_NAMES = DAY_NAMES
_DIAS = ("segunda feira", "terca feira", "quarta feira", "quinta feira", "sexta feira", "sabado",
         "domingo")
_WEEKDAY_NUMBERS = {name: number for names in (_DAY_NAMES, _DIAS)
                    for number, name in enumerate(names)}
_PAST_WEEKDAY = re.compile(
    r"\b(?:el|este|o|no|na|nesta|neste)(?P<last> pasado| passado| ultimo| ultima)? "
    rf"(?P<day>{'|'.join(_WEEKDAY_NUMBERS)})(?P<after> pasado| passado)?\b")
# A day named with its number ("21 de agosto", "martes 14", "dia 3"): no digit, no such day.
_NUMBERED_DAY = re.compile(rf"\b\d{{1,2}} (?:de )?(?:{_MONTHS})\b|\b(?:{_WEEKDAYS}) \d"
                           r"|\bdia \d")
_DIGIT = re.compile(r"\d")
# ... or a past weekday (``_PAST_WEEKDAY``), looked for only where a weekday's name stands: its
# opener must end right before the name.
_WEEKDAY_NAMES = Hints(_WEEKDAY_NUMBERS)
_WEEKDAY_OPENER = re.compile(r"\b(?:el|este|o|no|na|nesta|neste)(?: pasado| passado| ultimo"
                             r"| ultima)? $")
_OPENER_CHARS = 16  # "neste passado " and a little more


def mentions_a_day(folded: str) -> bool:
    """Whether a folded field names a day, or a month of a year, anywhere (``step_date`` is
    then worth asking): a numbered day or a month of a year (each needs a digit), or a past
    weekday. What one search of ``_NUMBERED_DAY | _PAST_WEEKDAY`` and ``_MONTH_DATED`` finds,
    without their scans of every character of a text that holds no digit."""
    if _DIGIT.search(folded) is not None and (_NUMBERED_DAY.search(folded) is not None or
                                              _MONTH_DATED.search(folded) is not None):
        return True
    return any(_WEEKDAY_OPENER.search(folded, max(0, start - _OPENER_CHARS), start)
               for start, _ in _WEEKDAY_NAMES.word_spans(folded))


def step_date(text: str, folded: str, span: tuple[int, int], *,
              published_on: date) -> date | None:
    """The day the phrase's step is dated to in its clause (before it, or right after it up to
    an act's participle) or in a short clause just before ("El 21 de agosto, la Policía…");
    without a year, the document's, or the year before when that day would come after the
    document. None when the clause names no day, or when "hoy", "ayer" right after the phrase
    date it to now ("fue puesto en libertad el día de hoy": the 21 de agosto before it is the
    arrest's)."""
    lo = max(0, span[0] - LOOKBACK_CHARS)
    if _MONTH_WORD.search(folded, lo, span[1] + _AFTER_CHARS) is None:  # most phrases
        return _line_day(text, folded, span[0], published_on) or \
            _bare_day(text, folded, span, published_on) or \
            _weekday(text, folded, span, published_on) or \
            _that_day(text, folded, span, clause_start(text, span[0]), published_on)
    if _TODAY.search(_words_after(folded, span[1])):
        return None
    cut = clause_start(text, span[0])
    found = _in_its_clause(_DAY_DATED, text, folded, span)
    if found is None:
        return _line_day(text, folded, span[0], published_on) or \
            _bare_day(text, folded, span, published_on) or \
            _weekday(text, folded, span, published_on) or \
            _month_end(_MONTH_DATED.search(folded, cut, span[0])) or \
            _that_day(text, folded, span, cut, published_on)
    return _as_date(found, published_on)


# "That same night" dates a step to the day the story last named: "ao fugir, no dia 20 de
# agosto, ouviu de policiais que não registrariam a queixa. O agressor foi detido em flagrante
# naquela mesma noite."
_THAT_DAY = re.compile(r"\b(?:esa|ese|aquella|aquel|esa misma|ese mismo|aquella misma|"
                       r"aquel mismo|naquela|naquele|nessa|nesse|naquela mesma|naquele mesmo|"
                       r"nessa mesma|nesse mesmo|el mismo|la misma|no mesmo|na mesma) "
                       r"(?:noche|dia|madrugada|tarde|manana|noite|manha)\b")
THAT_DAY_CHARS = 400  # how far back the day it points to may be named


def _that_day(text: str, folded: str, span: tuple[int, int], cut: int,
              published_on: date) -> date | None:
    if _THAT_DAY.search(folded, cut, span[0]) is None and \
            _THAT_DAY.search(_clause_after(text, folded, span[1])) is None:
        return None
    named = list(_DAY_DATED.finditer(folded, max(0, cut - THAT_DAY_CHARS), cut))
    return _as_date(named[-1], published_on) if named else None


# A month and year with no day ("En enero de 2020 se capacitó a 350 servidores") date the step
# to that month: its last day, so a step is "before the demand" only when all of it is.
_MONTH_DATED = re.compile(rf"\b(?:en|em|durante|desde|hasta|ate) ({_MONTHS}) (?:de|del) "
                          rf"((?:19|20)\d\d)\b")


def _month_end(found: re.Match[str] | None) -> date | None:
    if found is None:
        return None
    month, year = _MONTH_NUMBERS[found.group(1)], int(found.group(2))
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


# A day of the month with no month ("preso em flagrante no dia 20", "desde el día 3"): the
# latest such day on or before the document's date.
_BARE_DAY = re.compile(r"\b(?:el|del|al|o|no|do|ao|desde el|desde o) dia (\d{1,2})\b")


def _bare_day(text: str, folded: str, span: tuple[int, int], published_on: date) -> date | None:
    found = _in_its_clause(_BARE_DAY, text, folded, span)
    return _latest_day(int(found.group(1)), published_on) if found else None


def _in_its_clause(pattern: re.Pattern[str], text: str, folded: str,
                   span: tuple[int, int]) -> re.Match[str] | None:
    """The last match of ``pattern`` in the phrase's clause before it or inside it (a time the
    phrase skipped: "registrou, no sábado (21), a denúncia"), or else the first in its clause
    right after it (up to an act's participle, ``_clause_after``), or else one in a short
    clause just before ("No sábado (21), a polícia registrou a denúncia")."""
    cut = clause_start(text, span[0])
    before = list(pattern.finditer(folded, cut, span[1]))
    found = before[-1] if before else pattern.search(_clause_after(text, folded, span[1]))
    if found is None and (lead := _lead(text, folded, cut, LEADING_WORDS)) < cut:
        found = pattern.search(folded, lead, cut - 1)
    return found


LEADING_WORDS = 6  # "El 21 de agosto, la Policía…": a clause this short only sets the time


def _weekday(text: str, folded: str, span: tuple[int, int], published_on: date) -> date | None:
    """The latest day before the document's that falls on a weekday named in the phrase's
    clause (the document's own day for a bare name: "el viernes" in Friday's paper; a week
    before for "el pasado viernes")."""
    named = _in_its_clause(_PAST_WEEKDAY, text, folded, span)
    if named is None:
        return None
    back = (published_on.weekday() - _WEEKDAY_NUMBERS[named.group("day")]) % 7
    if back == 0 and (named.group("last") or named.group("after")):
        back = 7
    return published_on - timedelta(days=back)


def _latest_day(day: int, published_on: date) -> date | None:
    """The latest date on or before ``published_on`` that falls on this day of a month."""
    year, month = published_on.year, published_on.month
    if day > published_on.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A chronology line that opens with a weekday and a day ("Sábado 21, 02:15. Efectivos
# aprehenden al denunciado"): the latest such day on or before the document's date.
_LINE_DAY = re.compile(rf"[ \t]*(?:{_WEEKDAYS}) (\d{{1,2}})\b")


def _line_day(text: str, folded: str, start: int, published_on: date) -> date | None:
    line = text.rfind("\n", max(0, start - _LINE_CHARS), start) + 1
    found = _LINE_DAY.match(folded, line, start) if line else None
    if found is None:
        return None
    return _latest_day(int(found.group(1)), published_on)


def _as_date(found: re.Match[str], published_on: date) -> date | None:
    day, month = int(found.group(1)), _MONTH_NUMBERS[found.group(2)]
    year = int(found.group(3)) if found.group(3) else published_on.year
    try:
        dated = date(year, month, day)
        if found.group(3) is None and dated > published_on:
            dated = date(year - 1, month, day)
    except ValueError:
        return None  # "el 31 de junio": no such day
    return dated
