"""``wordforms``: the forms a wildcard phrase reaches, counted as the matcher reads them."""

from __future__ import annotations

from monitor.watch.wordforms import count_forms, format_forms, phrases_from_text


def test_forms_are_counted_in_their_written_form_on_word_boundaries():
    phrases = phrases_from_text(["institu*", "inici* la investigación", "aprob*"])
    counts = count_forms(phrases, [
        "La institución instituyó un protocolo. La Fiscalía inició la investigación.",
        "El Instituto Nacional aprueba el plan, aprobado ayer.",  # stem change: aprueba
        "Preinicio: no es un inicio la investigación... de otra causa.",
    ])
    assert counts["institu*"] == {"institución": 1, "instituyó": 1, "instituto": 1}
    assert counts["inici* la investigación"] == {"inició la investigación": 1,
                                                 "inicio la investigación": 1}
    assert counts["aprob*"] == {"aprueba": 1, "aprobado": 1}


def test_a_phrase_of_several_words_does_not_cross_a_sentence():
    phrases = phrases_from_text(["inici* la"])
    assert count_forms(phrases, ["Se dio inicio. La audiencia fue breve."])["inici* la"] == {}


def test_format_shows_the_most_frequent_forms_and_how_many_were_left_out():
    phrases = phrases_from_text(["inici*", "vet*"])
    counts = count_forms(phrases, ["iniciativa iniciativa inició inicial"])
    assert format_forms(counts, top=2).splitlines() == [
        "inici*: iniciativa (2), inició (1), and 1 more",
        "vet*: no match in these documents",
    ]
