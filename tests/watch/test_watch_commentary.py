"""``commentary``: an opinion column reports no step; its matches are notes, never proposals
(monitor/watch/commentary.py, docs/statuses.md "Never a proposal")."""

from __future__ import annotations

import pytest
from test_watch_background import ARCHIVED
from watch_helpers import match, rulebook_from

from monitor.watch.commentary import is_commentary

STORY = "La Fiscalía archivó el caso de la trabajadora sexual por falta de pruebas."


@pytest.mark.parametrize(("title", "text"), [
    ("Opinión | El caso que el Estado olvidó", STORY),
    ("Artigo: a Bolívia e a trabalhadora sexual", STORY),
    ("EDITORIAL — Justicia tardía", STORY),
    ("Carta al director", STORY),
    ("La justicia que no llega", STORY + "\nLa autora es abogada y activista feminista."),
    ("A justiça que não chega", STORY + "\n\nO autor é pesquisador de direitos humanos."),
    ("La justicia que no llega", STORY + "\n(*) Abogada constitucionalista."),
    ("Un caso", STORY + "\nLas opiniones expresadas son responsabilidad de su autor."),
])
def test_a_press_column_is_commentary(title, text):
    assert is_commentary(title, text, "news")


@pytest.mark.parametrize(("title", "text", "kind"), [
    ("Fiscalía archiva el caso", STORY, "news"),
    # a story that quotes an opinion, or an author named mid-text, is still a story
    ("Archivan el caso", STORY + " «Es una opinión respetable», dijo el autor del recurso.",
     "news"),
    ("Editorial de la Fiscalía", STORY, "news"),  # no separator: a headline, not a label
    # official sources publish acts, not columns
    ("Opinión | Comunicado", STORY, "court"),
])
def test_a_story_is_not_commentary(title, text, kind):
    assert not is_commentary(title, text, kind)


def test_a_column_match_is_a_note_of_what_it_would_propose(tmp_path):
    rulebook = rulebook_from(tmp_path, ARCHIVED)
    story = match(rulebook, STORY, title="Archivan el caso", kind="news")
    assert [(m.proposes, m.corroborates) for m in story] == [("setback", None)]
    column = match(rulebook, STORY, title="Opinión | Archivan el caso", kind="news")
    assert [(m.proposes, m.corroborates, m.events) for m in column] == \
        [(None, "setback", ("nota_prensa",))]
