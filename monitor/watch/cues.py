"""Negation and hedging cues: does the clause before a matched phrase deny it or only plan it?

Layer: monitor. Pure functions over the original text and its folded twin (same length).
The clause is the text back to the nearest clause boundary (. ; : ! ? comma, brackets, quotes,
a line break, or a joining word such as "y", "pero", "aunque") and at most ``LOOKBACK_WORDS``
words. A few folded words mean different things in Spanish and Portuguese (Portuguese "no" is
"in the", Spanish "más" folds to Portuguese "mas", "but"), so the functions take the document's
``language`` (``language.guess_language``). docs/rules.md explains the behaviour to editors with
examples.
Cases: tests/watch/test_watch_cues_scope.py, tests/watch/test_watch_matcher.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from monitor.watch.hints import Hints
from monitor.watch.insertions import OF_A_PLACE
from monitor.watch.normalize import KEPT_ADVERBS, fold_text, is_adverb

LOOKBACK_WORDS = 8
# A plan governs a longer stretch than a denial: "tiene previsto iniciar en el segundo semestre
# un programa de formación".
HEDGE_LOOKBACK_WORDS = 12
LOOKBACK_CHARS = 160
# Parentheses do not end a clause ("negou nesta segunda-feira (3) que o Registro Único (RUTT)
# tenha sido desativado"), but a list marker does ("RECOMIENDA: 1) activar", "a) elaborar").
# A quote inside a clause, between a word and a lower-case word, quotes a few of its words and
# ends nothing: 'o órgão "vai emitir" vistos humanitários' (``_QUOTE``).
_QUOTE = r"(?<![\w,] )(?<![\w,])[\"“”«»]|[\"“”«»](?![ ]?[a-záéíóúâêôãõçñü])"
# An initial's point ("contra J.M.V. fue suspendida") ends nothing.
CLAUSE_MARK = re.compile(r"(?<![\s.][A-ZÁÉÍÓÚÑ])\.|[;:!?,\[\]{}\n¿¡]|(?<!\S)\w{1,3}\)|" + _QUOTE)
# Every match of CLAUSE_MARK holds one of these characters: its first, or a list marker's ")".
# Scanning for them and trying the pattern only there finds the same marks several times
# faster than the pattern's own scan, whose lookbehinds are tried at every character.
_MARK_CHARS = re.compile(r"[.;:!?,\[\]{}\n¿¡\"“”«»)]")
_JOINERS = frozenset({"y", "e", "pero", "aunque", "sino", "mientras", "porem", "todavia",
                      "contudo", "entretanto", "and", "but", "while", "whereas", "luego",
                      "despues", "depois", "ademas", "tambem", "tras"})
_WORD = re.compile(r"\S+")
_JOINERS_BY_LANGUAGE = {"es": _JOINERS, "pt": _JOINERS | {"mas"}}  # es "más" folds to "mas"

# Undoing: a suspended, cancelled, postponed or repealed thing did not happen (or no longer
# holds): "se suspendió el curso", "revocó la detención preventiva". For a rule that proposes a
# ``setback`` the undoing is the news, so these count there (matcher).
UNDOING_WORDS = frozenset({
    "suspendio", "suspendieron", "suspende", "suspenden", "cancelo", "cancelaron", "cancela",
    "cancelan", "postergo", "postergaron", "posterga", "postergan", "aplazo", "aplazaron",
    "aplaza", "aplazan", "difirio", "difirieron",
    "anulo", "anularon", "anula", "revoco", "revocaron", "revoca", "derogo", "derogaron",
    "deroga", "abrogo", "abrogaron", "abroga", "frustro", "frustraron",
    "suspendeu", "suspenderam", "cancelou", "cancelaram", "adiou", "adiaram", "adia", "adiam",
    "anulou", "anularam", "revogou", "revogaram", "revoga",
    "suspended", "cancelled", "canceled", "postponed", "revoked", "repealed",
    # the infinitive: "volvió a suspender la instalación del juicio oral", "decidiu adiar"
    # (a plan or request before it still hedges: "pidió suspender")
    "suspender", "cancelar", "postergar", "aplazar", "anular", "revocar", "adiar",
    "revogar",
})
# Single folded words that deny what follows (es, pt, en).
NEGATION_WORDS = frozenset({
    "no", "nunca", "jamas", "sin", "ni", "tampoco", "nego", "niega", "negaron", "niegan",
    "negado", "negar", "negarse", "rechazo", "rechaza", "rechazaron", "rechazan", "desmintio",
    "desmiente", "desmintieron", "desmienten", "descarto", "descarta", "descartaron",
    "descartan", "desestimo", "desestima", "desestimaron", "omitio", "omitieron", "impidio",
    "falta", "faltan", "falto", "ausencia", "carece", "carecen", "incumplio", "incumplieron",
    "rehuso", "rehusaron", "ninguna", "ninguno", "ningun", "nenhum", "nenhuma",
    "impediu", "omitiu", "falha", "nao", "sem", "nem", "negou", "nega",
    "negaram", "rejeitou", "rejeita", "rejeitaram", "derrubou", "derrubaram", "derruba",
    "derrubam", "recusado", "recusada", "recusados",
    "recusadas", "recusaram", "recusar", "recusarem", "recusam", "rehusado", "rehusada",
    "negandose",
    # ... had refused: "a polícia se recusara a receber a queixa", "la Policía se negara a"
    "recusara", "recusaras", "negara", "negaran", "rehusara", "rehusaran",
    # ... and in the subjunctive: "proíbe que qualquer autoridade se recuse a receber a denúncia"
    "recuse", "recusem", "niegue", "nieguen", "rehuse", "rehusen", "negue", "neguem",
    "desmentiu", "desmente", "desmentiram", "descartou", "descartaram", "recusou", "recusa",
    # "es falso que", "é falso que" (the adjective before a phrase is as false: "la falsa
    # denuncia" is no report)
    "falso", "falsa",
    # not knowing a procedure is not applying it: "los servidores desconocían el procedimiento
    # de activación de medidas de protección"
    "desconoce", "desconocen", "desconocia", "desconocian", "desconocio", "desconocieron",
    "desconhece", "desconhecem", "desconhecia", "desconheciam", "desconheceu", "desconheceram",
    "not", "never", "without", "nor", "denied", "denies", "refused", "rejected", "dismissed",
}) | UNDOING_WORDS
# Rejections among the denials: for a rule that proposes a ``setback`` a rejection of the topic
# is the news ("el Concejo rechazó el proyecto de ordenanza"), not a denial of it (matcher).
REJECTION_WORDS = frozenset({
    "rechazo", "rechaza", "rechazaron", "rechazan", "desestimo", "desestima", "desestimaron",
    "rehuso", "rehusaron", "rehusado", "rehusada", "rejeitou", "rejeita", "rejeitaram",
    "recusou", "recusa", "recusaram", "recusam", "recusado", "recusada", "recusados",
    "recusadas", "rejected", "refused", "dismissed", "recusara", "rehusara", "rehusaran",
    # struck down: "a Câmara derrubou o veto", "derrubou o projeto"
    "derrubou", "derrubaram", "derruba", "derrubam",
})
# Portuguese "no"/"na" are "in the" ("aprovou uma alteração no artigo 281 bis"), never "not".
_NEGATIONS_BY_LANGUAGE = {"es": NEGATION_WORDS, "pt": NEGATION_WORDS - {"no"}}
# Participles that undo what comes just before them in the clause: "el curso fue cancelado",
# "la medida quedó sin efecto" (checked on up to ``LOOKAHEAD_WORDS`` words after the phrase).
UNDONE_AFTER = frozenset(
    stem + ending
    for stem in ("suspendid", "cancelad", "postergad", "aplazad", "diferid", "anulad",
                 "revocad", "derogad", "abrogad", "frustrad", "adiad", "revogad")
    for ending in ("o", "a", "os", "as")
) | {"suspenso", "suspensa", "suspensos", "suspensas"}
# ... and a thing that failed to take place: "el juicio oral no pudo instalarse", "a audiência
# não pôde ser realizada".
UNDOING_PAIRS = frozenset({("sin", "efecto"), ("sem", "efeito")})  # "dejó sin efecto el decreto"
UNDONE_AFTER_PAIRS = UNDOING_PAIRS | frozenset({
    ("no", "pudo"), ("no", "pudieron"), ("no", "logro"), ("no", "llego"), ("nao", "pode"),
    ("nao", "puderam"), ("nao", "conseguiu"), ("nao", "chegou")}) | frozenset(
    # put off again or perforce: "la audiencia de juicio oral … volvió a suspenderse", "tuvo
    # que postergarse"
    (before, reflexive) for before in ("a", "que")
    for reflexive in ("suspenderse", "postergarse", "aplazarse", "cancelarse", "diferirse"))
LOOKAHEAD_WORDS = 8
_AGENDA_HINTS = ("orden del dia", "agenda", "tratamiento", "puntos a tratar", "temario",
                 "ordem do dia", "pauta")
AGENDA_PHRASES = frozenset({
    "orden del dia", "agenda", "agendado", "agendada", "pendiente de tratamiento",
    "pendientes de tratamiento", "puntos a tratar", "temario", "ordem do dia", "na pauta",
    "em pauta", "pauta da sessao", "pauta do plenario", "pautado", "pautada"})
_REPEAL_STEMS = ("derog", "abrog", "revog", "revoc", "quedan derog", "quedan abrog",
                 "ficam revog", "quedan sin efecto", "queda sin efecto", "ficam sem efeito",
                 "fica sem efeito", "sin efecto", "sem efeito", "deja sin efecto",
                 "dejan sin efecto", "dejase sin efecto", "deixa sem efeito")
_CONTRARY_BEFORE_WORDS = 8  # "los requisitos contrarios a esta Ley quedan sin efecto"
_CONTRARY = frozenset({"contrarias", "contrarios", "contraria", "contrario", "opongan",
                       "oponga", "contravengan", "contravenga", "contrariem", "contrarie"})
_WHOLLY = frozenset({"todo", "toda", "todos", "todas", "plenamente", "totalmente",
                     "completamente", "integralmente", "enteramente"})
NOT_BEGUN_AFTER_PAIRS = frozenset(
    (negation, verb)
    for negation in ("no", "nao", "nem", "nunca")
    for verb in ("comenzo", "comenzaron", "empezo", "empezaron", "inicio", "iniciaron",
                 "arranco", "comecou", "comecaram", "iniciou", "iniciaram", "arrancou",
                 "funciona", "funcionan", "funcionam", "opera", "operan", "operam", "existe",
                 "existen", "existem", "ocurrio", "aconteceu", "ocorreu"))
# ... nor has a step with no date yet: "el juicio oral aún no tiene fecha", "o julgamento
# ainda não tem data marcada", "un juicio oral sin fecha".
_DATE_NOUNS = frozenset({"fecha", "data", "dia", "horario"})
_HAVE_WORDS = frozenset({"tiene", "tienen", "tem", "tenia", "tinha"})
# A step scheduled, not held: "el juicio oral está previsto para noviembre", "a audiência foi
# marcada para o dia 5", "la audiencia quedó fijada para marzo" (``is_scheduled_after``).
SCHEDULED_AFTER_PAIRS = frozenset(
    (verb, stem + ending)
    for verb in ("esta", "estan", "fue", "fueron", "quedo", "quedaron", "foi", "foram", "ficou",
                 "ficaram", "fica", "queda", "sera", "seran")
    for stem in ("previst", "programad", "marcad", "agendad", "fijad", "fixad", "pautad",
                 "convocad", "reprogramad")
    for ending in ("o", "a", "os", "as")) | {
    # ... or drawing near: "el juicio oral está próximo a iniciarse", "o julgamento se aproxima"
    ("esta", "proximo"), ("esta", "proxima"), ("estan", "proximos"), ("se", "aproxima"),
    ("se", "acerca"), ("se", "avecina")}
# ... and one a body "has scheduled": "la Dirección tiene programada una capacitación", "o
# ministério tem prevista uma oficina" (hedges, ``HEDGING_PHRASES``).
SCHEDULED_BY = frozenset(
    f"{verb} {stem}{ending}"
    for verb in ("tiene", "tienen", "tenia", "tenian", "tem", "tinha", "tinham", "tenemos", "temos")
    for stem in ("previst", "programad", "agendad", "planificad", "planead", "planejad",
                 "proyectad")
    for ending in ("o", "a", "os", "as"))
# Word pairs that start with a cue but do not deny: "sin embargo", "no obstante", "não só".
NEGATION_EXCEPTIONS = frozenset({
    ("sin", "embargo"), ("no", "obstante"), ("no", "solo"), ("no", "solamente"),
    ("no", "unicamente"), ("sin", "demora"), ("sin", "dilacion"), ("sin", "perjuicio"),
    ("nao", "so"), ("nao", "apenas"), ("nao", "somente"), ("sem", "demora"), ("not", "only"),
    ("ni", "bien"),
    # "dejó sin efecto", "quedou sem efeito" undo (is_undone_before) rather than deny
    ("sin", "efecto"), ("sem", "efeito"),
    # principles named as nouns: "talleres sobre la no discriminación de las trabajadoras
    # sexuales", "garantias de não repetição"
    *((negation, noun) for negation in ("no", "nao")
      for noun in ("discriminacion", "discriminacao", "violencia", "revictimizacion",
                   "revitimizacao", "repeticion", "repeticao", "criminalizacion",
                   "criminalizacao", "estigmatizacion", "estigmatizacao")),
})
# A court setting a hearing's day: "el Tribunal señala la continuación de la audiencia de juicio
# oral para el día martes 6 de agosto", "fijó audiencia de imputación para el lunes" (hedges).
_HEARING_SET = frozenset(
    {f"{verb} {what}" for verb in ("senala", "senalo")
     for what in ("la continuacion", "audiencia", "la audiencia", "nueva audiencia", "dia y hora")}
    | {f"{verb} {what}" for verb in ("fija", "fijo")
       for what in ("audiencia", "la audiencia", "nueva audiencia")}
    | {"senalamiento de audiencia", "senalamiento de la audiencia"})
# An indirect question asks: "pidió datos concretos: cuántas visas humanitarias se emitieron",
# "quer saber quantos casos foram registrados" (not the singular: "en cuanto a", "por cuanto",
# "quanto a" introduce a topic or a reason).
_HOW_MANY = frozenset({"cuantas", "cuantos", "quantas", "quantos"})
# Words and word sequences that turn a fact into a plan, a forecast, a wish or a request.
HEDGING_PHRASES = _HEARING_SET | _HOW_MANY | frozenset({
    "se preve", "preve", "preven", "presentara", "presentaran", "anuncio que",
    "falaram em", "falou em", "fala em", "falam em", "hablaron de", "hablo de", "habla de",
    "hablan de",
    "anuncian que", "anunciaron que", "podria", "podrian", "podra", "podran", "planea",
    "planean", "planifica", "propone", "proponen", "propuso", "busca", "buscan", "buscara",
    "pretende", "pretenden", "proyecta", "promete", "prometio", "prometieron", "prometen",
    "prometem", "prometeram", "prometemos", "vamos",
    # what remains to be done: "sancionó la ley; resta la promulgación del Poder Ejecutivo",
    # "pendiente de promulgación", "aguarda la promulgación", "aguarda a sanção"
    "resta la", "resta el", "restan", "pendiente de", "pendientes de", "pendente de",
    "pendentes de", "queda pendiente", "aguarda la", "aguarda el", "aguardan la",
    "aguarda a", "aguarda o", "aguardam a", "aguardam o",
    # an idea or intention is no act: "A ideia é apresentar no ano que vem"
    "idea es", "ideia e", "intencion es", "intencao e", "la idea seria", "a ideia seria",
    # a need is no act: "resaltó la necesidad de fortalecer la formación policial"
    "necesidad de", "necessidade de",
    # a commitment, whatever comes between it and what it promises: "se comprometió frente a
    # unas cuarenta compañeras a presentar el proyecto de ley"
    "se comprometio", "se comprometieron", "se compromete", "se comprometen",
    "se comprometera", "nos comprometemos", "se comprometeu", "se comprometeram",
    "comprometeu se", "comprometeram se", "tiene previsto", "tienen previsto",
    "tiene prevista", "va a", "van a", "vamos a", "iba a", "iban a", "ia ser", "iam ser",
    "iria a", "deberia", "deberian", "debera",
    "deberan", "evalua", "evaluan", "estudia", "estudian", "analiza", "analizan", "considera",
    # ... and under way: "Estamos evaluando, junto con el Comando General, elaborar unas
    # directrices" (not "analizando" alone: a chamber "está analizando el proyecto")
    "estamos evaluando", "esta evaluando", "estan evaluando", "estamos avaliando",
    "esta avaliando", "estao avaliando",
    "consideran", "se espera", "espera", "esperan",
    # an expectation the day let down: "se esperaba la reanudación del juicio, pero el tribunal
    # la suspendió", "estava prevista a audiência"
    "se esperaba", "esperaba", "esperaban", "esperava", "esperavam", "esperava se",
    "estaba previsto", "estaba prevista", "estava previsto", "estava prevista", "intenta",
    "intentara", "pidio", "piden",
    "pidieron", "solicito", "solicitaron", "solicita", "exige", "exigio", "exigieron", "exigen",
    "reclama", "reclaman", "insto", "instan", "urge", "demanda que", "demandan que", "sugiere",
    "recomienda", "recomendo", "recomendaron", "si se", "en caso de", "antes de", "antes del",
    "pide", "recomiendan", "sugirio", "sugieren", "se houver", "caso haja", "em caso de",
    # an invitation or exhortation asks: "invita a las provincias a derogar las figuras"
    "invita a", "invitan a", "invito a", "invitaron a", "exhorta", "exhortan", "exhorto",
    "exhortaron", "insta", "convida", "convidam", "convidou", "exorta", "exortam", "exortou",
    # a recommendation's items: "formuló recomendaciones: crear una base de datos, agilizar…"
    "recomendacion", "recomendaciones", "recomendacao", "recomendacoes",
    # ... and its heading in an ombudsman's resolution: "RECOMENDAR la elaboración de directrices"
    "recomendar", "exhortar", "instar", "sugerir",
    # ... and in the gerund: "remitió una nota recomendando que se adopten las medidas"
    "recomendando", "exhortando", "instando", "sugiriendo", "sugerindo",
    "pueda", "puedan", "habria", "habrian",
    # a duty recalled is no act: "le recordó su deber de dirigir la investigación"
    "deber de", "dever de", "obligacion de", "obrigacao de",
    # whether it exists is a question: "informe c) si existen directrices institucionales"
    "si existen", "si existe", "si hay", "se existem", "se existe",
    # a possibility in the passive: "podem ser punidos com suspensão", "puede ser revocada"
    "puede ser", "pueden ser", "pode ser", "podem ser",
    # a duration still to run: "la medida regirá mientras dure el juicio oral"
    "dure", "duren",
    # a fear is no fact: "temem que o projeto seja engavetado", "teme que el caso sea archivado"
    "teme que", "temen que", "temia que", "temian que", "temor de que", "temem que",
    "temia-se que", "receio de que", "receiam que", "medo de que",
    # ... nor is a feared step: "temem a rejeição do texto", "temen el archivo del caso"
    "temem a", "temem o", "teme a", "teme o", "temen la", "temen el", "teme la", "teme el",
    "teme", "temem", "temen",  # a headline's "RedTraSex teme anulação do julgamento"
    "temor a la", "temor al", "medo da", "medo do", "receio da", "receio do",
    # a need stated is not a need met: "Que es necesario contar con lineamientos" (a gazette's
    # CONSIDERANDO), "hace falta un registro", "é necessário criar"
    "es necesario", "resulta necesario", "sera necesario", "se requiere", "se necesita",
    "hace falta", "urge contar", "e necessario", "se faz necessario", "precisa de",
    # a plan of a thing, or an eventual or future one, is not the thing: "anuncia plan de
    # formación", "para su eventual aprobación", "la posible creación del registro", "cuyos
    # ejes incluyen la futura implementación de un sistema de información" (not "posibles
    # víctimas", nor the masculine singular, also the noun: "en el futuro", "o futuro das
    # vítimas"; the adjective alone is no cue)
    "plan de", "planes de", "plano de", "planos de", "su eventual", "la eventual",
    "el eventual", "sua eventual", "a eventual", "o eventual", "la posible", "el posible",
    "a possivel", "o possivel", "la futura", "las futuras", "los futuros", "su futura",
    "a futura", "as futuras", "os futuros", "sua futura",
    # ... and "eventual" without its article: "o governo não se pronunciou sobre eventual veto"
    "eventual", "eventuales", "eventuais",
    # plan verbs in the subjunctive or future: "prevé que se estudie la creación", "evaluará"
    "estudie", "estudien", "analice", "analicen", "evalue", "evaluen", "considere",
    "consideren", "planifique", "planifiquen", "prevea", "estudiara", "estudiaran",
    "analizara", "analizaran", "evaluara", "evaluaran", "considerara", "consideraran",
    "fase posterior", "etapa posterior",
    # ... and in the infinitive: "recomendó evaluar la derogatoria", "estudar a revogação"
    "evaluar", "estudiar", "analizar", "avaliar", "estudar", "analisar",
    "vai", "vao", "ira", "irao", "devera", "deverao", "podera", "poderao", "poderia",
    "poderiam", "deveria", "deveriam", "planeja", "planejam", "propoe", "propoem",
    "anunciou que", "anunciaram que", "estuda", "avalia", "pediu", "pediram", "solicitou",
    "pede", "pedem", "recomendou", "recomenda", "recomendam", "recomendaram", "sugeriu",
    "sugere", "exigiu", "exigem", "exigiram", "solicitam",
    "cobrou", "cobram", "quer", "querem", "prometeu", "pretendia", "antes da", "antes do",
    # a hearing set for a date has not been held: "fija el inicio del juicio oral para el 7 de
    # noviembre", "señaló audiencia para la instalación del juicio oral"
    "fija el inicio", "fijo el inicio", "fija la fecha", "fijo la fecha", "fija fecha",
    "fijo fecha", "para la instalacion", "para el inicio", "para a instalacao", "para o inicio",
    "marcou a data", "marca a data", "marcou para",
    # ... or scheduled: "el Tribunal programó el debate oral para el 5 de marzo"
    "programo el", "programo la", "programa el", "programa la", "programaron el",
    "programaron la", "reprogramo el", "reprogramo la", "agendo el", "agendo la", "agendou o",
    "agendou a", "agendaram o", "agendaram a",
    # the first person hopes or needs ("esperamos una ley"; its requests: REQUEST_PHRASES)
    "esperamos", "necesitamos", "precisamos",
    # an offer or a willingness is no act: "expresó su disposición de acompañar el diseño de
    # una base de datos", "se ofreció a capacitar", "está disposta a criar"
    "su disposicion de", "su disposicion a", "sua disposicao de", "sua disposicao em",
    # (not "dispuesto a" alone: "el resguardo dispuesto a favor de la víctima" was ordered)
    "esta dispuesto a", "esta dispuesta a", "estan dispuestos a", "se mostro dispuesto a",
    "se mostro dispuesta a", "esta disposto a", "esta disposta a", "estao dispostos a",
    "se disse disposto a", "se disse disposta a", "se ofrecio a", "se ofrecieron a", "se ofrece a",
    "se ofereceu para", "se ofereceram para", "se oferece para", "ofrece apoyo",
    "ofrecio apoyo", "oferece apoio", "ofereceu apoio",
    "possa", "possam", "teria", "teriam", "estude", "estudem", "avalie", "avaliem",
    "estudara", "avaliara", "analisara", "deve", "devem", "debe", "deben",
    "alista", "alistan", "se alista", "prepara", "preparan", "se prepara", "prepara-se",
    # a motion: "presentó un incidente de extinción de la acción penal", "aprobó una petición
    # de informe" ("solicitud de" and "pedido de" right before the phrase: ``asks_for``, which
    # leaves out a request granted or denied and what a request is about); REQUEST_PHRASES
    "peticion de", "incidente de",
    # ... but a request "that" is one: "reiteram o pedido de que o Estado adote diretrizes"
    "pedido de que", "pedido para que", "solicitud de que", "solicitud para que",
    "solicitacao de que", "exigencia de que", "demanda de que", "reclamo de que",
    "reivindicacao de que",
    # a purpose is not yet a fact: "para que informe cuántas visas fueron otorgadas"; money
    # set aside for a thing is not the thing: "destina Bs 1.250.000 a la puesta en marcha"
    "para que", "a fin de que", "con el fin de que", "pra que", "a fim de que", "destina",
    "destinan", "destinara", "destinaran", "destinam", "destinarao",
    "will", "would", "could", "may", "might", "plans", "proposes", "proposed",
    "intends", "announced that", "calls", "urged", "urges", "should", "asked", "requested",
    "before",
}) | SCHEDULED_BY
# An order, an instruction or a referral is not yet the act it orders: "instruyó a la Policía
# activar el protocolo", "se instruye a las fuerzas federales...", "dispuso que se active",
# "la remitió al Ejecutivo para su promulgación", "hasta que el Congreso resuelva la derogación".
# Only rules proposing ``fulfilled`` or ``in_progress`` treat these as plans
# (``matcher.ORDER_IS_NOT_THE_ACT``): a judge who "dispuso que el acusado sea liberado" or
# "dispuso el archivo" has acted (a setback), and so has one who ordered pre-trial detention.
# An order reaches further back than a plan (``ORDER_LOOKBACK_WORDS``, past a subordinate "que"
# and a joining "y"), and a done verb after it ends it ("hasta que el juez dictó sentencia":
# what follows happened; orders take the subjunctive or an infinitive).
ORDER_PHRASES = frozenset({
    "instruyo", "instruye", "instruyen", "instruyeron", "instruir", "instruya", "instruyan",
    "se instruye", "instruyese", "ordeno a", "ordeno al", "ordeno que", "ordena a", "ordena al",
    "ordena que", "ordenaron a", "ordenaron al", "ordenaron que", "ordenan que", "ordenan a",
    # a court's operative points in the infinitive: "DISPONE: … 2. Ordenar a la FELCV que asigne
    # custodia policial"
    "ordenar a", "ordenar al", "ordenar que",
    "se ordena", "ordenase", "ordene", "ordenen", "dispuso que", "dispone que", "dispusieron que",
    "disponen que", "se dispone que", "disponese que", "disponga que", "dispongan que",
    "determino que", "determina que", "determinan que", "encomendo", "encomienda",
    "encomiendase", "encargo a", "encarga a", "se encarga a", "para que", "a fin de que",
    "con el fin de que", "con el objeto de que", "hasta que", "hasta tanto", "una vez que",
    "una vez se",
    "para su promulgacion", "para su sancion", "para su aprobacion", "para su publicacion",
    "para su consideracion", "para su tratamiento", "para su revision", "para su reglamentacion",
    # compound tenses: "se ha instruido al Comando General elaborar", "hemos dispuesto que"
    "ha instruido", "han instruido", "hemos instruido", "he instruido", "ha ordenado que",
    "ha ordenado a", "ha ordenado al", "han ordenado que", "ha dispuesto que",
    "hemos dispuesto que", "han dispuesto que",
    "instruiu", "instrui", "instruem", "ordenou que", "ordenou a", "ordena aos",
    # "manda que": and "manda" with an infinitive after its addressee (``sends_to_do``)
    "manda que", "mando que", "mandou que",
    "determinou que", "determinou a", "determina a", "determinam que", "ate que", "a fim de que",
    "para sancao", "para promulgacao", "para sua promulgacao", "para sua sancao",
    "para sua aprovacao",
    # a deadline given: "deu 60 dias à Direção de Migração para redigir", "otorgó un plazo de
    # 90 días al Ministerio para elaborar"
    # (not "días para": a working group that "tiene noventa días para entregar" is installed)
    "dias a", "dias al", "dias ao", "plazo a", "plazo al", "prazo a", "prazo ao",
    # an order given as a noun to its addressee: "dispuso … y la orden a la Fuerza Especial de
    # Lucha Contra la Violencia de brindar resguardo a la víctima"
    "la orden a", "la orden al", "una orden a", "una orden al", "a ordem a", "a ordem ao",
    "uma ordem a", "uma ordem ao",
})
ORDER_LOOKBACK_WORDS = 20
# A request reaches as far as an order ("el Ministerio Público requirió al Juez de Instrucción
# la detención preventiva del imputado y la aplicación de medidas de protección"), and for
# every status: what is asked for has not happened. A done verb after it ends it as for orders
# ("pidió medidas y el juez las otorgó").
REQUEST_PHRASES = frozenset({
    "pidio", "pidieron", "solicito", "solicitaron", "requirio", "requirieron", "exigio",
    "exigieron", "reclamo", "reclamaron", "pide", "piden", "solicita", "solicitan", "requiere",
    "exige", "exigen", "reclama", "reclaman",
    "pediu", "pediram", "solicitou", "solicitaram", "requereu", "requereram", "exigiu",
    "exigiram", "cobrou", "cobraram", "pede", "pedem", "solicitam", "requer", "cobra", "cobram",
    # a request announced or under way asks as much: "pedirá à assessoria que elabore",
    # "exigindo que o Estado garanta proteção"
    "pedira", "pediran", "solicitara", "solicitaran", "exigira", "exigiran", "requerira",
    "requeriran", "reclamara", "reclamaran", "pedirao", "solicitarao", "exigirao",
    "pidiendo", "solicitando", "exigiendo", "reclamando", "requiriendo", "pedindo", "exigindo",
    "cobrando", "requerendo",
    # ... and in the infinitive: "voltou a cobrar do Estado que a investigação siga até o
    # julgamento", "decidió exigir que se active el protocolo"
    "pedir", "solicitar", "exigir", "reclamar", "requerir", "cobrar", "requerer",
    # ... and in the first person, over its list: "Queremos proteção para ela e os filhos, um
    # julgamento de verdade, diretrizes…"
    "queremos", "quiero", "quero", "exigimos", "exijo", "pedimos", "pido", "peco",
    "reclamamos", "demandamos", "solicitamos", "cobramos",
    # ... and a motion "that": "presentó un requerimiento para que se restablezcan las medidas
    # de protección…, incluida la custodia policial"
    "requerimiento para que", "solicitud para que", "solicitud de que", "pedido para que",
    "pedido de que", "requerimento para que", "pedido para", "solicitacao para que",
    # a recommendation or an exhortation asks as much, over the complements it joins: "recomendó
    # que la referente sea incorporada al Programa y reciba custodia de Gendarmería"
    "recomendo", "recomendaron", "recomienda", "recomiendan", "recomendando", "exhorto",
    "exhortaron", "exhorta", "exhortan", "recomendou", "recomendaram", "recomenda",
    "recomendam", "exortou", "exortaram", "exorta", "exortam",
})
# The first word of every request cue: a sentence without one holds no request (a cheap test).
REQUEST_STARTS = frozenset(cue.split()[0] for cue in REQUEST_PHRASES)
# A finished verb (preterite) after an order cue: the clause narrates, it does not order.
_DONE_ENDINGS_FOLDED = ("aron", "ieron", "yeron", "aram", "eram", "iram", "ou", "eu", "iu")
_DONE_ENDINGS_ORIGINAL = ("ó",)
_IRREGULAR_DONE = frozenset({"dispuso", "impuso", "hizo", "dio", "puso", "tuvo", "fez", "deu",
                             "impos", "dispos", "pos"})
_SUBORDINATORS = frozenset({"que", "quien", "quienes", "cuyo", "cuya", "quem"})
# "lo que firmó": a past act a request names (``is_requested``)
_RELATIVE_ARTICLES = frozenset({"lo", "el", "la", "los", "las", "o", "a", "os", "as"})
_MAIN_AUXILIARIES = frozenset({"fue", "fueron", "foi", "foram", "quedo", "quedaron", "ficou",
                               "ficaram", "resulto", "resultaron"})
# A present passive or state counts only with an undone participle right after it: "é" folds
# to "e" (and), so it may not stop the search for the sentence's passive.
_PRESENT_AUXILIARIES = frozenset({"es", "son", "e", "sao", "esta", "estan", "estao"})
_VERB_DENIALS = frozenset({"no", "nao", "nunca", "jamas", "jamais"})
_QUE_GOVERNOR_WORDS = 4
_QUE_DENIAL_WORDS = 6  # "negó este lunes (3) que", "negou nesta segunda-feira (3) que"
# Future and conditional endings on the matched word itself or the two words before it
# ("activará", "se promulgaría", "promulgará"); checked on the original (accented) text.
_FUTURE_ENDINGS = ("rá", "rán", "rão", "ría", "rían")
_FUTURE_ENDINGS_BEFORE = ("rá", "rán", "rão")
_NOT_FUTURE = frozenset({"pará", "será", "padrão", "patrão", "ladrão"})  # nouns, or too common
# The future just before the phrase ("se promulgará la ley"); not further back: laws speak in
# the future ("la Dirección la emitirá en setenta y dos horas" is the norm, not a plan).
FUTURE_WORDS = 2

# A verb the editor wrote as a stem (``activ*``) that occurs in the infinitive may be what a
# request, plan or order names rather than an act: "RECOMIENDA al Comando General: 1) activar los
# mecanismos de protección" (past the colon the clause rule would stop at). So for an infinitive
# the plan and order cues are looked for back to the sentence start (``INFINITIVE_LOOKBACK_WORDS``).
# An infinitive alone is no plan: a resolution's "RESUELVE: Aprobar el Protocolo" is the act, and
# "acaba de aprobar", "comenzó a investigar" report one. Only the ending the wildcard matched
# counts, so a noun in the stem ("taller*": taller) is no infinitive; ``infinitive_cues``.
INFINITIVE_LOOKBACK_WORDS = 30
# A purpose word right before an infinitive: what follows is an aim ("para sancioná-lo ou
# vetá-lo", "con el fin de crear"), ``serves_a_purpose``. "al aprobar" and "tras aprobar" are not
# aims (``DONE_BEFORE_INFINITIVE``, ``background.BACKGROUND_WORDS``).
# A norm's "tiene por objeto aprobar" states its act, so "objeto" and "objetivo" are no cue.
# A body "encargada de diseñar e implementar el registro" has the task, not the result.
PURPOSE_BEFORE_INFINITIVE = frozenset({"para", "pra", "fin", "fim", "intuito", "encargada",
                                       "encargado", "encargadas", "encargados", "encarregada",
                                       "encarregado", "encarregadas", "encarregados",
                                       "destinada", "destinado", "destinadas", "destinados"})
PURPOSE_WORDS = 4
_PURPOSE_SKIPPABLE = frozenset({"de", "o", "ou", "y", "e", "lo", "la", "los", "las", "le",
                                "les", "se"})
_CLITIC_PRONOUNS = frozenset({"lo", "la", "los", "las"})
_CLITIC_VOWELS = frozenset("áâêéíôó")
_CLITIC = re.compile(r"-l[oa]s?\b")
INFINITIVE_OBJECT_WORDS = 6  # "agilizar a emissão de [vistos]": an infinitive opening the clause
INFINITIVE_ITEM_WORDS = 12  # ... shares its plan with a list item's whole object (governed_by_…)
INFINITIVE_ENDINGS = frozenset({
    "ar", "er", "ir", "arlo", "arla", "arlos", "arlas", "erlo", "erla", "irlo", "irla",
    "arle", "arles", "arse", "erse", "irse", "arem", "erem", "irem", "ar-se", "er-se", "ir-se",
})
_INFINITIVE_ENDINGS = tuple(INFINITIVE_ENDINGS)
_NOT_INFINITIVES = frozenset({
    "lugar", "hogar", "poder", "deber", "mujer", "militar", "familiar", "titular", "popular",
    "particular", "regular", "similar", "singular", "nivel", "ser", "estar", "mar", "par",
    # nouns and adjectives that may open a clause: "parlamentar", "consular", "escolar"…
    "parlamentar", "consular", "auxiliar", "dolar", "preliminar", "disciplinar", "escolar",
    "nuclear", "celular", "exemplar", "complementar", "alquiler", "taller", "lider", "cancer",
    "placer", "carater", "caracter", "olhar", "jantar", "secular", "vulgar",
})
DONE_BEFORE_INFINITIVE = frozenset({
    "acaba de", "acaban de", "acabo de", "acabaron de", "acabou de", "acabam de",
    "acabaram de", "volvio a", "volvieron a", "voltou a", "voltaram a", "comenzo a",
    "comenzaron a", "empezo a", "empezaron a", "comecou a", "comecaram a", "paso a",
    "pasaron a", "passou a", "passaram a", "procedio a", "procedieron a", "procedeu a",
    "procederam a", "logro", "lograron", "consiguio", "consiguieron", "conseguiu",
    "conseguiram", "decidio", "decidieron", "decidiu", "decidiram", "resolvio", "resolvieron",
    "resolveu", "resolveram", "al", "ao",
})


def clause_words(text: str, folded: str, start: int, *,
                 language: str = "es") -> tuple[list[str], list[str]]:
    """Folded and original words of the clause before ``start`` (last HEDGE_LOOKBACK_WORDS;
    ``is_negated`` reads only the last LOOKBACK_WORDS of them)."""
    cut = clause_start(text, start)
    words = list(_WORD.finditer(folded, cut, start))  # one tokenisation: words and offsets
    original_words = text[cut:start].split()
    outer = interrupted_clause(text, folded, cut, start)
    if outer is not None:
        # cue words only: a future verb before the parenthetical stays out of reach
        # ("Os órgãos observarão, na execução do Plano, a distinção": an article's command)
        words = list(_WORD.finditer(folded, *outer)) + words
    joiners = _JOINERS_BY_LANGUAGE.get(language, _JOINERS)
    phrase_word = folded[start:start + LOOKBACK_CHARS].split(maxsplit=1)[:1]
    for i in range(len(words) - 1, -1, -1):
        # Portuguese "é" (is) folds to "e" (and): "Não é verdade que…" is one clause.
        if words[i].group() in joiners and text[words[i].start()] not in "éÉ" and \
                not _joins_numbers(words, i) and not _joins_done_and_not_done(words, i) and \
                not _joins_addressees(text, words[i + 1:i + 3], language, phrase_word) and \
                not _joins_nouns_of_a_denial(words[:i], words[i + 1:i + 2], language) and \
                not _joins_nouns_of_action(words[:i], words[i + 1:], phrase_word):
            words = _governor(words[:i], words[i + 1:], phrase_word) + words[i + 1:]
            break
    folded_words = [word.group() for word in words]
    folded_words = _cut_at_que(folded_words, language)
    originals = original_words[-len(folded_words):] if folded_words else []
    folded_words, originals = _drop_insertions(folded_words, originals)
    folded_words = folded_words[-HEDGE_LOOKBACK_WORDS:]
    return folded_words, originals[-len(folded_words):] if folded_words else []


# Insertions that say how often or how a step was taken, not whether: "suspendió por segunda
# vez la audiencia de juicio oral", "voltou a adiar, mais uma vez, a sessão", "suspendió
# temporalmente la audiencia". They are left out of a cue's reach, as adverbs in -mente are
# left out of phrases (normalize.blank_adverbs); hedges in -mente ("presuntamente") stay.
_REPEATS = frozenset({
    ("por", "primera", "vez"), ("por", "segunda", "vez"), ("por", "tercera", "vez"),
    ("por", "cuarta", "vez"), ("por", "quinta", "vez"), ("por", "enesima", "vez"),
    ("una", "vez", "mas"), ("otra", "vez"), ("de", "nuevo"), ("pela", "primeira", "vez"),
    ("pela", "segunda", "vez"), ("pela", "terceira", "vez"), ("pela", "quarta", "vez"),
    ("pela", "quinta", "vez"), ("mais", "uma", "vez"), ("outra", "vez"), ("de", "novo"),
})
_REPEAT_HINTS = frozenset(words[-1] for words in _REPEATS)


def _drop_insertions(folded_words: list[str],
                     originals: list[str]) -> tuple[list[str], list[str]]:
    """Both word lists without ``_REPEATS`` and adverbs in -mente but ``KEPT_ADVERBS``
    (``originals`` is aligned with the tail of ``folded_words``)."""
    drop: set[int] = set()
    for i, word in enumerate(folded_words):
        if is_adverb(word) and word not in KEPT_ADVERBS:
            drop.add(i)
        elif word in _REPEAT_HINTS:
            for size in (2, 3):
                if i + 1 >= size and tuple(folded_words[i + 1 - size:i + 1]) in _REPEATS:
                    drop.update(range(i + 1 - size, i + 1))
    if not drop:
        return folded_words, originals
    shift = len(folded_words) - len(originals)
    return ([w for i, w in enumerate(folded_words) if i not in drop],
            [w for i, w in enumerate(originals) if i + shift not in drop])


_INFINITIVE_LINKS = frozenset({"a", "de"})
GOVERNOR_WORDS = 4  # "se negó a", "a polícia recusou-se a"
# Month names, folded (the date cues of ``background`` read them too).
MONTH_NAMES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
               "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "janeiro",
               "fevereiro", "marco", "maio", "junho", "julho", "setembro", "outubro", "novembro",
               "dezembro")
# The words of a date between a verb and its infinitive ("se negó los días 20 y 21 de agosto
# de 2021 a recibir"), skipped when the governor is looked for.
_DATE_WORDS = frozenset({*MONTH_NAMES, "de", "del", "do", "da", "el", "los", "o", "os", "dia",
                         "dias", "y", "e"})


# "y" before a dative joins two addressees of one verb, not two clauses: "recomienda al
# Ministerio de Gobierno y al Comando General de la Policía aprobar lineamientos", "pediu ao
# Ministério e às polícias aprovar". Portuguese "a" is also the article ("e a polícia ativou"):
# only its written "à", "às", "ao", "aos" count.
_DATIVES = {"es": frozenset({"al", "a"}), "pt": frozenset({"ao", "aos", "à", "às"})}


def _joins_addressees(text: str, following: list[re.Match[str]], language: str,
                      phrase_word: list[str]) -> bool:
    """A dative after the joiner, not a link to an infinitive ("y a activar los mecanismos":
    ``phrase_word``, the phrase's first word, may be that infinitive)."""
    if not following:
        return False
    word = following[0]
    written = text[word.start():word.end()].lower()
    after = [w.group() for w in following[1:2]] or phrase_word
    return written in _DATIVES.get(language, _DATIVES["es"]) and \
        not (after and _is_infinitive_word(after[0]))


def _joins_nouns_of_a_denial(before: list[re.Match[str]], following: list[re.Match[str]],
                             language: str) -> bool:
    """A joiner between two bare nouns inside a denied complement joins no clause: in
    "desmiente que el imputado por la privación de libertad y violación de una mujer haya sido
    puesto en libertad" the denial reaches the release. A joined clause opens with a
    determiner or a verb ("negó que hubiera orden y la Policía activó", "... y activó")."""
    if not following:
        return False
    word = following[0].group()
    if word in _ARTICLES or word in _SUBORDINATORS or is_done_verb(word, word) or \
            not word.isalpha():
        return False
    return _denied_complement([w.group() for w in before], language) is not None


def _joins_nouns_of_action(before: list[re.Match[str]], after: list[re.Match[str]],
                           phrase_word: list[str]) -> bool:
    """A joiner between two nouns of action, an article at most between it and the phrase,
    joins no clause: in "el Plan prevé el diseño e implementación de un sistema" the plan
    governs both."""
    following = [word.group() for word in after] + phrase_word
    if not before or len(following) > 2 or len(following) == 2 and following[0] not in _ARTICLES:
        return False
    return all(_is_action_noun(word) for word in (before[-1].group(), following[-1]))


def _is_action_noun(word: str) -> bool:
    return word.endswith(ACTION_NOUN_ENDINGS) or word in _DEVELOPMENT_NOUNS


def _governor(before: list[re.Match[str]], after: list[re.Match[str]],
              phrase_word: list[str]) -> list[re.Match[str]]:
    """The verb that governs an infinitive joined by "y a" / "e a" to an earlier one ("se negó
    a recibir la denuncia y a brindarle protección"): the words before the first infinitive of
    the first conjunct, which the second shares. Empty when the joined clause is no such
    infinitive. ``phrase_word``: the phrase's own first word, which may be that infinitive
    ("brind* protección" in the same sentence)."""
    joined = [word.group() for word in after] + phrase_word
    if not joined or not (_is_infinitive_word(joined[0]) or
                          joined[0] in _INFINITIVE_LINKS and len(joined) > 1 and
                          _is_infinitive_word(joined[1])):
        return []
    for k in range(1, len(before)):
        if before[k - 1].group() in _INFINITIVE_LINKS and _is_infinitive_word(before[k].group()):
            link = k - 1
            start = _date_before(before, link) or link
            return [*before[:start][-(GOVERNOR_WORDS - 1):], before[link]]
    return []


def _date_before(words: list[re.Match[str]], end: int) -> int:
    """Where a date that ends right before ``end`` begins ("los días 20 y 21 de agosto de
    2021"), or 0 when no date (a number among date words) stands there."""
    start = end
    while start > 0 and (words[start - 1].group() in _DATE_WORDS or
                         words[start - 1].group().isdigit()):
        start -= 1
    return start if any(w.group().isdigit() for w in words[start:end]) else 0


def _is_infinitive_word(word: str) -> bool:
    return len(word) >= 4 and word.isalpha() and word not in _NOT_INFINITIVES and \
        word.endswith(_INFINITIVE_ENDINGS)


def order_words(text: str, folded: str, start: int,
                end: int | None = None) -> tuple[list[str], list[str]]:
    """Folded and original words an order cue may govern: back to the clause mark (past "que"
    and joiners, last ``ORDER_LOOKBACK_WORDS``) and the phrase's first word, or its first two
    when they make an order themselves ("dispuso que", "ordenó a" matched by ``dispus*``);
    not the phrase's own when the phrase (ending at ``end``) holds the order with its object:
    an editor who writes "ordenó a la UNP" looks for the order."""
    cut = clause_start(text, start)
    spans = [(cut, start)]
    # "instruyó al Comando que, a través de su Dirección de Derechos Humanos, elabore": the
    # clause the parenthetical interrupts, without the parenthetical
    outer = interrupted_clause(text, folded, cut, start)
    spans = [outer, (cut, start)] if outer is not None else spans
    after = folded[start:start + LOOKBACK_CHARS].split()[:2]
    extra = 2 if " ".join(after) in ORDER_PHRASES else 1
    if end is not None and len(folded[start:end].split()) > extra and \
            _last_cue(after[:extra], ORDER_PHRASES) is not None:
        after, extra = [], 0
    folded_words = [w for lo, hi in spans for w in folded[lo:hi].split()][
        -ORDER_LOOKBACK_WORDS:] + after[:extra]
    original_words = ([w for lo, hi in spans for w in text[lo:hi].split()] +
                      text[start:start + LOOKBACK_CHARS].split()[:extra])[
        -len(folded_words):] if folded_words else []
    if _CONNECTIVES.isdisjoint(folded_words):
        return folded_words, original_words
    kept = [i for i, word in enumerate(folded_words) if word not in _CONNECTIVES]
    shift = len(folded_words) - len(original_words)
    return [folded_words[i] for i in kept], [original_words[i - shift] for i in kept
                                             if i >= shift]


# A connective between an order verb and its "que" or addressee is no part of the order:
# "ordenó además que la Policía brinde medidas de protección", "determinou também que".
_CONNECTIVES = frozenset({"ademas", "asimismo", "tambien", "igualmente", "tambem",
                          "inclusive", "adicionalmente"})


# A request reaches past commas, over the items it lists: "divulgou nota exigindo que o Estado
# garanta proteção à companheira, leve o agressor a julgamento, aprove diretrizes".
REQUEST_LOOKBACK_WORDS = 24
_REQUEST_MARK = re.compile(r"[.;:!?\[\]{}\n¿¡]|(?<!\S)\w{1,3}\)|" + _QUOTE)


# The items a request lists after "entre ellas" or "incluida" belong to the noun before them,
# however long the request: "solicitó al juez la detención preventiva del imputado y medidas de
# protección a favor de la víctima y de sus hijos, entre ellas la custodia policial".
_APPOSITION = re.compile(r", (?:entre (?:ell|el)[ae]s|inclu[ií]d[ao]s?|incluyendo|incluindo|"
                         r"tales como|tais como|en particular|em particular|en especial|"
                         r"em especial) ", re.IGNORECASE)
APPOSITION_WORDS = 12


def _listed_items(text: str, lo: int, hi: int) -> int | None:
    """Where the last apposition listing items starts, if the phrase is among its items."""
    listed = next(reversed(list(_APPOSITION.finditer(text, lo, hi))), None)
    if listed is None or len(text[listed.end():hi].split()) > APPOSITION_WORDS:
        return None
    return listed.start()


def _request_cut(text: str, end: int) -> int:
    lo = max(0, end - REQUEST_LOOKBACK_WORDS * 10)
    marks = list(_REQUEST_MARK.finditer(text, lo, end))
    return marks[-1].end() if marks else lo


def request_words(text: str, folded: str, start: int) -> tuple[list[str], list[str]]:
    """Folded and original words a request may govern: back to the last mark other than a
    comma (last ``REQUEST_LOOKBACK_WORDS``), and the phrase's first word. An apposition that
    lists items ("…, entre ellas la custodia") counts back from the noun it follows."""
    cut = _request_cut(text, start)
    limit = REQUEST_LOOKBACK_WORDS
    if text.find(",", cut, start) != -1:
        listed = _listed_items(text, cut, start)
        if listed is not None:
            cut = _request_cut(text, listed)
            limit += len(folded[listed:start].split())
    folded_words = folded[cut:start].split()[-limit:] + \
        folded[start:start + LOOKBACK_CHARS].split()[:1]
    original_words = (text[cut:start].split() + text[start:start + LOOKBACK_CHARS].split()[
        :1])[-len(folded_words):] if folded_words else []
    return folded_words, original_words


def is_requested(folded_words: list[str], original_words: list[str]) -> bool:
    """A request governs the phrase: a request cue among the words before it (``request_words``
    but the phrase's own: "requirió medidas de protección" is the request step a rule may look
    for), with no done verb after the cue, the phrase's own included ("pidió medidas y el
    juez otorgó")."""
    if REQUEST_STARTS.isdisjoint(folded_words[:-1]):  # most clauses stop here
        return False
    found = _last_cue(folded_words[:-1], REQUEST_PHRASES)
    if found is None or found[0] and folded_words[found[0] - 1] in _WITHOUT:
        return False  # "sin exigir el carné": no request
    last = found[1]
    tail = list(zip(folded_words[last:], original_words[len(original_words) -
                                                        len(folded_words) + last:],
                    strict=False))
    # what the request names by a past act is no answer to it: "Exigimos que haga cumplir lo
    # que firmó, que se sancione…"
    return not any(is_done_verb(f, o) and not (i > 1 and tail[i - 1][0] == "que" and
                                                tail[i - 2][0] in _RELATIVE_ARTICLES)
                   for i, (f, o) in enumerate(tail))


# A parenthetical between commas, dashes or quotes does not end the clause it interrupts:
# "pretende apresentar, «se houver consenso», um projeto de lei", "no aprobó, en la sesión de
# ayer, el proyecto", "elaborar, en un plazo de 180 días, una propuesta". Only a short lead
# (the words between the parenthetical and the phrase) and a short parenthetical qualify.
PARENTHETICAL_LEAD_WORDS = 5
PARENTHETICAL_WORDS = 14
_INSERT_BOUNDARY = frozenset(" ,«»\"“”—–\n")


def interrupted_clause(text: str, folded: str, cut: int, start: int) -> tuple[int, int] | None:
    """``(start, end)`` of the clause a parenthetical interrupts right before the phrase at
    ``start`` (its own clause, from ``cut``, at most ``PARENTHETICAL_LEAD_WORDS`` long): cues
    and dates read past the parenthetical ("en 2018 se inició, con apoyo de la OIM, el
    desarrollo de …")."""
    if len(folded[cut:start].split()) > PARENTHETICAL_LEAD_WORDS:
        return None
    return _before_parenthetical(text, folded, cut)


def _before_parenthetical(text: str, folded: str, cut: int) -> tuple[int, int] | None:
    """``(start, end)`` of the clause a parenthetical interrupts, when the clause at ``cut``
    follows one: ``X, P, lead phrase`` with P of 1–PARENTHETICAL_WORDS words."""
    inner_end = _boundary_start(text, cut)
    if inner_end is None:
        return None
    inner_start = clause_start(text, inner_end)
    if not 0 < len(text[inner_start:inner_end].split()) <= PARENTHETICAL_WORDS:
        return None
    outer_end = _boundary_start(text, inner_start)
    if outer_end is None:
        return None
    outer_start = clause_start(text, outer_end)
    folded_words = folded[outer_start:outer_end].split()
    original_words = text[outer_start:outer_end].split()
    if len(folded_words) == len(original_words):  # past a day: "desmintió este martes,"
        cut = _time_after_verb(folded_words)
        folded_words, original_words = folded_words[:cut], original_words[:cut]
    return (outer_start, outer_end) if folded_words and original_words and \
        _looks_like_a_verb(folded_words[-1], original_words[-1]) else None


# A day right after a verb: "desmintió este martes, mediante un comunicado, que…", "negou
# ontem, em nota, que…".
DAY_NAMES = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")  # folded
TODAY_WORDS = ("ayer", "anteayer", "ontem", "anteontem", "hoy", "hoje")
_DAYS = frozenset(DAY_NAMES + TODAY_WORDS + ("segunda", "terca", "quarta", "quinta", "sexta"))
_DAY_ARTICLES = frozenset({"este", "esta", "el", "nesta", "neste", "na", "no", "o", "a"})


def _time_after_verb(words: list[str]) -> int:
    """How many of ``words`` come before a day that closes them ("este martes", "ayer")."""
    if len(words) < 2 or words[-1].split("-")[0] not in _DAYS:
        return len(words)
    return len(words) - (2 if words[-2] in _DAY_ARTICLES else 1)


def _looks_like_a_verb(folded: str, original: str) -> bool:
    """The interrupted clause ends in a verb whose object the parenthetical holds off: an
    infinitive, a preterite or a future ("pretende apresentar,", "no aprobó,", "observarão,"),
    or a complement's "que" ("instruyó que, a través de la Dirección, elabore"), or a denial
    or plan word ("por terem se recusado, em agosto, a registrar a denúncia", "la Política
    prevé, durante su vigencia, el diseño"), not an adverbial ("Sem alarde, nesta terça, a
    polícia ativou": no cue crosses)."""
    return folded.endswith(("ar", "er", "ir")) or is_done_verb(folded, original) or \
        original.lower().endswith(_FUTURE_ENDINGS) or folded == "que" or \
        folded in NEGATION_WORDS or folded in HEDGING_PHRASES


def _boundary_start(text: str, cut: int) -> int | None:
    """Start of the run of commas, dashes, quotes and spaces that ends at ``cut``, when the
    run holds a comma or a dash (None otherwise)."""
    i = cut
    while i > 0 and text[i - 1] in _INSERT_BOUNDARY:
        i -= 1
    run = text[i:cut]
    return i if i > 0 and any(mark in run for mark in ",—–") else None


@lru_cache(maxsize=8)  # one occurrence asks several times (clause, order, background)
def clause_start(text: str, start: int) -> int:
    """Offset where the clause holding ``start`` begins (after the last clause mark, at most
    ``LOOKBACK_CHARS`` back)."""
    lo = max(0, start - LOOKBACK_CHARS)
    for candidate in reversed([m.start() for m in _MARK_CHARS.finditer(text, lo, start)]):
        if (mark := _mark_at(text, candidate, lo, start)) is not None:
            return mark.end()
    return lo


def next_clause_mark(text: str, lo: int, hi: int) -> int | None:
    """Where the first clause mark in ``text[lo:hi]`` begins (``CLAUSE_MARK.search``)."""
    for candidate in _MARK_CHARS.finditer(text, lo, hi):
        if (mark := _mark_at(text, candidate.start(), lo, hi)) is not None:
            return mark.start()
    return None


def _mark_at(text: str, at: int, lo: int, hi: int) -> re.Match[str] | None:
    """The clause mark in ``text[lo:hi]`` that holds the character at ``at``, if any."""
    if text[at] != ")":
        return CLAUSE_MARK.match(text, at, hi)
    for start in range(max(lo, at - 3), at):  # a list marker: "1)", "a)", "IV)"
        mark = CLAUSE_MARK.match(text, start, hi)
        if mark is not None and mark.end() == at + 1:
            return mark
    return None


def _cut_at_que(words: list[str], language: str) -> list[str]:
    """A subordinate "que" (relative or complement) ends the clause unless a cue governs it
    within the words just before it ("negó que", "no es cierto que", "pidió que")."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] not in _SUBORDINATORS:
            continue
        before = words[max(0, i - _QUE_GOVERNOR_WORDS):i]
        governed = before + [words[i]]
        denial = words[max(0, i - _QUE_DENIAL_WORDS):i]
        if is_negated(denial, language=language):
            # a denied complement, however long: "negou nesta segunda-feira (3) que o Registro
            # Único de Casos de Tráfico de Pessoas (RUTT) tenha sido desativado"
            return denial + [words[i]] + words[i + 1:][-(LOOKBACK_WORDS - len(denial) - 1):]
        if _has_hedge(governed) or _has_hedge(governed, ORDER_PHRASES) or \
                _governs_across_addressee(words, i):
            return words
        denied = _denied_complement(words[:i], language)
        if denied is not None:
            # a relative inside a denied complement: "es falso que el caso de la mujer que
            # denunció el secuestro haya sido archivado"
            return denied
        return _past_relative_denial(words[i + 1:])
    return words


# A request or order reaches its "que" across the addressee named after it: "recomendou ao
# Comando Geral da Polícia que elabore um protocolo", "pidió a la jueza de instrucción que
# disponga", "recomienda al Ministerio de Gobierno y al Comando que aprueben".
_ADDRESSEE_WORDS = 8  # the dative and the addressee's name, up to "que"
# (``_DATIVES`` folded: "à" is "a"; "às" is "as", left out with the article it also is)
_DATIVE_WORDS = frozenset(fold_text(word) for words in _DATIVES.values()
                          for word in words) - {"as"}


def _governs_across_addressee(words: list[str], que: int) -> bool:
    """A request or order cue right before a dative among the words just before ``que``."""
    for j in range(que - 1, max(0, que - _ADDRESSEE_WORDS) - 1, -1):
        if words[j] in _DATIVE_WORDS:
            governed = words[max(0, j - _QUE_GOVERNOR_WORDS):j] + [words[que]]
            if _has_hedge(governed) or _has_hedge(governed, ORDER_PHRASES):
                return True
    return False


# A sentence that opens by calling the one before false denies it: "Organizações dizem que a
# entrevista … foi suspensa. — Isso não é verdade; não suspendemos nada", "… por decreto em
# abril. É falso." ("Es falso que…" denies its own complement, ``_denied_complement``.)
_DENIED_NEXT = re.compile(r"[ \t\"“”«»—–-]*(?:(?:eso|esto|isso|isto) )?(?:no es (?:verdad|cierto)"
                          r"|nao e (?:verdade|verdadeiro)|es falso|e falso|es mentira"
                          r"|e mentira|falso)\b(?! que\b)")


_SENTENCE_STOP = re.compile(r"[.!?;\n]")


def denied_next(text: str, folded: str, end: int) -> bool:
    """The sentence after the one that holds ``end`` calls it false (``_DENIED_NEXT``)."""
    stop = _SENTENCE_STOP.search(text, end)
    return stop is not None and _DENIED_NEXT.match(folded, stop.end()) is not None


def _denied_complement(words: list[str], language: str) -> list[str] | None:
    """The denial and its "que" when an earlier "que" of the clause is a denied complement
    ("negó que", "es falso que", "não é verdade que"), else None."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _SUBORDINATORS:
            denial = words[max(0, i - _QUE_DENIAL_WORDS):i]
            return denial + [words[i]] if is_negated(denial, language=language) else None
    return None


def _past_relative_denial(words: list[str]) -> list[str]:
    """A relative clause's own denial ends at the main clause's auxiliary: in "los proyectos
    que no tuvieron segundo debate fueron archivados" (pt "que não tinham sido votados foram
    arquivados") the "no" denies the debate, not the archiving. ``words``: those after the
    "que"; an auxiliary right after the denial ("que no fue archivado") is its own."""
    if len(words) < 3 or words[0] not in _VERB_DENIALS:  # not "ningún policía fue sancionado"
        return words
    for j in range(2, len(words)):
        if words[j] in _MAIN_AUXILIARIES:
            return words[j:]
    return words


# A law of a lower level of government: "aprobó la ley municipal", "um projeto de lei
# departamental". A rule for a national law does not write the level; one for a local law
# writes it in the phrase ("ley municipal"), and then nothing follows it.
_LAW_WORDS = frozenset({"ley", "leyes", "lei", "leis"})
_LOCAL_LEVELS = frozenset({"municipal", "municipales", "municipais", "departamental",
                           "departamentales", "departamentais", "provincial", "provinciales",
                           "estadual", "estaduais", "distrital", "autonomica", "autonomico",
                           "regional", "regionales", "regionais"})


# A body of a lower level of government acts for it: "la Asamblea Legislativa Departamental
# presentó el proyecto de ley", "Asambleísta departamental presenta proyecto", "el Concejo
# Municipal aprobó", "a vereadora protocolou o projeto de lei".
# Only legislatures and their members: a governor or a mayor who announces that the Police
# activated the protocol reports a national act.
_LOCAL_BODIES = frozenset({"asamblea", "asambleista", "asambleistas", "assembleia", "concejo",
                           "camara", "legislatura", "legislador", "legisladora", "legisladores",
                           "diputado", "diputada", "diputados", "deputado", "deputada",
                           "deputados", "consejo"})
_LOCAL_MEMBERS = frozenset({"concejal", "concejala", "concejales", "vereador", "vereadora",
                            "vereadores", "vereadoras"})
LOCAL_BODY_WORDS = 2  # level words this close after the body: "Asamblea Legislativa Departamental"
# A rule whose phrases name a lower level ("ordenanza municipal", "concejo") watches local acts:
# a local body is its news.
LOCAL_WORDS = _LOCAL_LEVELS | _LOCAL_MEMBERS | {"ordenanza", "ordenanzas", "concejo"}


def names_a_local_body(clause: list[str]) -> bool:
    """The clause before the phrase names a body or member of a lower level of government
    (``_LOCAL_BODIES`` followed by a level, or ``_LOCAL_MEMBERS``)."""
    for i, word in enumerate(clause):
        if word in _LOCAL_MEMBERS:
            return True
        if word in _LOCAL_BODIES and \
                not _LOCAL_LEVELS.isdisjoint(clause[i + 1:i + 1 + LOCAL_BODY_WORDS]):
            return True
    return False


def is_local_law(folded: str, span: tuple[int, int]) -> bool:
    """The phrase ends in "ley"/"lei" and the next word is a lower level of government."""
    last = folded[span[0]:span[1]].split()[-1:]
    after = folded[span[1]:span[1] + 20].split()[:1]
    return bool(last) and last[0] in _LAW_WORDS and bool(after) and after[0] in _LOCAL_LEVELS


def words_after(folded: str, end: int) -> list[str]:
    """Folded words of the clause after ``end`` (up to ``LOOKAHEAD_WORDS``)."""
    window = folded[end:end + LOOKBACK_CHARS]
    words: list[str] = []
    for word in window.split()[:LOOKAHEAD_WORDS]:
        if word in _JOINERS or word in _SUBORDINATORS:
            break
        words.append(word)
    return words


@lru_cache(maxsize=8)  # one occurrence asks several times (pairs, undone, not begun)
def _clause_end(text: str, end: int) -> int:
    """Where the clause holding a phrase that ends at ``end`` stops (``LOOKBACK_CHARS`` on)."""
    mark = next_clause_mark(text, end, end + LOOKBACK_CHARS)
    return end + LOOKBACK_CHARS if mark is None else mark


SUBJECT_CHARS = 400  # how far a long subject may run before its verb


SUBJECT_HEAD_WORDS = 2  # "La audiencia …", "A audiência pública …": a phrase heading its sentence
# ... or named inside the subject's noun phrase: "O início do [julgamento oral]", "la audiencia de
# reinstalación del [juicio oral]" (a determiner, then nouns joined by "de", up to the phrase),
# also in the last "que" clause ("informa que la audiencia del juicio oral … fue suspendida").
SUBJECT_NOUN_WORDS = 5
_DETERMINERS = frozenset({"el", "la", "los", "las", "o", "a", "os", "as", "un", "una", "um",
                          "uma"})
_OF_WORDS = frozenset({"de", "del", "do", "da", "dos", "das"})


_OF_OR_TO = _OF_WORDS | {"a"}  # "la audiencia de cesación a la [detención preventiva]"
_PT_ARTICLES = frozenset({"a", "o", "as", "os", "um", "uma"})


def in_the_subject(sentence: list[str]) -> bool:
    """The phrase heads its sentence, or lies in the noun phrase that opens it or its last
    "que" clause: a determiner, nouns joined by "de", then the phrase (``sentence``: its folded
    words before the phrase)."""
    if len(sentence) <= SUBJECT_HEAD_WORDS:
        return True
    if "que" in sentence:  # not "los policías que [activaron el protocolo] fueron suspendidos"
        sentence = sentence[len(sentence) - sentence[::-1].index("que"):]
    # ... ending with "de la" or "a la" too ("la audiencia de cesación a la [detención
    # preventiva]", the article not counted)
    if len(sentence) > 2 and sentence[-1] in _DETERMINERS and sentence[-2] in _OF_OR_TO:
        sentence = sentence[:-1]
    elif len(sentence) > 1 and sentence[-1] in _PT_ARTICLES and \
            is_done_verb(sentence[-2], sentence[-2]):
        return False  # Portuguese "a" is an article after a verb: "a Promotoria apresentou a"
    # a verb between ("la Policía archivó el caso del") takes six words or more
    return 0 < len(sentence) <= SUBJECT_NOUN_WORDS and sentence[0] in _DETERMINERS and \
        sentence[-1] in _OF_OR_TO


def heads_its_clause(text: str, folded: str, start: int) -> bool:
    """The phrase opens, with its article, a clause that follows a comma ("Por segunda vez, el
    [juicio oral] …"), not a verb ("…, se designó a una fiscal") nor a "que" ("conta que o
    [acusado] segue preso")."""
    cut = clause_start(text, start)
    if _AND_THEN.search(text[max(cut, start - _AND_THEN_CHARS):start]):
        return True  # "Defesa recusa juízes e [julgamento] … é suspenso"
    if cut < 1 or text[cut - 1] != ",":
        return False
    words = folded[cut:start].split()
    return 0 < len(words) <= SUBJECT_HEAD_WORDS and words[0] in _DETERMINERS


# ... or a clause joined by "y" / "e" (not "é", to be), with or without its article.
_AND_THEN = re.compile(r"\s(?:y|e)\s+(?:(?:el|la|los|las|o|a|os|as)\s+)?$")
_AND_THEN_CHARS = 8


def is_undone_as_subject(text: str, end: int, folded: str) -> bool:
    """The phrase heads its sentence's subject, and the sentence's first passive says it was
    undone, however long the subject: "A audiência pública da Comissão de Direitos Humanos,
    Minorias e Igualdade Racial, que debateria a proposta do Plano, foi adiada" (the matcher
    asks only when the phrase opens its sentence)."""
    stop = _SENTENCE_STOP.search(text, end, end + SUBJECT_CHARS)
    words = folded[end:stop.start() if stop else end + SUBJECT_CHARS].split()
    for at, (auxiliary, participle) in enumerate(zip(words, words[1:], strict=False)):
        if (auxiliary, participle) in UNDONE_AFTER_PAIRS:
            return True  # "…, no pudo llevarse a cabo", "não pôde ser realizada"
        if auxiliary in _VERB_DENIALS and \
                words[at + 1:at + 3] in (["se", held] for held in _HELD_VERBS):
            return True  # "la audiencia … no se llevó a cabo este jueves", "no se instaló"
        if auxiliary in _PRESENT_AUXILIARIES and participle in UNDONE_AFTER:
            return True  # "é a terceira vez que a audiência … é suspensa"
        if auxiliary == "se" and participle in UNDOING_WORDS:
            # "el inicio del juicio oral … se suspendió por tercera vez" (not "no se suspendió")
            return not (at and words[at - 1] in _VERB_DENIALS)
        if auxiliary in _MAIN_AUXILIARIES:
            return participle in UNDONE_AFTER
    return False


# ... a hearing not held: "no se llevó a cabo", "no se instaló", "não se realizou"
_HELD_VERBS = frozenset({"llevo", "realizo", "instalo", "celebro", "efectuo", "desarrollo",
                         "realizou", "instalou"})


# A norm undone and the act it was made by, recited in a relative clause: "Se suspende la
# aplicación de la Resolución N° 142 de 2024, mediante la cual se dictó el Protocolo", "Revoga-se
# a Portaria nº 12, pela qual foi instituído o Comitê". What the relative clause tells is the
# act being undone, not a new one.
_RELATIVE_OF_A_NORM = re.compile(
    r"\b(?:(?:mediante|por|con|a traves de|por medio de|por meio de|atraves de) (?:la|el|lo|los"
    r"|las|a|o|as|os) (?:cual|cuales|qual|quais|que)|(?:pela|pelo|pelas|pelos|na|no) (?:qual"
    r"|quais))\b")
_RECITED_UNDOING = UNDOING_WORDS | frozenset({
    "deroganse", "derogase", "abroganse", "abrogase", "suspendese", "revocase", "dejase",
    "revogam", "revogase", "abrogan", "derogan", "revocan"})
_RELATIVE_REACH = 6  # words from the relative pronoun to the phrase
_NORM_REACH = 30  # words from the undoing verb to the relative pronoun


def recites_an_undone_norm(folded: str, sentence_start: int, start: int) -> bool:
    """The phrase at ``start`` sits in a relative clause of a norm that its sentence undoes
    (``_RELATIVE_OF_A_NORM``): an undoing verb, then within ``_NORM_REACH`` words the relative
    pronoun, then within ``_RELATIVE_REACH`` words the phrase."""
    before = folded[sentence_start:start]
    if "cual" not in before and "qual" not in before and " que " not in before:
        return False  # most sentences: no relative pronoun, no pattern
    relative = max(_RELATIVE_OF_A_NORM.finditer(before), key=lambda m: m.start(), default=None)
    if relative is None or len(before[relative.end():].split()) > _RELATIVE_REACH:
        return False
    words = before[:relative.start()].split()[-_NORM_REACH:]
    return any(word.strip(",;:") in _RECITED_UNDOING for word in words) or \
        any(pair in UNDOING_PAIRS for pair in zip(words, words[1:], strict=False))


def is_undone_after(text: str, end: int, folded: str) -> bool:
    """"fue cancelado", "quedó sin efecto" in the clause right after a phrase."""
    words = words_after(folded[:_clause_end(text, end)], end)
    return any(w in UNDONE_AFTER for w in words) or \
        any(pair in UNDONE_AFTER_PAIRS for pair in zip(words, words[1:], strict=False))


def _pairs_after(text: str, end: int, folded: str) -> set[tuple[str, str]]:
    words = words_after(folded[:_clause_end(text, end)], end)
    return set(zip(words, words[1:], strict=False))


# The closing formula of a resolution files it away, no case: "Regístrese, comuníquese y
# archívese", "Publique-se. Intime-se. Arquive-se."
_FILED = ("archivese", "archivense", "arquive se", "arquivem se")
_FORMULA_WORDS = frozenset({"registrese", "comuniquese", "publiquese", "cumplase",
                            "notifiquese", "registre", "publique", "comunique", "cumpra",
                            "intime", "intimem", "notifique"})
_FORMULA_BEFORE_WORDS = 5  # "Regístrese, comuníquese, cúmplase y [archívese]"


def is_closing_formula(folded: str, span: tuple[int, int]) -> bool:
    """The phrase is the "archívese" of a resolution's closing formula (``_FILED`` after one of
    ``_FORMULA_WORDS``)."""
    if not folded.startswith(_FILED, span[0]):
        return False
    before = folded[max(0, span[0] - LOOKBACK_CHARS):span[0]].split()
    return not _FORMULA_WORDS.isdisjoint(before[-_FORMULA_BEFORE_WORDS:])


def is_boilerplate_repeal(folded: str, span: tuple[int, int]) -> bool:
    """A repeal formula that every norm ends with: "Deróganse todas las disposiciones
    contrarias a la presente", "Revogam-se as disposições em contrário", "quedan abrogadas las
    normas que se opongan", "los requisitos contrarios a esta Ley quedan sin efecto", "Deja sin
    efecto las disposiciones contrarias" (an undoing word, and what is contrary within a few
    words after or before it)."""
    if not folded[span[0]:span[1]].startswith(_REPEAL_STEMS):
        return False
    before = folded[max(0, span[0] - LOOKBACK_CHARS):span[0]].split()[-_CONTRARY_BEFORE_WORDS:]
    return not _CONTRARY.isdisjoint(folded[span[1]:span[1] + 160].split()[:10]) or \
        not _CONTRARY.isdisjoint(before)


def mentions_an_agenda(folded: str) -> bool:
    """Whether a folded field has any agenda word at all (``on_the_agenda`` is then worth
    asking, sentence by sentence)."""
    return any(word in folded for word in _AGENDA_HINTS)


def on_the_agenda(sentence: list[str]) -> bool:
    """An agenda earlier in the sentence lists what is still to be dealt with: "Quedaron
    pendientes de tratamiento los puntos del orden del día: el primer debate del proyecto…",
    "cuya agenda incluía el dictamen sobre la derogatoria", "na pauta do plenário". A numbered
    "Orden del Día" is a police force's order bulletin, where its orders are published: "la
    directiva, publicada en la Orden del Día N° 123, prohíbe…"."""
    words = sentence[-INFINITIVE_LOOKBACK_WORDS:]
    numbered = [i for i, word in enumerate(words[2:-1], start=2)
                if word == "dia" and words[i - 2] in ("orden", "ordem")
                and words[i - 1] in ("del", "do")
                and (words[i + 1] in _NUMBER_WORDS or words[i + 1].isdigit())]
    for i in numbered:
        words = words[:i - 2] + ["·", "·", "·"] + words[i + 1:]
    return _has_hedge(words, AGENDA_PHRASES)


_NUMBER_WORDS = frozenset({"n", "no", "nro", "num", "numero"})


def is_scheduled_after(text: str, end: int, folded: str) -> bool:
    """"está previsto para", "foi marcada para" in the clause right after a phrase, or a
    future or a "should" right after a noun phrase: "o curso deve acontecer em março", "el
    taller se realizará en Oruro" (not after a participle: "el protocolo activado permitirá")."""
    if not SCHEDULED_AFTER_PAIRS.isdisjoint(_pairs_after(text, end, folded)):
        return True
    named = folded[max(0, end - 12):end].split()[-1:]
    if not named or named[0].endswith(PARTICIPLE_ENDINGS):
        return False
    after = text[end:end + 40].split()[:2]
    folded_after = folded[end:end + 40].split()[:2]
    skip = 1 if folded_after[:1] == ["se"] and len(after) > 1 else 0
    return len(after) > skip and len(folded_after) > skip and \
        folded_after[skip] not in _GOES_ON and \
        (_ends_future(after[skip], _FUTURE_ENDINGS_BEFORE) or
         folded_after[skip] in _SHOULD_AFTER)


PARTICIPLE_ENDINGS = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
# A participle right after a determiner names a person, not the act: "a solicitud de la defensa
# del condenado", "el aprehendido fue trasladado", "os condenados" (Portuguese "a", "as" are
# also prepositions: left out).
_PERSON_DETERMINERS = (_DETERMINERS - {"a", "as"}) | (_OF_WORDS - {"de"}) | {"al", "ao", "aos"}


# A past passive auxiliary before a participle opens the clause's main predicate: the words
# before it are its subject, whose own plan or aim ("la iniciativa que pretende derogar …",
# "el proyecto para derogar …") is not the act's ("… fue archivada").
_PAST_AUXILIARIES = frozenset({"fue", "fueron", "foi", "foram"})
# ... unless the subject is what a question asks about
_ASKED_SUBJECT = _HOW_MANY | {"cual", "cuales", "qual", "quais"}


def subject_words(words: list[str], first: str) -> int:
    """How many of the clause ``words`` before a phrase opening with ``first`` are the subject
    of a past passive ("… fue archivada", a phrase "fue archivado"): 0 when there is none. A
    subject asked about keeps its question ("saber quantas vítimas foram identificadas")."""
    if first in _PAST_AUXILIARIES:
        cut = len(words)
    elif words and words[-1] in _PAST_AUXILIARIES and first.endswith(PARTICIPLE_ENDINGS):
        cut = len(words) - 1
    else:
        return 0
    return cut if _ASKED_SUBJECT.isdisjoint(words[:cut]) else 0


def names_a_person(folded_words: list[str], phrase: str) -> bool:
    """The phrase (folded) is one word ending as a participle, with a determiner right before
    it (the caller knows it was matched as a verb's stem)."""
    return " " not in phrase and phrase.endswith(PARTICIPLE_ENDINGS) and \
        bool(folded_words) and folded_words[-1] in _PERSON_DETERMINERS


# What something no longer is has ended: "Ya no es un piloto, ya no es voluntario", "deixou de
# ser um projeto-piloto" (a ``none`` phrase said so does not block).
_ENDED = frozenset({("ya", "no", "es"), ("ya", "no", "son"), ("deja", "de", "ser"),
                    ("dejo", "de", "ser"), ("dejan", "de", "ser"), ("dejaron", "de", "ser"),
                    ("ja", "nao", "e"), ("ja", "nao", "sao"), ("deixa", "de", "ser"),
                    ("deixou", "de", "ser"), ("deixam", "de", "ser"), ("deixaram", "de", "ser"),
                    ("no", "es", "mas"), ("nao", "e", "mais")})


# ... or what it names was concluded: "não só concluiu o plano piloto … como também estendeu o
# procedimento", "culminó la fase piloto" (a pilot's end is no pilot under way)
_CONCLUDED = frozenset({"concluyo", "concluyeron", "culmino", "culminaron", "finalizo",
                        "finalizaron", "concluiu", "concluiram", "finalizou", "finalizaram",
                        "encerrou", "encerraram"})
_CONCLUDED_NOUNS = frozenset({"plan", "plano", "fase", "etapa", "proyecto", "projeto",
                              "programa", "prueba", "teste"})


def no_longer(folded_words: list[str]) -> bool:
    """The clause's words before the phrase end in "ya no es", "dejó de ser", "já não é" (a
    determiner after it aside), or in a concluding verb and what it concluded ("concluyó el
    plan", "concluiu a fase")."""
    words = folded_words[-4:]
    if words and words[-1] in _CONCLUDED_NOUNS:
        words = words[:-1]
    if words and words[-1] in _DETERMINERS:
        words = words[:-1]
    return tuple(words[-3:]) in _ENDED or bool(words) and words[-1] in _CONCLUDED


# What a participle of giving ("concedida", "brindadas", "otorgada") qualifies may be words
# said to the press, not the act: "la entrevista concedida por el Director de Migración",
# "declaraciones del fiscal, brindadas a medios de comunicación".
_STATEMENT_NOUNS = frozenset({"entrevista", "entrevistas", "declaraciones", "declaracion",
                              "declaracoes", "declaracao", "conferencia", "palabras", "palavras",
                              "explicaciones", "explicacoes", "respuesta", "respuestas",
                              "resposta", "respostas"})
_TO_THE_PRESS = re.compile(r" *(?:a|al|a los|a las|ao|aos|as|para|para a|para o|para os)"
                           r" (?:medios|prensa|periodistas|la prensa|imprensa|jornalistas"
                           r"|radio|radios|emisoras|emissoras|televisao|television|canal|canales"
                           r"|red|rede|programa|portal|diario|jornal)\b")


def names_a_statement(folded_words: list[str], phrase: str, after: str) -> bool:
    """The phrase (folded, one word the caller knows was matched as a verb's stem) is a
    participle that qualifies words said: a statement noun right before it ("entrevista
    concedida") or the press right after it ("brindadas a medios de comunicación")."""
    return " " not in phrase and phrase.endswith(PARTICIPLE_ENDINGS) and (
        bool(folded_words) and folded_words[-1] in _STATEMENT_NOUNS or
        _TO_THE_PRESS.match(after) is not None)


# ... but what "continuará" has begun: "la capacitación continuará en el segundo semestre"
_GOES_ON = frozenset({"continuara", "continuaran", "seguira", "seguiran", "continuarao",
                      "seguirao", "prosseguira", "prosseguirao"})
_SHOULD_AFTER = frozenset({"deve", "devem", "debe", "deben", "debera", "deberan", "devera",
                           "deverao", "vai", "vao", "va", "van"})


# What an issuing verb issues may be a request: "el Ministerio Público expidió una
# recomendación a la Superintendencia", "a Câmara aprovou um requerimento de informação", "emitió
# un exhorto". The act is the asking, not the step asked for.
_ISSUING = ("emiti", "emite", "expidi", "expide", "expedi", "formul", "dirigi", "remiti",
            "envi", "present", "apresent", "encaminh", "protocol")
# Approving a request grants it ("aprobó la solicitud de visa"), unless it is a chamber's own
# request for information ("aprobó una minuta de comunicación", "aprovou um requerimento").
_APPROVING = ("aprob", "aprov")
_CHAMBER_REQUESTS = frozenset({"minuta", "requerimiento", "requerimento", "requerimentos"})
REQUEST_NOUNS = frozenset({"recomendacion", "recomendaciones", "recomendacao", "recomendacoes",
                           "exhorto", "exhortos", "pedido", "pedidos", "solicitud",
                           "solicitudes", "peticion", "requerimiento", "requerimento",
                           "requerimentos", "minuta", "oficio", "oficios"})
_ARTICLES = _DETERMINERS | {"unos", "unas", "su", "sus", "sua", "seu", "nueva", "nuevo", "nova",
                            "novo"}


def issues_a_request(folded: str, span: tuple[int, int]) -> bool:
    """The phrase ends in an issuing verb whose object is a request ("expidió una
    recomendación", "aprovou um requerimento")."""
    last = folded[span[0]:span[1]].split()[-1:]
    if not last or not last[0].startswith(_ISSUING + _APPROVING):
        return False
    after = [w for w in folded[span[1]:span[1] + 40].split()[:3] if w not in _ARTICLES]
    requests = _CHAMBER_REQUESTS if last[0].startswith(_APPROVING) else REQUEST_NOUNS
    return bool(after) and (after[0] in requests or
                            tuple(after[:2]) in _OMBUDSMAN_RESOLUTIONS and
                            not last[0].startswith(_APPROVING))


# An ombudsman's resolution recommends: "la Defensoría emitió una Resolución Defensorial … en la
# que recomienda aprobar un procedimiento para la emisión de visas humanitarias".
_OMBUDSMAN_RESOLUTIONS = frozenset({("resolucion", "defensorial"), ("resolucao", "defensorial"),
                                    ("informe", "defensorial")})


# What a request asks for, right after its noun: "presentó un pedido de cesación de la
# detención preventiva", "a solicitação de arquivamento". A request granted is the act itself
# ("el juez acogió el pedido de detención preventiva"), and so is one denied.
_REQUESTED_NOUNS = frozenset({"pedido", "pedidos", "solicitud", "solicitudes", "peticion",
                              "peticiones", "solicitacao", "solicitacoes", "requerimiento",
                              "requerimento"})
_GRANTING = ("acog", "acept", "admit", "conced", "otorg", "aprob", "aprov", "acolh", "aceit",
             "defer", "atend", "rechaz", "deneg", "neg", "indefer", "recus", "desestim")
GRANTING_WORDS = 3  # "acogió totalmente el pedido de": the verb within three words before it


def _asked_chain(words: list[str]) -> bool:
    """Articles only, or articles, a noun of action and "de" ("pedido de [la] cesación de la
    [detención preventiva]", "pedido de cessação da [prisão preventiva]")."""
    rest = [w for w in words if w not in _ARTICLES]
    return not rest or len(rest) == 2 and rest[0].endswith(ACTION_NOUN_ENDINGS) and \
        rest[1] in _OF_WORDS


# Who asks or how, between the noun and "de": "el requerimiento fiscal de aplicación de
# medidas de protección", "pedido formal de prisão preventiva".
_REQUEST_QUALIFIERS = frozenset({"fiscal", "formal", "expreso", "expresa", "expresso",
                                 "urgente", "judicial", "defensorial", "escrito", "escrita",
                                 "oficial"})


def asks_for(folded_words: list[str]) -> bool:
    """The phrase is what a request noun right before it asks for ("pedido de [la]",
    "requerimiento fiscal de"), and no granting or denying verb governs that noun."""
    tail = folded_words[-7:]
    for i, word in enumerate(tail):
        if word not in _REQUESTED_NOUNS:
            continue
        of = i + 2 if tail[i + 1:i + 2] and tail[i + 1] in _REQUEST_QUALIFIERS else i + 1
        if tail[of:of + 1] in (["de"], ["del"], ["da"], ["do"]) and _asked_chain(tail[of + 1:]):
            before = folded_words[max(0, len(folded_words) - len(tail) + i - GRANTING_WORDS):
                                  len(folded_words) - len(tail) + i]
            return not any(w.startswith(_GRANTING) for w in before)
    return False


def is_not_begun_after(text: str, end: int, folded: str) -> bool:
    """"o julgamento ainda nem começou", "el juicio todavía no comenzó", "el registro no
    funciona", "el juicio oral aún no tiene fecha" in the clause right after a phrase: the step
    has not happened ("ainda não funciona em todo o território" says it works in part)."""
    window = folded[end:_clause_end(text, end)].split()
    words = window[:LOOKAHEAD_WORDS]  # "todavía" (pt "however") is no joiner here
    for number, pair in enumerate(zip(words, words[1:], strict=False)):
        if pair in NO_LONGER_PAIRS:
            return True
        if pair in NOT_BEGUN_AFTER_PAIRS:
            return _WHOLLY.isdisjoint(window[number + 2:number + 5])
        if pair[0] in ("sin", "sem") and pair[1] in _DATE_NOUNS or \
                pair[0] in _VERB_DENIALS and pair[1] in _HAVE_WORDS and \
                words[number + 2:number + 3] and words[number + 2] in _DATE_NOUNS or \
                number <= _NOT_DONE_LEAD and _not_done(words[number:]) and \
                not _ends_in_a_participle(folded, end):
            return True
    return False


# What is no longer there, said right after it: "el resguardo policial asignado en 2021 ya no
# se encontraba presente" (denied, and for a rule that looks for its withdrawal, only absent).
NO_LONGER_PAIRS = frozenset({("ya", "no"), ("ja", "nao")})


def is_no_longer_after(text: str, end: int, folded: str) -> bool:
    """"ya no" / "já não" in the first words of the phrase's clause after it."""
    words = folded[end:_clause_end(text, end)].split()[:LOOKAHEAD_WORDS]
    return any(pair in NO_LONGER_PAIRS for pair in zip(words, words[1:], strict=False))


def _ends_in_a_participle(folded: str, end: int) -> bool:
    """The phrase ending at ``end`` ends in a participle describing a noun, which is not what
    that noun's passive denies: in "a escolta determinada ainda não foi colocada em prática"
    the order stands."""
    last = folded[max(0, end - LOOKBACK_CHARS):end].rsplit(maxsplit=1)[-1:]
    return bool(last) and last[0].endswith(PARTICIPLE_ENDINGS)


# ... nor has a step its own passive denies right after it: "la imputación todavía no fue
# presentada", "a denúncia ainda não foi recebida", "la aprehensión no ha sido ejecutada".
_NOT_DONE_LEAD = 2  # words before the denial: "todavía", "aún", "ainda"
_PASSIVE_BE = {"fue": 1, "fueron": 1, "foi": 1, "foram": 1, "ha": 2, "han": 2, "tem": 2,
               "tinha": 2, "habia": 2, "havia": 2}


def _not_done(words: list[str]) -> bool:
    """``words`` open with a denial, a passive "to be" and its participle."""
    if len(words) < 3 or words[0] not in _VERB_DENIALS or words[1] not in _PASSIVE_BE:
        return False
    participle = words[1 + _PASSIVE_BE[words[1]]:2 + _PASSIVE_BE[words[1]]]
    return bool(participle) and participle[0].endswith(PARTICIPLE_ENDINGS)


# The agenda approved, not what it lists: "El pleno de la Cámara de Diputados aprobó anoche el
# orden del día que incluía, en el punto séptimo, el proyecto…", "a Câmara aprovou a pauta",
# "se aprobó el acta de la sesión anterior".
AGENDA_OBJECTS = frozenset({
    ("el", "orden", "del", "dia"), ("la", "orden", "del", "dia"), ("la", "agenda"),
    ("el", "acta"), ("a", "pauta"), ("a", "ordem", "do", "dia"), ("a", "ata"), ("a", "agenda"),
    # a headline drops the article: "Diputados aprueba orden del día con la reforma…"
    ("orden", "del", "dia"), ("ordem", "do", "dia"), ("pauta",),
})
_APPROVALS = ("aprob", "aprueb", "aprov")
_AGENDA_WORDS = 6  # a time adverb and the object
# what may stand between the verb and its object: "aprobó anoche", "aprobó por unanimidad"
_AGENDA_TIMES = frozenset({"ayer", "hoy", "anoche", "anteayer", "ontem", "hoje", "anteontem",
                           "tambien", "tambem", "por", "unanimidad", "unanimidade"})


def approves_an_agenda(folded: str, span: tuple[int, int]) -> bool:
    """The phrase ends with a verb of approval whose object, right after it (past a time
    adverb), is an agenda or minutes (``AGENDA_OBJECTS``)."""
    last = folded[span[0]:span[1]].rsplit(maxsplit=1)[-1:]
    if not last or not last[0].startswith(_APPROVALS):
        return False
    words = [word for word in folded[span[1]:span[1] + LOOKBACK_CHARS].split()[:_AGENDA_WORDS]
             if word not in _AGENDA_TIMES]
    return any(tuple(words[:len(obj)]) == obj for obj in AGENDA_OBJECTS)


# What follows a phrase and leaves it out: "el artículo 281 bis «no forma parte de esta
# iniciativa»", "as Forças Armadas não foram incluídas", "quedan fuera de su alcance", "será
# objeto de una iniciativa separada".
LEFT_OUT_AFTER = frozenset({
    ("no", "forma", "parte"), ("no", "forman", "parte"), ("no", "formo", "parte"),
    ("no", "formaba", "parte"), ("nao", "faz", "parte"), ("nao", "fazem", "parte"),
    ("nao", "fez", "parte"), ("nao", "fizeram", "parte"), ("queda", "fuera"),
    ("quedan", "fuera"), ("quedo", "fuera"), ("quedaron", "fuera"), ("fica", "de", "fora"),
    ("ficam", "de", "fora"), ("ficou", "de", "fora"), ("ficaram", "de", "fora"),
    # left for another time: "el artículo 281 bis será objeto de un tratamiento separado"
    ("tratamiento", "separado"), ("tratamento", "separado"), ("iniciativa", "separada"),
    ("proyecto", "separado"), ("projeto", "separado"), ("por", "separado"),
    ("em", "separado"), ("debate", "separado"), ("norma", "aparte"), ("ley", "aparte"),
    # kept as it was: "el artículo 281 bis del Código Penal se mantiene sin modificaciones"
    # (not "aprobó sin modificaciones el proyecto": approved as it stood)
    *((verb, without, change)
      for verb in ("mantiene", "mantienen", "queda", "quedan", "permanece", "permanecen",
                   "mantem", "mantem", "fica", "ficam", "segue", "seguem")
      for without, change in (("sin", "modificaciones"), ("sin", "modificacion"),
                              ("sin", "cambios"), ("sem", "alteracoes"), ("sem", "alteracao"),
                              ("sem", "mudancas"), ("sem", "modificacoes"))),
    # ... or keeps its wording: "El artículo 281 bis mantiene su redacción vigente", "las demás
    # disposiciones, incluido el artículo 281 bis, mantienen su vigencia"
    *((verb, its, wording)
      for verb in ("mantiene", "mantienen", "conserva", "conservan", "mantem", "conservam")
      for its, wording in (("su", "redaccion"), ("su", "vigencia"), ("su", "texto"),
                           ("sua", "redacao"), ("sua", "vigencia"), ("seu", "texto")))})
# ... or not changed: "a definição do artigo 281 bis não foi alterada"
_LEFT_OUT_PARTICIPLES = ("comprendid", "incluid", "contemplad", "abarcad", "abrangid",
                         "modificad", "alterad", "reformad", "tocad")
_LEFT_OUT_HINTS = ("part", "fuera", "fora", "comprendid", "incluid", "contemplad", "abarcad",
                   "abrangid", "separad", "modific", "cambios", "alterac", "alterad", "mudanc",
                   "redac", "vigencia", "texto", "reformad", "tocad")
LEFT_OUT_WORDS = 3  # "no han sido incluidas": the participle within three words of the denial
# past an apposition: "el artículo 281 bis, relativo a la trata de personas, no forma parte"
LEFT_OUT_LOOKAHEAD_WORDS = 12
_SENTENCE_MARK = re.compile(r"[.;:!?\n]")


def is_left_out_after(text: str, end: int, folded: str) -> bool:
    """The words right after a phrase say it is left out ("no forma parte", "não foram
    incluídas", "quedan fuera"), up to ``LOOKAHEAD_WORDS`` words in its sentence (quotes and
    commas do not stop it: "«no forma parte de esta iniciativa»")."""
    window = folded[end:end + LOOKBACK_CHARS]
    if not any(hint in window for hint in _LEFT_OUT_HINTS):
        return False
    mark = _SENTENCE_MARK.search(text, end, end + LOOKBACK_CHARS)
    words = folded[end:mark.start() if mark else end + LOOKBACK_CHARS].split()[
        :LEFT_OUT_LOOKAHEAD_WORDS]
    for i, word in enumerate(words):
        if tuple(words[i:i + 3]) in LEFT_OUT_AFTER or tuple(words[i:i + 2]) in LEFT_OUT_AFTER:
            return True
        if word in _VERB_DENIALS and any(w.startswith(_LEFT_OUT_PARTICIPLES)
                                         for w in words[i + 1:i + 1 + LEFT_OUT_WORDS]):
            return True
    return False


# What a text does not touch, named as that verb's object: "El texto … no toca la definición del
# delito de trata prevista en el artículo 281 bis", "a reforma não altera o artigo 281 bis".
_UNTOUCHING = frozenset({
    "toca", "tocan", "toco", "tocara", "modifica", "modifican", "modifico", "altera", "alteran",
    "altero", "alterou", "alteram", "incluye", "incluyen", "incluyo", "inclui", "incluem",
    "incluiu", "contempla", "contemplan", "contemplo", "menciona", "mencionan", "menciono",
    "mencionou", "abarca", "abarcan", "afecta", "afectan", "afeta", "afetam", "mexe", "mexem",
    "reforma", "reformam", "cambia", "cambian", "muda", "mudam",
})


def is_left_out_before(clause_before: list[str]) -> bool:
    """A denied verb of touching (``_UNTOUCHING``) governs the phrase from earlier in its clause
    (within ``LEFT_OUT_LOOKAHEAD_WORDS`` words, no other verb denied in between)."""
    words = clause_before[-LEFT_OUT_LOOKAHEAD_WORDS:]
    for i in range(len(words) - 2, -1, -1):
        if words[i] in _VERB_DENIALS:
            return words[i + 1] in _UNTOUCHING
    return False


# A sentence that compares the news with another case names that case only as a yardstick:
# "a diferencia de lo ocurrido el año pasado en Cochabamba, esta vez la Policía recibió la
# denuncia", "El caso recuerda al de Cochabamba de 2021", "as colegas lembraram o caso de 2021".
COMPARISON_PHRASES = frozenset({
    "a diferencia de", "a diferencia del", "al igual que", "como en el caso", "como ocurrio en",
    "como sucedio en", "recuerda al", "recuerda el caso", "recordo el caso", "recordaron el caso",
    "similar al", "semejante al", "parecido al", "evoca el caso", "a semejanza de",
    "ao contrario do", "ao contrario da", "ao contrario de", "diferentemente do",
    "diferentemente da", "diferente do que", "a exemplo do", "a exemplo da", "como no caso",
    "lembra o caso", "lembrou o caso", "lembraram o caso", "lembram o caso", "semelhante ao",
    "parecido com o", "assim como no", "tal como no", "recordou o caso", "recordaram o caso",
    "relembrou o caso", "relembraram o caso", "relembra o caso", "relembram o caso",
    "guarda similitud con", "similitud con", "semejanza con", "casos como el de",
    "semelhanca com", "casos como o de",
    # compared outright: "la comparó con lo que pasó en Cochabamba hace dos meses"
    "comparo con", "compararon con", "compara con", "comparan con", "comparou com",
    "compararam com", "compara com", "comparam com", "en comparacion con", "em comparacao com",
    # ... with the case named: "comparó el caso con el ocurrido en Cochabamba en 2021"
    "comparo el caso con", "compararon el caso con", "compara el caso con",
    "comparou o caso com", "compararam o caso com", "compara o caso com",
    "con el ocurrido en", "como el ocurrido en", "com o ocorrido em", "como o ocorrido em",
    "con lo ocurrido en", "con lo que paso en", "con lo que ocurrio en",
    "com o que aconteceu em", "com o que ocorreu em",
    # set against it: "la rapidez de la respuesta, que contrasta con lo ocurrido en Cochabamba"
    "contrasta con", "contrastan con", "contrasto con", "en contraste con", "contrasta com",
    "contrastam com", "contrastou com", "em contraste com",
    # a headline drops the article: "organizações lembram caso de Cochabamba"
    "lembram caso", "lembra caso", "lembraram caso", "relembram caso", "recuerdan caso",
    "recuerda caso", "recuerdan el caso", "recordaron caso",
    # the same thing befell another: "lo mismo le pasó a la compañera de Cochabamba en 2021"
    "lo mismo le paso a", "lo mismo le ocurrio a", "lo mismo que le paso a",
    "o mesmo aconteceu com", "o mesmo que aconteceu com", "o mesmo ocorreu com",
})
# Only a contrast followed by "(lo/o) que" corrects an earlier report (``_CORRECTION_NEXT``).
_CONTRASTS = frozenset({"a", "ao", "diferente", "diferentemente"})
COMPARISON_HINTS = ("diferen", "igual que", "como en el caso", "como ocurrio", "como sucedio",
                    "recuerda", "recordo el caso", "recordaron el caso", "similar al",
                    "semejan", "parecido", "evoca", "contrario d", "exemplo d", "como no caso",
                    "lembr", "semelhante", "assim como no", "tal como no", "recordou o caso",
                    "recordaram o caso", "similitud", "semelhanca", "casos como", "compar",
                    "ocurrido en", "ocorrido em", "paso en", "ocurrio en", "aconteceu em",
                    "ocorreu em", "lo mismo", "o mesmo", "contrast", "recordo", "recordaron",
                    "recordando")
COMPARISON_HINT = Hints(COMPARISON_HINTS)


# A topic named as the case the news came after, as the pattern it repeats, or as a case the
# news has nothing to do with: "el hecho ocurre semanas después del caso de Cochabamba", "o caso
# repete o padrão visto em Cochabamba", "o caso não tem relação com o de Cochabamba".
# Only a topic (``about``) is discounted: "Tras el caso de Cochabamba, el Ministerio aprobó
# directrices" still reports an act.
REFERENCE_PHRASES = tuple(f" {phrase}" for phrase in (
    "despues del caso", "tras el caso", "luego del caso", "depois do caso", "apos o caso",
    "despues del episodio", "tras el episodio", "luego del episodio", "depois do episodio",
    "apos o episodio",
    # what happened there: "después de lo de Cochabamba, la instrucción es clara"
    "despues de lo", "tras lo", "luego de lo", "depois do que aconteceu", "apos o que aconteceu",
    "repite el patron", "repete o padrao", "mismo patron", "mesmo padrao", "patron visto",
    "padrao visto", "patron observado", "padrao observado",
    # ... or disclaimed: "O caso não tem relação com o de Cochabamba"
    "no tiene relacion con", "nao tem relacao com", "sin relacion con", "sem relacao com",
    "nada que ver con", "nada a ver com", "no guarda relacion con", "nao guarda relacao com",
    # "O caso é distinto do de Cochabamba" (the linking words after it are dropped)
    "es distinto", "e distinto",
    # alluded to: "reclamaron celeridad, en alusión al caso de Cochabamba de 2021"
    "en alusion al caso", "en alusion a lo", "em alusao ao caso", "en referencia al caso",
    "em referencia ao caso", "como en el caso", "como no caso"))
_REFERENCE_LINKS = frozenset({"de", "del", "da", "do", "la", "el", "a", "o", "en", "em",
                              # ... and the case's own noun: "não tem relação com o processo de"
                              "caso", "proceso", "processo", "causa", "episodio"})
REFERENCE_WORDS = 6  # the linking words between the phrase and the topic (and another case)
_REFERENCE_PHRASE_WORDS = max(len(phrase.split()) for phrase in REFERENCE_PHRASES)


# ... or call it another case: "há poucas semanas, outro caso de violência em Cochabamba expôs"
OTHER_CASE = (" otro caso ", " otros casos ", " outro caso ", " outros casos ")
# ... or another woman right before it: "Otra trabajadora sexual asesinada en Santa Cruz"
_ANOTHER = frozenset({"otra", "otras", "outra", "outras", "otro", "otros", "outro", "outros"})


def is_referenced(sentence: list[str]) -> bool:
    """The sentence words right before a phrase name it as the case the news follows or the
    pattern it repeats (``REFERENCE_PHRASES``, then only linking words), or as another case."""
    tail = sentence[-REFERENCE_WORDS:]
    if any(other in f" {' '.join(tail)} " for other in OTHER_CASE) or \
            tail[-1:] and tail[-1] in _ANOTHER:
        return True
    # the linking words, then the phrase before them: "no tiene relación con | el de la"
    words = sentence[-(REFERENCE_WORDS + _REFERENCE_PHRASE_WORDS):]
    end = len(words)
    while True:
        if (" " + " ".join(words[:end])).endswith(REFERENCE_PHRASES):
            return True  # a link may end the phrase too: "depois do episódio | de"
        if end <= max(0, len(words) - REFERENCE_WORDS) or words[end - 1] not in _REFERENCE_LINKS:
            return False
        end -= 1


# A span of time that dates something is no trait of a case: "dos meses" names this case's
# captivity, but "menos de dois meses depois do caso de Cochabamba" and "hace dos meses" only
# date another event.
TIME_UNITS = frozenset({"dia", "dias", "semana", "semanas", "mes", "meses", "ano", "anos",
                        "hora", "horas"})
_SPAN_AFTER = frozenset({"despues", "depois", "antes", "atras"})
_SPAN_BEFORE = frozenset({"hace", "ha"})


def is_time_span(folded: str, span: tuple[int, int], before: list[str]) -> bool:
    """The phrase ends with a unit of time and dates something: "después / depois / antes /
    atrás" right after it, or "hace / há" right before it (``before``, the sentence words
    before the phrase)."""
    words = folded[span[0]:span[1]].split()
    if not words or words[-1] not in TIME_UNITS:
        return False
    after = folded[span[1]:span[1] + 12].split()
    return bool(after) and after[0] in _SPAN_AFTER or \
        bool(before) and before[-1] in _SPAN_BEFORE or \
        len(before) > 1 and before[-2] in _SPAN_BEFORE  # "hace unos dos meses"


_CORRECTION_NEXT = (("que",), ("lo", "que"), ("o", "que"))  # "a diferencia de lo que se informó"


# A verb or noun of comparing, and what it compares with within a few words: "compararam o
# episódio ao caso de Cochabamba", "la comparación del operativo con el caso" (not "compartir",
# "comparecer": to share, to appear in court).
_COMPARING = "compar"
_NOT_COMPARING = ("compart", "comparec")
_COMPARED_WITH = frozenset({"con", "com", "ao", "aos", "al", "a"})
_COMPARED_WITH_WORDS = 4


# A case recalled: "lembraram a demora inicial da polícia no caso de Cochabamba", "recordaron la
# falta de respuesta en el caso de Cochabamba".
_RECALLING = frozenset({"lembrou", "lembraram", "lembra", "lembram", "lembrando", "relembrou",
                        "relembraram", "relembra", "relembram", "recordo", "recordaron",
                        "recuerda", "recuerdan", "recordando"})
_IN_THE_CASE = (["no", "caso", "de"], ["en", "el", "caso", "de"], ["do", "caso", "de"],
                ["del", "caso", "de"], ["no", "caso", "da"], ["en", "el", "caso", "del"])


def _recalls_a_case(sentence: list[str]) -> bool:
    return any(sentence[-len(words):] == words for words in _IN_THE_CASE) and \
        not _RECALLING.isdisjoint(sentence)


def is_compared(sentence: list[str]) -> bool:
    """A comparison cue among the sentence words before a phrase (or a recalling verb, when
    the phrase follows "en el caso de"): the phrase names another case as a yardstick, not the
    news. A cue followed by "(lo/o) que" corrects an earlier report instead ("Diferentemente do
    que foi publicado, a reforma não foi promulgada")."""
    if _recalls_a_case(sentence):
        return True
    starts = _cue_starts(COMPARISON_PHRASES)
    for i, word in enumerate(sentence):
        if word.startswith(_COMPARING) and not word.startswith(_NOT_COMPARING) and \
                any(w in _COMPARED_WITH for w in sentence[i + 1:i + 1 + _COMPARED_WITH_WORDS]):
            return True
        for size in starts.get(word, ()):
            if " ".join(sentence[i:i + size]) in COMPARISON_PHRASES and \
                    not (word in _CONTRASTS and
                         any(tuple(sentence[i + size:i + size + len(next_words)]) == next_words
                             for next_words in _CORRECTION_NEXT)):
                return True
    return False


QUESTION_CHARS = 300  # how far after a phrase its sentence's end is looked for


def is_question(text: str, end: int) -> bool:
    """The phrase's sentence is a question: the first sentence mark after it is "?"
    ("¿La víctima ya cuenta con protección?", "E a lei do trabalho sexual?"). A question asks
    whether a step happened; it does not report it."""
    mark = _SENTENCE_MARK.search(text, end, end + QUESTION_CHARS)
    return mark is not None and mark.group() == "?"


def is_negated(folded_words: list[str], *, language: str = "es",
               undoing: bool = True, rejection: bool = True,
               reach: int = LOOKBACK_WORDS) -> bool:
    """A denial cue among the clause words before the phrase, within its last ``reach`` words
    (``undoing=False``: a denial proper, "no", "negó", not an undoing such as "suspendió",
    "revocó"; ``rejection=False``: nor a rejection, "rechazó", "rejeitou")."""
    negations = _NEGATIONS_BY_LANGUAGE.get(language, NEGATION_WORDS)
    if not undoing:
        negations = negations - UNDOING_WORDS
    if not rejection:
        negations = negations - REJECTION_WORDS
    folded_words = folded_words[-LOOKBACK_WORDS:]
    first = len(folded_words) - reach
    for i, word in enumerate(folded_words):
        if i < first or word not in negations:
            continue
        following = folded_words[i + 1] if i + 1 < len(folded_words) else ""
        if (word, following) not in NEGATION_EXCEPTIONS and \
                not _denies_an_adjective(word, following) and \
                not _done_and_not_done(folded_words, i) and \
                not _without_for_someone(folded_words, i):
            return True
    return False


# "Without" a thing for someone: "atención sin carné a trabajadoras sexuales", "sem custo para
# as usuárias", "sin exigir el carné de control a las trabajadoras": "sin" denies the thing, not
# those it is given to. Not a verb alone before the preposition ("se retiró sin acudir a la
# audiencia" denies going to the hearing), nor "sin que" (a whole clause denied).
_WITHOUT = frozenset({"sin", "sem"})
_RECIPIENT = frozenset({"a", "al", "para", "ao", "aos", "pra", "hacia"})
_NOUN_OPENERS = _DETERMINERS | {"su", "sus", "seu", "sua", "seus", "suas", "lo", "del", "de"}
_PURPOSE = frozenset({"para", "pra"})  # a recipient only before a determiner ("para las")
_AND_OR = frozenset({"y", "e", "o", "ni", "nem", "u"})
# ... but no date for a step is no step: "continúa sin fecha para el nuevo juicio"
_NO_TIME_FOR = frozenset({"fecha", "data", "plazo", "prazo", "dia", "hora", "horario",
                          "previsao", "prevision", "avance", "avances", "avanco", "avancos"})


def _without_for_someone(words: list[str], i: int) -> bool:
    """The "sin"/"sem" at ``i`` governs a noun, and a recipient ("a", "para") follows it
    before the phrase: the phrase is who the thing is for, not what is missing."""
    if words[i] not in _WITHOUT or i + 1 >= len(words) or words[i + 1] == "que":
        return False
    for j in range(i + 2, len(words)):
        if words[j] in _AND_OR or not _NO_TIME_FOR.isdisjoint(words[i + 1:j]):
            return False  # "sin discriminación y a adoptar medidas": another verb's object
        if words[j] not in _RECIPIENT:
            continue
        after = words[j + 1] if j + 1 < len(words) else ""  # "": the phrase comes next
        if after.endswith(_INFINITIVE_ENDINGS) or \
                words[j] in _PURPOSE and after not in _NOUN_OPENERS:
            return False  # a purpose: "sin presupuesto para capacitar a la tropa"
        return any(w not in _NOUN_OPENERS and not w.endswith(_INFINITIVE_ENDINGS)
                   for w in words[i + 1:j])
    return False


def _joins_numbers(words: list[re.Match[str]], i: int) -> bool:
    """The joiner at ``i`` (of ``clause_words``'s matches) stands between two numbers, as in
    "al negarse los días 20 y 21 de agosto a recibir su denuncia y a activar…": it joins no
    clause."""
    return 0 < i < len(words) - 1 and words[i - 1].group().isdigit() and \
        words[i + 1].group().isdigit()


def _joins_done_and_not_done(words: list[re.Match[str]], i: int) -> bool:
    """The joiner at ``i`` (of ``clause_words``'s matches) stands in "hizo y no hizo"."""
    return i >= 2 and _done_and_not_done([w.group() for w in words[i - 2:i + 3]], 2)


def _done_and_not_done(words: list[str], i: int) -> bool:
    """The word at ``i`` ("no", or the "y" before it) pairs a verb with its own denial, as a
    review's "what was done and what was not" does: "lo que Bolivia hizo y no hizo contra la
    trata", "o que fez e não fez": neither half denies what follows, and the "y" joins no
    clause."""
    if 1 <= i < len(words) - 2 and words[i] in ("y", "e"):
        i += 1
    return 2 <= i < len(words) - 1 and words[i - 1] in ("y", "e") and \
        words[i] in ("no", "nao") and words[i + 1] == words[i - 2]


# A thing found missing: "quedó sin custodia policial", "constata ausencia de resguardo", "ya no
# cuentan con el resguardo", "estão sem proteção policial". For a rule proposing a setback the
# absence of what it acts on is the news (matcher), as an undoing is.
_ABSENCE_WORDS = frozenset({"sin", "sem", "ausencia", "falta", "carece", "carecen"})
_ABSENCE_PAIRS = frozenset(
    (negation, verb)
    for negation in ("no", "nao")
    for verb in ("cuenta", "cuentan", "contaba", "contaban", "conta", "contam", "contava",
                 "contavam", "tiene", "tienen", "tenia", "tenian", "tem", "tinha", "tinham"))


def is_only_absent(folded_words: list[str], *, language: str = "es") -> bool:
    """The only denial before the phrase says it is missing (``_ABSENCE_WORDS``, "no cuenta
    con"), not that something was not done."""
    words = folded_words[-LOOKBACK_WORDS:]
    kept = [word for i, word in enumerate(words)
            if word not in _ABSENCE_WORDS and
            (word, words[i + 1] if i + 1 < len(words) else "") not in _ABSENCE_PAIRS]
    return len(kept) < len(words) and not is_negated(kept, language=language, undoing=False)


_ADJECTIVE_PARTICIPLE = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")


def _denies_an_adjective(word: str, following: str) -> bool:
    """"no" right before a participle with no auxiliary denies that participle, an adjective
    of the noun before it: "en visitas no anunciadas, verificó que la custodia está vigente",
    "casos no resueltos" (a verb is denied through its auxiliary: "no fue activado")."""
    return word in _VERB_DENIALS and len(following) > 4 and \
        following.endswith(_ADJECTIVE_PARTICIPLE)


# "Almost" right before the phrase: it did not happen ("o agressor quase foi solto em oito
# horas", "casi fue archivado"). Only right before it: "casi todos los policías fueron
# capacitados" reports most of them trained.
ALMOST = frozenset({"casi", "quase"})


def almost_before(folded_words: list[str]) -> bool:
    """"casi" / "quase" is the clause's last word before the phrase, or before its auxiliary
    ("quase foi [solto]")."""
    words = folded_words[:-1] if folded_words[-1:] and folded_words[-1] in _MAIN_AUXILIARIES \
        else folded_words
    return bool(words) and words[-1] in ALMOST


# A hearing or a session undone is not what it was to consider: "Suspenden audiencia de medidas
# de protección" leaves the measures neither granted nor withdrawn (``undoes_a_hearing``).
HEARING_NOUNS = frozenset({"audiencia", "audiencias", "sesion", "sesiones", "reunion",
                           "tratamiento", "debate", "votacion",
                           "sessao", "reuniao", "votacao", "juicio", "julgamento"})
# ... put off, not annulled: "anuló el juicio" orders a new trial, which is news
_PUT_OFF = ("suspend", "suspens", "posterg", "aplaz", "adi", "cancel", "difer", "difir")
# ... and their nouns, which put off a hearing as well: "lamenta la suspensión, por tercera
# vez, de la audiencia de juicio oral" (not other acts: "la suspensión del registro" is news)
_PUT_OFF_NOUNS = frozenset({"suspension", "postergacion", "aplazamiento", "cancelacion",
                            "diferimiento", "suspensao", "adiamento", "cancelamento"})


# What something lasts until has not happened: "el procedimiento vigente continuará hasta la
# aprobación de la nueva norma", "vale até a publicação do regulamento".
_UNTIL = frozenset({"hasta", "ate"})
_UNTIL_DETERMINERS = _DETERMINERS | {"su", "sua", "sus", "suas"}


# What lasts until the end or the start of something, what draws near, and the span something
# happens during are the time of another step, not a step: "seguirá monitorando o caso até o fim
# do julgamento", "manifestó temor por la proximidad del juicio oral", "resguardo permanente
# durante la sustanciación del juicio oral" (a lasting state, ``frames_a_time``).
_STAGES = frozenset({"fin", "fim", "final", "conclusion", "conclusao", "termino", "cierre",
                     "encerramento", "inicio", "comienzo", "comeco"})
_NEARING = frozenset({"proximidad", "proximidade", "vispera", "vespera", "espera"})
_DURING = "durante"
# ... and the hearings someone is taken to: "acompañamiento en sus traslados a las audiencias
# del juicio oral" (a protection measure, not the trial's news)
_ATTENDED = frozenset({"audiencias", "sesiones", "sessoes"})
# ... and the midst of a stage: "em plena fase de julgamento", "en pleno juicio oral"
_IN_THE_MIDST = frozenset({"pleno", "plena"})
_PHASES = frozenset({"fase", "etapa"})
_TOWARDS = frozenset({"las", "as"})
FRAME_WORDS = 5


def is_awaited(folded_words: list[str]) -> bool:
    """The phrase comes right after "hasta (la)" / "até (a)": it is awaited, not done."""
    tail = folded_words[-2:]
    return bool(tail) and (tail[-1] in _UNTIL or len(tail) == 2 and tail[0] in _UNTIL and
                           tail[1] in _UNTIL_DETERMINERS)


def frames_a_time(clause: list[str]) -> bool:
    """The clause words before the phrase end with a frame of time: "hasta el fin del", "la
    proximidad del", "durante el", "durante la sustanciación del"."""
    words = clause[-FRAME_WORDS:]
    if words[-1:] and words[-1] in _IN_THE_MIDST:
        return True  # "en pleno juicio oral"
    i = len(words)
    while i and (words[i - 1] in _OF_WORDS or words[i - 1] in _DETERMINERS):
        i -= 1
    if not i or i == len(words) and words[i - 1] != _DURING:
        return False  # the phrase must follow a link ("del", "do") or "durante (el)"
    noun = words[i - 1]
    if noun in _NEARING or noun == _DURING or \
            noun in _ATTENDED and i > 1 and words[i - 2] in _TOWARDS or \
            noun in _PHASES and i > 1 and words[i - 2] in _IN_THE_MIDST:
        return True
    if noun not in _STAGES and not noun.endswith(ACTION_NOUN_ENDINGS):
        return False
    j = i - 1
    while j and words[j - 1] in _DETERMINERS:
        j -= 1
    if j > 0 and (words[j - 1] == _DURING or noun in _STAGES and words[j - 1] in _UNTIL):
        return True
    # weeks before the start of: "a poucas semanas do início do julgamento"
    return noun in _STAGES and j > 1 and words[j - 1] in _OF_WORDS and words[j - 2] in TIME_UNITS


# ... and a step said to be under way is a lasting state too: "en el juicio oral en curso"
_UNDER_WAY = (["en", "curso"], ["em", "curso"], ["em", "andamento"], ["en", "desarrollo"])


def under_way_after(folded: str, end: int) -> bool:
    """"en curso", "em andamento" right after the phrase, or after a verb of state: "cuyo
    juicio oral se encuentra en curso", "que segue em andamento"."""
    words = folded[end:end + 40].split()[:4]
    if words[:2] == ["se", "encuentra"]:
        words = words[2:]
    elif words[:1] and words[0] in _STATE_OF_UNDER_WAY:
        if words[0] in _GOING_ON_WITH and words[1:2] and words[1] in _DETERMINERS:
            return True  # "o julgamento segue o calendário previsto"
        words = words[1:]
    return words[:2] in _UNDER_WAY or words[:1] in _PENDING


# ... or pending: "es testigo principal en el juicio oral pendiente"
_PENDING = (["pendiente"], ["pendientes"], ["pendente"], ["pendentes"])
_GOING_ON_WITH = frozenset({"sigue", "segue", "prosigue", "continua"})
_STATE_OF_UNDER_WAY = frozenset({"esta", "sigue", "continua", "segue", "prosigue", "permanece"})


def undoes_a_hearing(folded_words: list[str], phrase_word: str = "") -> bool:
    """Between the clause's undoing word and the phrase stands a hearing noun followed by "de"
    ("suspenden audiencia de [medidas de protección]", "adiou a sessão de votação do
    [projeto]"), or the phrase is the hearing (its first word, ``phrase_word``), right after
    the verb or the hearing's stage: "Postergan por tercera vez el inicio del [juicio oral]"."""
    words = folded_words[-LOOKBACK_WORDS:]
    undoing = [i for i, word in enumerate(words)
               if word in UNDOING_WORDS and word.startswith(_PUT_OFF) or word in _PUT_OFF_NOUNS]
    if not undoing:
        return False
    between = words[undoing[-1] + 1:]
    if phrase_word in HEARING_NOUNS and all(
            word in _OF_WORDS or word in _DETERMINERS or word in _HEARING_STAGES
            for word in between):
        return True
    return any(word in HEARING_NOUNS and following in _OF_WORDS
               for word, following in zip(between, between[1:], strict=False))


_RELATIVE_LEADS = _DETERMINERS | {"en", "em", "de", "con", "com", "por", "para", "no", "na"}


def puts_off_its_subject_hearing(sentence: list[str], phrase_word: str) -> bool:
    """The phrase is a put-off participle ("fue suspendida", "foi adiada") and the sentence
    opens with a hearing as its subject, however long the relative clause that names what the
    hearing was to consider: "La audiencia en la que el Juzgado debía considerar el
    requerimiento de medidas de protección […] fue suspendida". Not when a "que" after a verb
    opens a clause of its own ("La audiencia determinó que las medidas fueran suspendidas")."""
    if phrase_word not in UNDONE_AFTER or not phrase_word.startswith(_PUT_OFF) or \
            not sentence or sentence[-1] not in _MAIN_AUXILIARIES | _PRESENT_AUXILIARIES:
        return False
    nouns = [word for word in sentence[:3] if word not in _DETERMINERS]
    if not nouns or nouns[0] not in HEARING_NOUNS:
        return False
    return all(sentence[i - 1] in _RELATIVE_LEADS or sentence[i - 1] in HEARING_NOUNS
               for i, word in enumerate(sentence) if word == "que" and i)


# What a hearing's noun may stand behind: "la suspensión del inicio del [juicio oral]".
_HEARING_STAGES = frozenset({"inicio", "instalacion", "realizacion", "celebracion",
                             "instalacao", "realizacao"})


def puts_off_a_hearing(sentence: list[str], phrase_word: str = "") -> bool:
    """The noun of a putting-off, among the sentence's last words before the phrase, has a
    hearing as its complement, whatever stands between: "la suspensión, por tercera vez
    consecutiva, de la audiencia de [juicio oral]" (not "tras la suspensión del registro,
    comenzó la audiencia de juicio oral": that hearing is no complement); or the phrase is the
    hearing (its first word, ``phrase_word``), right after the noun or its stage: "dispuso la
    suspensión del inicio del [juicio oral]"."""
    words = sentence[-HEDGE_LOOKBACK_WORDS:]
    nouns = [i for i, word in enumerate(words) if word in _PUT_OFF_NOUNS]
    if not nouns:
        return False
    if phrase_word in HEARING_NOUNS and all(
            word in _OF_WORDS or word in _DETERMINERS or word in _HEARING_STAGES
            for word in words[nouns[-1] + 1:]):
        return True
    for i in range(nouns[-1] + 2, len(words) - 1):
        of = words[i - 1] if words[i - 1] in _OF_WORDS else \
            words[i - 2] if words[i - 1] in _DETERMINERS else ""
        if words[i] in HEARING_NOUNS and of in _OF_WORDS and words[i + 1] in _OF_WORDS:
            return True
    return False


def suspends_a_hearing(folded: str, span: tuple[int, int]) -> bool:
    """The phrase is an undoing verb whose object is a hearing: "Suspenden audiencia de medidas
    de protección", "adiou a sessão" (what was suspended is the hearing, not the measure)."""
    last = folded[span[0]:span[1]].split()[-1:]
    if not last or not (last[0] in UNDOING_WORDS or last[0] in UNDONE_AFTER) or \
            not last[0].startswith(_PUT_OFF):
        return False
    after = [w for w in folded[span[1]:span[1] + 40].split()[:3] if w not in _DETERMINERS]
    return bool(after) and after[0] in HEARING_NOUNS


def names_a_hearing(folded_words: list[str]) -> bool:
    """A hearing noun among these words (the subject's noun phrase before the phrase)."""
    return not HEARING_NOUNS.isdisjoint(folded_words)


def is_undone_before(folded_words: list[str]) -> bool:
    """An undoing cue ("suspendió", "revocó", "dejó sin efecto") among the clause words
    before the phrase."""
    words = folded_words[-LOOKBACK_WORDS:]
    return any(word in UNDOING_WORDS for word in words) or \
        any(pair in UNDOING_PAIRS for pair in zip(words, words[1:], strict=False))


def is_hedged(folded_words: list[str], original_words: list[str], matched: str, *,
              language: str = "es") -> bool:
    """A plan/forecast/request cue before the phrase, or a future form of the matched word
    (or a future or conditional just before it)."""
    if _ends_future(matched, _FUTURE_ENDINGS):
        return True
    conditional = _CONDITIONAL.get(language, ())
    first = max(0, len(original_words) - FUTURE_WORDS)
    for at in range(first, len(original_words)):
        word = original_words[at]
        if _is_conditional(word, conditional) or \
                _ends_future(word, _FUTURE_ENDINGS_BEFORE) and \
                not (at and _a_place_name(original_words[at - 1], word)):
            return True
    if language == "pt" and _portuguese_if(original_words + [matched]):
        return True
    return _has_hedge(folded_words)


def is_future_passive(folded_words: list[str], first: str) -> bool:
    """The phrase opens (``first``, folded) with a participle right after a future or
    conditional "to be": "el proyecto será presentado el lunes", "una vez consensuado, será
    registrado", "o texto será protocolado"; or after "to be" yet to come: "um visto a ser
    concedido em até 72 horas", "la ley está por ser promulgada" (but "passou a ser concedido"
    has begun)."""
    if not first.endswith(PARTICIPLE_ENDINGS):
        return False
    return bool(folded_words) and folded_words[-1] in _FUTURE_BE or \
        folded_words[-2:] in (["a", "ser"], ["por", "ser"]) and \
        (len(folded_words) < 3 or folded_words[-3] not in _BEGUN_TO)


# "passou a ser concedido", "pasó a ser aplicado", "volvió a ser detenido": it is being done.
_BEGUN_TO = frozenset({"paso", "pasa", "pasan", "pasaron", "passou", "passa", "passam",
                       "passaram", "volvio", "vuelve", "volvieron", "voltou", "volta",
                       "voltaram", "comenzo", "comecou", "empezo", "llego", "chegou"})


def is_infinitive(clause: list[str], word: str, suffix: str, *, clitic: bool = False) -> bool:
    """``word`` (folded), matched by a stem with ``suffix`` after it, is an infinitive that no
    verb of doing governs among the two clause words before it (``INFINITIVE_ENDINGS``;
    ``clitic``: a Portuguese infinitive with an attached pronoun, ``has_clitic``)."""
    if not clitic and suffix not in INFINITIVE_ENDINGS or word in _NOT_INFINITIVES or \
            len(word) < 4:
        return False
    before = clause[-2:]
    return not (before[-1:] and before[-1] in DONE_BEFORE_INFINITIVE or
                " ".join(before) in DONE_BEFORE_INFINITIVE)


def has_clitic(original: str, after: str) -> bool:
    """A Portuguese infinitive that lost its r to an attached pronoun: "vetá-lo",
    "sancioná-la", "fazê-los", "construí-las" (``original`` the word, ``after`` the text
    following it)."""
    return original[-1:] in _CLITIC_VOWELS and _CLITIC.match(after) is not None


def serves_a_purpose(clause: list[str]) -> bool:
    """The infinitive is the aim of something else, not an act reported: "para activar el
    protocolo", "tem dez dias úteis para sancioná-lo ou vetá-lo", "a fin de crear el registro"
    (a purpose word among the clause's last words, past only other infinitives, pronouns and
    "or"/"and")."""
    following = ""
    budget = PURPOSE_WORDS  # an attached pronoun ("sancioná-lo") takes none of it
    for word in reversed(clause):
        if word in PURPOSE_BEFORE_INFINITIVE:
            return True
        if not (word in _PURPOSE_SKIPPABLE or word.endswith(_INFINITIVE_ENDINGS) or
                following in _CLITIC_PRONOUNS):
            return False
        following = word
        budget -= word not in _CLITIC_PRONOUNS
        if not budget:
            return False
    return False


# A noun of an act after a purpose word is an aim too: "Bs 2.450.000 destinados a la ampliación
# e implementación del Sistema", "la asignación de recursos para el desarrollo e implementación
# de la base de datos", "verbas destinadas à criação do cadastro": the money or the agreement
# is the news, the act it pays for is still to come. Only a noun of action (-ción, -ção,
# -miento, -mento) within ``PURPOSE_NOUN_WORDS`` words of "para", "destinado a", "com vistas a".
ACTION_NOUN_ENDINGS = ("cion", "ciones", "cao", "coes", "miento", "mientos", "mento", "mentos",
                        "sion", "siones", "sao", "soes")
# (not "fin" / "fim": "ao fim da capacitação" is when it ended)
_NOUN_PURPOSE_WORDS = frozenset({"para", "pra", "vistas", "destinada", "destinado",
                                 "destinadas", "destinados",
                                 # "transferir Bs 1.450.000 con destino al desarrollo e
                                 # implementación del Sistema"
                                 "destino"})
_NOUN_PURPOSE_SKIPPABLE = frozenset({"a", "al", "o", "ao", "aos", "as", "el", "la", "los", "las",
                                     "su", "sus", "sua", "suas", "seu", "seus", "de", "del",
                                     "da", "do", "y", "e"})
PURPOSE_NOUN_WORDS = 6


def aims_at_an_act(clause: list[str], first_word: str, written: str = "") -> bool:
    """The phrase opens with a noun of action that a purpose word governs: "destinados a la
    ampliación e implementación", "para a criação" (``_NOUN_PURPOSE_WORDS``; an infinitive is
    ``serves_a_purpose``'s). ``written``, the word as written, tells a preterite from the noun
    it folds to: in "la Organización Internacional para las Migraciones, desarrolló el curso"
    the verb is the act."""
    if not first_word.endswith(ACTION_NOUN_ENDINGS) and first_word not in _DEVELOPMENT_NOUNS:
        return False
    if written.endswith("ó"):
        return False
    recent = clause[-PURPOSE_NOUN_WORDS:]
    for i in range(len(recent) - 1, -1, -1):
        word = recent[i]
        if word in _NOUN_PURPOSE_WORDS:
            # "mandou o acusado para a prisão preventiva": where he was sent, not an aim
            return not _sends(clause[:len(clause) - len(recent) + i])
        if word not in _NOUN_PURPOSE_SKIPPABLE and not word.endswith(ACTION_NOUN_ENDINGS) \
                and word not in _DEVELOPMENT_NOUNS:
            return False
    return False


# Verbs of sending: "para" after them (and their object) says where to.
_SENDING = ("mand", "envi", "remit", "deriv", "traslad", "llev", "levou", "levaram", "encaminh",
            "conduc", "conduz",
            "recluy", "recolh")
SENDING_WORDS = 6


def _sends(before: list[str]) -> bool:
    return any(word.startswith(_SENDING) for word in before[-SENDING_WORDS:])


# Nouns of work that join an act in "para el desarrollo e implementación", "para o
# desenvolvimento e a implantação".
_DEVELOPMENT_NOUNS = frozenset({"desarrollo", "desenvolvimento", "diseno", "design",
                                "funcionamiento", "fortalecimiento", "fortalecimento"})


# A question asked of an authority names what it asks about, done or not: "solicita al Ministro
# informar qué medidas de protección se dispusieron", "pidió explicar cuándo se activará el
# protocolo". Spanish writes the interrogative with its accent, which the relative "que" lacks;
# Portuguese "quais"/"qual" ask after a verb of asking or informing.
_INTERROGATIVES = frozenset({"qué", "cuál", "cuáles", "cómo", "cuándo", "dónde", "quién",
                             "quiénes", "cuánto", "cuánta", "cuántos", "cuántas"})
_PT_INTERROGATIVES = frozenset({"quais", "qual", "quando", "como", "onde", "quanto", "quantos"})
_ASKING = frozenset({"informar", "informe", "informasse", "explicar", "explique", "saber",
                     "esclarecer", "esclareca", "indagar", "questionou", "questiona",
                     "perguntou", "pergunta", "preguntó", "pregunta", "consultó", "detalhar",
                     "detallar", "precisar"})
ASKED_WORDS = 8
_QUOTES_AND_MARKS = "¿?¡!,.;:\"'()«»“”"


def asks_which(originals: list[str]) -> bool:
    """An interrogative among the sentence's last words before the phrase (``ASKED_WORDS``, as
    written): the phrase is what a question asks about ("informar qué medidas de protección se
    dispusieron", "explicar quais medidas foram adotadas")."""
    recent = [w.strip(_QUOTES_AND_MARKS).lower() for w in originals[-ASKED_WORDS:]]
    for i, word in enumerate(recent):
        if word in _INTERROGATIVES:
            return True
        if word in _PT_INTERROGATIVES and i and recent[i - 1] in _ASKING:
            return True
    return False


# A bill's content is not an act: in "La iniciativa dispone la inscripción… y deroga las
# figuras contravencionales", "O PL cria o cadastro nacional" the sentence's subject is a bill,
# and what it "deroga" or "cria" happens only if it becomes law. The sentence opens with the
# bill (a determiner or two first) and a stem the editor wrote (``derog*``) ends in the present
# tense there; "la iniciativa fue archivada", "el proyecto perdió estado parlamentario" report
# acts, and a noun ("protocolo") is no verb to judge. A draft's relative clause says the same:
# "validó el borrador del reglamento que incorpora a las trabajadoras sexuales", "aprobó el
# proyecto de ley que crea el registro" (the phrase opens right after the "que");
# ``states_bill_content``.
BILL_NOUNS = frozenset({"proyecto", "iniciativa", "anteproyecto", "propuesta", "projeto",
                        "proposta", "anteprojeto", "pl", "substitutivo", "sustitutivo",
                        "borrador", "minuta", "rascunho", "esboco"})
BILL_HINTS = ("proyecto", "iniciativa", "propuesta", "projeto", "proposta", " pl ", "stitutivo",
              "borrador", "minuta", "rascunho", "esboco")
BILL_WORDS = 3  # words before the bill noun: "El nuevo proyecto", "Esta iniciativa legislativa"
ANTECEDENT_WORDS = 8  # "el borrador de modificación del reglamento del régimen … que"
PRESENT_ENDINGS = ("a", "an", "am", "e", "en", "em")
PRESENT_SUFFIX_CHARS = 3


def states_bill_content(sentence: list[str], suffix: str | None, first: tuple[str, str]) -> bool:
    """The phrase states what a bill or draft does: the sentence before it opens with one as
    its subject and ``suffix`` (what followed the editor's stem in the text; None for a
    phrase without ``*``) makes a present tense ("deroga", "cria", "incluye"); or the phrase
    opens a relative clause ("que [se]") of one. ``first``: the phrase's first word, folded
    and as written."""
    if is_done_verb(*first):
        return False
    if suffix is not None and _is_present(first[0], suffix) and \
            any(word in BILL_NOUNS for word in sentence[:BILL_WORDS]):
        return True
    clause = sentence[:-1] if sentence[-1:] == ["se"] else sentence
    return clause[-1:] == ["que"] and any(word in BILL_NOUNS
                                          for word in clause[-ANTECEDENT_WORDS - 1:-1])


# What a bill proposes names what the bill is about: in "Um projeto apresentado à Câmara propõe
# reconhecer o trabalho sexual" the plan cue ("propõe" before an infinitive) is the bill's,
# and "trabalho sexual" is the topic of the bill filed (``proposed_by_a_bill``; only for what an
# event acts on, an ``all`` phrase: the bill's own verbs stay what it would do).
_PROPOSING = frozenset({"propone", "proponen", "propoe", "propoem", "plantea", "plantean",
                        "busca", "buscan", "pretende", "pretenden"})
BILL_OPENING_WORDS = 4


def proposed_by_a_bill(sentence: list[str]) -> bool:
    """The sentence opens with a bill as its subject (a bill noun among its first
    ``BILL_OPENING_WORDS`` words) and a verb of proposing stands before the phrase."""
    return any(word in BILL_NOUNS for word in sentence[:BILL_OPENING_WORDS]) and \
        not _PROPOSING.isdisjoint(sentence)


# A training, a registry or a protocol named as what a plan, programme or curriculum is of has
# not happened yet: "aprobó el Plan Nacional de Capacitación en identificación de víctimas",
# "validaram o currículo de formação", "diseño curricular del Programa de Capacitación". Only
# right before the phrase, past words that qualify the plan (``names_a_plan``).
PLAN_NOUNS = frozenset({"plan", "plano", "planes", "planos", "programa", "programas",
                        "curriculo", "curricular", "malla", "cronograma", "diseno", "desenho"})
# A draft of the thing is not the thing: "elabore y remita una propuesta de directrices", "el
# borrador del protocolo" (``names_a_plan`` with ``DRAFT_NOUNS``; the matcher asks it of rules
# proposing more than a first step).
DRAFT_NOUNS = frozenset({"propuesta", "propuestas", "proposta", "propostas", "borrador",
                         "borradores", "rascunho", "minuta"})
_PLAN_QUALIFIERS = frozenset({"de", "del", "da", "do", "en", "em", "sobre", "nacional",
                              "plurinacional", "permanente", "anual", "departamental",
                              "regional", "estatal", "federal", "municipal", "integral",
                              "nuevo", "novo", "piloto"})
PLAN_WORDS = 5


def names_a_plan(clause: list[str], nouns: frozenset[str] = PLAN_NOUNS) -> bool:
    """The phrase is what a plan, programme or curriculum (or one of ``nouns``) right before it
    is of (``clause``: the folded clause words before the phrase)."""
    for word in reversed(clause[-PLAN_WORDS:]):
        if word in nouns:
            return True
        if word not in _PLAN_QUALIFIERS and not word[:1].isdigit():
            return False
    return False


# An act done in part is not the whole: "amparó parcialmente los derechos", "acogió en parte
# la demanda", "aprobación parcial del reglamento" (``in_part``), right before or after it.
IN_PART_WORDS = frozenset({"parcialmente", "parcial", "parciales", "parciais"})
IN_PART_PAIRS = frozenset({("en", "parte"), ("em", "parte")})
IN_PART_REACH = 3


def in_part(before: list[str], after: list[str]) -> bool:
    """An "in part" qualifier among the last clause words ``before`` a phrase or the first
    words ``after`` it (folded)."""
    for words in (before[-IN_PART_REACH:], after[:IN_PART_REACH]):
        if any(w in IN_PART_WORDS for w in words) or \
                any(pair in IN_PART_PAIRS for pair in zip(words, words[1:], strict=False)):
            return True
    return False


# What an article of a code or law in force does is no act: "el artículo 322, que sanciona la
# explotación sexual comercial", "o artigo 281 bis do Código Penal, que exige provar força".
ARTICLE_NOUNS = frozenset({"articulo", "articulos", "artigo", "artigos", "codigo", "inciso",
                           "paragrafo", "parrafo", "numeral"})
ARTICLE_WORDS = 4  # "el artículo 322 del Código Penal, que": the noun among the last four


def states_article_content(sentence: list[str], first: tuple[str, str]) -> bool:
    """The phrase opens a relative clause of an article in the present tense ("que [se]"
    right before it, an article noun among the ``ARTICLE_WORDS`` before that). ``first``: the
    phrase's first word, folded and as written."""
    clause = sentence[:-1] if sentence[-1:] == ["se"] else sentence
    word = first[0]
    if clause[-1:] != ["que"] or is_done_verb(*first) or \
            not word.endswith(PRESENT_ENDINGS) or word.endswith(PARTICIPLE_ENDINGS):
        return False
    return not ARTICLE_NOUNS.isdisjoint(clause[-ARTICLE_WORDS - 1:-1])


def _is_present(word: str, suffix: str) -> bool:
    """A present-tense third person ("deroga", "incluye", "criam"): a short ending after the
    editor's stem, no participle ("criada") and no longer noun ending ("derogatoria")."""
    return len(suffix) <= PRESENT_SUFFIX_CHARS and word.endswith(PRESENT_ENDINGS) and \
        not word.endswith(PARTICIPLE_ENDINGS)


def opens_with_infinitive(clause: list[str]) -> bool:
    """The short clause before a phrase opens with an infinitive that governs it: an item of
    a list of requests or plans ("recomendações: adotar uma base de dados, agilizar a emissão
    de vistos"), whose cue lies further back (``infinitive_cues``)."""
    if not clause or len(clause) > INFINITIVE_OBJECT_WORDS:
        return False
    first = clause[0]
    return len(first) >= 5 and first.isalpha() and first not in _NOT_INFINITIVES and \
        first.endswith(_INFINITIVE_ENDINGS)


# A second complement joined by "y que" shares the verb of the first: "recomendando que se
# adopten las medidas de protección, y que se garantice un trato libre de estigma", "exigiu
# que o Estado investigue e que garanta proteção".
_JOINED_COMPLEMENT = re.compile(r"\b(?:y|e|ni) que\b")
_WORD_END_MARK = re.compile(r"[.;](?=\s)")  # a full stop or semicolon that ends a word
COMPLEMENT_LOOKBACK_CHARS = 300


def joined_complement_cues(text: str, folded: str, start: int) -> tuple[bool, bool]:
    """(hedged, ordered): the phrase's clause opens with "y que" / "e que", and the verb
    before the sentence's previous "que" is a plan or request cue, or an order cue."""
    cut = clause_start(text, start)
    opening = folded[cut:start]
    found = _JOINED_COMPLEMENT.match(opening.lstrip())
    if found is None:
        return False, False
    lo = max(0, cut - COMPLEMENT_LOOKBACK_CHARS)
    ends = [mark.end() for mark in _WORD_END_MARK.finditer(text, lo, cut)]
    before = folded[ends[-1] if ends else lo:cut].split()  # this sentence's words only
    for i in range(len(before) - 1, -1, -1):
        if before[i] == "que":
            governed = before[max(0, i - _QUE_GOVERNOR_WORDS):i + 1]
            return _has_hedge(governed) or _has_hedge(governed, REQUEST_PHRASES), \
                _has_hedge(governed, ORDER_PHRASES)
    return False, False


def governed_by_an_infinitive(clause: list[str]) -> bool:
    """An infinitive among the clause's last ``INFINITIVE_OBJECT_WORDS`` words governs the
    phrase as its object ("recomienda al Ministerio aprobar, en un plazo razonable,
    lineamientos", "vai avaliar a inclusão de perguntas sobre indicadores"), and so does one
    that opens a clause of at most ``INFINITIVE_ITEM_WORDS`` (a list's item: "RECOMIENDA …:
    2) incorporar el enfoque de no discriminación en la formación policial"): the
    infinitive's own plan or order cues, further back in the sentence, govern the phrase
    too."""
    first = max(0, len(clause) - INFINITIVE_OBJECT_WORDS)
    return any(_is_infinitive_word(word) and tuple(clause[i - 1:i + 1]) not in _LOCUTIONS
               for i, word in enumerate(clause[first:], first)) or \
        bool(clause) and len(clause) <= INFINITIVE_ITEM_WORDS and _is_infinitive_word(clause[0])


# Infinitives frozen in a locution govern nothing: "se dispuso a partir de la fecha el
# repliegue", "al parecer".
_LOCUTIONS = frozenset({("a", "partir"), ("al", "parecer"), ("a", "saber"), ("ao", "parecer")})


def in_an_aim(clause: list[str], *, language: str = "es") -> bool:
    """The phrase lies in the object of an infinitive that states an aim, within
    ``INFINITIVE_OBJECT_WORDS``: "tem dez dias úteis para sancionar ou devolver o texto com
    observações", "se reunieron a fin de aprobar el protocolo" (``serves_a_purpose`` from
    the infinitive back)."""
    for i in range(len(clause) - 1, max(-1, len(clause) - INFINITIVE_OBJECT_WORDS - 2), -1):
        word = clause[i]
        # Portuguese "devolvê-lo" folds to "devolve lo": an infinitive that lost its r to the
        # pronoun (Spanish attaches it, "devolverlo", and writes "la" as an article)
        clitic = language == "pt" and i + 1 < len(clause) and \
            clause[i + 1] in _CLITIC_PRONOUNS and word.endswith(("a", "e", "i"))
        if len(word) >= 4 and word.isalpha() and word not in _NOT_INFINITIVES and \
                (word.endswith(_INFINITIVE_ENDINGS) or clitic) and \
                serves_a_purpose(clause[:i + 1 + clitic]):
            return True
    return False


# A sentence that opens with a condition states what would happen: "Si la víctima lo solicita,
# la Policía activa el protocolo", "Se houver ameaça, a polícia ativa o protocolo" (the comma
# ends the clause, so the ordinary hedge words before the phrase do not see it).
# Portuguese "se" and an article is "if" ("que, se a Assembleia aprovar o projeto, …"); the
# pronoun "se" comes before a verb ("se reuniu") or is attached ("tornou-se o").
CONDITION_OPENERS = frozenset({
    ("si",), ("en", "caso", "de"), ("em", "caso", "de"), ("se", "houver"), ("se", "for"),
    ("se", "forem"), ("caso", "haja"), ("caso", "seja"), ("caso", "sejam"),
}) | {("se", article) for article in _PT_ARTICLES}
_NOT_CONDITIONS = frozenset({("si", "bien")})  # "Si bien la Policía activó…" concedes a fact


# ... and so does a condition right before the phrase, mid-sentence: "será obligatoria si se
# aprueba el nuevo reglamento", "siempre que el Consejo apruebe el reglamento".
NEAR_CONDITIONS = frozenset({("si",), ("siempre", "que"), ("siempre", "y", "cuando"),
                             ("a", "condicion", "de", "que"), ("con", "tal", "de", "que")})
NEAR_CONDITION_WORDS = 5


def opens_with_condition(sentence: list[str]) -> bool:
    """The sentence before a phrase, or its last "que" clause, opens with a condition ("si",
    "en caso de", "se houver"): "O delegado disse que, se houver ameaça, a polícia ativa…"; or
    one of ``NEAR_CONDITIONS`` ends among the ``NEAR_CONDITION_WORDS`` right before it."""
    starts = [0] + [i + 1 for i, word in enumerate(sentence) if word == "que"][-1:]
    for start in starts:
        opening = tuple(sentence[start:start + 3])
        if opening[:2] not in _NOT_CONDITIONS and \
                any(opening[:size] in CONDITION_OPENERS for size in (1, 2, 3)):
            return True
    return _near_condition(sentence)


_NEAR_CONDITION_STARTS = frozenset(words[0] for words in NEAR_CONDITIONS)


def _near_condition(sentence: list[str]) -> bool:
    tail = sentence[-NEAR_CONDITION_WORDS - 3:]  # room for the longest opener
    for i, word in enumerate(tail):
        if word not in _NEAR_CONDITION_STARTS:
            continue  # (most words open no condition)
        for words in NEAR_CONDITIONS:
            end = i + len(words)
            if tuple(tail[i:end]) == words and len(tail) - end < NEAR_CONDITION_WORDS and \
                    tail[end:end + 1] != ["bien"]:
                return True
    return False


def infinitive_cues(sentence: list[str]) -> tuple[bool, bool]:
    """(hedged, ordered): a plan or an order cue among the sentence words before an infinitive
    (the last ``INFINITIVE_LOOKBACK_WORDS``), past clause marks."""
    words = sentence[-INFINITIVE_LOOKBACK_WORDS:]
    return _has_hedge(words), _has_hedge(words, ORDER_PHRASES)


def accused_of(sentence: list[str]) -> bool:
    """An accusation among the sentence's last words before the phrase's own infinitive."""
    return _has_hedge(sentence[-ACCUSED_WORDS:], ACCUSATIONS)


# What someone is accused of doing is a claim: "acusan a la Policía de rechazar la denuncia", "o
# homem acusado de sequestrar" (the phrase is that infinitive; "acusó formalmente" is the
# charge, and "el acusado de mantenerla cautiva fue liberado" reports the release).
ACCUSATIONS = frozenset({"acusan a", "acusa a", "acusaron a", "acuso a", "acusam a", "acusou a",
                         "acusaram a", "acusan al", "acusa al", "acusaron al", "acuso al",
                         "acusado de", "acusada de", "acusados de", "acusadas de"})
ACCUSED_WORDS = 8  # "acusan a la Policía Departamental de Cochabamba de [rechazar]"


# A subjunctive passive is wished, feared or conditional, never reported ("que sea aprobado",
# "aunque fuese archivado", "para que seja aprovado"), unless an order governs it: "dispuso que
# el acusado sea liberado" is the order, which ``is_ordered`` weighs by status.
# (not "fuera": also "outside", "quedan fuera")
SUBJUNCTIVE_AUXILIARIES = frozenset({"sea", "sean", "seja", "sejam", "fosse", "fossem", "fuese",
                                     "fuesen"})
SUBJUNCTIVE_WORDS = 3  # "sea liberado", "seja de fato aprovado"


def is_subjunctive(folded_words: list[str], order_reach: list[str]) -> bool:
    """A subjunctive passive auxiliary among the last words before the phrase, with no order
    cue in the words an order may govern (``order_reach``)."""
    return any(word in SUBJUNCTIVE_AUXILIARIES for word in folded_words[-SUBJUNCTIVE_WORDS:]) \
        and _last_cue_end(order_reach, ORDER_PHRASES) is None


# "Mandar" orders when an infinitive follows its addressee: "Ministro manda equipe elaborar
# proposta", "mandó a la Policía activar el protocolo"; "mandou o acusado para a prisão" sends.
_SEND_VERBS = frozenset({"manda", "mandan", "mando", "mandaron", "mandou", "mandaram", "mandam"})
SEND_ADDRESSEE_WORDS = 4


def sends_to_do(folded_words: list[str], original_words: list[str]) -> bool:
    """A form of "mandar" among the words, with an infinitive within ``SEND_ADDRESSEE_WORDS``
    words after it ("mandó" with its accent: "el mando policial" is the command)."""
    shift = len(folded_words) - len(original_words)
    for i, word in enumerate(folded_words):
        if word not in _SEND_VERBS or word == "mando" and (
                i < shift or not original_words[i - shift].rstrip(".,;:").endswith("ó")):
            continue
        if any(_is_infinitive_word(w) for w in folded_words[i + 1:i + 1 + SEND_ADDRESSEE_WORDS]):
            return True
    return False


def is_ordered(folded_words: list[str], original_words: list[str] | None = None, *,
               cues: frozenset[str] = ORDER_PHRASES) -> bool:
    """An order or referral cue before the phrase (the act is ordered, not yet done), unless a
    finished verb follows the cue ("hasta que el juez dictó sentencia"); with ``cues`` set to
    ``REQUEST_PHRASES``, a request."""
    found = _last_cue(folded_words, cues)
    if found is None:
        return False
    first, last = found
    originals = original_words if original_words is not None else folded_words
    if _provided_by_a_norm(folded_words, first, _PROVIDING_ORDERS) or \
            not first and folded_words[first] in _PROVIDING_ORDERS and \
            _opens_capitalised(originals, len(originals) - len(folded_words)):
        # what a norm provides: "el protocolo dispone que toda persona … sea", and a norm's
        # summary, whose verbs open their sentences: "Dispone que la capacitación … sea
        # obligatoria" (a judge's order names its judge: "El juez dispone que …")
        return False
    tail = zip(folded_words[last:], originals[len(originals) - len(folded_words) + last:],
               strict=False)
    return not any(is_done_verb(f, o) for f, o in tail)


# What a warrant is for has not happened: "giró orden de aprehensión contra el sindicado", "um
# mandado de prisão foi expedido"; unless it was carried out ("en cumplimiento de una orden de
# aprehensión", "ejecutó la orden de captura").
_WARRANT_NOUNS = frozenset({"orden", "ordenes", "mandado", "mandados", "ordem", "ordens"})
# ... of arrest, detention, search ("la orden de suspenderla" orders a suspension: ``is_ordered``)
_WARRANTED = ("aprehens", "captur", "detenc", "arrest", "prision", "prisao", "allanamiento",
              "busca", "conduccion")
_CARRIED_OUT = ("ejecut", "cumpli", "cumpri")


def names_a_warrant(folded_words: list[str], phrase: str) -> bool:
    """The phrase (folded) names an arrest or a search right after "orden de" / "mandado de",
    not after a verb or noun of carrying it out."""
    if len(folded_words) < 2 or folded_words[-1] not in ("de", "do", "da") or \
            folded_words[-2] not in _WARRANT_NOUNS or not phrase.startswith(_WARRANTED):
        return False
    return not any(word.startswith(_CARRIED_OUT) for word in folded_words[-5:-2])


# An ordering verb right before what it orders, with no "a"/"que": "el juez ordenó custodia
# policial para la dirigente", "determinou proteção policial" (not "dictó": "dictó sentencia" is
# the ruling itself; nor "dispuso": the police that "dispuso custodia policial" assigned it).
_ORDERING_VERBS = frozenset({"ordeno", "ordena", "ordenaron", "ordenan", "determino",
                             "determina", "determinaron", "determinan", "ordenou", "ordenaram",
                             "determinou", "determinaram"})


# A duty a norm lays down is no act: "La ley obliga a recibir denuncias sin discriminación y a
# capacitar a los policías" (what the duty is about, "la directiva que obliga a los policías a
# recibir toda denuncia", still names the directive's content).
_DUTIES = frozenset({"obliga a", "obligan a", "obligara a", "obriga a", "obrigam a",
                     "obrigara a"})


def lays_down_a_duty(folded_words: list[str]) -> bool:
    """A duty cue (``_DUTIES``) among the clause's last words before the phrase."""
    return _last_cue(folded_words[-LOOKBACK_WORDS:], _DUTIES) is not None


def orders_directly(folded_words: list[str]) -> bool:
    """The clause's last word before the phrase (a determiner aside) is an ordering verb
    (``matcher`` reads it for ``fulfilled`` only: "dispuso la apertura de investigación" is a
    prosecutor's first step itself)."""
    words = folded_words[-2:]
    if words and words[-1] in _DETERMINERS:
        words = words[:-1]
    return bool(words) and words[-1] in _ORDERING_VERBS


def _opens_capitalised(originals: list[str], at: int) -> bool:
    """The original word at ``at`` is capitalised: mid-sentence, a verb is not ("Dispone"); in
    capitals it is a court's operative word ("DISPONE que la FELCV brinde resguardo")."""
    return 0 <= at < len(originals) and originals[at][:1].isupper() and \
        not originals[at].isupper()


def _last_cue_end(folded_words: list[str], cues: frozenset[str]) -> int | None:
    """Index just after the last cue among ``folded_words`` (None when there is none)."""
    found = _last_cue(folded_words, cues)
    return None if found is None else found[1]


def _last_cue(folded_words: list[str], cues: frozenset[str]) -> tuple[int, int] | None:
    """Start and end (just after) of the cue among ``folded_words`` that ends last."""
    starts = _cue_starts(cues)
    best: tuple[int, int] | None = None
    for i, word in enumerate(folded_words):
        for size in starts.get(word, ()):
            end = i + size
            if end <= len(folded_words) and (best is None or end > best[1]) and \
                    " ".join(folded_words[i:end]) in cues:
                best = (i, end)
    return best


@cache
def _cue_starts(cues: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """First word of each cue -> the word counts of the cues it starts (only those are joined)."""
    sizes: dict[str, set[int]] = {}
    for cue in cues:
        words = cue.split()
        sizes.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(counts)) for first, counts in sizes.items()}


