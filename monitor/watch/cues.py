"""Negation and hedging cues: does the clause before a matched phrase deny it or only plan it?

Layer: monitor. Pure functions over the original text and its folded twin (same length).
The clause is the text back to the nearest clause boundary (. ; : ! ? comma, brackets, quotes,
a line break, or a joining word such as "y", "pero", "aunque") and at most ``LOOKBACK_WORDS``
words. A few folded words mean different things in Spanish and Portuguese (Portuguese "no" is
"in the", Spanish "más" folds to Portuguese "mas", "but"), so the functions take the document's
``language`` (``language.guess_language``). docs/rules.md explains the behaviour to editors with
examples.
Cases: tests/watch/test_cues.py.
"""

from __future__ import annotations

import re

LOOKBACK_WORDS = 8
_LOOKBACK_CHARS = 160
_CLAUSE_MARK = re.compile(r"[.;:!?,()\[\]{}\"“”«»\n¿¡]")
_JOINERS = frozenset({"y", "e", "pero", "aunque", "sino", "mientras", "porem", "todavia",
                      "contudo", "entretanto", "and", "but", "while", "whereas", "luego",
                      "despues", "depois", "ademas", "tambem", "tras"})
_JOINERS_BY_LANGUAGE = {"es": _JOINERS, "pt": _JOINERS | {"mas"}}  # es "más" folds to "mas"

