"""One occurrence of a phrase in a field, and its cues, each computed when first read.

Layer: monitor. A cue (denied, hedged, ordered, background, placed in another country…) costs
clause and sentence reading; ``matcher.discount`` reads the cues of an occurrence in order and
stops at the first that discounts it, and a rule reads only those its status and phrase kind
need (a topic phrase no plan cue, a rule proposing ``in_progress`` no bill-content cue). So each
cue is a cached property: computed once, when a rule first asks, and never for an occurrence a
denial already discounted. Most cues read the span alone, not the phrase's words (``span_cue``):
the occurrences of other phrases at the same span, and of a second rulebook matching the same
document (``matcher.DocumentCues``), read them once. The field-wide tests they share (does the
field mention a bill, an agenda, a country?) live on ``matcher.FieldScan``.
Cases: tests/watch/test_watch_matcher.py, tests/watch/test_watch_occurrence.py and friends.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mypy_extensions import mypyc_attr

from monitor.watch.background import (
    in_a_present_state,
    in_force_since,
    is_background,
    step_date,
)
from monitor.watch.cues import (
    DRAFT_NOUNS,
    REQUEST_STARTS,
    SUBJECT_NOUN_WORDS,
    accused_of,
    aims_at_an_act,
    almost_before,
    approves_an_agenda,
    asks_for,
    asks_which,
    clause_start,
    clause_words,
    denied_next,
    frames_a_time,
    governed_by_an_infinitive,
    has_clitic,
    heads_a_list_of_plans,
    heads_its_clause,
    hedges_a_list,
    in_an_aim,
    in_part,
    in_the_subject,
    infinitive_cues,
    is_awaited,
    is_boilerplate_repeal,
    is_closing_formula,
    is_compared,
    is_future_passive,
    is_hedged,
    is_infinitive,
    is_left_out_after,
    is_left_out_before,
    is_local_law,
    is_negated,
    is_no_longer_after,
    is_not_begun_after,
    is_only_absent,
    is_ordered,
    is_pending_while,
    is_question,
    is_referenced,
    is_requested,
    is_scheduled_after,
    is_subjunctive,
    is_time_span,
    is_undone_after,
    is_undone_as_subject,
    is_undone_before,
    issues_a_request,
    joined_complement_cues,
    lays_down_a_duty,
    names_a_hearing,
    names_a_local_body,
    names_a_person,
    names_a_plan,
    names_a_statement,
    names_a_warrant,
    no_longer,
    on_the_agenda,
    opens_with_condition,
    opens_with_infinitive,
    order_words,
    orders_directly,
    proposed_by_a_bill,
    puts_off_a_hearing,
    puts_off_its_subject_hearing,
    recites_an_undone_norm,
    request_words,
    sends_to_do,
    serves_a_purpose,
    states_article_content,
    states_bill_content,
    subject_words,
    suspends_a_hearing,
    told_in_the_future,
    under_way_after,
    undoes_a_hearing,
    words_after,
)
from monitor.watch.normalize import Word, after_label
from monitor.watch.places import headed_by, owners, placed_in
from monitor.watch.proximity import sentence_starts_of

if TYPE_CHECKING:
    from monitor.watch.matcher import FieldScan

# An ``about`` phrase is denied only by a cue right before it ("no toca el artículo 281 bis"),
# not by one further back ("los policías que se negaron a recibir la denuncia de la trabajadora
# sexual" is still about her case).
TOPIC_NEGATION_WORDS = 4
YES = "sí"  # Spanish "yes", kept accented in a sentence read for conditions
_WORD = re.compile(r"\S+")
_PUNCTUATION = ".,;:!?¡¿\"'()«»“”—–-"
# "parcialmente" / "en parte" is looked for this many characters around a phrase
IN_PART_CHARS = 40
STATEMENT_AFTER_CHARS = 30  # "brindadas a medios de comunicación"


_T = TypeVar("_T")


class cached_property(Generic[_T]):  # noqa: N801 - named as the functools one it stands in for
    """``functools.cached_property`` without its per-access lock (Python 3.11 takes one on
    every first read; an occurrence reads some twenty cues and is never shared by threads)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = getattr(compute, "__name__", "")  # compiled, none: __set_name__ names it
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