def is_done_verb(folded: str, original: str) -> bool:
    """A preterite-looking word: es "dictó", "aprobaron", "dispusieron"; pt "aprovou",
    "aprovaram", "expediu"."""
    original = original.strip(".,;:!?\"'()«»“”").lower()
    return len(original) > 2 and original.endswith(_DONE_ENDINGS_ORIGINAL) or \
        len(folded) > 4 and folded.endswith(_DONE_ENDINGS_FOLDED) or \
        folded in _IRREGULAR_DONE


# The items of a list a plan or a request governs: in "volta a recomendar a reforma do artigo
# 281 bis, a agilização dos vistos humanitários, a ampliação da capacitação de servidores" each
# item opens with a determiner after a comma, and the verb before the first one governs them all.
LIST_ITEMS = 6
LIST_ITEM_WORDS = 4  # the phrase's own item: "a ampliação da [capacitação]"
# ("y" after a comma joins clauses: "pidieron justicia, y la Policía activó el protocolo")
_LIST_JOINERS = (("asi", "como"), ("assim", "como"), ("bem", "como"))


def hedges_a_list(text: str, folded: str, start: int) -> bool:
    """The phrase lies in a comma-separated list of noun phrases (each opening with a
    determiner) whose head clause, before at least one other item, holds a plan or request
    cue."""
    cut = clause_start(text, start)
    own = folded[cut:start].split()
    # "…, así como la formación de servidores": the joiner itself says a list goes on
    joined = next((len(j) for j in _LIST_JOINERS if own[:len(j)] == list(j)), 0)
    own = own[joined:]
    if not own or own[0] not in _DETERMINERS or len(own) > LIST_ITEM_WORDS:
        return False
    for items, words in enumerate(clauses_before(text, folded, cut, limit=LIST_ITEMS)):
        if not words:
            return False
        # a list has an item between its head and the phrase's: in "antes del inicio de la
        # cuarentena, el Ministerio presentó" the subject is no item
        if (items > 0 or joined) and _has_hedge(words[-HEDGE_LOOKBACK_WORDS:]):
            return True
        if words[0] not in _DETERMINERS:
            return False
    return False