# Single folded words that deny what follows (es, pt, en).
NEGATION_WORDS = frozenset({
    "no", "nunca", "jamas", "sin", "ni", "tampoco", "nego", "niega", "negaron", "niegan",
    "negado", "negar", "negarse", "rechazo", "rechaza", "rechazaron", "rechazan", "desmintio",
    "desmiente", "desmintieron", "desmienten", "descarto", "descarta", "descartaron",
    "descartan", "desestimo", "desestima", "desestimaron", "omitio", "omitieron", "impidio",
    "falta", "faltan", "falto", "ausencia", "carece", "carecen", "incumplio", "incumplieron",
    "rehuso", "rehusaron", "ninguna", "ninguno", "ningun", "nenhum", "nenhuma",
    "impediu", "omitiu", "falha", "nao", "sem", "nem", "negou", "nega",
    "negaram", "rejeitou", "rejeita", "rejeitaram",
    "desmentiu", "desmente", "desmentiram", "descartou", "descartaram", "recusou", "recusa",
    "not", "never", "without", "nor", "denied", "denies", "refused", "rejected", "dismissed",
    # Undoing: a suspended, cancelled, postponed or repealed thing did not happen (or no longer
    # holds): "se suspendió el curso", "revocó la detención preventiva".
    "suspendio", "suspendieron", "suspende", "suspenden", "cancelo", "cancelaron", "cancela",
    "cancelan", "postergo", "postergaron", "posterga", "aplazo", "aplazaron", "aplaza",
    "anulo", "anularon", "anula", "revoco", "revocaron", "revoca", "derogo", "derogaron",
    "deroga", "abrogo", "abrogaron", "abroga", "frustro", "frustraron",
    "suspendeu", "suspenderam", "cancelou", "cancelaram", "adiou", "adiaram",
    "anulou", "anularam", "revogou", "revogaram", "revoga",
    "suspended", "cancelled", "canceled", "postponed", "revoked", "repealed",
})
# Portuguese "no"/"na" are "in the" ("aprovou uma alteração no artigo 281 bis"), never "not".
_NEGATIONS_BY_LANGUAGE = {"es": NEGATION_WORDS, "pt": NEGATION_WORDS - {"no"}}
# Participles that undo what comes just before them in the clause: "el curso fue cancelado",
# "la medida quedó sin efecto" (checked on up to ``LOOKAHEAD_WORDS`` words after the phrase).
UNDONE_AFTER = frozenset(
    stem + ending
    for stem in ("suspendid", "cancelad", "postergad", "aplazad", "anulad", "revocad",
                 "derogad", "abrogad", "frustrad", "adiad", "revogad")
    for ending in ("o", "a", "os", "as")
) | {"suspenso", "suspensa", "suspensos", "suspensas"}
UNDONE_AFTER_PAIRS = frozenset({("sin", "efecto"), ("sem", "efeito")})
LOOKAHEAD_WORDS = 8
# Word pairs that start with a cue but do not deny: "sin embargo", "no obstante", "não só".
NEGATION_EXCEPTIONS = frozenset({
    ("sin", "embargo"), ("no", "obstante"), ("no", "solo"), ("no", "solamente"),
    ("no", "unicamente"), ("sin", "demora"), ("sin", "dilacion"), ("sin", "perjuicio"),
    ("nao", "so"), ("nao", "apenas"), ("nao", "somente"), ("sem", "demora"), ("not", "only"),
    ("ni", "bien"),
})
# Words and word sequences that turn a fact into a plan, a forecast, a wish or a request.
HEDGING_PHRASES = frozenset({
    "se preve", "preve", "preven", "presentara", "presentaran", "anuncio que",
    "anuncian que", "anunciaron que", "podria", "podrian", "podra", "podran", "planea",
    "planean", "planifica", "propone", "proponen", "propuso", "busca", "buscan", "buscara",
    "pretende", "pretenden", "proyecta", "promete", "prometio", "prometieron",
    "se comprometio a", "se comprometieron a", "tiene previsto", "tienen previsto",
    "tiene prevista", "va a", "van a", "vamos a", "iria a", "deberia", "deberian", "debera",
    "deberan", "evalua", "evaluan", "estudia", "estudian", "analiza", "analizan", "considera",
    "consideran", "se espera", "espera", "esperan", "intenta", "intentara", "pidio", "piden",
    "pidieron", "solicito", "solicitaron", "solicita", "exige", "exigio", "exigieron", "exigen",
    "reclama", "reclaman", "insto", "instan", "urge", "demanda que", "demandan que", "sugiere",
    "recomienda", "recomendo", "recomendaron", "si se", "en caso de", "antes de", "antes del",
    "pueda", "puedan", "habria", "habrian",
    "vai", "vao", "ira", "irao", "devera", "deverao", "podera", "poderao", "poderia",
    "poderiam", "deveria", "deveriam", "planeja", "planejam", "propoe", "propoem",
    "anunciou que", "anunciaram que", "estuda", "avalia", "pediu", "pediram", "solicitou",
    "cobrou", "cobram", "quer", "querem", "prometeu", "pretendia", "antes da", "antes do",
    "possa", "possam", "teria", "teriam",
    "will", "would", "could", "may", "might", "plans", "proposes", "proposed",
    "intends", "announced that", "calls", "urged", "urges", "should", "asked", "requested",
    "before",
})
# An order, an instruction or a referral is not yet the act it orders: "instruyó a la Policía
# activar el protocolo", "dispuso que se active", "la remitió al Ejecutivo para su promulgación".
# Only rules proposing ``fulfilled`` treat these as plans: a judge who "dispuso que el acusado
# sea liberado" or "dispuso el archivo" has acted (a setback), and so has one who ordered
# pre-trial detention.
ORDER_PHRASES = frozenset({
    "instruyo", "instruye", "instruyen", "instruyeron", "instruir", "ordeno a", "ordeno al",
    "ordeno que", "ordena a", "ordena al", "ordena que", "ordenaron a", "ordenaron al",
    "ordenaron que", "ordenan que", "dispuso que", "dispone que", "dispusieron que",
    "determino que", "determina que", "encomendo", "encomienda", "encargo a", "para que",
    "para su promulgacion", "para su sancion", "para su aprobacion", "para su publicacion",
    "para su consideracion", "para su tratamiento", "para su revision", "para su reglamentacion",
    "instruiu", "ordenou que", "ordenou a", "determinou que", "determinou a", "para sancao",
    "para promulgacao", "para sua promulgacao", "para sua sancao", "para sua aprovacao",
})
_MAX_HEDGE_WORDS = max(len(p.split()) for p in HEDGING_PHRASES | ORDER_PHRASES)
_SUBORDINATORS = frozenset({"que", "quien", "quienes", "cuyo", "cuya", "quem"})
_QUE_GOVERNOR_WORDS = 4
# Future and conditional endings on the matched word itself or the two words before it
# ("activará", "se promulgaría", "promulgará"); checked on the original (accented) text.
_FUTURE_ENDINGS = ("rá", "rán", "rão", "ría", "rían")
_FUTURE_ENDINGS_BEFORE = ("rá", "rán", "rão")
_NOT_FUTURE = frozenset({"pará", "será"})  # Pará is a state; "será" alone is too common