class span_cue(cached_property[_T]):  # noqa: N801 - a decorator, named as the one above
    """A cue read from the occurrence's span alone, never from its phrase's words: kept in a
    dict shared by every occurrence found at that span (``Occurrence.at_span``), so that the
    phrases of several rules, or of two rulebooks, found there read it once."""

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        shared: dict[str, _T] = instance.at_span
        if self._name in shared:
            value = shared[self._name]
        else:
            value = shared[self._name] = self._compute(instance)
        instance.__dict__[self._name] = value
        return value


@dataclass(frozen=True)
class WildcardWord:
    """A word of the text that an editor's ``stem*`` matched: as written, folded, and the part
    after the stem (an infinitive ending is checked there, a future ending on ``original``)."""

    original: str
    folded: str
    suffix: str
    after: str = ""  # the text right after the word ("-lo" in "vetá-lo")


# not a native class when compiled (monitor/watch/native.py): its cached properties live in
# the instance's __dict__
@mypyc_attr(native_class=False)
class Occurrence:
    """Where a phrase occurs in a field (``start``, ``end``) and, read lazily, its cues."""

    def __init__(self, scan: FieldScan, span: tuple[int, int],
                 words: tuple[Word, ...] = (), at_span: dict[str, Any] | None = None) -> None:
        self.start, self.end = span
        self._scan = scan
        self._phrase_words = words  # the phrase's words: its ``*`` words are checked
        # the ``span_cue`` values, shared with the other occurrences at the same span
        self.at_span: dict[str, Any] = {} if at_span is None else at_span

    # -- what the cues read ------------------------------------------------------------------

    @span_cue
    def _clause(self) -> tuple[list[str], list[str]]:
        """The folded and original words of its clause before it (``cues.clause_words``)."""
        scan = self._scan
        return clause_words(scan.text, scan.folded, self.start, language=scan.language.value)

    @span_cue
    def _sentence(self) -> list[str]:
        return self._scan.sentence_before(self.start)

    @span_cue
    def _sentence_without_yes(self) -> list[str]:
        """``_sentence`` with Spanish "sí" (yes) kept apart from "si" (if), which folding
        merges: "—¿Tiene Bolivia una base de datos? —Sí: funciona en La Paz" sets no
        condition."""
        scan = self._scan
        start = scan.sentence_start(self.start)
        if "sí" not in scan.text[start:self.start].lower():
            return self._sentence
        return [YES if scan.text[m.start():m.end()].strip(_PUNCTUATION).lower() == "sí"
                else m.group() for m in _WORD.finditer(scan.folded, start, self.start)]

    @span_cue
    def _first(self) -> tuple[str, str]:
        """The phrase's first word, folded and as written ("" for both when there is none)."""
        scan = self._scan
        words = scan.folded[self.start:self.end].split(maxsplit=1)
        if not words:
            return "", ""
        return words[0], scan.text[self.start:self.start + len(words[0])]

    @cached_property
    def _matched(self) -> list[WildcardWord]:
        return wildcard_words(self._scan, (self.start, self.end), self._phrase_words)

    @span_cue
    def _denial(self) -> tuple[bool, bool]:
        """(denied, only by a rejection): a denial cue before the phrase or a step not begun
        after it; "rechazó" alone is the rejection a setback rule may read as its news."""
        scan, words = self._scan, self._clause[0]
        language = scan.language.value
        denial = is_negated(words, language=language, undoing=False) or almost_before(words)
        not_begun = is_not_begun_after(scan.text, self.end, scan.folded)
        rejected = denial and not not_begun and not is_negated(
            words, language=language, undoing=False, rejection=False)
        return denial or not_begun or self._denied_next, rejected

    @span_cue
    def _denied_next(self) -> bool:
        """The next sentence denies this one ("— Isso não é verdade", "Es falso.")."""
        return denied_next(self._scan.text, self._scan.folded, self.end)

    @span_cue
    def _subject_undone(self) -> bool:
        """It heads its sentence's subject, or its clause's after an opener ("Por segunda vez,
        el juicio oral … no pudo comenzar"), and that subject's verb undoes it."""
        scan = self._scan
        return (in_the_subject(self._sentence) or
                heads_its_clause(scan.text, scan.folded, self.start)) and \
            is_undone_as_subject(scan.text, self.end, scan.folded)

    @span_cue
    def _undone(self) -> bool:
        scan = self._scan
        return not self._denial[0] and (is_undone_before(self._predicate[0]) or
                                        is_undone_after(scan.text, self.end, scan.folded) or
                                        self._subject_undone or
                                        recites_an_undone_norm(
                                            scan.folded, scan.sentence_start(self.start),
                                            self.start))

    @span_cue
    def _hearing(self) -> bool:
        """A hearing suspended leaves what it was to consider as it was: neither done nor
        undone (a noun puts one off across commas: "la suspensión, por tercera vez, de la
        audiencia")."""
        scan, sentence = self._scan, self._sentence
        first = self._first[0]
        return undoes_a_hearing(self._clause[0], first) or \
            suspends_a_hearing(scan.folded, (self.start, self.end)) or \
            puts_off_a_hearing(sentence, first) or \
            puts_off_its_subject_hearing(sentence, first) or \
            self._subject_undone and names_a_hearing(sentence[-SUBJECT_NOUN_WORDS:])

    @span_cue
    def _left_out(self) -> bool:
        return is_left_out_after(self._scan.text, self.end, self._scan.folded) or \
            is_left_out_before(self._clause[0])

    @span_cue
    def _denied_right_before(self) -> bool:
        return is_negated(self._clause[0], language=self._scan.language.value, undoing=False,
                          reach=TOPIC_NEGATION_WORDS)

    @span_cue
    def _predicate(self) -> tuple[list[str], list[str]]:
        """The clause's words before the phrase, less the subject of a past passive
        (``cues.subject_words``): what plan, aim and undoing cues are looked for in (a
        denial is looked for in the whole clause: "la ley no fue publicada")."""
        words, originals = self._clause
        cut = subject_words(words, self._first[0])
        return (words[cut:], originals[cut:]) if cut else (words, originals)

    @cached_property
    def _plan(self) -> tuple[bool, bool, bool]:
        """(hedged, ordered, an aim): plan and order cues, and for an infinitive those of its
        whole sentence and a purpose word."""
        scan, span, sentence = self._scan, (self.start, self.end), self._sentence
        words, originals = self._predicate
        language = scan.language.value
        matched = self._matched
        hedged = (any(is_hedged(words, originals, m.original, language=language)
                      for m in matched)
                  if matched else is_hedged(words, originals, "", language=language)) or \
            is_scheduled_after(scan.text, span[1], scan.folded) or is_awaited(words) or \
            is_future_passive(words, self._first[0]) or \
            told_in_the_future(scan.text, scan.folded, span, language=language) or \
            hedges_a_list(scan.text, scan.folded, span[0]) or \
            heads_a_list_of_plans(scan.text, scan.folded, span[0]) or \
            issues_a_request(scan.folded, span) or \
            is_pending_while(scan.text, scan.folded, span[0]) or \
            (scan.mentions_an_agenda() and on_the_agenda(sentence)) or \
            opens_with_condition(self._sentence_without_yes) or \
            scan.in_a_plan_section(span[0])
        reach, reach_originals = order_words(scan.text, scan.folded, *span)
        ordered = is_ordered(reach, reach_originals) or sends_to_do(reach, reach_originals)
        joined_hedge, joined_order = joined_complement_cues(scan.text, scan.folded, span[0])
        hedged, ordered = hedged or joined_hedge, ordered or joined_order
        # a request's reach lies within its sentence: most sentences hold no request word
        hedged = hedged or is_subjunctive(words, reach) or \
            not REQUEST_STARTS.isdisjoint(sentence) and \
            is_requested(*request_words(scan.text, scan.folded, span[0]))
        if any(is_infinitive(words, m.folded, m.suffix, clitic=has_clitic(m.original, m.after))
               for m in matched) or opens_with_infinitive(words):
            plan, order = infinitive_cues(sentence)
            return hedged or plan or accused_of(sentence), ordered or order, \
                serves_a_purpose(sentence)
        if governed_by_an_infinitive(words):
            # the object of an infinitive shares its plan or order; an aim's object is
            # ``in_aim``'s, which leaves what the act is about ("para otorgar permanencia
            # humanitaria") counting
            plan, order = infinitive_cues(sentence)
            return hedged or plan, ordered or order, False
        return hedged, ordered, False

    @cached_property
    def _places(self) -> tuple[frozenset[str], frozenset[str]]:
        """The countries the sentence holding it opens with ("En Argentina, …"), and those
        whose bodies its clause names before it ("Migraciones del Perú comenzó") or within it,
        in words the phrase skipped ("Senado [paraguayo] aprob*", insertions.py)."""
        scan, start = self._scan, self.start
        named = scan.country_offsets()
        before = bisect.bisect_left(named, start)
        inside = bisect.bisect_left(named, self.end) > before and \
            len(scan.folded[start:self.end].split()) > len(self._phrase_words)
        owned_to = self.end if inside else start
        if not before:
            if inside:
                return frozenset(), owners(scan.folded[clause_start(scan.text, start):owned_to])
            return frozenset(), frozenset()  # no country named before the phrase
        starts = sentence_starts_of(scan)
        sentence = starts[bisect.bisect_right(starts, start) - 1]
        line = scan.text.rfind("\n", 0, start) + 1
        # a roundup's line headed by countries ("Brasil. …") places each of its sentences
        first_on_line = bisect.bisect_left(named, line)
        heading = headed_by(scan.text, scan.folded, line) \
            if first_on_line < before and named[first_on_line] <= sentence else frozenset()
        if named[before - 1] < sentence:
            return heading, frozenset()  # none in its sentence
        # a roundup that runs its countries on in one paragraph heads each sentence ("… em
        # Colchane. ARGENTINA – A AMMAR voltou a apresentar…")
        # (after its section label: "REGIÓN.- En Perú, Migraciones empezó…")
        return (placed_in(scan.folded, sentence) or
                placed_in(scan.folded, after_label(scan.text, sentence)) or
                headed_by(scan.text, scan.folded, sentence) or heading,
                owners(scan.folded[clause_start(scan.text, start):owned_to]))

    # -- the cues ------------------------------------------------------------------------------

    @span_cue
    def is_negated(self) -> bool:
        """Denied, undone, left out or a hearing put off."""
        return self._denial[0] or self._undone or self._left_out or self._hearing

    @property
    def is_hedged(self) -> bool:
        """A plan, request, condition, future or question."""
        return self._plan[0] or self.in_a_question

    @span_cue
    def in_a_question(self) -> bool:
        """In a sentence that ends with "?": "¿La Policía activó el protocolo?"."""
        scan = self._scan
        return scan.has_questions() and is_question(scan.text, self.end)

    @property
    def is_only_asked(self) -> bool:
        """Hedged by its question alone: what the question is about, which its answer may
        tell ("—¿Bolivia tiene una base de datos de casos de trata? —Tiene un registro…")."""
        return self.in_a_question and not self._plan[0]

    @property
    def is_ordered(self) -> bool:
        """Ordered or referred, not yet done (``matcher.ORDER_IS_NOT_THE_ACT``)."""
        return self._plan[1]

    @cached_property
    def is_aim(self) -> bool:
        """An infinitive after "para", "a fin de", or a noun of action after a purpose word
        ("destinados a la implementación", ``matcher.AIM_IS_NOT_THE_ACT``)."""
        return self._plan[2] or aims_at_an_act(self._sentence, *self._first)

    @span_cue
    def is_questioned(self) -> bool:
        """What a request to report asks about: "informar qué medidas se dispusieron"
        (``cues.asks_which``). In a direct question ("¿En qué quedó la base de datos?") what is
        asked about is named for the answer to tell; the question hedges it (``is_hedged``)."""
        scan = self._scan
        return not self.in_a_question and \
            asks_which(scan.text[scan.sentence_start(self.start):self.start].split())

    @span_cue
    def in_aim(self) -> bool:
        """In such an infinitive's object ("para devolver el texto con observaciones")."""
        return in_an_aim(self._predicate[0], language=self._scan.language.value)

    @cached_property
    def is_content(self) -> bool:
        """What a bill or draft does (``matcher.CONTENT_IS_NOT_THE_ACT``)."""
        first = self._first
        if not first[0] or not self._scan.mentions_a_bill():
            return False
        matched = self._matched
        suffix = matched[0].suffix if matched and matched[0].folded == first[0] else None
        return states_bill_content(self._sentence, suffix, first)

    @span_cue
    def proposed_by_a_bill(self) -> bool:
        """What a bill proposes ("el proyecto propone reconocer el trabajo sexual",
        ``cues.proposed_by_a_bill``)."""
        return proposed_by_a_bill(self._sentence)

    @span_cue
    def is_article_content(self) -> bool:
        """What an article of a code or law in force does (``cues.states_article_content``)."""
        return bool(self._first[0]) and states_article_content(self._sentence, self._first)

    @span_cue
    def is_planned(self) -> bool:
        """What a plan or programme is of (``matcher.PLAN_IS_NOT_THE_ACT``)."""
        return names_a_plan(self._clause[0])

    @span_cue
    def is_drafted(self) -> bool:
        """What a draft or proposal is of (``matcher.DRAFT_IS_NOT_THE_ACT``)."""
        return names_a_plan(self._clause[0], DRAFT_NOUNS)

    @span_cue
    def is_in_part(self) -> bool:
        """"amparó parcialmente", "en parte" right before or after it (looked for only when its
        words are near: a cheap test first)."""
        folded = self._scan.folded
        window = folded[max(0, self.start - IN_PART_CHARS):self.end + IN_PART_CHARS]
        return ("parcia" in window or " parte" in window) and \
            in_part(self._clause[0], words_after(folded, self.end))

    @span_cue
    def in_preamble(self) -> bool:
        """In a norm's VISTO/CONSIDERANDO (``matcher.PREAMBLE_IS_BACKGROUND``)."""
        return self._scan.in_a_preamble(self.start)

    @span_cue
    def in_motives(self) -> bool:
        """In a norm's VISTO/CONSIDERANDO, not a law's enacting POR CUANTO (``discount``)."""
        return self._scan.in_motives(self.start)

    @span_cue
    def is_boilerplate(self) -> bool:
        """A norm's closing formula: "deróganse las disposiciones contrarias" is no real
        repeal, "regístrese, comuníquese y archívese" no case archived."""
        span = (self.start, self.end)
        return is_boilerplate_repeal(self._scan.folded, span) or \
            is_closing_formula(self._scan.folded, span)

    @span_cue
    def is_corrected(self) -> bool:
        """In a claim the document takes back (``FieldScan.corrected``)."""
        return self._scan.corrected(self.start)

    @span_cue
    def is_background(self) -> bool:
        """An earlier step recalled as context (``background.is_background``), or recited."""
        scan, span = self._scan, (self.start, self.end)
        return is_background(scan.text, scan.folded, span, year=scan.year,
                             month=scan.month) or scan.recited(span)

    @property
    def is_denied_topic(self) -> bool:
        """A denial right before it (``TOPIC_NEGATION_WORDS``), or the topic left out."""
        return self._denied_right_before or self._left_out

    @span_cue
    def is_rejected_topic(self) -> bool:
        """... and that denial is a rejection ("rechazó el proyecto")."""
        return self._denied_right_before and not self._left_out and not is_negated(
            self._clause[0], language=self._scan.language.value, undoing=False,
            rejection=False, reach=TOPIC_NEGATION_WORDS)

    @property
    def is_only_undone(self) -> bool:
        """Negated by an undoing ("suspendió"), not by a denial."""
        return self._undone and not self._left_out and not self._hearing

    @property
    def is_only_absent(self) -> bool:
        """Denied only by its absence ("quedó sin custodia", "ya no cuenta con")."""
        return self._denial[0] and not self._undone and not self._left_out and \
            not self._hearing and \
            (is_only_absent(self._clause[0], language=self._scan.language.value) or
             is_no_longer_after(self._scan.text, self.end, self._scan.folded))

    @property
    def is_only_rejected(self) -> bool:
        """Negated by a rejection ("rechazó la iniciativa") alone."""
        return self._denial[1] and not self._left_out

    @property
    def in_related_links(self) -> bool:
        """In a block of links to other stories ("LEIA TAMBÉM • …")."""
        return self._scan.in_related_links(self.start)

    @span_cue
    def is_compared(self) -> bool:
        """In a sentence comparing with another case (``cues.is_compared``)."""
        return self._scan.compares() and is_compared(self._sentence)

    @span_cue
    def is_referenced(self) -> bool:
        """Named as the case the news follows (``cues.is_referenced``)."""
        return is_referenced(self._sentence)

    @span_cue
    def approves_an_agenda(self) -> bool:
        """An approval of the agenda or the minutes, not of what they list ("aprobó anoche
        el orden del día que incluía el proyecto", ``cues.approves_an_agenda``)."""
        return approves_an_agenda(self._scan.folded, (self.start, self.end))

    @span_cue
    def is_time_span(self) -> bool:
        """A span of time dating another event ("dois meses depois do caso",
        ``cues.is_time_span``)."""
        return is_time_span(self._scan.folded, (self.start, self.end), self._sentence)

    @span_cue
    def is_asked(self) -> bool:
        """What a request noun asks for ("pedido de cesación", ``cues.asks_for``)."""
        return asks_for(self._clause[0])

    @span_cue
    def is_local(self) -> bool:
        """A law of a lower level ("ley municipal", ``cues.is_local_law``)."""
        return is_local_law(self._scan.folded, (self.start, self.end))

    @span_cue
    def by_local_body(self) -> bool:
        """Its clause names a body of a lower level of government ("el Concejo Municipal
        aprobó", ``cues.names_a_local_body``)."""
        return names_a_local_body(self._clause[0])

    @property
    def places(self) -> frozenset[str]:
        """Countries its sentence opens with (``places.placed_in``)."""
        return self._places[0]

    @property
    def owners(self) -> frozenset[str]:
        """Countries whose bodies act before it (``places.owners``)."""
        return self._places[1]

    @span_cue
    def dated(self) -> date | None:
        """The day its clause dates the step to, when the field names days."""
        scan = self._scan
        if scan.published_on is None or not scan.mentions_a_day():
            return None
        return step_date(scan.text, scan.folded, (self.start, self.end),
                         published_on=scan.published_on)

    @cached_property
    def names_a_person(self) -> bool:
        """A participle an editor's ``stem*`` matched names the person: "la defensa del
        condenado" (a word written out, "Senado", "comunicado", is what it says)."""
        matched = self._matched
        return len(matched) == 1 and not matched[0].original[:1].isupper() and \
            names_a_person(self._clause[0], self._scan.folded[self.start:self.end])

    @span_cue
    def is_no_longer(self) -> bool:
        """What it names has ended: "Ya no es un [piloto]" (``cues.no_longer``)."""
        return no_longer(self._clause[0])

    @span_cue
    def is_ordered_directly(self) -> bool:
        """An ordering verb right before it: "el juez ordenó [custodia policial]"
        (``cues.orders_directly``)."""
        return orders_directly(self._clause[0])

    @span_cue
    def names_a_warrant(self) -> bool:
        """What a warrant is for: "orden de [aprehensión]" (``cues.names_a_warrant``)."""
        return names_a_warrant(self._clause[0], self._scan.folded[self.start:self.end])

    @cached_property
    def names_a_statement(self) -> bool:
        """A participle an editor's ``stem*`` matched qualifies words said to the press: "la
        entrevista concedida por el Director" (``cues.names_a_statement``)."""
        matched = self._matched
        scan = self._scan
        return len(matched) == 1 and names_a_statement(
            self._clause[0], scan.folded[self.start:self.end],
            scan.folded[self.end:self.end + STATEMENT_AFTER_CHARS])

    @span_cue
    def since_year(self) -> int | None:
        """The year it has been in force since ("vigente desde 2013", ``in_force_since``)."""
        return in_force_since(self._scan.folded, (self.start, self.end))

    @span_cue
    def is_state(self) -> bool:
        """A present state ("se encuentra", "permanece"): background but for a rule proposing
        ``fulfilled`` (``matcher.STATE_IS_FULFILMENT``)."""
        return in_a_present_state(self._clause[0])

    @span_cue
    def is_a_duty(self) -> bool:
        """What a norm obliges ("la ley obliga a capacitar", ``cues.lays_down_a_duty``)."""
        return lays_down_a_duty(self._clause[0])

    @span_cue
    def frames_a_time(self) -> bool:
        """Named as the time of something else: "durante el juicio oral", "até o fim do
        julgamento", "la proximidad del juicio oral" (``cues.frames_a_time``)."""
        return frames_a_time(self._clause[0]) or under_way_after(self._scan.folded, self.end)


def cue_shape(words: tuple[Word, ...]) -> tuple[object, ...]:
    """What an occurrence's cues read of its phrase: how many words it has, and which are
    ``*`` stems and where. Two phrases of one shape found at one span have the same cues."""
    return (len(words), *((n, w.text) for n, w in enumerate(words) if w.is_wildcard))


def wildcard_words(scan: FieldScan, span: tuple[int, int],
                   words: tuple[Word, ...]) -> list[WildcardWord]:
    """The words of a phrase occurrence that the editor wrote with ``*``."""
    if not any(w.is_wildcard for w in words):
        return []
    found, position = [], span[0]
    for word in words:
        while position < span[1] and scan.folded[position] == " ":
            position += 1
        end = scan.folded.find(" ", position, span[1])
        end = span[1] if end == -1 else end
        if word.is_wildcard:
            folded = scan.folded[position:end].lower()
            found.append(WildcardWord(scan.text[position:end], folded,
                                      folded[len(word.text):], scan.text[end:end + 5]))
        position = end
    return found