# A list of infinitives after a colon, its items parted by semicolons: the head before the colon
# governs every item ("la Defensoría RECOMIENDA a la Policía: 1) aprobar directrices; 2)
# incorporar …"), and a short head that points back ("Entre ellas:") is the sentence before's.
LIST_HEAD_CHARS = 800
LIST_HEAD_WORDS = 20
_SHORT_HEAD_WORDS = 4
_NEW_SENTENCE = re.compile(r"[.!?]\s+[A-ZÁÉÍÓÚÑ]")


def heads_a_list_of_plans(text: str, folded: str, start: int) -> bool:
    """The phrase at ``start`` lies in an item of a list after a colon, an item an infinitive
    opens, and the list's head holds a plan or request cue."""
    cut = clause_start(text, start)
    first = folded[cut:start + LOOKBACK_CHARS].split()[:1]  # the phrase's own, at the start
    if not first or not _is_infinitive_word(first[0]):
        return False
    colon = text.rfind(":", max(0, cut - LIST_HEAD_CHARS), cut)
    if colon == -1 or _NEW_SENTENCE.search(text, colon, cut):
        return False
    opening = max((m.end() for m in _HEAD_END.finditer(text, max(0, colon - LIST_HEAD_CHARS),
                                                          colon)), default=0)
    head = folded[opening:colon].split()[-LIST_HEAD_WORDS:]
    if head and len(head) < _SHORT_HEAD_WORDS and opening and \
            text[opening - 1] in _SENTENCE_ENDS and \
            (head[0] == "entre" or not _REFERS_BACK.isdisjoint(head)):
        # "… un conjunto de recomendaciones. Entre ellas: a) elaborar …"
        before = max((m.end() for m in _SENTENCE_END.finditer(
            text, max(0, opening - 1 - LIST_HEAD_CHARS), opening - 1)), default=0)
        head = folded[before:colon].split()
    return _has_hedge(head)


