"""Which countries a sentence is about when it opens by naming them: a regional roundup moves
from country to country ("En Argentina, …", "No México e na Colômbia, …"), and a step it
reports for another country is no step on a demand made of this one.

Layer: monitor. Pure functions over the folded text (``normalize.fold_text``; a heading's
stop is read on the original). A sentence that *opens* with "en / no / na / em" and a country
name is placed there, and so is every sentence of a line headed by country names ("Brasil. A
profissão…", a roundup's paragraph); so is a phrase whose clause names a public body of another
country before it ("la Superintendencia de Migraciones del Perú comenzó a aplicar"), or one
qualified by another nationality ("el Senado paraguayo aprobó"). A country named otherwise
("la ley, inspirada en la de Argentina") places nothing. The matcher discounts an occurrence
placed only in other countries than the rule's (docs/rules.md, "Past steps recalled as
background").
Cases: tests/watch/test_watch_places.py.
"""

from __future__ import annotations

import re

from monitor.watch.hints import Hints

# Folded country names (es and pt) -> ISO 3166 code.
COUNTRIES = {
    "argentina": "AR", "bolivia": "BO", "brasil": "BR", "brazil": "BR", "chile": "CL",
    "colombia": "CO", "costa rica": "CR", "cuba": "CU", "ecuador": "EC", "equador": "EC",
    "el salvador": "SV", "guatemala": "GT", "haiti": "HT", "honduras": "HN", "mexico": "MX",
    "nicaragua": "NI", "panama": "PA", "paraguay": "PY", "paraguai": "PY", "peru": "PE",
    "republica dominicana": "DO", "uruguay": "UY", "uruguai": "UY", "venezuela": "VE",
    "espana": "ES", "espanha": "ES", "estados unidos": "US", "eeuu": "US", "eua": "US",
}
# Nationalities (es and pt, folded) -> ISO code: each stem with its four endings (boliviano,
# boliviana, bolivianos, bolivianas), a stem ending in "e" with its plural only.
_NATIONALITY_STEMS = {
    "argentin": "AR", "bolivian": "BO", "brasilen": "BR", "brasileir": "BR", "chilen": "CL",
    "colombian": "CO", "costarricense": "CR", "cuban": "CU", "dominican": "DO",
    "ecuatorian": "EC", "equatorian": "EC", "guatemaltec": "GT", "honduren": "HN",
    "hondurenh": "HN", "mexican": "MX", "nicaraguense": "NI", "panamen": "PA",
    "panamenh": "PA", "paraguay": "PY", "paraguai": "PY", "peruan": "PE", "salvadoren": "SV",
    "salvadorenh": "SV", "uruguay": "UY", "uruguai": "UY", "venezolan": "VE",
    "venezuelan": "VE",
}
NATIONALITIES = {f"{stem}{end}": code for stem, code in _NATIONALITY_STEMS.items()
                 for end in (("", "s") if stem.endswith("e") else ("o", "a", "os", "as"))}
_NAMES = "|".join(sorted((re.escape(name) for name in COUNTRIES), key=len, reverse=True))
_NATIONALITY = "|".join(sorted(NATIONALITIES, key=len, reverse=True))
_OPENER = r"(?:en|no|na|nos|em|in)(?: (?:el|la|los|the))?"
# "En Argentina, …", "No México e na Colômbia, …", "En Perú y Chile, …"
_PLACED = re.compile(rf" *{_OPENER} ({_NAMES})\b(?:(?: y| e| ni|,)(?: {_OPENER})? ({_NAMES})\b)?")
# A roundup's paragraph headed by its countries: "Brasil. A profissão consta…", "Peru e
# Paraguai: não há projetos" (the heading places every sentence of its line).
_HEADING = re.compile(rf"[ \t]*({_NAMES})(?: +(?:y |e |ni )? *({_NAMES}))?\b")  # on the folded
_HEADING_STOP = re.compile(r"[ \t]*[.:—–-](?!\w)")  # ... then a stop, on the original text
# A body of another country acting in the phrase's clause: "A Superintendência Nacional de
# Migrações do Peru começou a aplicar", "el Senado de Chile aprobó" (``owners``).
# Only a public body is an owner: "con apoyo de Estados Unidos", "la Embajada de Brasil"
# place nothing.
_BODIES = ("ministerio|ministerios|superintendencia|migraciones|migracoes|migracion|migracao|"
           "senado|congreso|congresso|camara|gobierno|governo|policia|fiscalia|corte|tribunal|"
           "tribunais|tribunales|departamento de estado|asamblea|assembleia|defensoria|"
           "poder judicial|presidente|presidenta|presidencia|parlamento|justicia|justica")