def clause_words(text: str, folded: str, start: int, *,
                 language: str = "es") -> tuple[list[str], list[str]]:
    """Folded and original words of the clause before ``start`` (last LOOKBACK_WORDS)."""
    lo = max(0, start - _LOOKBACK_CHARS)
    window = text[lo:start]
    marks = list(_CLAUSE_MARK.finditer(window))
    cut = lo + (marks[-1].end() if marks else 0)
    folded_words = folded[cut:start].split()
    original_words = text[cut:start].split()
    joiners = _JOINERS_BY_LANGUAGE.get(language, _JOINERS)
    for i in range(len(folded_words) - 1, -1, -1):
        if folded_words[i] in joiners:
            folded_words = folded_words[i + 1:]
            break
    folded_words = _cut_at_que(folded_words, language)[-LOOKBACK_WORDS:]
    return folded_words, original_words[-len(folded_words):] if folded_words else []


def _cut_at_que(words: list[str], language: str) -> list[str]:
    """A subordinate "que" (relative or complement) ends the clause unless a cue governs it
    within the words just before it ("negó que", "no es cierto que", "pidió que")."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] not in _SUBORDINATORS:
            continue
        before = words[max(0, i - _QUE_GOVERNOR_WORDS):i]
        governed = before + [words[i]]
        if is_negated(before, language=language) or _has_hedge(governed) or \
                is_ordered(governed):
            return words
        return words[i + 1:]
    return words


def words_after(folded: str, end: int) -> list[str]:
    """Folded words of the clause after ``end`` (up to ``LOOKAHEAD_WORDS``)."""
    window = folded[end:end + _LOOKBACK_CHARS]
    words: list[str] = []
    for word in window.split()[:LOOKAHEAD_WORDS]:
        if word in _JOINERS or word in _SUBORDINATORS:
            break
        words.append(word)
    return words


def is_undone_after(text: str, end: int, folded: str) -> bool:
    """"fue cancelado", "quedó sin efecto" in the clause right after a phrase."""
    mark = _CLAUSE_MARK.search(text, end, end + _LOOKBACK_CHARS)
    stop = mark.start() if mark else end + _LOOKBACK_CHARS
    words = words_after(folded[:stop], end)
    return any(w in UNDONE_AFTER for w in words) or \
        any(pair in UNDONE_AFTER_PAIRS for pair in zip(words, words[1:], strict=False))


def is_negated(folded_words: list[str], *, language: str = "es") -> bool:
    """A denial cue among the clause words before the phrase."""
    negations = _NEGATIONS_BY_LANGUAGE.get(language, NEGATION_WORDS)
    for i, word in enumerate(folded_words):
        if word not in negations:
            continue
        following = folded_words[i + 1] if i + 1 < len(folded_words) else ""
        if (word, following) not in NEGATION_EXCEPTIONS:
            return True
    return False


def is_hedged(folded_words: list[str], original_words: list[str], matched: str) -> bool:
    """A plan/forecast/request cue before the phrase, or a future form of the matched word."""
    if _ends_future(matched, _FUTURE_ENDINGS):
        return True
    if any(_ends_future(w, _FUTURE_ENDINGS_BEFORE) for w in original_words[-2:]):
        return True
    return _has_hedge(folded_words)


def is_ordered(folded_words: list[str]) -> bool:
    """An order or referral cue before the phrase (the act is ordered, not yet done)."""
    return _has_hedge(folded_words, ORDER_PHRASES)


def _has_hedge(folded_words: list[str], cues: frozenset[str] = HEDGING_PHRASES) -> bool:
    for size in range(1, _MAX_HEDGE_WORDS + 1):
        for i in range(len(folded_words) - size + 1):
            if " ".join(folded_words[i:i + size]) in cues:
                return True
    return False


def _ends_future(word: str, endings: tuple[str, ...]) -> bool:
    word = word.strip(".,;:!?\"'()«»“”").lower()
    return len(word) > 4 and word not in _NOT_FUTURE and word.endswith(endings)