_HEAD_END = re.compile(r"[.!?;:\n](?=\s)")
_SENTENCE_END = re.compile(r"[.!?\n](?=\s)")
_SENTENCE_ENDS = ".!?\n"
# A short head that points back to the sentence before ("Entre ellas:", "Entre as prioritárias:",
# "Son las siguientes:").
_REFERS_BACK = frozenset({"ellas", "ellos", "elas", "eles", "siguientes", "seguintes"})


def clauses_before(text: str, folded: str, cut: int, *, limit: int) -> Iterator[list[str]]:
    """The folded words of each clause before the one starting at ``cut``, nearest first, as
    long as a comma ends it (at most ``limit``): the items of a list."""
    for _ in range(limit):
        if cut < 2 or text[cut - 1] != ",":
            return
        start = clause_start(text, cut - 1)
        yield folded[start:cut - 1].split()
        cut = start


def _has_hedge(folded_words: list[str], cues: frozenset[str] = HEDGING_PHRASES) -> bool:
    starts = _cue_starts(cues)
    for i, word in enumerate(folded_words):
        for size in starts.get(word, ()):
            if i + size <= len(folded_words) and " ".join(folded_words[i:i + size]) in cues \
                    and (word != "antes" or _governs(folded_words[i + size:])) \
                    and not _is_the_activity(folded_words, i) \
                    and not _goes_somewhere(folded_words, i, size) \
                    and not _provided_by_a_norm(folded_words, i) \
                    and not (i and folded_words[i - 1] in _WITHOUT):  # "sin exigir el carné"
                return True
    return False


