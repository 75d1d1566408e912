"""One-pass key scans (monitor/watch/keyscan.py) report every occurrence a naive search finds."""

from __future__ import annotations

import random

from monitor.watch.keyscan import KeyScan


def occurrences(keys: dict[str, int], text: str) -> list[tuple[int, int]]:
    """(end, value) of every occurrence of every key, overlapping ones included."""
    found = []
    for key, value in keys.items():
        start = text.find(key)
        while start != -1:
            found.append((start + len(key) - 1, value))
            start = text.find(key, start + 1)
    return sorted(found)


def test_every_occurrence_is_found_overlapping_ones_included():
    scan = KeyScan({" ley ": 1, " ley de ": 2, " de ": 3, "e": 4})
    text = " ley de ley "
    found = scan.find(text)
    assert sorted(found) == [(2, 4), (4, 1), (6, 4), (7, 2), (7, 3), (9, 4), (11, 1)]
    assert [end for end, _ in found] == sorted(end for end, _ in found)
    assert scan.find_lengths(text)[-1] == (11, len(" ley "))


def test_scans_agree_with_a_naive_search_on_ascii_and_other_texts():
    rng = random.Random(5)
    alphabet = ["a", "b", " ", "ab", "ł", "ñ", "ж", "é"]
    for _ in range(2000):
        keys = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))): n
                for n in range(rng.randint(1, 6))}
        keys = {key: n for n, key in enumerate(keys)}  # one value per distinct key
        scan = KeyScan(keys)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = occurrences(keys, text)
        assert sorted(scan.find(text)) == expected, (keys, text)
        assert [end for end, _ in scan.find(text)] == sorted(end for end, _ in expected)
        assert sorted(scan.find_lengths(text)) == sorted(
            (end, len(next(k for k, v in keys.items() if v == value)))
            for end, value in expected)
        assert scan.occur_in(text) == bool(expected)
        assert scan.values_in(text) == {value for _, value in expected}


def test_no_key_finds_nothing():
    scan = KeyScan({})
    assert not scan
    assert scan.find("ley") == [] and not scan.occur_in("ley") and not scan.occur_in("ñ")
    assert scan.values_in("ley ñ") == set()
    only_other = KeyScan({"ж": 1})
    assert only_other.find("ley de trata") == []
    assert only_other.find("ley ж") == [(4, 1)]


def test_keys_that_open_with_a_space_match_only_after_one():
    # the matcher's keys all open with a space: they are scanned without it, and a hit inside
    # a longer word ("contrata") is dropped
    scan = KeyScan({" trata ": 1, " trata de personas ": 2, " de ": 3})
    assert scan.find(" contrata de personas ") == [(12, 3)]
    assert scan.find(" la trata de personas ") == [(9, 1), (12, 3), (21, 2)]
    assert scan.find("trata ") == []  # no space before it: no word start
    assert not scan.occur_in(" retrata ") and scan.occur_in(" trata ")


def test_space_led_keys_agree_with_a_naive_search():
    rng = random.Random(8)
    alphabet = ["a", "b", " ", "ab", "ñ", "ж"]
    for _ in range(2000):
        keys = {" " + "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))): n
                for n in range(rng.randint(1, 6))}
        keys = {key: n for n, key in enumerate(keys)}
        scan = KeyScan(keys)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = occurrences(keys, text)
        assert sorted(scan.find(text)) == expected, (keys, text)
        assert [end for end, _ in scan.find(text)] == sorted(end for end, _ in expected)
        assert scan.occur_in(text) == bool(expected)
        assert scan.values_in(text) == {value for _, value in expected}