_OWNER = re.compile(rf"\b(?:{_BODIES})(?: [a-z]+){{0,2}} (?:de|del|do|da|dos) "
                    rf"(?:(?:el|la|los|o|a|os) )?({_NAMES})\b")
# ... or a body qualified by its nationality: "el Senado paraguayo aprobó", "a Câmara dos
# Deputados paraguaia aprovou" (not "la Fiscalía acusó a venezolanos": a verb between)
_QUALIFIERS = ("de|del|dos|das|do|da|los|las|diputados|deputados|senadores|nacional|general|"
               "federal|suprema|supremo|constitucional|plurinacional|legislativa|legislativo|"
               "departamental|publico|publica|civil|militar|electoral|judicial")
_OWNER_BY_NATIONALITY = re.compile(rf"\b(?:{_BODIES})(?: (?:{_QUALIFIERS})){{0,3}} "
                                   rf"({_NATIONALITY})\b")
# ... or the country itself, the subject right before the phrase: "destaca que o Peru passou a
# aplicar", "Chile incluyó preguntas" (not after a preposition: "las víctimas rescatadas en
# Perú recibieron", "llegaron a Chile y obtuvieron").
_SUBJECT = re.compile(rf"(?<![a-z])(?:(?:el|la|o) )?({_NAMES}) *$")
_NO_SUBJECT_BEFORE = frozenset({
    "en", "em", "de", "da", "do", "no", "na", "al", "ao", "a", "para", "por", "con", "com",
    "desde", "hacia", "entre", "sobre", "contra", "y", "e", "ni", "del", "dos", "das", "los",
    "las", "os", "as"})
# Country names and nationalities as whole words, found in one pass (``Hints.word_spans``)
_NAMED = Hints(list(COUNTRIES) + list(NATIONALITIES))


def country_offsets(folded: str) -> list[int]:
    """Where a folded field names a country (computed once per field by the matcher: only a
    phrase with a country name before it in its clause needs ``owners``)."""
    return [start for start, _ in _NAMED.word_spans(folded)]


def placed_in(folded: str, sentence_start: int) -> frozenset[str]:
    """The countries the sentence starting at ``sentence_start`` opens with (empty when it
    opens with none)."""
    found = _PLACED.match(folded, sentence_start)
    if found is None:
        return frozenset()
    return frozenset(COUNTRIES[name] for name in found.groups() if name)


def headed_by(text: str, folded: str, line_start: int) -> frozenset[str]:
    """The countries heading the line starting at ``line_start`` ("Brasil. …", "Peru e
    Paraguai: …"), empty when it opens with none."""
    found = _HEADING.match(folded, line_start)
    if found is None or _HEADING_STOP.match(text, found.end()) is None:
        return frozenset()
    return frozenset(COUNTRIES[name] for name in found.groups() if name)


def owners(folded_clause: str) -> frozenset[str]:
    """The countries whose public bodies the clause before a phrase names ("a Superintendência
    Nacional de Migrações do Peru começou", "el Departamento de Estado de los Estados Unidos
    recomienda"): the act it reports is theirs."""
    subject = _SUBJECT.search(folded_clause)
    if subject is not None and \
            not _NO_SUBJECT_BEFORE.isdisjoint(folded_clause[:subject.start()].split()[-1:]):
        subject = None  # a place, not a subject: "rescatadas en Perú"
    return frozenset(COUNTRIES[found.group(1)] for found in _OWNER.finditer(folded_clause)) | \
        frozenset(NATIONALITIES[found.group(1)]
                  for found in _OWNER_BY_NATIONALITY.finditer(folded_clause)) | \
        (frozenset({COUNTRIES[subject.group(1)]}) if subject else frozenset())