# What a norm in force provides for is its content, not a forecast or an order: "el protocolo
# prevé entrevistas de tamizaje", "a resolução prevê triagem", "el protocolo dispone que toda
# persona … sea entrevistada" (but "se prevé", "el plan prevé", "el juez dispuso que").
_PROVIDING = frozenset({"preve", "preven"})
_PROVIDING_ORDERS = frozenset({"dispone", "establece", "determina", "estabelece"})
_NORM_SUBJECTS = frozenset({"protocolo", "norma", "decreto", "resolucion", "reglamento",
                            "procedimiento", "instructivo", "directiva", "resolucao",
                            "regulamento", "procedimento", "diretriz", "diretiva", "portaria"})


def _provided_by_a_norm(folded_words: list[str], i: int,
                        verbs: frozenset[str] = _PROVIDING) -> bool:
    """Word ``i`` is one of ``verbs`` right after a norm's name ("el protocolo prevé")."""
    return folded_words[i] in verbs and i > 0 and folded_words[i - 1] in _NORM_SUBJECTS


# "Going to" is a future only before an infinitive: "vai aprovar", "va a aprobar"; "o texto vai
# ao Senado", "el proyecto va a la Cámara" say where the text goes next (a step). Talk of doing
# is a plan only before an infinitive too: "falaram em apresentar um projeto" (but "falou em
# avanços" reports what was said).
_GOING = frozenset({"va", "van", "vai", "vao", "iba", "iban", "vamos"})
_TALK_OF = frozenset({"falaram", "falou", "fala", "falam", "hablaron", "hablo", "habla",
                      "hablan"})


def _goes_somewhere(folded_words: list[str], i: int, size: int) -> bool:
    if folded_words[i] not in _GOING and folded_words[i] not in _TALK_OF:
        return False
    following = folded_words[i + size:i + size + 1]
    return bool(following) and not following[0].endswith(("ar", "er", "ir", "or", "ser"))


# A plan verb in the infinitive after a verb of beginning, stopping or going on names the
# activity itself: "Migración dejó de evaluar indicadores de trata" stopped it, "comenzó a
# evaluar" began it (neither plans anything).
_ASPECT_VERBS = frozenset({
    ("dejo", "de"), ("dejaron", "de"), ("deja", "de"), ("dejan", "de"), ("ha", "dejado", "de"),
    ("comenzo", "a"), ("comenzaron", "a"), ("empezo", "a"), ("empezaron", "a"),
    ("paso", "a"), ("pasaron", "a"), ("volvio", "a"), ("sigue",), ("siguen",),
    ("deixou", "de"), ("deixaram", "de"), ("deixa", "de"), ("comecou", "a"),
    ("comecaram", "a"), ("passou", "a"), ("passaram", "a"), ("voltou", "a"),
})


def _is_the_activity(folded_words: list[str], i: int) -> bool:
    """The hedge word at ``i`` is an infinitive right after a verb of beginning or stopping,
    or "busca" in "en busca de" ("triagem de venezuelanos em busca de sinais de tráfico": what
    the screening looks for, no plan)."""
    word = folded_words[i]
    if word == "busca" and i and folded_words[i - 1] in ("en", "em"):
        return True
    if not word.endswith(("ar", "er", "ir")):
        return False
    return any(tuple(folded_words[max(0, i - n):i]) in _ASPECT_VERBS for n in (1, 2, 3))


_NOUN_PHRASE_OPENERS = _DETERMINERS | {"su", "sus", "sua", "suas", "seu", "seus", "lo"}
_LINKS = _OF_WORDS | {"que"}


def _governs(between: list[str]) -> bool:
    """"antes de" governs the phrase: the words between them are one noun phrase linked by
    "de" ("antes de su implementación", "antes del inicio de la implementación", "antes de
    aprobar"), not a noun and then the verb's own object ("encerrou antes do prazo o
    programa": the programme was closed)."""
    linked = True
    for word in between:
        if word in _LINKS:
            linked = True
        elif word not in _NOUN_PHRASE_OPENERS:
            if not linked:
                return False
            linked = False
        elif not linked:
            return False  # an article after a noun opens another noun phrase
    return True


# A conditional just before the phrase is a possibility, not a step: "o que permitiria a soltura
# do agressor", "lo que significaría la liberación". Spanish writes its accent (-ría; unaccented
# "-aria" is an adjective: "humanitaria"); Portuguese writes none (-aria, -eria, -iria), and its
# adjectives take one ("humanitária"). A few nouns share the endings.
_CONDITIONAL = {"es": ("ría", "rían"), "pt": ("aria", "eria", "iria", "ariam", "eriam", "iriam")}
_NOT_CONDITIONAL = frozenset({"secretaria", "portaria", "galeria", "loteria", "padaria",
                              "livraria", "tesouraria", "mayoría", "categoría", "auditoría",
                              "asesoría", "tutoría", "galería", "teoría", "minoría", "portería",
                              "lotería", "panadería", "librería", "tesorería", "consejería"})


def _portuguese_if(original_words: list[str]) -> bool:
    """A standalone "se" and an article or a participle in the clause: "…bolivianas se o Senado
    aprovar a nova lei", "Se aprovado sem mudanças, o projeto segue" (the pronoun is
    attached, "tornou-se o", or comes before a finite verb)."""
    return any(word.lower() == "se" and (following.lower() in _PT_ARTICLES or
                                        following.lower().endswith(PARTICIPLE_ENDINGS))
               for word, following in zip(original_words, original_words[1:], strict=False))


def _is_conditional(word: str, endings: tuple[str, ...]) -> bool:
    word = word.strip(".,;:!?\"'()«»“”‘’")  # a quoted word: "'estaria sendo retirada'"
    if not endings or not word[:1].islower():
        return False  # a body's name: "la Defensoría", "a Secretaria"
    word = word.lower()
    return len(word) > 5 and word not in _NOT_CONDITIONAL and word.endswith(endings)


# A noun of action told in the future by the words right after it is still to come: "las
# capacitaciones se realizarían en las nueve ciudades", "la capacitación comenzará en marzo",
# "a elaboração futura de um protocolo", "la eventual creación" (before it: HEDGING_PHRASES).
_FUTURE_ADJECTIVES = frozenset({"futura", "futuro", "futuras", "futuros", "eventual",
                                "eventuales", "eventuais"})
FUTURE_AFTER_WORDS = 5
FUTURE_SUBJECT_WORDS = 18  # ... with no finished verb between


def told_in_the_future(text: str, folded: str, span: tuple[int, int], *,
                       language: str = "es") -> bool:
    """The phrase opens with a noun of action whose own verb, within ``FUTURE_AFTER_WORDS``
    words after it (or up to ``FUTURE_SUBJECT_WORDS`` when no finished verb stands between),
    is a future or conditional of taking place, or that "futura" / "eventual" qualifies right
    after it."""
    words = folded[span[0]:span[1]].split()
    if not words or not words[0].endswith(ACTION_NOUN_ENDINGS):
        return False
    mark = next_clause_mark(text, span[1], span[1] + LOOKBACK_CHARS)
    after = text[span[1]:span[1] + LOOKBACK_CHARS if mark is None else mark].split()
    if after and after[0].strip(".,;:").lower() in _FUTURE_ADJECTIVES:
        return True
    folded_after = [fold_text(word.lower()).strip() for word in after]
    # its verb may stand past a long complement ("La capacitación sobre el protocolo … para el
    # personal de las cuatro regiones sanitarias se realizará en octubre"), but not past a
    # finished verb, which is another clause's ("… que se aprobó en marzo, se realizará")
    reach = FUTURE_AFTER_WORDS
    while reach < min(len(after), FUTURE_SUBJECT_WORDS) and \
            not is_done_verb(folded_after[reach], after[reach]):
        reach += 1
    after, folded_after = after[:reach], folded_after[:reach]
    conditional = _CONDITIONAL.get(language, ())
    return any((_ends_future(word, _FUTURE_ENDINGS) or _is_conditional(word, conditional)) and
               plain.startswith(_HAPPENING_STEMS) or
               plain in _FUTURE_BE and folded_after[i + 1:i + 2] != [] and
               folded_after[i + 1].startswith(_HAPPENING_STEMS)
               for i, (word, plain) in enumerate(zip(after, folded_after, strict=True)))


_FUTURE_BE = frozenset({"sera", "seran", "serao", "seria", "serian", "seriam"})


# "While" before a present: the step is awaited, not done: "Mientras se aprueba el
# procedimiento específico, las solicitudes se tramitan por vía excepcional", "enquanto não
# se aprova a reforma". A past after it happened ("mientras se realizaba el taller, llegó…").
_PENDING_WHILE = re.compile(r"\b(?:mientras|enquanto)(?: no| nao)?(?: se)? $")
PENDING_WHILE_CHARS = 24
_PAST_ENDINGS = ("aba", "aban", "ia", "ian", "ava", "avam", "iam")


def is_pending_while(text: str, folded: str, start: int) -> bool:
    """The phrase right after "mientras (no) se" / "enquanto (não) se", in a present or
    subjunctive: awaited, not done."""
    if _PENDING_WHILE.search(folded[max(0, start - PENDING_WHILE_CHARS):start]) is None:
        return False
    words = folded[start:start + LOOKBACK_CHARS].split(maxsplit=1)
    originals = text[start:start + LOOKBACK_CHARS].split(maxsplit=1)
    if not words or not originals:
        return False
    return not (is_done_verb(words[0], originals[0]) or words[0].endswith(_PAST_ENDINGS))


# ... when that verb says it takes place: not "la capacitación continuará" (it is under way)
# nor "la capacitación permitirá reconocer a una víctima" (it took place; its effect is to come)
_HAPPENING_STEMS = ("realiz", "llevar", "desarroll", "ejecut", "inici", "comenz", "empez",
                    "implement", "implant", "dictar", "impartir", "efectu", "har", "fara",
                    "tendr", "ocurrir", "ocorrer", "aconte", "lanzar", "lancar", "abrir",
                    "inaugur", "arrancar", "concret")


def _a_place_name(before: str, word: str) -> bool:
    """A capitalised word after "de" names a place, not a future: "la Policía Metropolitana
    del Valle de Aburrá realiza rondas"."""
    return word[:1].isupper() and not word.isupper() and before.lower() in OF_A_PLACE


def _ends_future(word: str, endings: tuple[str, ...]) -> bool:
    word = word.strip(".,;:!?\"'()«»“”").lower()
    return len(word) > 4 and word not in _NOT_FUTURE and word.endswith(endings)


# A sentence that opens on another matter reports that matter, as a bulletin or a
# communiqué moves on to its next item: "En la misma sesión, el Senado devolvió con
# observaciones el proyecto que modifica el artículo 321", "En otro proceso, el juez archivó la
# denuncia". A looser opening ("Por otra parte") turns to another matter only when the sentence
# also says "otro" or "otra": "Por otra parte, el juzgado dispuso el sobreseimiento de un hombre
# denunciado por lesiones contra otra trabajadora sexual", but not "Por otra parte, la Fiscalía
# imputó al agresor".
ANOTHER_MATTER = ("en otro caso", "en otra causa", "en otro proceso", "en la misma sesion",
                  "en esa misma sesion", "em outro caso", "em outro processo", "noutro caso",
                  "na mesma sessao", "nessa mesma sessao")
ANOTHER_TOPIC = ("por otra parte", "por otro lado", "de otra parte", "de otro lado",
                 "en otro orden", "por outro lado", "de outro lado")
_OPENINGS = ANOTHER_MATTER + ANOTHER_TOPIC
OPENING_CHARS = 40


def mentions_another_matter(folded: str) -> bool:
    """Some opening of ``ANOTHER_MATTER`` or ``ANOTHER_TOPIC`` occurs in the field (a cheap
    test, once per field)."""
    return any(opening in folded for opening in _OPENINGS)


def opens_on_another_matter(folded: str, start: int, end: int) -> bool:
    """The sentence ``folded[start:end]`` opens with ``ANOTHER_MATTER``, or with
    ``ANOTHER_TOPIC`` and names something else after those three words (``_ANOTHER``)."""
    opening = folded[start:start + OPENING_CHARS].lstrip()
    if opening.startswith(ANOTHER_MATTER):
        return True
    return opening.startswith(ANOTHER_TOPIC) and \
        not _ANOTHER.isdisjoint(folded[start:end].split()[3:])
